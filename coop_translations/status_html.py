"""The HTML the site shows about translation freshness: banners, notes, the status
matrix and the diff pages. Pure functions of the status and the reader's strings
(mkdocs.yml: plugins > i18n > languages > extra > translation_status), so the hook
only decides where they go.

Changes are rendered here as HTML, not as a ```diff block in Markdown: the
snippets extension would expand an unchanged `--8<--` line inside the block.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import DiffLexer

from .diffing import DiffResult
from .status import BROKEN, STALE_STATE, STATES, Freshness

STRING_KEYS = (
    "outdated_title", "outdated_stale", "outdated_broken", "english_link", "not_translated",
    "status_intro", "status_guide", "page", *STATES, *(f"{state}_means" for state in STATES),
    "diff_title", "diff_intro", "diff_sections",
)
# Placeholders each string must keep, in every language.
PLACEHOLDERS = {"outdated_stale": ("{date}",), "diff_title": ("{page}",),
                "diff_intro": ("{path}", "{date}")}
MATRIX_PLACEHOLDER = '<div class="translation-matrix"></div>'
_SEARCH_EXCLUDE = "data-search-exclude"   # Material's search skips the element
_FULL_WIDTH_STOPS = ("。", "！", "？")        # CJK text needs no space after these


def usable_string(key: str, value) -> bool:
    """Text that renders: the placeholders its key needs, and no others."""
    if not isinstance(value, str) or not value.strip():
        return False
    needed = PLACEHOLDERS.get(key, ())
    try:
        value.format(**{name.strip("{}"): "" for name in needed})
    except (KeyError, IndexError, ValueError):
        return False
    return all(name in value for name in needed)


def short_date(date: str | None) -> str:
    """2025-01-30 from co-op-translator's 2025-01-30T13:02:53+00:00: readable in every language."""
    return (date or "")[:10]


def outdated_banner(entry: Freshness, strings: dict[str, str], english_url: str | None) -> str:
    """The warning on a stale or broken translation, in its own language."""
    if entry.state == STALE_STATE:
        text = escape(strings["outdated_stale"]).format(date=escape(short_date(entry.date) or "?"))
    else:
        text = escape(strings["outdated_broken"])
    space = "" if text.endswith(_FULL_WIDTH_STOPS) else " "
    link = (f'{space}<a href="{escape(english_url)}" hreflang="en">{escape(strings["english_link"])}</a>'
            if english_url else "")
    return (f'<div class="admonition warning translation-outdated translation-{entry.state}" '
            f'{_SEARCH_EXCLUDE}>\n<p class="admonition-title">{escape(strings["outdated_title"])}</p>\n'
            f"<p>{text}{link}</p>\n</div>\n")


def not_translated_note(strings: dict[str, str]) -> str:
    """The note on an English page shown in place of a missing translation."""
    return (f'<div class="admonition note translation-missing" {_SEARCH_EXCLUDE}>\n'
            f'<p>{escape(strings["not_translated"])}</p>\n</div>\n')


_LEADING_TITLE = re.compile(r"\A(?:\s*<!--.*?-->)*\s*<h1[^>]*>.*?</h1>", re.S)


def with_banner(content: str, banner: str) -> str:
    """The banner right under the page's title when it starts with one (comments, such as
    the translation metadata, may come first), else on top."""
    title = _LEADING_TITLE.match(content)
    if title:
        return content[:title.end()] + "\n" + banner + content[title.end():]
    return banner + content


def status_markdown(strings: dict[str, str]) -> str:
    """The status page's source: the matrix is filled in once every page has its title."""
    legend = "\n".join(f"- **{strings[state]}**: {strings[state + '_means']}" for state in STATES)
    return (f"---\nhide:\n  - toc\n---\n\n{strings['status_intro']}\n\n{MATRIX_PLACEHOLDER}\n\n"
            f"{legend}\n\n{strings['status_guide']}\n")


@dataclass(frozen=True)
class Row:
    page: str            # relative to the source folder
    title: str           # in the reader's language where translated
    url: str | None      # the page in the reader's language, relative to the status page


@dataclass(frozen=True)
class Column:
    language: str
    name: str            # the language's own name: Svenska, 中文


