"""Bad input stops the build with a message naming the file, the line and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_build import build_site, copy_project
from site_layout import SITE

FIRST_LESSON = Path(SITE.docs_dir) / "en" / "lessons" / "01-tensors" / "index.md"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def failed_build(project: Path) -> str:
    result = build_site(project, project / "site")
    assert result.returncode != 0, "the build should have failed"
    return result.stdout + result.stderr


def first_include(page: Path) -> tuple[int, str]:
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        match = re.search(r'--8<-- "([^"]+)"', line)
        if match and ":" in match.group(1):
            return number, match.group(1)
    raise AssertionError(f"{page} has no section include")


def test_missing_snippet_section(project):
    page = project / FIRST_LESSON
    number, target = first_include(page)
    page.write_text(page.read_text(encoding="utf-8").replace(target, target.split(":")[0] + ":no_such_section", 1), encoding="utf-8")
    output = failed_build(project)
    assert f"en/lessons/01-tensors/index.md:{number}" in output
    assert "no section 'no_such_section'" in output and target.split(":")[0] in output
    assert "Fix" in output


def test_missing_snippet_file(project):
    page = project / FIRST_LESSON
    number, target = first_include(page)
    page.write_text(page.read_text(encoding="utf-8").replace(target, "01-tensors/gone.py:x", 1), encoding="utf-8")
    output = failed_build(project)
    assert f"en/lessons/01-tensors/index.md:{number}" in output and "no file snippets/01-tensors/gone.py" in output


def test_notebook_that_is_not_json(project):
    notebook = next((project / SITE.docs_dir / "en").rglob("*.ipynb"))
    notebook.write_text('{\n  "cells": [,\n', encoding="utf-8")
    output = failed_build(project)
    assert f"{notebook.name}:2:" in output and "not valid JSON" in output and "Fix" in output


def test_translation_without_english_source(project):
    orphan = project / SITE.docs_dir / "sv" / "lessons" / "renamed" / "index.md"
    orphan.parent.mkdir(parents=True)
    orphan.write_text("# Bortglömd\n", encoding="utf-8")
    output = failed_build(project)
    assert "sv/lessons/renamed/index.md" in output and "without an English source" in output and "Rename" in output


def test_language_folder_not_in_mkdocs_yml(project):
    page = project / SITE.docs_dir / "fr" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# Bonjour\n", encoding="utf-8")
    output = failed_build(project)
    assert "'fr' is not a language in mkdocs.yml" in output
