"""Every English page (notebooks included) is built in every language, as a real page."""

from __future__ import annotations

import json
import re

import pytest

from site_layout import DEFAULT, LANGUAGES, REPO_ROOT, SITE, built_page, language_root, source_pages

PAGES = source_pages()
NOTEBOOKS = [page for page in PAGES if page.suffix == ".ipynb"]


def test_the_unit_has_pages_and_notebooks():
    assert any(page.suffix == ".md" for page in PAGES)
    assert NOTEBOOKS, "docs/en/ should hold the unit's notebooks"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_english_page_exists_with_the_right_html_lang(built_site, language):
    missing, wrong_lang = [], []
    for page in PAGES:
        html_file = built_page(built_site, language, page)
        if not html_file.is_file():
            missing.append(str(page))
            continue
        match = re.search(r'<html lang="([^"]+)"', html_file.read_text(encoding="utf-8"))
        if not match or match.group(1) != language:
            wrong_lang.append(f"{page}: {match.group(1) if match else 'no lang'}")
    assert not missing, f"{language}: pages not built: {missing}"
    assert not wrong_lang, f"{language}: wrong <html lang>: {wrong_lang}"


def _first_markdown_line(notebook) -> str:
    cell = next(c for c in notebook["cells"] if c["cell_type"] == "markdown")
    source = "".join(cell["source"])
    return next(line for line in source.splitlines() if line.strip()).lstrip("# ").strip()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=str)
def test_notebooks_render_as_pages_with_cells_and_outputs(built_site, language, notebook):
    html = built_page(built_site, language, notebook).read_text(encoding="utf-8")
    assert not html.lstrip().startswith("{"), "notebook was copied as raw JSON"
    assert "jp-Cell" in html and "jp-CodeCell" in html, "no rendered notebook cells"
    assert "jp-OutputArea-output" in html, "no rendered cell outputs"
    translated = REPO_ROOT / SITE.docs_dir / language / notebook
    source = translated if translated.exists() else REPO_ROOT / SITE.docs_dir / DEFAULT / notebook
    title = _first_markdown_line(json.loads(source.read_text(encoding="utf-8")))
    assert title in html, f"{language}: expected the text of {source.relative_to(REPO_ROOT)}"
    # The notebook itself is offered for download beside its page.
    assert (built_page(built_site, language, notebook).parent / notebook.name).is_file()


def test_root_404_is_the_english_one(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{DEFAULT}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_site_name_is_localized(built_site, language):
    home = (language_root(built_site, language) / "index.html").read_text(encoding="utf-8")
    names = re.findall(r'<title>(.*?)</title>', home)
    assert names, "home page has no <title>"
    if language != DEFAULT:
        english = (built_site / "index.html").read_text(encoding="utf-8")
        assert re.findall(r'<title>(.*?)</title>', english) != names, f"{language} kept the English site name"


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != DEFAULT])
def test_every_page_is_a_real_translation_not_the_english_fallback(built_site, language):
    fallbacks = [str(page) for page in PAGES
                 if "translation-missing" in built_page(built_site, language, page).read_text(encoding="utf-8")]
    assert not fallbacks, f"{language}: shown in English: {fallbacks}"
