"""A reader who picks TensorFlow once sees TensorFlow on the next page and in every language.

Material's linked content tabs (feature content.tabs.link) store the choice in
localStorage under the site's scope, which every language must share, and
match tabs by label, which is why labels are never translated.
"""

from __future__ import annotations

from playwright.sync_api import Page

from reader import choose_language, selected_tabs
from site_layout import LANGUAGES

CHOICE = "TensorFlow"


def _follow_next_until_tabs(page: Page, browser_log) -> list[str]:
    """Click the footer's "next" link until a page with tab sets; the pages passed on the way."""
    passed = []
    while not selected_tabs(page):
        passed.append(page.url)
        next_link = page.locator("a.md-footer__link--next")
        assert next_link.count(), f"no page with code tabs after {passed}"
        with page.expect_navigation():
            next_link.click()
        browser_log.settle(page)
    return passed


def _assert_choice_shown(page: Page, where: str) -> None:
    sets = [tab_set for tab_set in selected_tabs(page) if CHOICE in tab_set["labels"]]
    assert sets, f"{where}: no tab set offers {CHOICE} on {page.url}"
    wrong = [tab_set for tab_set in sets if tab_set["selected"] != CHOICE or tab_set["shown"] != [CHOICE]]
    assert not wrong, f"{where}: {page.url} shows {wrong}"


def test_tensorflow_choice_follows_the_reader(site_url, new_context, browser_log):
    page = new_context().new_page()
    browser_log.visit(page, site_url)
    _follow_next_until_tabs(page, browser_log)
    first = page.url
    # The control: a fresh reader sees the first tab (PyTorch), so a kept choice is told from the default.
    fresh = selected_tabs(page)
    assert all(tab_set["selected"] == tab_set["labels"][0] != CHOICE for tab_set in fresh), f"before any click: {fresh}"

    page.locator(".tabbed-set > .tabbed-labels > label", has_text=CHOICE).first.click()
    _assert_choice_shown(page, "the page where it was chosen")

    # The next page in the site's order that has tabs.
    with page.expect_navigation():
        page.locator("a.md-footer__link--next").click()
    browser_log.settle(page)
    _follow_next_until_tabs(page, browser_log)
    assert page.url != first
    _assert_choice_shown(page, f"next page after {first}")

    # The same page in every other language, through the language selector.
    for language in LANGUAGES[1:]:
        choose_language(page, language)
        browser_log.settle(page)
        _assert_choice_shown(page, f"after switching to {language}")

