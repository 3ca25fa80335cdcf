"""What the coop-i18n plugin's translation_status feature adds to a full six-language build.

Two copies of the project, each a git repository, built with and without the
hook (its plugin option `translation_status: false` and its nav entry), alternating so machine noise
hits both alike; the figures are medians of wall-clock time and of the build's CPU
time (user + system; steadier than wall time on a shared machine):

- as is: the project's translations as they are today;
- every page stale: every English page "translated" into every language, stamped,
  committed, then changed and committed again, so every translation gets a banner,
  a diff and a diff page in each language (the most the hook ever has to do).

The hook's own work outside MkDocs (checker report and diffs, once per build) is
timed in-process too.

    .venv/bin/python benchmarks/bench_translation_status.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO_ROOT), str(REPO_ROOT / "tests")]

from site_build import copy_project, mkdocs_env  # noqa: E402  (tests/ helpers)
from coop_translations import stamp  # noqa: E402
from coop_translations.config import load_site_config  # noqa: E402
from coop_translations.status import STALE_STATE, project_status, what_changed  # noqa: E402

PLUGIN_LINE = "  - coop-i18n:\n"
FEATURE_OFF = "      translation_status: false\n"
NAV_LINE = "  - Translation status: translations.md\n"
WITHOUT = "mkdocs-without-status.yml"
# A stand-in translation is the English page plus this sentence: with some Chinese text,
# the Chinese build loads its word segmenter (about 0.8 s) with or without the hook, as
# in a translated site. (Today's project has no Chinese text but the hook's own strings,
# so "as is" pays that load as part of the hook.)
STAND_IN = "\n这是一个用于测量构建时间的句子。\n"


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.invalid", *args],
                   cwd=project, check=True, capture_output=True)


def prepare(project: Path, every_page_stale: bool) -> Path:
    copy_project(project)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert PLUGIN_LINE in text and NAV_LINE in text, "mkdocs.yml no longer has the plugin or nav line"
    (project / WITHOUT).write_text(text.replace(PLUGIN_LINE, PLUGIN_LINE + FEATURE_OFF).replace(NAV_LINE, ""),
                                   encoding="utf-8")
    site = load_site_config(project)
    english = project / site.docs_dir / site.default_language
    sources = sorted(p for p in english.rglob("*") if p.suffix in (".md", ".ipynb"))
    if every_page_stale:
        for language in site.translation_languages:
            for source in sources:
                target = project / site.docs_dir / language / source.relative_to(english)
                target.parent.mkdir(parents=True, exist_ok=True)
                data = source.read_bytes()
                if source.suffix == ".md":
                    data += STAND_IN.encode("utf-8")
                target.write_bytes(data)
                stamp(project, target)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "translated")
    if every_page_stale:
        for source in sources:
            if source.suffix == ".md":
                source.write_text(source.read_text(encoding="utf-8") + "\n\nOne more sentence.\n", encoding="utf-8")
            else:   # a notebook: one more markdown cell, still valid JSON
                source.write_text(source.read_text(encoding="utf-8").replace(
                    '"cells": [', '"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["One more."]}, ', 1),
                    encoding="utf-8")
        git(project, "commit", "-q", "-am", "changed every English page")
    return project


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path, site: Path, config: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `mkdocs build`."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site)],
                   cwd=project, env=mkdocs_env(), check=True, capture_output=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def hook_work(project: Path) -> tuple[float, int]:
    start = time.perf_counter()
    status = project_status(project)
    stale = status.with_state(STALE_STATE)
    what_changed(status, stale)
    return time.perf_counter() - start, len(stale)


def _line(label: str, with_hook: list[float], without_hook: list[float]) -> str:
    w, wo = statistics.median(with_hook), statistics.median(without_hook)
    return (f"  {label:<5} with {w:6.2f} s, without {wo:6.2f} s: added {w - wo:+.2f} s, "
            f"ratio {w / wo:.3f}x  (with: {', '.join(f'{t:.2f}' for t in with_hook)}; "
            f"without: {', '.join(f'{t:.2f}' for t in without_hook)})")


def measure(name: str, project: Path, rounds: int) -> None:
    site = project / "site"
    timed_build(project, site, "mkdocs.yml")  # warm the notebook cache and the OS file cache
    timed_build(project, site, WITHOUT)
    with_hook, without_hook = [], []
    for _ in range(rounds):
        with_hook.append(timed_build(project, site, "mkdocs.yml"))
        without_hook.append(timed_build(project, site, WITHOUT))
    own, stale = hook_work(project)
    print(f"{name}: {stale} stale translations; checker report and diffs alone: {own:.2f} s")
    print(_line("wall", [t[0] for t in with_hook], [t[0] for t in without_hook]))
    print(_line("CPU", [t[1] for t in with_hook], [t[1] for t in without_hook]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, stale in (("as is", False), ("every page stale", True)):
            project = prepare(Path(tmp) / name.replace(" ", "-"), every_page_stale=stale)
            measure(name, project, args.rounds)


if __name__ == "__main__":
    main()