def matrix(rows: list[Row], columns: list[Column], entries: dict[tuple[str, str], Freshness],
           strings: dict[str, str], cell_url) -> str:
    """A page x language table; `cell_url(entry)` is where a cell links (None: no link)."""
    head = "".join(f'<th lang="{escape(c.language)}">{escape(c.name)}</th>' for c in columns)
    body = []
    for row in rows:
        title = escape(row.title)
        cells = [f'<td><a href="{escape(row.url)}">{title}</a></td>' if row.url else f"<td>{title}</td>"]
        for column in columns:
            entry = entries.get((column.language, row.page))
            cells.append(_cell(entry, strings, cell_url(entry) if entry else None)
                         if entry else "<td></td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="translation-matrix" {_SEARCH_EXCLUDE}>\n<table>\n<thead><tr><th>{escape(strings["page"])}</th>'
            f"{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>\n</div>")


_BAR_COLOURS = {"fresh": "#2e7d32", "stale": "#f9a825", "missing": "#9e9e9e", "broken": "#c62828"}


def bars(columns: list[Column], entries: dict[tuple[str, str], Freshness], strings: dict[str, str]) -> str:
    """One bar per language, its segments as wide as the share of pages in each state,
    then the counts in words: each language's state at a glance, in HTML and inline CSS."""
    rows = []
    for column in columns:
        counts = {state: 0 for state in STATES}
        for (language, _page), entry in entries.items():
            if language == column.language:
                counts[entry.state] += 1
        total = sum(counts.values()) or 1
        segments = "".join(
            f'<span class="translation-bar-{state}" data-state="{state}" data-count="{count}" '
            f'title="{escape(strings[state])}: {count}" style="display:inline-block;height:100%;'
            f'width:{100 * count / total:.4g}%;background:{_BAR_COLOURS[state]}"></span>'
            for state, count in counts.items() if count)
        words = " · ".join(f"{escape(strings[state])}: {count}" for state, count in counts.items())
        rows.append(
            f'<p class="translation-bar" data-language="{escape(column.language)}" style="margin:.4em 0">'
            f'<span lang="{escape(column.language)}" style="display:inline-block;min-width:8em">{escape(column.name)}</span>'
            f'<span class="translation-bar-track" style="display:inline-flex;vertical-align:middle;width:16em;'
            f'max-width:50%;height:.8em;background:#eee;border-radius:.2em;overflow:hidden">{segments}</span> '
            f'<small>{words}</small></p>')
    return f'<div class="translation-bars" {_SEARCH_EXCLUDE}>\n' + "\n".join(rows) + "\n</div>\n"


def _cell(entry: Freshness, strings: dict[str, str], url: str | None) -> str:
    word = escape(strings[entry.state])
    label = f'<a href="{escape(url)}">{word}</a>' if url else word
    date = short_date(entry.date)
    when = f'<br><time datetime="{escape(entry.date)}">{escape(date)}</time>' if date else ""
    codes = sorted({p.code for p in entry.problems if entry.state == BROKEN})
    title = f' title="{escape(", ".join(codes))}"' if codes else ""
    return (f'<td data-language="{escape(entry.language)}" data-page="{escape(entry.page)}" '
            f'data-state="{entry.state}"{title}>{label}{when}</td>')


def diff_markdown(strings: dict[str, str], entry: Freshness) -> str:
    """A diff page's source: its title; the rest is HTML (see the module docstring)."""
    title = strings["diff_title"].format(page=f"`{entry.page}`")
    return f"---\nsearch:\n  exclude: true\nhide:\n  - toc\n---\n\n# {title}\n"


@lru_cache(maxsize=512)   # the same diff is shown in every language's site
def highlighted_diff(text: str) -> str:
    """Pygments' markup for a ```diff block, as Material styles it."""
    return highlight(text, DiffLexer(), HtmlFormatter(cssclass="language-diff highlight", wrapcode=True))


def diff_body(strings: dict[str, str], entry: Freshness, diff: DiffResult) -> str:
    intro = escape(strings["diff_intro"]).format(path=f"<code>{escape(entry.path)}</code>",
                                         date=escape(short_date(entry.date) or "?"))
    parts = [f"<p>{intro}</p>", f'<p lang="en">{escape(diff.message)}</p>']
    if diff.changed_headings:
        items = "".join(f"<li><code>{escape(heading)}</code></li>" for heading in diff.changed_headings)
        parts.append(f"<h2>{escape(strings['diff_sections'])}</h2>\n<ul>{items}</ul>")
    if diff.text:
        parts.append(highlighted_diff(diff.text))
    return '<div class="translation-diff">\n' + "\n".join(parts) + "\n</div>\n"

