"""Fixtures shared by the site and browser tests: the real site, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build import REPO_ROOT, build_site, copy_project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The project's own site, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = build_site(REPO_ROOT, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def probe_site(tmp_path_factory) -> Path:
    """A copy of the project with tests/search_probe.py's page added in every language, built."""
    from search_probe import PROBE_PAGE, PROBE_TEXT
    from coop_translations.config import load_site_config

    project = copy_project(tmp_path_factory.mktemp("probe") / "project")
    docs = project / load_site_config(REPO_ROOT).docs_dir
    for language, text in PROBE_TEXT.items():
        page = docs / language / PROBE_PAGE
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    site = project / "site"
    result = build_site(project, site)
    assert result.returncode == 0, f"probe build failed:\n{result.stdout}\n{result.stderr}"
    return site
