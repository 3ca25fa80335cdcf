"""A large co-op-translator course built with the plugin: all languages against English only.

Target (issue 15): a course of 54 languages x 70 pages (checker_corpus.py's tree:
English prose, code blocks, a notebook every 14 lessons, inline metadata)
builds; each extra language costs at most 0.2x an English-only build. The tree is
generated once, with tests/fixtures/coop-course/mkdocs.yml's configuration
(plus `build_only_locale` and coop-i18n's `parallel_languages` from the
environment), then `mkdocs build` runs as a child process: all languages in
parallel processes (the plugin's default, `auto`), all languages one after
another (`false`), and English only, interleaved, after one warm-up build (the
notebook cache). Wall and CPU time are printed (CPU: the build and the processes
it forked and waited for, from os.wait4), and two peaks of memory: the largest
single process (ru_maxrss) and the sum over the build's processes at any moment
(proportional set sizes, which count pages a forked child still shares with its
parent once, sampled every 0.5 s; Linux). The load average is printed: on a
shared machine it moves every figure. By default 10 of the 54 languages are
built (`make bench` stays minutes long) and the total for 54 is extrapolated
from the measured cost per language; `--languages 54` builds the whole course.

The cost on a machine with more cores is estimated from the figures measured
here: the English-only build, then the other languages but the last shared by
that many processes (the last one is built beside them), in whole rounds, each
language costing the CPU time it cost per language in the parallel build here
(CPU time is not inflated by waiting for a core; each core as fast as one here,
and memory bandwidth assumed not to limit).

    .venv/bin/python benchmarks/bench_large_course.py [--languages 10] [--pages 70] [--rounds 1] [--cores 16]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_child import child_environment  # noqa: E402
from checker_corpus import build as build_corpus  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
CONFIG = REPO_ROOT / "tests" / "fixtures" / "coop-course" / "mkdocs.yml"
VARIANTS = {  # name: environment
    "parallel": {},
    "serial": {"PARALLEL_LANGUAGES": "false"},
    "English": {"BUILD_ONLY_LOCALE": "en"},
}


def write_config(root: Path) -> None:
    text = CONFIG.read_text(encoding="utf-8")
    marker = "      docs_structure: folder\n"
    plugin = "  - coop-i18n\n"
    assert marker in text and text.endswith(plugin)
    text = text.replace(marker, marker + "      build_only_locale: !ENV [BUILD_ONLY_LOCALE, null]\n")
    text = text.replace(plugin, "  - coop-i18n:\n      parallel_languages: !ENV [PARALLEL_LANGUAGES, auto]\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


def _tree(pid: int) -> list[int]:
    pids, seen = [pid], 0
    while seen < len(pids):
        try:
            for task in Path(f"/proc/{pids[seen]}/task").iterdir():
                pids += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
        seen += 1
    return pids


def _pss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _sample_memory(pid: int, stop: threading.Event, peak: list[float]) -> None:
    while not stop.wait(0.5):
        peak[0] = max(peak[0], sum(_pss_mib(each) for each in _tree(pid)))


def timed_build(root: Path, site: Path, **env: str) -> dict[str, float]:
    """Wall and CPU seconds, the largest process's peak and the peak sum (MiB) of one `mkdocs build`."""
    environment = child_environment(**env)
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                             cwd=root, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stop, peak = threading.Event(), [0.0]
    sampler = threading.Thread(target=_sample_memory, args=(child.pid, stop, peak), daemon=True)
    sampler.start()
    errors = child.stderr.read()   # read before waiting: a full pipe would stall the build
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed:\n{errors.decode(errors='replace')[-3000:]}")
    return {"wall": elapsed, "cpu": usage.ru_utime + usage.ru_stime, "maxrss": usage.ru_maxrss / 1024,
            "pss": peak[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", type=int, default=10)
    parser.add_argument("--pages", type=int, default=70)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--cores", type=int, default=16, help="estimate the parallel build on this many cores")
    args = parser.parse_args()
    load_before = os.getloadavg()
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in VARIANTS}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        counts = build_corpus(root, languages=args.languages, sources=args.pages)
        write_config(root)
        site = Path(tmp) / "site"
        timed_build(root, site)  # warm-up: notebook cache, OS file cache
        pages = sum(1 for _ in site.rglob("*.html"))
        for _ in range(args.rounds):
            for name, env in VARIANTS.items():
                runs[name].append(timed_build(root, site, **env))
    load_after = os.getloadavg()
    m = args.languages   # languages besides English
    print(f"load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after, on {os.cpu_count()} CPUs")
    print(f"course: {m + 1} languages x {args.pages} sources ({counts['files']} translations, "
          f"{counts['bytes'] / 1e6:.1f} MB), {pages} HTML files in the whole site")
    med = {name: {key: statistics.median(run[key] for run in each) for key in ("wall", "cpu")}
           for name, each in runs.items()}
    for name, each in runs.items():
        label = "English only" if name == "English" else f"all languages, {name}"
        for key in ("wall", "cpu"):
            print(f"{key:4s} {label + ':':27s} median {med[name][key]:6.1f} s "
                  f"({', '.join(f'{run[key]:.1f}' for run in each)})")
        print(f"     {'':27s} peak memory {max(run['maxrss'] for run in each):.0f} MiB in one process, "
              f"{max(run['pss'] for run in each):.0f} MiB in all its processes together")
    for key in ("wall", "cpu"):
        e = med["English"][key]
        for name in ("serial", "parallel"):
            f = med[name][key]
            per_language = (f - e) / m / e
            print(f"{key:4s} {name:8s} ratio all/English: {f / e:.2f}x; each extra language "
                  f"{per_language:.3f}x an English build (target <= 0.2x)"
                  + (f"; 54 languages: about {e * (1 + 54 * per_language):.0f} s" if m != 54 and name == "serial"
                     else ""))
    # More cores: English, then ceil((m - 1) / cores) rounds of languages (the last one beside them).
    per_language_cpu = (med["parallel"]["cpu"] - med["English"]["cpu"]) / m
    e_wall = med["English"]["wall"]
    for languages in sorted({m, 54}):
        rounds = max(1, math.ceil((languages - 1) / args.cores))
        estimate = e_wall + rounds * per_language_cpu
        print(f"estimate, {args.cores} cores, English + {languages} languages in parallel: about {estimate:.0f} s "
              f"= {estimate / e_wall:.2f}x English ({rounds} rounds of {per_language_cpu:.1f} s CPU per language); "
              f"each extra language {(estimate - e_wall) / languages / e_wall:.3f}x an English build")


if __name__ == "__main__":
    main()
