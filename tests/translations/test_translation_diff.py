"""diff finds the translated version of the source by its hash in git history."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coop_translations import GitError, history_diff, stamp
from translation_trees import SOURCE, SOURCE_PAGE, SWEDISH_PAGE, md5

SV = "docs/sv/lessons/01-tensors/index.md"
REPO = Path(__file__).resolve().parents[2]
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

CHANGED_PAGE = SOURCE_PAGE.replace("## Summary\n\nRead", "## Summary\n\nFirst practise, then read")


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], env=GIT_ENV, capture_output=True, check=True)
    return done.stdout.decode().strip()


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)
    return git(root, "rev-parse", "HEAD")


@pytest.fixture
def history(project):
    """Source committed, translated at that version, then changed in its summary."""
    git(project.root, "init", "-q", "-b", "main")
    base = commit_all(project.root, "lesson 1")
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    commit_all(project.root, "sv translation")
    project.write(SOURCE, CHANGED_PAGE)
    commit_all(project.root, "summary: practise first")
    project.base = base
    return project


def test_diff_from_the_translated_version(history):
    result = history_diff(history.root, SV)
    assert result.base_commit == history.base
    assert "-Read the [glossary](../../glossary.md#tensor).\n" in result.text
    assert "+First practise, then read the [glossary](../../glossary.md#tensor).\n" in result.text
    assert result.changed_headings == ["## Summary"]
    assert re.search(r"^@@ -2\d,\d \+2\d,\d @@ ## Summary$", result.text, re.M)
    assert history.base[:12] in result.message and "## Summary" in result.message


def test_diff_names_a_new_section_and_a_removed_one(history):
    history.write(SOURCE, CHANGED_PAGE.replace("## Shapes { #shapes }", "## Sizes { #sizes }")
                  + "\n## Exercises\n\nTry it.\n")
    result = history_diff(history.root, SV)   # an uncommitted change is compared too
    assert "## Sizes { #sizes }" in result.changed_headings
    assert "## Shapes { #shapes } (removed)" in result.changed_headings
    assert "## Exercises" in result.changed_headings


def test_diff_follows_a_renamed_source(history):
    new_source = "docs/en/lessons/01-tensor-basics/index.md"
    (history.root / new_source).parent.mkdir(parents=True)
    git(history.root, "mv", SOURCE, new_source)
    new_sv = "docs/sv/lessons/01-tensor-basics/index.md"
    (history.root / new_sv).parent.mkdir(parents=True)
    git(history.root, "mv", SV, new_sv)
    commit_all(history.root, "rename")
    result = history_diff(history.root, new_sv)
    assert result.base_commit == history.base


def test_diff_when_the_translation_is_current(history):
    history.translate(SOURCE, "sv", SWEDISH_PAGE)
    result = history_diff(history.root, SV)
    assert (result.base_commit, result.text, result.current) == (None, "", True)
    assert "has not changed" in result.message


def test_diff_when_no_version_matches(history):
    history.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5("never committed"))
    result = history_diff(history.root, SV)
    assert result.base_commit is None and result.text == ""
    assert "none of the 2 committed versions" in result.message


def test_diff_for_an_uncommitted_source(project):
    git(project.root, "init", "-q", "-b", "main")
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5("older"))
    result = history_diff(project.root, SV)
    assert result.base_commit is None and "no committed history" in result.message


def test_diff_in_a_shallow_clone_says_so(history, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history.root}", str(clone)],
                   env=GIT_ENV, check=True)
    result = history_diff(clone, SV)
    assert result.base_commit is None and "shallow clone" in result.message


def test_diff_matches_a_version_checked_out_with_crlf(project):
    git(project.root, "init", "-q", "-b", "main")
    base = commit_all(project.root, "lesson 1")
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5(SOURCE_PAGE.replace("\n", "\r\n")))
    project.write(SOURCE, CHANGED_PAGE)
    commit_all(project.root, "change")
    assert history_diff(project.root, SV).base_commit == base


def test_diff_without_metadata_explains(history):
    history.translate(SOURCE, "sv", SWEDISH_PAGE, metadata=False)
    result = history_diff(history.root, SV)
    assert result.base_commit is None and "no translation metadata" in result.message


def test_diff_outside_git_is_a_tool_error(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5("older"))
    with pytest.raises(GitError):
        history_diff(project.root, SV)


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**GIT_ENV, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "coop_translations", *args], cwd=root, env=env,
                          capture_output=True, text=True)


def test_cli_diff_exit_codes(history):
    done = run_cli(history.root, "diff", SV)
    assert done.returncode == 0, done.stderr
    assert "Changed sections: ## Summary" in done.stdout and "+First practise" in done.stdout

    history.translate(SOURCE, "sv", SWEDISH_PAGE)          # current: nothing to diff, not a failure
    done = run_cli(history.root, "diff", SV)
    assert done.returncode == 0 and "nothing to do" in done.stdout

    history.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5("never committed"))
    assert run_cli(history.root, "diff", SV).returncode == 1
    assert run_cli(history.root, "diff", "docs/sv/no-such-page.md").returncode == 2
    assert run_cli(history.root, "diff", SOURCE).returncode == 2      # not a translation


def _notebook(markdown: str, output: str) -> str:
    import json

    return json.dumps({"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Intro\n", "\n", markdown]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": ["print(2 + 2)"],
         "outputs": [{"name": "stdout", "output_type": "stream", "text": [output]}]},
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def test_notebook_diff_shows_cells_not_json_and_leaves_outputs_out(project):
    notebook = "docs/en/notebooks/intro.ipynb"
    git(project.root, "init", "-q", "-b", "main")
    project.write(notebook, _notebook("Tensors hold numbers.", "4\n"))
    base = commit_all(project.root, "notebook")
    project.translate(notebook, "sv", _notebook("Tensorer rymmer tal.", "4\n"), metadata=False)
    stamp(project.root, "docs/sv/notebooks/intro.ipynb")  # metadata.coopTranslator, as a translator would
    project.write(notebook, _notebook("Tensors hold numbers and have a shape.", "4 (re-run)\n"))
    commit_all(project.root, "notebook: shapes")
    result = history_diff(project.root, "docs/sv/notebooks/intro.ipynb")
    assert result.base_commit == base
    assert "-Tensors hold numbers.\n" in result.text and "+Tensors hold numbers and have a shape.\n" in result.text
    assert result.changed_headings == ["# Intro"]
    assert "re-run" not in result.text and '"cell_type"' not in result.text
