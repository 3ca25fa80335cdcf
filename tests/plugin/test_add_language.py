"""`coop-i18n add-language` adds a language in one step, in both layouts, and the
translation checker then lists every page as missing for it. Always on copies."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from mkdocs_coop_i18n.cli import append_language
from mkdocs_coop_i18n.ui_strings import KEYS
from site_build import REPO_ROOT, mkdocs_env

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "coop-course"
FOLDER_SITE = """\
# A comment that must stay.
site_name: Tiny
plugins:
  - i18n:
      docs_structure: folder
      languages:
        # the source
        - locale: en
          default: true
          name: English
        - locale: sv
          name: Svenska
          nav_translations:
            Home: Hem
  # after the languages
  - coop-i18n:
      ui_strings_dir: ui
nav:
  - Home: index.md
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=mkdocs_env(), capture_output=True, text=True, timeout=120)


def missing_pages(root: Path, language: str, coop: bool) -> tuple[set[str], set[str]]:
    """(pages whose only problem is `missing`, every page) for `language`, from the checker's JSON."""
    args = ["coop_translations", "check", "--format", "json", *(["--root", "."] if coop else [])]
    report = json.loads(run(*args, cwd=root).stdout)
    mine = [r for r in report["results"] if r["language"] == language]
    return ({r["source"] for r in mine if [p["code"] for p in r["problems"]] == ["missing"]},
            {r["source"] for r in mine})


def test_coop_layout_gets_a_language_folder_and_its_ui_strings(tmp_path):
    course = shutil.copytree(FIXTURE, tmp_path / "course")
    result = run("mkdocs_coop_i18n.cli", "add-language", "de", cwd=course)
    assert result.returncode == 0, result.stderr
    assert (course / "translations" / "de").is_dir()
    strings = yaml.safe_load((course / ".coop-i18n" / "de.yml").read_text(encoding="utf-8"))
    assert set(strings) == set(KEYS)
    assert (course / ".coop-i18n" / "de.glossary.md").is_file()
    missing, pages = missing_pages(course, "de", coop=True)
    assert pages and missing == pages, pages - missing
    again = run("mkdocs_coop_i18n.cli", "add-language", "de", cwd=course)
    assert again.returncode == 1 and "exists already" in again.stderr


def test_folder_layout_gets_a_config_entry_that_keeps_comments(tmp_path):
    site = tmp_path / "site"
    (site / "docs" / "en").mkdir(parents=True)
    (site / "docs" / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    (site / "docs" / "en" / "glossary.md").write_text("# Glossary\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text(FOLDER_SITE, encoding="utf-8")
    result = run("mkdocs_coop_i18n.cli", "add-language", "pl", "--name", "Polski", cwd=site)
    assert result.returncode == 0, result.stderr
    text = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "# A comment that must stay." in text and "# after the languages" in text
    assert text.index("- locale: pl") < text.index("# after the languages")
    languages = yaml.safe_load(text)["plugins"][0]["i18n"]["languages"]
    assert [entry["locale"] for entry in languages] == ["en", "sv", "pl"]
    assert languages[2] == {"locale": "pl", "name": "Polski", "build": True}
    assert languages[1]["nav_translations"] == {"Home": "Hem"}
    assert (site / "ui" / "pl.yml").is_file() and (site / "ui" / "pl.glossary.md").is_file()
    missing, pages = missing_pages(site, "pl", coop=False)
    assert pages == {"docs/en/index.md", "docs/en/glossary.md"} and missing == pages
    again = run("mkdocs_coop_i18n.cli", "add-language", "pl", cwd=site)
    assert again.returncode == 1 and "already" in again.stderr
    assert run("mkdocs_coop_i18n.cli", "add-language", "Polish", cwd=site).returncode == 1


def test_append_language_keeps_crlf_and_a_last_entry_without_newline():
    text = "plugins:\r\n  - i18n:\r\n      languages:\r\n        - locale: en\r\n          default: true"
    out = append_language(text, "sw", "Kiswahili")
    assert out.endswith("        - locale: sw\r\n          name: \"Kiswahili\"\r\n          build: true\r\n")
