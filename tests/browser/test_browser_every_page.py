"""Every page of every language loads in the browser without a console error, a failed
or 404 request, or a request outside the site (the BrowserLog checks each page).

Notebook pages are the exception: test_browser_notebooks.py visits each of them in
every language with the same BrowserLog checks, and also reads their cells, so they
are not loaded twice (half the pages, and the heaviest).

The pages are the built ones, found on disk, so new lessons and translations are
visited as soon as they are built. On the way, a screenshot of the first lesson
in each language is saved under test-artifacts/screenshots/ (a reader's view, for
reviewing the rendering of each script; never committed).
"""

from __future__ import annotations

import pytest

from reader import LESSONS, NOTEBOOKS, html_lang, page_path
from site_layout import DEFAULT, LANGUAGES, language_root

NOT_FOUND_PAGE = "404.html"


def built_pages(site, language) -> list[str]:
    """URL paths below the site root of the language's built pages (the 404 page aside),
    notebook pages included."""
    root = language_root(site, language)
    others = {code for code in LANGUAGES if code != DEFAULT} if language == DEFAULT else set()
    prefix = "" if language == DEFAULT else f"{language}/"
    paths = []
    for html in sorted(root.rglob("*.html")):
        relative = html.relative_to(root)
        if relative.parts[0] in others or relative.as_posix() == NOT_FOUND_PAGE:
            continue
        paths.append(prefix + relative.as_posix().removesuffix("index.html"))
    return paths


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_loads_cleanly(built_site, site_url, new_context, browser_log, screenshot_dir, language):
    pages = built_pages(built_site, language)
    notebook_pages = {page_path(language, notebook) for notebook in NOTEBOOKS}
    assert notebook_pages <= set(pages), f"{language}: notebook pages not built: {notebook_pages - set(pages)}"
    pages = [path for path in pages if path not in notebook_pages]
    assert len(pages) > len(LESSONS), f"{language}: only {pages} built"
    screenshot_of = page_path(language, LESSONS[0])
    assert screenshot_of in pages, f"{language}: {screenshot_of} was not built"
    page = new_context().new_page()
    wrong_language = []
    for path in pages:
        browser_log.visit(page, site_url + path)
        if html_lang(page) != language:
            wrong_language.append(f"{path}: {html_lang(page)}")
        assert page.title().strip(), f"{path} has no title"
        if path == screenshot_of:
            _screenshot(page, screenshot_dir / f"{language}-{LESSONS[0].parent.name}.png")
    assert not wrong_language, f"{language}: pages in another language: {wrong_language}"


def _screenshot(page, target) -> None:
    page.evaluate("document.fonts.ready")
    target.unlink(missing_ok=True)
    page.screenshot(path=target, full_page=True)
    assert target.stat().st_size > 10_000, f"{target} looks empty"


def test_not_found_page_loads_cleanly(site_url, new_context, browser_log):
    # What a static host shows for any missing URL: the site's 404.html (with status 404).
    page = new_context().new_page()
    browser_log.visit(page, site_url + NOT_FOUND_PAGE)
    assert html_lang(page) == DEFAULT
    assert page.locator(".md-select a[hreflang]").count() == len(LANGUAGES)
