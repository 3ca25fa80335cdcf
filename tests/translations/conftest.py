"""Fixtures: tiny project trees for the translation checker, built in tmp_path."""
from __future__ import annotations

from pathlib import Path

import pytest

from translation_trees import MKDOCS_YML, SOURCE, SOURCE_PAGE, Tree


@pytest.fixture
def project(tmp_path: Path) -> Tree:
    """mkdocs.yml with en (default), sv, zh, and one English lesson page."""
    tree = Tree(tmp_path / "project")
    tree.write("mkdocs.yml", MKDOCS_YML)
    tree.write(SOURCE, SOURCE_PAGE)
    return tree


@pytest.fixture
def coop(tmp_path: Path) -> Tree:
    """co-op-translator's layout: README.md and a lesson, translations/ko/ beside them."""
    tree = Tree(tmp_path / "coop", coop=True)
    tree.write("README.md", "# Course\n\nStart with [lesson 1](lessons/1/README.md).\n")
    tree.write("lessons/1/README.md", SOURCE_PAGE)
    (tree.root / "translations" / "ko").mkdir(parents=True)
    return tree
