"""Install PyTorch and TensorFlow, the right build for this machine, then the test tools.

Why a script and not one `pip install`: on Linux (x86-64 and arm64 alike) PyPI's
torch wheel is a CUDA build that pulls several GB of NVIDIA libraries, which a
learner without a GPU never uses. PyTorch publishes the CPU build, `+cpu`, on its
own index; `torch==2.13.0+cpu` is found there (or in a local wheel folder that
pip's find-links names, as in offline or mirrored workplaces) and never on PyPI,
so this cannot silently fall back to the CUDA build. On macOS and Windows PyPI's
wheel is already the CPU (and Apple MPS) build.

    python tools/install_frameworks.py          # CPU builds, then `.[test]`
    python tools/install_frameworks.py cuda     # CUDA builds of both, then `.[testing]`

It says what it installs and roughly how much it downloads before it starts:
the first `make test` otherwise sits silent for minutes.
"""
from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

TORCH = "2.13.0"
TENSORFLOW = ">=2.21,<2.22"
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
REPO_ROOT = Path(__file__).resolve().parents[1]
MINIMUM_PYTHON = (3, 11, 5)
# torch 2.13's macOS wheels are built for macOS 14 (Sonoma) and newer, Apple Silicon only:
# on an older macOS pip finds no wheel and says only "no matching distribution".
MINIMUM_MACOS = (14, 0)


def platform_problem(system: str, machine: str, mac_version: str) -> str | None:
    """Why PyTorch cannot be installed on this machine, in words, or None: said before pip's
    own, much less helpful, "no matching distribution found"."""
    if system != "Darwin":
        return None
    if machine != "arm64":
        return (f"PyTorch {TORCH} has no build for Intel Macs ({machine}); "
                "use an Apple Silicon Mac, Linux or WSL 2")
    found = tuple(int(part) for part in mac_version.split(".")[:2] if part.isdigit())
    if found and found < MINIMUM_MACOS:
        return (f"PyTorch {TORCH} needs macOS {'.'.join(map(str, MINIMUM_MACOS))} or newer, this is "
                f"macOS {mac_version}: update macOS, or use Linux or WSL 2")
    return None


def pip(*args: str, quiet: bool = False) -> int:
    command = [sys.executable, "-m", "pip", "install", "--quiet", *args]
    if quiet:
        return subprocess.call(command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print("  $ pip install " + " ".join(args), flush=True)
    return subprocess.call(command, cwd=REPO_ROOT)


def local_cpu_wheel() -> bool:
    """The CPU wheel from pip's find-links alone (a mirror or an offline wheel folder), without
    touching any index; its dependencies come with the project's install. False where there is none."""
    return pip("--no-index", "--no-deps", f"torch=={TORCH}+cpu", quiet=True) == 0


def torch_cpu_arguments(system: str) -> list[str]:
    if system == "Linux":
        return ["--extra-index-url", CPU_INDEX, "--retries", "3", f"torch=={TORCH}+cpu"]
    return [f"torch=={TORCH}"]


def plan(build: str, system: str) -> list[tuple[str, list[str]]]:
    """(what, pip arguments) in order: the frameworks first, so the project's ranges are already met."""
    if build == "cuda":
        return [
            (f"PyTorch {TORCH} and TensorFlow {TENSORFLOW}, CUDA builds (about 6 GB with the NVIDIA libraries)",
             [f"torch=={TORCH}", f"tensorflow[and-cuda]{TENSORFLOW}"]),
            ("the site tools and test tools (about 150 MB)", ["-e", ".[testing]"]),
        ]
    where = "PyTorch's CPU index" if system == "Linux" else "PyPI"
    return [
        (f"PyTorch {TORCH}, CPU build from {where} (about 200 MB)", torch_cpu_arguments(system)),
        (f"TensorFlow {TENSORFLOW} CPU build, the site tools and test tools (about 600 MB)", ["-e", ".[test]"]),
    ]


def main(argv: list[str]) -> int:
    if sys.version_info < MINIMUM_PYTHON:
        print(f"Python {'.'.join(map(str, MINIMUM_PYTHON))} or newer is needed, this is {platform.python_version()}: "
              "run `make test PYTHON=python3.12` (or another newer python on your PATH)", file=sys.stderr)
        return 2
    build = argv[0] if argv else "cpu"
    if build not in ("cpu", "cuda"):
        print(f"unknown build {build!r}: use `cpu` (default) or `cuda`", file=sys.stderr)
        return 2
    system = platform.system()
    problem = platform_problem(system, platform.machine(), platform.mac_ver()[0])
    if problem:
        print(problem, file=sys.stderr)
        return 2
    steps = plan(build, system)
    print(f"Setting up .venv for the tests ({build} build, {system} {platform.machine()}), first time only:")
    for what, _ in steps:
        print(f"  - {what}")
    for what, arguments in steps:
        print(f"Installing {what} ...", flush=True)
        if arguments[-1].endswith("+cpu") and local_cpu_wheel():
            print("  (found in pip's local wheel folder)")
            continue
        if pip(*arguments) != 0:
            hint = ""
            if build == "cpu" and system == "Linux" and arguments[-1].endswith("+cpu"):
                hint = (f"\nPyTorch's CPU build comes from {CPU_INDEX}; check that it is reachable (a proxy?). "
                        "To take PyPI's CUDA build instead (several GB): make test FRAMEWORKS=cuda")
            print(f"Could not install {what}.{hint}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
