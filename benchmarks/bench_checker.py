"""How fast is the translation checker? Prints measured times and ratios.

1. `check --root` over a generated co-op-translator tree (54 languages x 70 sources,
   about 76 MB of translations, some stale, some without metadata) against `md5sum`
   over the same translation and source files, every problem kind on, default settings.
   Target (issue 11): at most 3x md5sum's wall-clock time on this 2-core machine.
   Timed as subprocesses (so interpreter start-up is included), md5sum and the
   checker interleaved, medians of several runs, wall clock and CPU time (user +
   system of the children, steadier on a shared machine; the check's processes
   together, so about twice its wall time), with the load average; also
   in-process, single process.
2. `diff` on a source with 1,000 commits of history whose translated version is the
   oldest one (the worst case: every version is hashed). Target: under 1 s.
3. The site build's check: this project's layout (mkdocs.yml) with 5 languages x 60
   pages of about 6 KB, checked in-process as the coop-i18n plugin does on every
   build (MkDocs already loaded), jobs=1. Target: under 0.3 s CPU.
4. With --coop: co-op-translator's own `co-op-review` on a reduced tree, if the
   package can be installed into /tmp/coop-venv (never into the project).

Run: .venv/bin/python benchmarks/bench_checker.py [--coop] [--runs N]
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from checker_corpus import build  # noqa: E402
from checker_history import build_history  # noqa: E402

from coop_translations import Checker, Layout, check_project, history_diff  # noqa: E402

COOP_VENV = Path("/tmp/coop-venv")


def timed(command: list[str], cwd: Path | None = None, stdin: bytes | None = None,
          timeout: float | None = None) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the child processes, exit status) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, input=stdin, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, timeout=timeout)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def best(runs: int, command, **kwargs) -> tuple[float, float, int]:
    results = [timed(command, **kwargs) for _ in range(runs)]
    return min(r[0] for r in results), min(r[1] for r in results), results[-1][2]


def page_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.suffix in (".md", ".ipynb") and p.is_file())


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def bench_check(root: Path, runs: int) -> None:
    """md5sum and the checker run interleaved (md5sum, check, check --jobs 1, md5sum, ...)
    so a change in the machine's load hits both alike; medians (and minima) of wall
    time and of CPU time (user + system of the child processes, from getrusage): on a
    machine shared with other work the CPU time is the figure to trust, wall time
    only when the load average is below the number of CPUs."""
    files = page_files(root)
    size = sum((root / f).stat().st_size for f in files)
    print(f"corpus: {len(files)} files (sources and translations), {size / 1e6:.1f} MB")
    # The package's bytecode, as a user's machine has it after the first run (pip compiles
    # installed packages; an import writes the rest). With PYTHONDONTWRITEBYTECODE set and
    # no __pycache__, every timed run would compile the whole package again (~50 ms).
    compileall.compile_dir(str(REPO / "coop_translations"), quiet=1)
    listing = "\0".join(files).encode()
    check = [sys.executable, "-m", "coop_translations", "check", "--root", str(root), "--format", "json"]
    commands = {"md5sum (xargs)": (["xargs", "-0", "md5sum"], {"cwd": root, "stdin": listing}),
                "check, default (all CPUs)": (check, {"cwd": REPO}),
                "check, --jobs 1": (check + ["--jobs", "1"], {"cwd": REPO})}
    load_before = _load()
    times: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
    timed(*commands["md5sum (xargs)"][:1], **commands["md5sum (xargs)"][1])    # warm the cache
    for _ in range(runs):
        for name, (command, kwargs) in commands.items():
            times[name].append(timed(command, **kwargs))
    load_after = _load()

    in_process = []
    for _ in range(runs):
        start = time.process_time()
        report = Checker(Layout.coop(root)).run(jobs=1)
        in_process.append(time.process_time() - start)
    summary = report.summary
    print(f"report: {summary['results']} translations, {summary['ok']} fine, "
          f"stale {summary['stale']}, missing-metadata {summary['missing-metadata']}, "
          f"other problems {summary['problems'] - summary['stale'] - summary['missing-metadata']}")
    print(f"load average (1, 5, 15 min): {load_before} before, {load_after} after; "
          f"{os.cpu_count()} CPUs; {runs} interleaved runs each")
    median = {name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
              for name, rs in times.items()}
    least = {name: (min(r[0] for r in rs), min(r[1] for r in rs)) for name, rs in times.items()}
    base, base_min = median["md5sum (xargs)"], least["md5sum (xargs)"]
    print(f"{'median (min)':28} {'wall s':>14} {'ratio':>11} {'CPU s':>14} {'ratio':>11}")
    for name, rs in times.items():
        (wall, cpu), (wall_min, cpu_min) = median[name], least[name]
        print(f"{name:28} {wall:6.3f} ({wall_min:5.3f}) {wall / base[0]:5.1f} ({wall_min / base_min[0]:3.1f})"
              f" {cpu:6.3f} ({cpu_min:5.3f}) {cpu / base[1]:5.1f} ({cpu_min / base_min[1]:3.1f})"
              f"   exit {rs[-1][2]}")
    cpu = statistics.median(in_process)
    print(f"{'check in-process, --jobs 1':28} {'':24} {cpu:6.3f} CPU s (no start-up)")
    wall, cpu = (median["check, default (all CPUs)"][index] / base[index] for index in (0, 1))
    print(f"target: check (default) at most 3x md5sum's time on this machine: "
          f"{'within' if wall <= 3 else 'OVER'} ({wall:.1f}x wall clock)")
    print(f"(CPU time, the processes' user + system together against md5sum's: {cpu:.1f}x; "
          f"not the target, which is the time a user waits)")
    if os.getloadavg()[0] >= (os.cpu_count() or 1):
        print("note: the load average is at or above the CPU count: wall times are other work's "
              "as much as ours; trust the CPU ratio")


def bench_diff(work: Path, runs: int) -> None:
    shutil.rmtree(work / "history", ignore_errors=True)
    root, translation = build_history(work / "history", commits=1000)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = history_diff(root, translation, coop=True)
        times.append(time.perf_counter() - start)
    command = [sys.executable, "-m", "coop_translations", "diff", "--root", str(root), translation]
    wall, _cpu, status = best(runs, command, cwd=REPO)
    found = result.base_commit is not None
    print(f"diff over 1000 commits (translated version = the oldest): in-process {min(times):.3f} s, "
          f"subprocess {wall:.3f} s (exit {status}); base found: {found}; "
          f"changed sections: {len(result.changed_headings)}")
    print(f"target: under 1 s: {'within' if wall < 1 else 'OVER'}")


def bench_site_build_check(work: Path, runs: int) -> None:
    """check_project over 300 translations, as the site build calls it (in-process,
    one process, MkDocs' YAML loader already imported by the build)."""
    sys.path.insert(0, str(REPO / "tests" / "translations"))
    from translation_trees import SITE_BUILD_LANGUAGES, site_build_project

    import mkdocs.utils.yaml  # noqa: F401  (the build has it loaded)

    root = work / "site-build"
    shutil.rmtree(root, ignore_errors=True)
    site_build_project(root)
    times = []
    for _ in range(runs + 1):
        start = time.process_time()
        report = check_project(root)
        times.append(time.process_time() - start)
    first, median = times[0], statistics.median(times[1:])
    print(f"the site build's check, {report.summary['results']} translations ({len(SITE_BUILD_LANGUAGES)} "
          f"languages x 60 pages, {report.summary['ok']} fine): {first:.3f} s CPU the first time in "
          f"a process, {median:.3f} s median of {runs} after")
    print(f"target: under 0.3 s CPU: {'within' if max(first, median) < 0.3 else 'OVER'}")


def bench_coop(work: Path, minutes: float) -> None:
    """co-op-translator's review on a reduced tree, bounded in time."""
    review = COOP_VENV / "bin" / "co-op-review"
    if not review.exists():
        print(f"co-op: installing co-op-translator into {COOP_VENV} (not into the project)")
        try:
            if not (COOP_VENV / "bin" / "python").exists():
                subprocess.run([sys.executable, "-m", "venv", str(COOP_VENV)], check=True)
            subprocess.run([str(COOP_VENV / "bin" / "pip"), "install", "-q", "co-op-translator"],
                           check=True, timeout=minutes * 60)
        except (subprocess.SubprocessError, OSError) as error:
            print(f"co-op: could not install co-op-translator: {error}")
            return
    languages, sources = 5, 70
    root = work / "coop"
    shutil.rmtree(root, ignore_errors=True)
    # Sidecar metadata: co-op-review 0.23 reads only that form, and calls inline
    # comments "Missing translation metadata".
    build(root, languages=languages, sources=sources, page_bytes=10500, sidecar=True)
    names = " ".join(sorted(p.name for p in (root / "translations").iterdir()))
    command = [str(review), "-r", str(root), "-l", names]
    print(f"co-op: running {' '.join(command[:1])} -r DIR -l '{names}' ({languages} languages x {sources} sources)")
    env = {k: v for k, v in os.environ.items() if "KEY" not in k and "TOKEN" not in k}
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, timeout=minutes * 60, env=env)
    except subprocess.TimeoutExpired:
        print(f"co-op: co-op-review did not finish within {minutes} minutes")
        return
    coop_wall = time.perf_counter() - start
    output = (done.stdout + done.stderr).decode("utf-8", "replace").splitlines()
    counts = [line for line in output if line.startswith(("Errors:", "Warnings:", "Error:"))]
    print(f"co-op: exit {done.returncode} after {coop_wall:.2f} s; {'; '.join(counts)}")
    check = [sys.executable, "-m", "coop_translations", "check", "--root", str(root)]
    ours = best(3, check, cwd=REPO)[0]
    summary = subprocess.run(check, cwd=REPO, capture_output=True, text=True).stdout.splitlines()[-1]
    print(f"ours:  {summary}")
    print(f"co-op: co-op-review {coop_wall:.2f} s vs our check {ours:.3f} s on the same tree: "
          f"{coop_wall / ours:.0f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (medians are shown)")
    parser.add_argument("--coop", action="store_true", help="also time co-op-translator's co-op-review")
    parser.add_argument("--coop-minutes", type=float, default=4.0, help="time bound for --coop steps")
    parser.add_argument("--keep", metavar="DIR", help="build the corpus here and keep it")
    args = parser.parse_args()
    if not shutil.which("md5sum") or not shutil.which("git"):
        print("needs md5sum and git on PATH")
        return 2
    with tempfile.TemporaryDirectory(prefix="bench-checker-") as temporary:
        work = Path(args.keep or temporary)
        corpus = work / "corpus"
        if not corpus.exists():
            counts = build(corpus, page_bytes=10500)
            print(f"built: {counts['files']} translations, {counts['bytes'] / 1e6:.1f} MB, "
                  f"{counts['stale']} stale, {counts['without_metadata']} without metadata")
        bench_check(corpus, args.runs)
        print()
        bench_diff(work, args.runs)
        print()
        bench_site_build_check(work, args.runs)
        if args.coop:
            print()
            bench_coop(work, args.coop_minutes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
