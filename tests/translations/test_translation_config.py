"""mkdocs.yml is read through MkDocs' own loader: `!ENV` and `INHERIT` work as in a build."""
from __future__ import annotations

import pytest

from coop_translations import ConfigError, check_project
from coop_translations.config import load_site_config
from translation_trees import MKDOCS_YML, SOURCE, SOURCE_PAGE

I18N = """\
plugins:
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
        - locale: sv
"""


def test_env_tag_sets_docs_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_DOCS", "pages")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: !ENV [LESSON_DOCS, docs]\n" + I18N)
    config = load_site_config(tmp_path)
    assert config.docs_dir == "pages" and config.languages == ("en", "sv")
    monkeypatch.delenv("LESSON_DOCS")
    assert load_site_config(tmp_path).docs_dir == "docs"


def test_inherit_takes_languages_from_the_parent(tmp_path):
    (tmp_path / "base.yml").write_text("site_name: base\n" + I18N)
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: child\ndocs_dir: docs\n")
    config = load_site_config(tmp_path)
    assert config.languages == ("en", "sv") and config.default_language == "en"


def test_inherit_of_a_missing_file_is_a_config_error(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("INHERIT: nowhere.yml\n" + I18N)
    with pytest.raises(ConfigError, match="nowhere.yml"):
        load_site_config(tmp_path)


def test_python_tags_are_never_imported(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\nextra: !!python/name:no_such_module.anything\n" + I18N)
    assert load_site_config(tmp_path).languages == ("en", "sv")


def test_a_project_checks_through_an_inherited_config(tmp_path):
    (tmp_path / "base.yml").write_text(MKDOCS_YML)
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\n")
    (tmp_path / SOURCE).parent.mkdir(parents=True)
    (tmp_path / SOURCE).write_text(SOURCE_PAGE)
    report = check_project(tmp_path)
    assert {r.language for r in report.results} == {"sv", "zh"}
