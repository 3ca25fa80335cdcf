"""Searching in each language finds the word a reader of that language types, and only that language's pages.

Runs on the probe site (tests/search_probe.py): a page in every language with
words a reader would type, so the test does not wait for translations.
The Danish probe also holds "tensorer": a Swedish search that offered it would
mean the languages share one index.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from search_probe import PROBE_PAGE, TYPED
from site_layout import DEFAULT, LANGUAGES

PROBE_PATH = PROBE_PAGE.removesuffix(".md") + "/"


def _language_prefix(language: str) -> str:
    return "/" if language == DEFAULT else f"/{language}/"


def _language_of(path: str) -> str:
    first = path.strip("/").split("/")[0]
    return first if first in LANGUAGES and first != DEFAULT else DEFAULT


def _search(page, word: str) -> tuple[str, list[str]]:
    """Type word into the header's search box; (Material's result summary, result URL paths)."""
    search = page.locator("input.md-search__input")
    search.click()
    search.type(word)
    search.press("End")  # type() of non-Latin text fires no keyup, and Material searches on keyup
    meta = page.locator(".md-search-result__meta")
    done = page.evaluate(
        "(t => [t['search.result.none'], t['search.result.one'], t['search.result.other']])"
        "(JSON.parse(document.getElementById('__config').textContent).translations)"
    )
    # The summary shows the placeholder ("Type to start searching") until the search has run, and
    # "Initializing search" while the worker still builds its index (slow on a loaded machine):
    # wait for one of the result summaries ("No matching documents", "1 ...", "# ...").
    page.wait_for_function(
        """([meta, done]) => {
            const text = meta.innerText.trim();
            return text === done[0] || text === done[1]
                || new RegExp("^" + done[2].split("#").map(s => s.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&")).join("\\\\d+") + "$").test(text);
        }""",
        arg=[meta.element_handle(), done],
        timeout=60_000,
    )
    # Material shows the first results and renders more as the list scrolls: scroll to the end,
    # so a page that ranks below the others (many lessons use the word too) is still seen.
    links = page.locator(".md-search-result__link")
    count = -1
    while links.count() != count:
        count = links.count()
        if count:
            links.nth(count - 1).scroll_into_view_if_needed()
        page.wait_for_timeout(300)
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    return meta.inner_text(), [urlsplit(href).path for href in hrefs]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_typed_word_in_the_readers_language(probe_url, new_context, browser_log, language):
    page = new_context().new_page()
    home = probe_url + _language_prefix(language).lstrip("/")
    with page.expect_response(lambda response: response.url.endswith("/search_index.json")) as index:
        browser_log.visit(page, home)
    assert index.value.url == f"{home}search/search_index.json", f"{language} pages load another language's index"

    summary, results = _search(page, TYPED[language])
    expected = _language_prefix(language) + PROBE_PATH
    assert expected in results, f"{language}: searching {TYPED[language]!r} offered {results} ({summary!r})"
    foreign = [path for path in results if _language_of(path) != language]
    assert not foreign, f"{language}: search offered pages of other languages: {foreign}"

    # The result takes the reader to the probe page in their language.
    with page.expect_navigation():
        page.locator(f".md-search-result__link[href*='/{PROBE_PATH}']").first.click()
    browser_log.settle(page)
    assert urlsplit(page.url).path == expected
