"""`mkdocs serve` reload time: six languages against English only.

Target (issue 2): an edit to an English page or to a snippet is visible within
1.5x the English-only reload time. For each server (all languages; then
BUILD_ONLY_LOCALE=en) on a copy of the project, the script appends a unique
marker to an English page (or to a snippet section shown on it), and times
from the write until the served English page contains the marker. Medians of
several edits, side by side in one run.

Target (issue 15): the same also when the author saved again moments earlier.
A "rapid" edit is saved GAP seconds after the previous save became visible in
English, i.e. while the other languages are still rebuilding for it; it is timed
from its own save. The figure is its median against the English-only server's
median idle reload (target <= 1.5x). The load average the run saw is printed:
on a shared machine every figure moves with it.

    .venv/bin/python benchmarks/bench_serve_reload.py [--edits 3] [--gap 1.0]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
INPUTS = ("mkdocs.yml", "docs", "snippets", "tools", "overrides", "ui")
PAGE = Path("docs/en/lessons/01-tensors/index.md")
PAGE_URL = "lessons/01-tensors/"
QUIET_S = 2.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def first_snippet_section(project: Path) -> tuple[Path, str]:
    """A snippet file shown on PAGE and the last line of the section shown there."""
    import re

    for line in (project / PAGE).read_text(encoding="utf-8").splitlines():
        match = re.search(r'--8<-- "([^":]+):([\w-]+)"', line)
        if match:
            return project / "snippets" / match.group(1), match.group(2)
    raise SystemExit(f"{PAGE} includes no snippet section")


def edit(project: Path, kind: str, marker: str) -> None:
    if kind == "page":
        page = project / PAGE
        page.write_text(page.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
    else:
        snippet, section = first_snippet_section(project)
        text = snippet.read_text(encoding="utf-8")
        end = f"# --8<-- [end:{section}]"
        snippet.write_text(text.replace(end, f"# {marker}\n{end}", 1), encoding="utf-8")


def wait_visible(url: str, marker: str, start: float, what: str) -> float:
    while marker not in fetch(url):
        if time.perf_counter() - start > 300:
            raise SystemExit(f"{what} edit never became visible")
        time.sleep(0.05)
    return time.perf_counter() - start


def settle(log: Path) -> None:
    """Wait until the server has finished every rebuild (all languages): its last
    "Building documentation" is followed by "Reloading browsers" ("Serving on" after the
    first build) and the log is quiet.
    An author's next save comes seconds later on a quiet machine, when the other
    languages are done; on a loaded one that takes longer than any fixed pause."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        size = log.stat().st_size
        text = log.read_text(encoding="utf-8", errors="replace")
        done = max(text.rfind("Reloading browsers"), text.rfind("Serving on"))  # a rebuild, the first build
        if done > text.rfind("Building documentation"):
            time.sleep(QUIET_S)
            if log.stat().st_size == size:
                return
        time.sleep(0.2)
    raise SystemExit("the server never finished rebuilding")


def reload_times(project: Path, edits: int, env: dict[str, str], gap: float) -> dict[str, list[float]]:
    port = free_port()
    log = project / "serve.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"),
    )
    url = f"http://127.0.0.1:{port}/{PAGE_URL}"
    try:
        deadline = time.time() + 300
        while "<html" not in fetch(url):
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not come up")
            time.sleep(0.2)
        time.sleep(2)  # let the watcher settle
        settle(log)
        times: dict[str, list[float]] = {"page": [], "snippet": [], "rapid": []}
        for round_ in range(edits):
            for kind in ("page", "snippet"):
                marker = f"reload-marker-{kind}-{round_}-{time.time_ns()}"
                start = time.perf_counter()
                edit(project, kind, marker)
                times[kind].append(wait_visible(url, marker, start, kind))
                settle(log)  # an idle server: the other languages are done
            # Two saves in a row: the second lands while the other languages rebuild for the first.
            first = f"reload-marker-first-{round_}-{time.time_ns()}"
            edit(project, "page", first)
            wait_visible(url, first, time.perf_counter(), "first of two")
            time.sleep(gap)
            marker = f"reload-marker-rapid-{round_}-{time.time_ns()}"
            start = time.perf_counter()
            edit(project, "page", marker)
            times["rapid"].append(wait_visible(url, marker, start, "rapid"))
            settle(log)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--gap", type=float, default=1.0,
                        help="seconds between the first save showing in English and the second save")
    args = parser.parse_args()
    load_before = os.getloadavg()
    base_env = {k: v for k, v in os.environ.items() if k != "BUILD_ONLY_LOCALE"}
    base_env["NO_MKDOCS_2_WARNING"] = "1"
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, extra in (("six languages", {}), ("English only", {"BUILD_ONLY_LOCALE": "en"})):
            project = Path(tmp) / label.replace(" ", "-")
            project.mkdir()
            for name in INPUTS:
                source = REPO_ROOT / name
                (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / name)
            results[label] = reload_times(project, args.edits, {**base_env, **extra}, args.gap)
    load_after = os.getloadavg()
    print(f"load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after, on {os.cpu_count()} CPUs")
    for label, times in results.items():
        print(f"{label}: " + "; ".join(f"{kind} {', '.join(f'{t:.2f}' for t in ts)}" for kind, ts in times.items()))
    for kind in ("page", "snippet"):
        six = statistics.median(results["six languages"][kind])
        english = statistics.median(results["English only"][kind])
        print(f"{kind:8s} edit visible: six languages {six:.2f} s, English only {english:.2f} s, "
              f"ratio {six / english:.2f}x (target <= 1.5x)")
    rapid = statistics.median(results["six languages"]["rapid"])
    english = statistics.median(results["English only"]["page"])
    print(f"rapid    edit visible ({args.gap:.1f} s after the previous one showed): six languages {rapid:.2f} s, "
          f"English only (idle) {english:.2f} s, ratio {rapid / english:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
