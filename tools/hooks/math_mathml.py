"""Formulas become MathML when the site is built, so math renders without any script or CDN.

Pages write LaTeX between `$...$` (inline) or `$$...$$` (display);
pymdownx.arithmatex (generic mode) leaves it in `<span class="arithmatex">\\(...\\)</span>`
and `<div class="arithmatex">\\[...\\]</div>` for a script that this site does not load.
Here latex2mathml turns it into `<math>` elements, which every current browser
renders natively: the site stays offline (no MathJax or KaTeX from a CDN, no
JavaScript, nothing to download), and it works the same in all six languages.

Notebook pages get the same treatment: nbconvert leaves `$...$` in markdown cells
for MathJax, which mkdocs-jupyter would fetch from a CDN.

This runs in `on_page_content`, before the search plugin reads the page: the index
gets the formula's text as a reader would copy it (`w ← w − η∂L∂w`), because
Material's indexer keeps the text of elements it does not know and drops their tags.
A formula that latex2mathml cannot read stops the build, naming the page and the formula.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_ARITHMATEX = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<block>.*?)\\\])</(?P=tag)>',
    re.DOTALL,
)
# In notebook pages: code (highlighted cells, outputs, inline code) and scripts keep their dollars.
_CODE = re.compile(r"<(pre|code|script|style)\b.*?</\1>", re.DOTALL)
_NOTEBOOK_MATH = re.compile(r"\$\$(?P<block>.+?)\$\$|(?<![\\$\w])\$(?P<inline>[^\s$](?:[^$\n]*?[^\s\\$])?)\$(?![\w$])",
                            re.DOTALL)


@lru_cache(maxsize=None)
def to_mathml(latex: str, display: str) -> str:
    mathml = convert(latex.strip(), display=display)
    # latex2mathml prints a command it does not know as text (`<mi>\foo</mi>`): a typo would reach readers.
    unknown = re.search(r">(\\[A-Za-z]+)<", mathml)
    if unknown:
        raise ValueError(f"unknown command {unknown.group(1)}")
    return mathml


def _convert(latex: str, display: str, where: str) -> str:
    try:
        return to_mathml(html.unescape(latex), display)
    except Exception as error:  # noqa: BLE001 - latex2mathml raises many kinds of errors
        raise PluginError(f"{where}: cannot convert the formula {html.unescape(latex).strip()!r} to MathML "
                          f"({type(error).__name__}: {error}). Write it in plain LaTeX math.") from None


def convert_page_math(content: str, where: str) -> str:
    """Replace arithmatex's LaTeX with MathML (the wrapper keeps its class, for styling)."""
    def replace(match: re.Match) -> str:
        display = "inline" if match.group("inline") is not None else "block"
        latex = match.group("inline") if display == "inline" else match.group("block")
        return f'<{match.group("tag")} class="arithmatex">{_convert(latex, display, where)}</{match.group("tag")}>'

    return _ARITHMATEX.sub(replace, content)


def convert_notebook_math(content: str, where: str) -> str:
    """Replace `$...$` and `$$...$$` outside code with MathML."""
    def replace(match: re.Match) -> str:
        if match.group("block") is not None:
            return f'<div class="arithmatex">{_convert(match.group("block"), "block", where)}</div>'
        return f'<span class="arithmatex">{_convert(match.group("inline"), "inline", where)}</span>'

    pieces, last = [], 0
    for code in _CODE.finditer(content):
        pieces.append(_NOTEBOOK_MATH.sub(replace, content[last:code.start()]))
        pieces.append(code.group())
        last = code.end()
    pieces.append(_NOTEBOOK_MATH.sub(replace, content[last:]))
    return "".join(pieces)


@event_priority(50)  # before the search plugin's on_page_context reads page.content
def on_page_content(html_content: str, page, config, files) -> str:
    where = page.file.src_uri
    if where.endswith(".ipynb"):
        return convert_notebook_math(html_content, where)
    return convert_page_math(html_content, where)
