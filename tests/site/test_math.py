"""Formulas are MathML in the built pages: rendered by the browser, offline, in every language, readable in search."""

from __future__ import annotations

import json
import re

import pytest
from mkdocs.exceptions import PluginError

from site_layout import LANGUAGES, language_root
from tools.hooks.math_mathml import convert_notebook_math, convert_page_math

from test_offline_and_assets import Requests, is_external

LESSON_WITH_FORMULAS = "lessons/02-autograd/index.html"
_NOT_PROSE = re.compile(r"<(pre|code|script|style)\b.*?</\1>|<math\b.*?</math>", re.DOTALL)


def prose(html: str) -> str:
    """The page's text outside code, scripts and formulas, tags removed."""
    return re.sub(r"<[^>]+>", " ", _NOT_PROSE.sub(" ", html))


def test_arithmatex_latex_becomes_mathml():
    html = ('<p>Step <span class="arithmatex">\\(w - \\eta \\, x &lt; 1\\)</span></p>'
            '<div class="arithmatex">\\[\n\\frac{\\partial L}{\\partial w}\n\\]</div>')
    out = convert_page_math(html, "page.md")
    assert out.count("<math") == 2 and 'display="block"' in out and 'display="inline"' in out
    assert "\\(" not in out and "\\[" not in out and "<mfrac>" in out
    assert "<mo>&#x0003C;</mo>" in out, "the page's HTML escapes are undone before conversion"


def test_notebook_dollars_become_mathml_outside_code():
    html = '<p>Loss $L = x^2$ costs $$\\frac{1}{2}$$.</p><pre>echo $HOME $x$</pre><code>$y$</code>'
    out = convert_notebook_math(html, "lesson.ipynb")
    assert out.count("<math") == 2
    assert out.endswith("<pre>echo $HOME $x$</pre><code>$y$</code>")


def test_a_formula_latex2mathml_cannot_read_names_the_page():
    with pytest.raises(PluginError, match=r"page\.md.*'x\^'"):
        convert_page_math('<span class="arithmatex">\\(x^\\)</span>', "page.md")
    with pytest.raises(PluginError, match=r"unknown command \\lamda"):
        convert_page_math('<span class="arithmatex">\\(\\lamda x\\)</span>', "page.md")


@pytest.mark.slow
def test_lesson_formulas_are_mathml_with_no_delimiters_left(built_site):
    html = (built_site / LESSON_WITH_FORMULAS).read_text(encoding="utf-8")
    assert html.count("<math") >= 3, "the gradient-descent formulas should be MathML"
    text = prose(html)
    assert "$" not in text and "\\(" not in text and "\\[" not in text, "raw LaTeX delimiters left in the page"
    parser = Requests()
    parser.feed(html)
    assert not [url for url in parser.urls if is_external(url)], "the page fetches something from another origin"
    assert "mathjax" not in " ".join(parser.urls).lower() and "katex" not in " ".join(parser.urls).lower()


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_formula_is_left_as_latex_in_any_language(built_site, language):
    root = language_root(built_site, language)
    left = [page.relative_to(built_site).as_posix() for page in root.rglob("*.html")
            if re.search(r'class="arithmatex">\\[(\[]', page.read_text(encoding="utf-8"))]
    assert not left, f"formulas left as LaTeX in: {left[:5]}"


@pytest.mark.slow
def test_search_gets_the_formulas_text_not_mathml(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [doc for doc in index["docs"] if doc["location"].startswith("lessons/02-autograd/")]
    text = " ".join(doc["text"] for doc in docs)
    assert "η" in text and "∂" in text, "the formula's symbols should be searchable text"
    assert not re.search(r"<(math|mi|mo|mn|mrow|mfrac)\b", text), "MathML markup leaked into the search index"
