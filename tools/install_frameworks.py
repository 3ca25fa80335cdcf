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

The installs go through uv (pinned, itself installed by pip): it fetches, unpacks and
byte-compiles in parallel, the whole set-up in well under half pip's time (see
`uv_config_arguments` for how pip's own configuration still applies). The set of
packages is the one pip resolves.
"""
from __future__ import annotations

import ast
import os
import platform
import subprocess
import sys
from pathlib import Path

TORCH = "2.13.0"
# The installer (tools/install_frameworks.py installs it with pip, then everything else with it).
UV = "0.13.9"
# This checkout, editable, as a path on sys.path (setuptools' "compat" mode). The default
# mode installs an import hook that imports pathlib, importlib.util and urllib.parse into
# every Python started in .venv: 30-40 ms each time, a twentieth of a whole `make check`.
# The Makefile's `install` target says the same.
EDITABLE = ("--config-settings", "editable_mode=compat", "-e")
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


# pip's settings that say where packages come from, and uv's option for each (see uv_config_arguments).
PIP_TO_UV = {
    "index-url": "--index-url",
    "extra-index-url": "--extra-index-url",
    "find-links": "--find-links",
    "constraint": "--constraint",
    "trusted-host": "--allow-insecure-host",
}
# pip's settings that uv takes from the environment instead.
PIP_TO_ENV = {"cert": ("SSL_CERT_FILE",), "proxy": ("HTTPS_PROXY", "HTTP_PROXY")}


def pip_settings(listing: str) -> dict[str, str]:
    """pip's effective settings from `pip config list` ("global.find-links='/opt/wheels'",
    ":env:.find-links='...'" for PIP_FIND_LINKS): the environment over the [install]
    section over [global], as pip applies them; other sections are for other commands."""
    rank = {":env:": 2, "install": 1, "global": 0}
    found: dict[str, tuple[int, str]] = {}
    for line in listing.splitlines():
        name, equals, value = line.partition("=")
        section, dot, key = name.rpartition(".")
        if not (equals and dot) or section not in rank:
            continue
        try:  # pip prints each value as a Python literal (repr)
            value = str(ast.literal_eval(value.strip()))
        except (ValueError, SyntaxError):
            value = value.strip()
        if key not in found or rank[section] >= found[key][0]:
            found[key] = (rank[section], value)
    return {key: value for key, (_, value) in found.items()}


def uv_config_arguments(settings: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """uv's options and environment for pip's settings. uv reads no pip.conf and no PIP_*
    variables (by design), yet a mirror, a wheel folder or a constraints file that a user or
    a workplace configured for pip must still apply, or uv would go to PyPI behind their back.
    The settings that choose where packages come from are taken over; the others (timeouts,
    progress bars) concern only pip."""
    arguments: list[str] = []
    for key, option in PIP_TO_UV.items():
        for value in settings.get(key, "").split():
            arguments += [option, value]
    if settings.get("no-index", "").lower() in ("1", "true", "yes", "on"):
        arguments.append("--no-index")
    environment = {variable: settings[key] for key, variables in PIP_TO_ENV.items()
                   for variable in variables if settings.get(key)}
    return arguments, environment


def read_pip_settings() -> dict[str, str]:
    listing = subprocess.run([sys.executable, "-m", "pip", "config", "list"],
                             capture_output=True, text=True, cwd=REPO_ROOT)
    return pip_settings(listing.stdout) if listing.returncode == 0 else {}


def pip(*args: str) -> int:
    """pip itself installs only uv (with the user's pip configuration, as always)."""
    return subprocess.call([sys.executable, "-m", "pip", "install", "--quiet", *args], cwd=REPO_ROOT)


class Uv:
    """`uv pip install` into this Python's environment, with pip's configuration applied."""

    def __init__(self, settings: dict[str, str]) -> None:
        self.settings = settings
        self.arguments, self.environment = uv_config_arguments(settings)

    def install(self, *args: str, quiet: bool = False) -> int:
        # unsafe-best-match: every index is searched for the best version, as pip does
        # (uv's default takes a package from the first index that has it).
        command = [sys.executable, "-m", "uv", "pip", "install", "--quiet", "--python", sys.executable,
                   "--compile-bytecode", "--index-strategy", "unsafe-best-match", *self.arguments, *args]
        environment = {**self.environment, **os.environ}  # what the user set for uv itself wins
        if quiet:
            return subprocess.call(command, cwd=REPO_ROOT, env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print("  $ uv pip install " + " ".join(args), flush=True)
        return subprocess.call(command, cwd=REPO_ROOT, env=environment)

    def local_cpu_wheel(self) -> bool:
        """The CPU wheel from pip's find-links alone (a mirror or an offline wheel folder), without
        touching any index; its dependencies come with the project's install. False where there is none."""
        if not self.settings.get("find-links"):
            return False
        return self.install("--no-index", "--no-deps", f"torch=={TORCH}+cpu", quiet=True) == 0


def torch_cpu_arguments(system: str) -> list[str]:
    if system == "Linux":
        return ["--extra-index-url", CPU_INDEX, f"torch=={TORCH}+cpu"]
    return [f"torch=={TORCH}"]


def plan(build: str, system: str) -> list[tuple[str, list[str]]]:
    """(what, `uv pip install` arguments) in order: the frameworks first, so the project's ranges are already met."""
    if build == "cuda":
        return [
            (f"PyTorch {TORCH} and TensorFlow {TENSORFLOW}, CUDA builds (about 6 GB with the NVIDIA libraries)",
             [f"torch=={TORCH}", f"tensorflow[and-cuda]{TENSORFLOW}"]),
            ("the site tools and test tools (about 150 MB)", [*EDITABLE, ".[testing]"]),
        ]
    where = "PyTorch's CPU index" if system == "Linux" else "PyPI"
    return [
        (f"PyTorch {TORCH}, CPU build from {where} (about 200 MB)", torch_cpu_arguments(system)),
        (f"TensorFlow {TENSORFLOW} CPU build, the site tools and test tools (about 600 MB)", [*EDITABLE, ".[test]"]),
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
    print(f"  - uv {UV}, the installer for what follows")
    for what, _ in steps:
        print(f"  - {what}")
    if pip(f"uv=={UV}") != 0:
        print(f"Could not install uv {UV} with pip (`{sys.executable} -m pip install uv=={UV}`).", file=sys.stderr)
        return 1
    uv = Uv(read_pip_settings())
    for what, arguments in steps:
        print(f"Installing {what} ...", flush=True)
        if arguments[-1].endswith("+cpu") and uv.local_cpu_wheel():
            print("  (found in pip's local wheel folder)")
            continue
        if uv.install(*arguments) != 0:
            hint = ""
            if build == "cpu" and system == "Linux" and arguments[-1].endswith("+cpu"):
                hint = (f"\nPyTorch's CPU build comes from {CPU_INDEX}; check that it is reachable (a proxy?). "
                        "To take PyPI's CUDA build instead (several GB): make test FRAMEWORKS=cuda")
            print(f"Could not install {what}.{hint}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
