"""The sidebar shows every page by its title, in every language.

Every page but the lesson notebooks: they are opened from their lesson page
("Run this lesson as a notebook", checked in tests/snippets/test_notebooks.py),
sixteen of them would bury the lessons in the sidebar.

Found from a screenshot: a page can vanish from the sidebar while its build
and its links are fine (Material's navigation.indexes turns the first
`index.md` of a section into the section's own page).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import pytest

from reader import PAGES, page_url
from site_layout import LANGUAGES, built_page

HOME = PurePosixPath("index.md")
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _nav_title(site, language, page) -> str:
    """The page's title as the build gave it: <title> is "<page title> - <site name>"."""
    html = built_page(site, language, page).read_text(encoding="utf-8")
    return TITLE.search(html).group(1).rsplit(" - ", 1)[0].strip()


@pytest.mark.parametrize("language", LANGUAGES)
def test_sidebar_lists_every_page_by_title(built_site, site_url, new_context, browser_log, language):
    page = new_context().new_page()
    browser_log.visit(page, page_url(site_url, language, HOME))
    shown = page.locator("nav.md-nav--primary a.md-nav__link").evaluate_all(
        "links => links.filter(a => a.checkVisibility()).map(a => [a.href, a.innerText.trim()])"
    )
    shown = {(href, text) for href, text in shown}
    missing = []
    for source in PAGES:
        if source.match("lessons/*/*.ipynb"):
            continue
        expected = (page_url(site_url, language, source), _nav_title(built_site, language, source))
        if source != HOME and expected not in shown:
            missing.append(f"{expected[1]!r} -> {expected[0]}")
    assert not missing, f"{language}: sidebar lacks {missing}; it shows {sorted(text for _, text in shown)}"
