"""In co-op layout mkdocs-jupyter stops reading every Markdown page with jupytext.

mkdocs-jupyter's default `ignore` is empty, so it opened every .md page with
jupytext (in on_files and again in on_pre_page, in every language) to see whether
it was a notebook: about a third of a large course's build. coop-i18n sets
`ignore: ["*.md", "*.py"]` for co-op layouts, unless mkdocs.yml sets `ignore`
itself (an empty list included); the docs/<lang>/ layout is left alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File

from mkdocs_coop_i18n import internals
from site_build import REPO_ROOT

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "coop-course"
PLUGIN_LINE = "  - mkdocs-jupyter\n"


@pytest.fixture(autouse=True)
def fresh_probes():
    internals.reset()
    yield
    internals.reset()


def configured(project: Path, jupyter_options: str | None = None):
    """The project's config after every plugin's on_config, as a build's top level sees it."""
    config_file = project / "mkdocs.yml"
    if jupyter_options is not None:
        text = config_file.read_text(encoding="utf-8")
        assert text.count(PLUGIN_LINE) == 1
        config_file.write_text(text.replace(PLUGIN_LINE, f"  - mkdocs-jupyter:\n      {jupyter_options}\n"),
                               encoding="utf-8")
    config = load_config(str(config_file))
    return config.plugins.on_config(config)


@pytest.fixture
def course(tmp_path) -> Path:
    project = tmp_path / "course"
    shutil.copytree(FIXTURE, project)
    return project


def test_a_coop_course_skips_the_jupytext_probe_of_markdown_pages(course, monkeypatch):
    config = configured(course)
    jupyter = config.plugins["mkdocs-jupyter"]
    assert jupyter.config["ignore"] == ["*.md", "*.py"]

    read = []
    monkeypatch.setattr("jupytext.read", lambda path, *a, **k: read.append(path) or {})
    page = File("lessons/01-intro/README.md", str(course), str(course / "site"), True)
    notebook = File("lessons/02-tensors/notebook.ipynb", str(course), str(course / "site"), True)
    assert jupyter.should_include(page) is False
    assert read == [], "jupytext still opened a Markdown page"
    assert jupyter.should_include(notebook) is True, "notebooks must still be rendered"


@pytest.mark.parametrize("options, kept", [("ignore: []", []), ('ignore: ["*.txt"]', ["*.txt"])])
def test_an_ignore_set_in_mkdocs_yml_is_kept(course, options, kept):
    config = configured(course, options)
    assert config.plugins["mkdocs-jupyter"].config["ignore"] == kept


def test_the_folder_layout_is_left_alone(tmp_path):
    docs = tmp_path / "docs" / "en"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Tiny\ntheme:\n  name: material\nplugins:\n  - search\n  - i18n:\n      docs_structure: folder\n"
        "      languages:\n        - locale: en\n          default: true\n          name: English\n"
        "  - mkdocs-jupyter\n  - coop-i18n\n", encoding="utf-8")
    config = configured(tmp_path)
    assert config.plugins["mkdocs-jupyter"].config["ignore"] == []


def test_without_mkdocs_own_record_an_empty_ignore_counts_as_unset(course, monkeypatch, caplog):
    def gone(self):
        raise AttributeError("user_configs")

    monkeypatch.setattr("mkdocs.config.base.Config.user_configs", property(gone))
    config = configured(course)
    assert config.plugins["mkdocs-jupyter"].config["ignore"] == ["*.md", "*.py"]
    assert internals.user_set_option(config.plugins["mkdocs-jupyter"], "ignore") is None
