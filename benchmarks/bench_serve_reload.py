"""`mkdocs serve` reload time: six languages against English only.

Target (issue 2): an edit to an English page or to a snippet is visible within
1.5x the English-only reload time. For each server (all languages; then
BUILD_ONLY_LOCALE=en) on a copy of the project, the script appends a unique
marker to an English page (or to a snippet section shown on it), and times
from the write until the served English page contains the marker. Medians of
several edits, side by side in one run.

    .venv/bin/python benchmarks/bench_serve_reload.py [--edits 3]
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
INPUTS = ("mkdocs.yml", "docs", "snippets", "tools", "overrides")
PAGE = Path("docs/en/lessons/01-tensors/index.md")
PAGE_URL = "lessons/01-tensors/"
SETTLE_S = 8.0


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


def reload_times(project: Path, edits: int, env: dict[str, str]) -> dict[str, list[float]]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{PAGE_URL}"
    try:
        deadline = time.time() + 300
        while "<html" not in fetch(url):
            if time.time() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not come up")
            time.sleep(0.2)
        time.sleep(2)  # let the watcher settle
        times: dict[str, list[float]] = {"page": [], "snippet": []}
        for round_ in range(edits):
            for kind in times:
                marker = f"reload-marker-{kind}-{round_}-{time.time_ns()}"
                start = time.perf_counter()
                edit(project, kind, marker)
                while marker not in fetch(url):
                    if time.perf_counter() - start > 120:
                        raise SystemExit(f"{kind} edit never became visible")
                    time.sleep(0.05)
                times[kind].append(time.perf_counter() - start)
                # An author's next save comes seconds later: let the other languages finish
                # rebuilding behind the English one, or the next edit would queue behind them.
                time.sleep(SETTLE_S)
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
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
            results[label] = reload_times(project, args.edits, {**base_env, **extra})
    for kind in ("page", "snippet"):
        six = statistics.median(results["six languages"][kind])
        english = statistics.median(results["English only"][kind])
        print(f"{kind:8s} edit visible: six languages {six:.2f} s, English only {english:.2f} s, "
              f"ratio {six / english:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
