"""Notebook pages show their code cells and their outputs, in every language.

What the page should show is read from the notebook itself (the translation
where one exists, else the English one the language falls back to).
"""

from __future__ import annotations

import json

import pytest

from reader import NOTEBOOKS, page_url
from site_layout import DEFAULT, LANGUAGES, REPO_ROOT, SITE


def test_there_are_notebooks_to_test():
    assert NOTEBOOKS, "no notebooks under docs/en/"


def _notebook_source(language, notebook):
    translated = REPO_ROOT / SITE.docs_dir / language / notebook
    source = translated if translated.exists() else REPO_ROOT / SITE.docs_dir / DEFAULT / notebook
    return json.loads(source.read_text(encoding="utf-8"))


def _first_line(text) -> str | None:
    text = "".join(text) if isinstance(text, list) else (text or "")
    return next((line.strip() for line in text.splitlines() if line.strip()), None)


def _expected(notebook_json) -> tuple[list[str], list[str], int]:
    """(first line of each code cell, first line of each text output, image outputs) the page must show."""
    code_cells = [cell for cell in notebook_json["cells"] if cell["cell_type"] == "code"]
    texts, images = [], 0
    for cell in code_cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if any(kind.startswith("image/") for kind in data):
                images += 1
            elif line := _first_line(output.get("text") or data.get("text/plain")):
                texts.append(line)
    return [_first_line(cell["source"]) or "" for cell in code_cells], texts, images


def _shown_wrong(page, browser_log, site_url, language, notebook) -> list[str]:
    """What the notebook's page fails to show of the notebook, visited in `page`."""
    code, texts, images = _expected(_notebook_source(language, notebook))
    if not (code and (texts or images)):
        return [f"{notebook} ({language}) has no code cell with output to show"]
    browser_log.visit(page, page_url(site_url, language, notebook))
    wrong = []
    inputs = page.locator(".jp-CodeCell .jp-InputArea").filter(visible=True)
    if inputs.count() != len(code):
        wrong.append(f"{inputs.count()} code cells shown, the notebook has {len(code)}")
    shown_code = inputs.all_inner_texts()
    missing_code = [line for line, shown in zip(code, shown_code) if line not in shown]
    if missing_code:
        wrong.append(f"code cells not shown as in the notebook: {missing_code}")
    output_text = "\n".join(page.locator(".jp-OutputArea-output").filter(visible=True).all_inner_texts())
    missing = [text for text in texts if text not in output_text]
    if missing:
        wrong.append(f"outputs not shown: {missing}")
    shown_images = page.locator(".jp-OutputArea-output img").filter(visible=True)
    if shown_images.count() < images:
        wrong.append(f"{shown_images.count()} of {images} image outputs shown")
    for index in range(shown_images.count()):
        if not shown_images.nth(index).evaluate("img => img.complete && img.naturalWidth > 0"):
            wrong.append(f"output image {index + 1} did not load")
    return [f"{notebook}: {what}" for what in wrong]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_notebook_page_shows_its_cells_and_outputs(site_url, new_context, browser_log, language):
    """One tab per language visits every notebook page in turn (a fresh context for each
    page took twice the wall time here); every page is checked, and all that is wrong is
    reported together, each line naming its notebook."""
    page = new_context().new_page()
    wrong = [problem for notebook in NOTEBOOKS
             for problem in _shown_wrong(page, browser_log, site_url, language, notebook)]
    assert not wrong, f"{language}:\n  " + "\n  ".join(wrong)
