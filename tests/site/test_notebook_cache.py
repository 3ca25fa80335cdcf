"""Language sub-builds share mkdocs-jupyter's cache instead of evicting each other's entries.

mkdocs-jupyter deletes every cache entry its current build did not use; with
six language builds in one run, each deleted the others' and every build
converted every notebook again. The coop-i18n plugin (notebook_pages) fixes that.
"""

from __future__ import annotations

from pathlib import Path

from site_build import build_site, copy_project
from site_layout import LANGUAGES, SITE

CACHE = Path(".cache") / "mkdocs-jupyter"


def build_verbose(project: Path) -> str:
    result = build_site(project, project / "site", quiet=False)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_second_build_converts_no_notebook_and_keeps_every_entry(tmp_path):
    project = copy_project(tmp_path / "project")
    notebooks = [p for language in LANGUAGES for p in (project / SITE.docs_dir / language).rglob("*.ipynb")]
    distinct = {p.read_bytes() for p in notebooks}

    first = build_verbose(project)
    entries = sorted((project / CACHE).glob("*.json"))
    assert "Cache miss" in first
    assert len(entries) == len(distinct), "one cache entry per distinct notebook, in any language"

    second = build_verbose(project)
    assert "Cache miss" not in second, "a language build evicted another's notebook cache"
    assert "Evicted stale cache" not in second
    assert sorted((project / CACHE).glob("*.json")) == entries
