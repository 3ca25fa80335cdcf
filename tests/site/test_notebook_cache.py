"""Language sub-builds share mkdocs-jupyter's cache instead of evicting each other's entries.

mkdocs-jupyter deletes every cache entry its current build did not use; with
one build per language in one run, each deleted the others' and every build
converted every notebook again. The coop-i18n plugin (notebook_pages) fixes that.

Shown on the co-op fixture course (four languages, tests/fixtures/coop-course) with a
Swedish translation of its notebook added: English, Tamil and Swahili show the
English notebook, Swedish its own, so a language build that evicted the entries it
did not use would leave the next build a cache miss. (The same plugin code builds
this project's site; a cold build of all its notebooks takes minutes, this seconds.)
The second build's pages, made from the cache, equal the first's byte for byte: so
the other tests may start copies of the project with the warm cache.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from site_build import REPO_ROOT, NOTEBOOK_CACHE, build_site, site_files

COURSE = REPO_ROOT / "tests" / "fixtures" / "coop-course"
NOTEBOOK = Path("lessons/02-tensors/notebook.ipynb")


def build_verbose(project: Path) -> str:
    result = build_site(project, project / "site", quiet=False)
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_second_build_converts_no_notebook_and_keeps_every_entry(tmp_path):
    project = tmp_path / "course"
    shutil.copytree(COURSE, project, ignore=shutil.ignore_patterns(".cache"))
    notebook = json.loads((project / NOTEBOOK).read_text(encoding="utf-8"))
    notebook["cells"][0]["source"] = ["# Tensoranteckningsbok\n", "\n", "Former och gradienten, för hand."]
    translated = project / "translations" / "sv" / NOTEBOOK
    translated.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), encoding="utf-8")

    first = build_verbose(project)
    cold = site_files(project / "site")
    entries = sorted((project / NOTEBOOK_CACHE).glob("*.json"))
    assert first.count("Cache miss") == 2, "each distinct notebook converted once, in whichever language came first"
    assert len(entries) == 2, "one cache entry per distinct notebook, in any language"

    second = build_verbose(project)
    assert "Cache miss" not in second, "a language build evicted another's notebook cache"
    assert "Evicted stale cache" not in second
    assert sorted((project / NOTEBOOK_CACHE).glob("*.json")) == entries
    warm = site_files(project / "site")
    assert sorted(warm) == sorted(cold) and any(name.endswith("02-tensors/notebook/index.html") for name in warm)
    differing = [name for name in cold if cold[name] != warm[name]]
    assert not differing, f"pages from the warm cache differ from the cold build's: {differing[:5]}"
