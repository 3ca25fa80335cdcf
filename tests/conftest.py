"""Fixtures shared by the site and browser tests: the real site, built once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# What a copy of the project needs to build the site (tests that break a copy on purpose).
SITE_INPUTS = ("mkdocs.yml", "docs", "snippets", "tools", "overrides")


def mkdocs_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    env.pop("BUILD_ONLY_LOCALE", None)
    env.update(extra)
    return env


def build_site(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` in `project`; never raises, the caller asserts."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=project,
        env=mkdocs_env(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(target: Path) -> Path:
    """A throw-away copy of everything the build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_INPUTS:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy2(source, target / name)
    return target


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
    from tools.translations.config import load_site_config

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
