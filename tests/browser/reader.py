"""What a reader does on the site, in Playwright terms: shared by the browser tests."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from playwright.sync_api import Page

from site_layout import built_page, source_pages

PAGES = source_pages()
LESSONS = [page for page in PAGES if page.parts[0] == "lessons" and page.suffix == ".md"]
NOTEBOOKS = [page for page in PAGES if page.suffix == ".ipynb"]


def page_path(language: str, page: PurePosixPath) -> str:
    """URL path of a page below the site root: "" for the English home, "sv/lessons/x/" etc."""
    folder = built_page(Path("/"), language, page).parent.relative_to("/").as_posix()
    return "" if folder == "." else folder + "/"


def page_url(root_url: str, language: str, page: PurePosixPath) -> str:
    return root_url + page_path(language, page)


def choose_language(page: Page, language: str) -> None:
    """Open the header's language menu (it opens on hover) and pick a language."""
    selector = page.locator(".md-header .md-select").filter(has=page.locator(f"a[hreflang='{language}']"))
    selector.hover()
    with page.expect_navigation():
        selector.locator(f"a.md-select__link[hreflang='{language}']").click()


def selected_tabs(page: Page) -> list[dict]:
    """For every tab set on the page: its labels, the checked one, and the labels whose blocks are visible."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.tabbed-set')].map(set => {
            const inputs = [...set.querySelectorAll(':scope > input')];
            const checked = inputs.findIndex(input => input.checked);
            const labels = [...set.querySelectorAll(':scope > .tabbed-labels > label')];
            const blocks = [...set.querySelectorAll(':scope > .tabbed-content > .tabbed-block')];
            const shown = blocks.map(block => block.checkVisibility());
            return {
                labels: labels.map(label => label.innerText.trim()),
                selected: checked >= 0 ? labels[checked].innerText.trim() : null,
                shown: shown.flatMap((visible, i) => visible ? [labels[i].innerText.trim()] : []),
            };
        })"""
    )


def html_lang(page: Page) -> str | None:
    return page.locator("html").get_attribute("lang")

