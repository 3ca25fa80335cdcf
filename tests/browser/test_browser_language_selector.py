"""The language selector on a lesson page takes the reader to the same lesson in each language.

One lesson in the browser (a reader's round trip through every language);
tests/site/test_links.py checks every page's selector links in the HTML.
"""

from __future__ import annotations

from reader import LESSONS, choose_language, html_lang, page_url
from site_layout import LANGUAGES


def test_selector_leads_to_the_same_lesson_in_every_language(site_url, new_context, browser_log):
    assert LESSONS, "no docs/en/lessons/*/index.md found"
    lesson = LESSONS[0]
    # A round trip en -> sv -> ... -> zh -> en: every language's selector is used once.
    page = new_context().new_page()
    browser_log.visit(page, page_url(site_url, LANGUAGES[0], lesson))
    for target in [*LANGUAGES[1:], LANGUAGES[0]]:
        came_from = page.url
        choose_language(page, target)
        browser_log.settle(page)
        assert page.url == page_url(site_url, target, lesson), f"{came_from} -> {target}"
        assert html_lang(page) == target, f"{came_from} -> {target}: page is in {html_lang(page)}"
