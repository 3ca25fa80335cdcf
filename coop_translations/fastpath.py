"""The fast path of structure-drift: most translations are structurally fine, and a
handful of C-level scans (counts, substring search, findall) prove it without
building the exact structure; only a page that fails them gets the line-accurate
comparison (structure.py, drift.py).

Sound by construction and by test (tests/translations: a fuzz test checks that
whatever passes here has no drift in the full comparison). What it cannot see is
a code block that moved relative to the prose while every token kept its order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .structure import Structure, _attribute_list, _inside, line_end, snippet_lines, tab_labels

# A heading (up to three spaces in) and the rest of its line; a literal "#" first.
_HEADING = re.compile(rb"#(?:(?<=\n#)|(?<=\n #)|(?<=\n  #)|(?<=\n   #))#{0,5}(?:[ \t]([^\n]*)|(?=\r?\n|\Z))")
_LINK_TARGET = re.compile(rb"\][(:][ \t]*<?[^\s)>]*")   # link and image targets, references
_HTML_TAG = re.compile(rb"<(?:img|a)\s")
_IMAGE_START = re.compile(rb"!\[[^\[\]]*\]\(")     # as _IMAGE: counts the images themselves


def _counts(data: bytes) -> tuple[int, ...]:
    # memchr for "~" first: tilde fences are rare, and counting costs a full pass.
    return (data.count(b"```"), data.count(b"~~~") if b"~" in data else 0, data.count(b"--8<--"),
            data.count(b"==="), len(_IMAGE_START.findall(data)) if b"![" in data else 0)


def _has_html(data: bytes) -> bool:
    return b"<" in data and _HTML_TAG.search(data) is not None     # memchr first


def _raw_tokens(data: bytes) -> tuple[list, list]:
    """Heading lines (the text after the #s) and link targets, as found."""
    data = b"\n" + data       # so a heading on the first line starts a line like any other
    return _HEADING.findall(data), _LINK_TARGET.findall(data)


def _tokens(data: bytes) -> tuple[list, ...]:
    headings, links = _raw_tokens(data)
    return [_attribute_list(text) for text in headings], links


def _whole_lines_in_order(data: bytes, lines: list[bytes]) -> bool:
    """Each of `lines` (which may span several lines) occurs in `data`, in order, from
    the start of a line to the end of one."""
    position = 0
    for line in lines:
        position = data.find(line, position)
        if position < 0 or (position and data[position - 1] != 10):
            return False
        position += len(line)
        if data[position:position + 1] not in (b"", b"\n", b"\r"):
            return False
    return True


@dataclass(frozen=True)
class Fingerprint:
    """What the fast path compares: counts, whole lines that must recur verbatim (code
    blocks, snippet lines, tab lines), the raw heading and link tokens."""

    counts: tuple[int, ...]
    anchored: tuple[list[bytes], ...]
    tokens: tuple[list, ...]
    has_html: bool
    headings: list[bytes] = None    # the raw heading lines: equal ones have equal anchors


def fingerprint(source: Structure) -> Fingerprint:
    data = source.data
    blocks = [data[start:end] for start, end in source.code_ranges]
    # An include inside a code block is checked with its block (verbatim, in order).
    snippets = [data[begin:line_end(data, begin)] for begin, _ in snippet_lines(data)
                if not _inside(begin, source.code_ranges)]
    tabs = [data[begin:line_end(data, begin)] for begin, _ in tab_labels(data)]
    headings, links = _raw_tokens(data)
    return Fingerprint(_counts(data), (blocks, snippets, tabs),
                       ([_attribute_list(text) for text in headings], links), _has_html(data),
                       headings)


def unchanged(source: Fingerprint, data: bytes, skip: tuple[int, int] | None = None) -> bool:
    """True when `data` certainly has the source's structure: as many fence marks,
    snippet marks, "===" and images; every source code block, snippet line and tab line
    verbatim and in order; the same raw heading and link tokens. False means "compare
    in full", not "differs" (a translated code block title, HTML, ...).

    Raw tokens include those inside code blocks; as the code blocks are identical,
    those agree too."""
    if skip:
        if data[:skip[0]].strip():
            return False        # a comment further down: leave it to the full comparison
        data = data[skip[1]:]
    if source.has_html or _has_html(data) or _counts(data) != source.counts:
        return False
    if not all(_whole_lines_in_order(data, lines) for lines in source.anchored):
        return False
    headings, links = _raw_tokens(data)
    if links != source.tokens[1]:
        return False
    # Heading lines kept verbatim need no attribute list each (a translated one does).
    return headings == source.headings or \
        [_attribute_list(text) for text in headings] == source.tokens[0]
