"""Per-snippet overhead of the persistent snippet harness against a fresh `python` per snippet.

overhead = wall time to run a snippet through a path - the snippet's own in-process
execution time (measured inside the harness worker, where the frameworks are
already imported). The harness's overhead includes its worker start-up (the one
framework import it pays), spread over all snippets. The target: harness overhead
per snippet <= 0.1x one framework import, measured in a fresh interpreter in the
same run. Both paths must print the same output; a difference exits 1.

    python benchmarks/bench_snippet_harness.py [--only 01-tensors] [--repeat-imports 3]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.snippets import SNIPPETS_DIR  # noqa: E402
from tools.snippets.outputs import all_snippets  # noqa: E402
from tools.snippets.runner import SnippetWorker, framework_of, selected_frameworks, snippet_environment  # noqa: E402

TARGET_RATIO = 0.1


def import_time(module: str, env: dict[str, str], repeat: int) -> float:
    """Median seconds to `import module` in a fresh interpreter, timed inside it."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                 check=True).stdout.split()[-1]) for _ in range(repeat)]
    return statistics.median(runs)


def run_fresh(snippet: str, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    path = SNIPPETS_DIR / snippet
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(path)], cwd=path.parent, env=env, capture_output=True, text=True)
    return time.perf_counter() - started, done


def run_both(snippets: list[str], env: dict[str, str], output_dir: str):
    """Each snippet through the harness, then in a fresh interpreter, in turn, so that load
    from other processes on the machine falls on both paths alike."""
    started = time.perf_counter()
    worker = SnippetWorker("cpu")
    worker.start()
    startup = time.perf_counter() - started
    results, fresh = {}, {}
    try:
        for snippet in snippets:
            results[snippet] = worker.run(snippet, output_dir=output_dir)
            fresh[snippet] = run_fresh(snippet, env)
    finally:
        worker.close()
    return startup, results, fresh


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only snippets whose path starts with this (e.g. 01-tensors)")
    parser.add_argument("--repeat-imports", type=int, default=3)
    args = parser.parse_args()
    frameworks = selected_frameworks()
    snippets = [s for s in all_snippets() if s.startswith(args.only) and framework_of(s) in frameworks]
    if not snippets:
        print("no snippets selected")
        return 1
    with tempfile.TemporaryDirectory() as output_dir:
        env = dict(snippet_environment("cpu"), SNIPPET_OUTPUT_DIR=output_dir)
        imports = {name: import_time(name, env, args.repeat_imports) for name in frameworks}
        startup, results, fresh = run_both(snippets, env, output_dir)

    failures = [r.describe() for r in results.values() if not r.ok]
    failures += [f"fresh run of {s} exited {done.returncode}:\n{done.stderr[-2000:]}" for s, (_, done) in fresh.items() if done.returncode]
    mismatched = [s for s in snippets if results[s].ok and fresh[s][1].returncode == 0 and results[s].stdout != fresh[s][1].stdout]

    print(f"{'snippet':44} {'exec s':>8} {'harness ovh s':>14} {'fresh ovh s':>12}")
    for snippet in snippets:
        result = results[snippet]
        print(f"{snippet:44} {result.exec_s:8.3f} {result.wall_s - result.exec_s:14.4f} {fresh[snippet][0] - result.exec_s:12.3f}")
    count = len(snippets)
    total_exec = sum(r.exec_s for r in results.values())
    harness_total = startup + sum(r.wall_s for r in results.values())
    per_run = sum(r.wall_s - r.exec_s for r in results.values()) / count  # start-up excluded
    amortized = (harness_total - total_exec) / count  # start-up spread over the suite
    fresh_total = sum(wall for wall, _ in fresh.values())
    fresh_overhead = sum(wall - results[s].exec_s for s, (wall, _) in fresh.items()) / count
    print()
    print(f"snippets: {count}   frameworks: {', '.join(frameworks)}")
    for name, seconds in imports.items():
        print(f"import {name} in a fresh interpreter: {seconds:.3f} s")
    print(f"harness: worker start-up {startup:.2f} s (imports), total {harness_total:.2f} s, snippets' own run time {total_exec:.2f} s")
    print(f"  per-snippet overhead: {per_run:.4f} s per run; {amortized:.4f} s with the start-up spread over {count} snippets")
    print(f"fresh interpreter: total {fresh_total:.2f} s, per-snippet overhead {fresh_overhead:.3f} s")
    print(f"speed-up of the suite: {fresh_total / harness_total:.1f}x")
    for name, seconds in imports.items():
        print(f"overhead / {name} import: harness {per_run / seconds:.3f}x per run, {amortized / seconds:.3f}x with start-up;"
              f" fresh interpreter {fresh_overhead / seconds:.2f}x")
    cheapest = min(imports.values())
    for label, value in (("per run", per_run), ("with start-up", amortized)):
        verdict = "met" if value <= TARGET_RATIO * cheapest else "MISSED"
        print(f"target: harness overhead {label} <= {TARGET_RATIO}x the cheapest import ({TARGET_RATIO * cheapest:.3f} s): {verdict}")
    for failure in failures:
        print("FAILED:", failure)
    for snippet in mismatched:
        print(f"OUTPUT DIFFERS between harness and fresh interpreter: {snippet}")
    return 1 if failures or mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
