"""With search_per_language, static-i18n's merged root index (and its removal of
duplicates across languages, which grows with the square of their number) is not
made: the site is the same as with it.

A copy of the co-op course fixture is built with mkdocs.yml leaving static-i18n's
`reconfigure_search` alone (the plugin turns it off) and setting it to true (the
plugin leaves it on); every file of the two sites must be equal, and only the
second build says it added languages to the search plugin (what reconfigure_search
does first).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_build import REPO_ROOT, build_site, site_files

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "coop-course"
I18N_LINE = "      docs_structure: folder\n"
ADDED = "plugin 'lang' option"   # static-i18n: "Adding 'sv' to the 'material/search' plugin 'lang' option"

pytestmark = pytest.mark.slow


def course(target: Path, reconfigure_search: bool | None) -> Path:
    shutil.copytree(FIXTURE, target)
    if reconfigure_search is not None:
        config = target / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert text.count(I18N_LINE) == 1
        line = f"      reconfigure_search: {str(reconfigure_search).lower()}\n"
        config.write_text(text.replace(I18N_LINE, I18N_LINE + line), encoding="utf-8")
    return target


def test_the_merged_index_is_skipped_and_the_site_is_the_same(tmp_path):
    sites, logs = {}, {}
    for setting in (None, True):
        project = course(tmp_path / str(setting), setting)
        result = build_site(project, project / "site", quiet=False)
        assert result.returncode == 0, result.stderr[-3000:]
        sites[setting], logs[setting] = site_files(project / "site"), result.stderr
    assert ADDED not in logs[None], "static-i18n's search reconfiguration ran"
    assert ADDED in logs[True], "reconfigure_search set in mkdocs.yml was not left on"
    assert sorted(sites[None]) == sorted(sites[True])
    differing = [name for name in sites[None] if sites[None][name] != sites[True][name]]
    assert not differing, differing[:5]
