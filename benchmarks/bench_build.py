"""Six-language `mkdocs build` against an English-only build of the same content.

Target (issue 2): at most 3.0x on a 2-core machine. Both builds run the real
CLI on this checkout, alternating, so machine noise hits both alike; the
figure is the ratio of medians. The notebook cache is warm for both (it is
under `make build` too, after the first build).

    .venv/bin/python benchmarks/bench_build.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def timed_build(site_dir: Path, **env: str) -> float:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    if not env:
        environment.pop("BUILD_ONLY_LOCALE", None)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=REPO_ROOT, env=environment, check=True, capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        timed_build(site)  # warm the notebook cache and the OS file cache
        full, english = [], []
        for _ in range(args.rounds):
            full.append(timed_build(site))
            english.append(timed_build(site, BUILD_ONLY_LOCALE="en"))
    f, e = statistics.median(full), statistics.median(english)
    print(f"six languages: median {f:.2f} s  ({', '.join(f'{t:.2f}' for t in full)})")
    print(f"English only:  median {e:.2f} s  ({', '.join(f'{t:.2f}' for t in english)})")
    print(f"ratio six/English: {f / e:.2f}x (target <= 3.0x)")


if __name__ == "__main__":
    main()
