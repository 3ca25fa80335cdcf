"""Fixtures shared by the site and browser tests: the real site, built once per test run
(also when pytest-xdist spreads the tests over several processes, see site_build.build_once).

`make test` runs the suite in parallel with pytest-xdist (`-n N --dist loadgroup`): each
folder below that keeps session-wide state (a browser, the snippet workers, builds) is one
unit of work, so its tests share one process; the rest spread freely (xdist_groups.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build import REPO_ROOT, build_once, build_site, copy_project
from xdist_groups import folder_groups_scheduler


def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` grouped by folder (xdist_groups.py), through xdist's public hook."""
    if config.getvalue("dist") != "loadgroup":
        return None
    return folder_groups_scheduler(config, log)


def _failed(result, what: str) -> str | None:
    if result.returncode == 0:
        return None
    return f"{what} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's own site, built once per test run with --strict."""
    return build_once(tmp_path_factory, "built-site",
                      lambda site: _failed(build_site(REPO_ROOT, site), "mkdocs build --strict"))


@pytest.fixture(scope="session")
def probe_site(tmp_path_factory, built_site) -> Path:
    """A copy of the project with tests/search_probe.py's page added in every language, built
    (after the project's own build, so the copy's notebook cache is warm)."""
    from search_probe import PROBE_PAGE, PROBE_TEXT
    from coop_translations.config import load_site_config

    def make(folder: Path) -> str | None:
        project = copy_project(folder / "project")
        docs = project / load_site_config(REPO_ROOT).docs_dir
        for language, text in PROBE_TEXT.items():
            page = docs / language / PROBE_PAGE
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text, encoding="utf-8")
        return _failed(build_site(project, project / "site"), "probe build")

    return build_once(tmp_path_factory, "probe-site", make) / "project" / "site"
