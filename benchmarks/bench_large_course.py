"""A large co-op-translator course built with the plugin: all languages against English only.

Target (issue 15): a course of 54 languages x 70 pages (checker_corpus.py's tree:
English prose, code blocks, a notebook every 14 lessons, inline metadata)
builds; each extra language costs at most 0.2x an English-only build. The tree is
generated once, with tests/fixtures/coop-course/mkdocs.yml's configuration
(plus `build_only_locale` from the environment), then `mkdocs build` runs as a
child process, all languages and English only alternating, after one warm-up
build (the notebook cache). Peak memory is the child's own (os.wait4's
ru_maxrss). The load average is printed: on a shared machine it moves every
figure. By default 10 of the 54 languages are built (`make bench` stays minutes
long) and the total for 54 is extrapolated from the measured cost per language;
`--languages 54` builds the whole course.

    .venv/bin/python benchmarks/bench_large_course.py [--languages 10] [--pages 70] [--rounds 1]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checker_corpus import build as build_corpus  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
CONFIG = REPO_ROOT / "tests" / "fixtures" / "coop-course" / "mkdocs.yml"


def write_config(root: Path) -> None:
    text = CONFIG.read_text(encoding="utf-8")
    marker = "      docs_structure: folder\n"
    assert marker in text
    text = text.replace(marker, marker + "      build_only_locale: !ENV [BUILD_ONLY_LOCALE, null]\n")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


def timed_build(root: Path, site: Path, **env: str) -> tuple[float, float]:
    """(wall seconds, peak resident MiB) of one `mkdocs build` child."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    if not env:
        environment.pop("BUILD_ONLY_LOCALE", None)
    # The plugin of this checkout, not wherever the venv's editable install points.
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO_ROOT), os.environ.get("PYTHONPATH"))))
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                             cwd=root, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed:\n{child.stderr.read().decode(errors='replace')[-3000:]}")
    child.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languages", type=int, default=10)
    parser.add_argument("--pages", type=int, default=70)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        counts = build_corpus(root, languages=args.languages, sources=args.pages)
        write_config(root)
        site = Path(tmp) / "site"
        timed_build(root, site)  # warm-up: notebook cache, OS file cache
        pages = sum(1 for _ in site.rglob("*.html"))
        full, english = [], []
        for _ in range(args.rounds):
            full.append(timed_build(root, site))
            english.append(timed_build(root, site, BUILD_ONLY_LOCALE="en"))
    load_after = os.getloadavg()
    f, e = statistics.median(t for t, _ in full), statistics.median(t for t, _ in english)
    languages = args.languages + 1
    print(f"load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after, on {os.cpu_count()} CPUs")
    print(f"course: {languages} languages x {args.pages} sources ({counts['files']} translations, "
          f"{counts['bytes'] / 1e6:.1f} MB), {pages} HTML files in the whole site")
    print(f"all languages: median {f:.1f} s ({', '.join(f'{t:.1f}' for t, _ in full)}), "
          f"peak memory {max(m for _, m in full):.0f} MiB")
    print(f"English only:  median {e:.1f} s ({', '.join(f'{t:.1f}' for t, _ in english)}), "
          f"peak memory {max(m for _, m in english):.0f} MiB")
    per_language = (f - e) / (languages - 1) / e
    print(f"ratio all/English: {f / e:.2f}x; each extra language {per_language:.3f}x an English build (target <= 0.2x)")
    if args.languages != 54:
        print(f"extrapolated to English + 54 languages of {args.pages} pages: about {e * (1 + 54 * per_language):.0f} s "
              "(if each extra language keeps costing what it cost here)")


if __name__ == "__main__":
    main()
