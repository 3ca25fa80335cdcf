"""What must not change between a page and its translation, found with its positions.

A translation changes prose only: fenced code blocks, snippet includes, tab labels,
link targets, image paths, explicit heading anchors and the number of headings stay
as in the source (notebooks: identical code cells, as many markdown cells). Pages are
scanned as bytes with a handful of regular expressions, no per-line Python loop.
This is the exact extraction, with positions for messages; fastpath.py proves most
translations unchanged without it, and drift.py compares and describes.
"""
from __future__ import annotations

import bisect
import re

from .records import FRESH, Record

# Each pattern starts with a literal, which the regex engine finds fast (a loop
# over bytes for one byte value); whether a match starts its line is then checked
# for the few matches. A pattern that starts with a class or a repeat (`#{1,6}`,
# "```+|~~~+") is instead tried at every byte, several times slower.
_BACKTICKS = re.compile(rb"```+")
_TILDES = re.compile(rb"~~~+")
_HASHES = re.compile(rb"##{0,5}(?=[ \t\r\n]|\Z)")      # #{1,6}, a literal first
_ANCHOR = re.compile(rb"\{[^}\n]*?#([^\s}]+)[^}\n]*\}\s*$")
_TAB = re.compile(rb'===[+!]?[ \t]+"([^"\n]*)"')
_REFERENCE_END = re.compile(rb"\]:[ \t]*<?([^\s>]+)")
_REFERENCE_LINE = re.compile(rb" {0,3}\[[^\]\n]+\]:")
_LINK = re.compile(rb"\]\([ \t]*<?([^\s)>]*)")
# Alt text stops at "[" and a tag's attributes at "<": each failed attempt then
# scans only up to the next attempt's start, so every pattern here is linear
# (a page of 120 KB of "<a " or "![" took 39 s with [^>]*? and [^\]]*).
_IMAGE = re.compile(rb"!\[[^\[\]]*\]\([ \t]*<?([^\s)>]*)")
_HTML = re.compile(rb"""<(img|a)\s[^<>]*?\b(?:src|href)=["']([^"']*)""")

# Order in which differences are reported: the most specific first.
CATEGORIES = ("snippet include", "tab label", "code block", "heading anchor", "link", "image")


class Items(Record):
    _fields = ("values", "positions")
    values: list
    positions: list[int]        # byte offsets, or cell numbers

    def __init__(self, values: list = FRESH, positions: list[int] = FRESH):
        self.values = [] if values is FRESH else values
        self.positions = [] if positions is FRESH else positions

    def add(self, value, position: int) -> None:
        self.values.append(value)
        self.positions.append(position)


class Structure(Record):
    """The parts of one page that translation must leave alone."""

    _fields = ("data", "items", "headings", "notebook", "code_ranges")
    data: bytes                    # the page, for line numbers (empty for notebooks)
    items: dict[str, Items]
    headings: list[int]            # heading positions (markdown); markdown cells (notebook)
    notebook: bool
    code_ranges: list[tuple[int, int]]      # fenced blocks, whole

    def __init__(self, data: bytes, items: dict[str, Items], headings: list[int],
                 notebook: bool = False, code_ranges: list[tuple[int, int]] = FRESH):
        self.data, self.items, self.headings, self.notebook = data, items, headings, notebook
        self.code_ranges = [] if code_ranges is FRESH else code_ranges

    def where(self, position: int) -> str:
        if self.notebook:
            return f"cell {position + 1}"
        return f"line {self.line(position)}"

    def line(self, position: int) -> int:
        return self.data.count(b"\n", 0, position) + 1


def _code(content: bytes, indent: bytes) -> bytes:
    """A fenced block's content, without the fence's indentation, LF line endings."""
    if b"\r" in content:
        content = content.replace(b"\r", b"")
    if indent:
        content = b"\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip(b" \t")
                             for line in content.split(b"\n"))
    return content


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    """`ranges` are sorted and disjoint."""
    i = bisect.bisect_right(ranges, (position, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= position < ranges[i][1]


class Lines:
    """Line starts and ends of one page in O(log n) each: many matches on one long line
    must not each scan back to its start (quadratic on a hostile page)."""

    def __init__(self, data: bytes):
        self.newlines = [m.start() for m in _NEWLINE.finditer(data)]
        self.size = len(data)

    def start(self, position: int) -> int:
        i = bisect.bisect_left(self.newlines, position)
        return self.newlines[i - 1] + 1 if i else 0

    def end(self, position: int) -> int:
        i = bisect.bisect_left(self.newlines, position)
        return self.newlines[i] if i < len(self.newlines) else self.size


_NEWLINE = re.compile(rb"\n")


class ForwardLines:
    """Lines' answers for positions asked in increasing order (the fences of one page,
    as code_ranges asks), without listing every newline first: each search starts
    where the last one ended, so a page costs one pass however many marks a line
    holds."""

    def __init__(self, data: bytes):
        self.data, self.size = data, len(data)
        self.searched, self.last_start = 0, 0       # newlines before `searched` are known
        self.last_end = -1

    def start(self, position: int) -> int:
        newline = self.data.rfind(b"\n", self.searched, position)
        if newline >= 0:
            self.last_start = newline + 1
        self.searched = max(self.searched, position)
        return self.last_start

    def end(self, position: int) -> int:
        if self.last_end < position:
            newline = self.data.find(b"\n", position)
            self.last_end = self.size if newline < 0 else newline
        return self.last_end


def _attribute_list(heading: bytes) -> bytes:
    """The `{ ... }` that ends a heading line ("" if none): from the first "{" after the
    previous "}", the leftmost place _ANCHOR can match (found without a regex, which
    would retry from every "{" of a hostile line)."""
    heading = heading.rstrip()
    if not heading.endswith(b"}"):
        return b""
    start = heading.find(b"{", heading.rfind(b"}", 0, len(heading) - 1) + 1)
    return heading[start:] if start >= 0 else b""


def line_start(data: bytes, position: int) -> int:
    return data.rfind(b"\n", 0, position) + 1


def line_end(data: bytes, position: int) -> int:
    end = data.find(b"\n", position)
    return len(data) if end < 0 else end


def _fence_marks(data: bytes) -> list[re.Match]:
    """Every run of three or more backticks or tildes, in order: the matches of
    "```+|~~~+", found as two literal-led searches (the runs of one never overlap
    the other's), the second only when the page has a tilde at all (memchr)."""
    marks = list(_BACKTICKS.finditer(data))
    if 126 in data:         # "~" (an int needle: memchr)
        marks += _TILDES.finditer(data)
        marks.sort(key=re.Match.start)
    return marks


def _fenced_blocks(data: bytes, skip, items: Items | None, lines: Lines) -> list[tuple[int, int]]:
    """Adds each fenced block's content to `items` (None: only the ranges are wanted,
    and no content is cut out and normalised); returns the blocks' byte ranges."""
    ranges = []
    fence = None        # marks, indentation, start of its line, end of its line
    for match in _fence_marks(data):
        position = match.start()
        begin = lines.start(position)
        indent = data[begin:position] if position - begin <= 64 else b"-"
        if indent.strip(b" \t") or (skip and skip[0] <= position < skip[1]):
            continue            # not at the start of its line, or in the metadata comment
        marks, end = match.group(), lines.end(match.end())
        info = data[match.end():end]
        if fence is None:
            if not (marks[0] == 96 and b"`" in info):    # ```a``` on one line is not a fence
                fence = (marks, indent, begin, end)
        elif marks[0] == fence[0][0] and len(marks) >= len(fence[0]) and not info.strip():
            if items is not None:
                items.add(_code(data[fence[3] + 1:begin], fence[1]), fence[2])
            ranges.append((fence[2], end))
            fence = None
    if fence is not None:       # an unclosed fence runs to the end of the page
        if items is not None:
            items.add(_code(data[fence[3] + 1:], fence[1]), fence[2])
        ranges.append((fence[2], len(data) + 1))
    return ranges


def code_ranges(data: bytes) -> list[tuple[int, int]]:
    """The fenced blocks' byte ranges alone, as markdown_structure finds them."""
    return _fenced_blocks(data, None, None, ForwardLines(data))


def _atline_start(data: bytes, position: int, max_indent: int | None, lines: Lines) -> int | None:
    """The start of the line if only indentation precedes `position` on it (spaces
    only when `max_indent` is given, as for headings; spaces or tabs otherwise)."""
    begin = lines.start(position)
    if position - begin > 64:
        return None             # too much before it on the line to be indentation
    indent = data[begin:position]
    if max_indent is None:
        return None if indent.strip(b" \t") else begin
    return None if indent.strip(b" ") or len(indent) > max_indent else begin


def tab_labels(data: bytes, lines: Lines | None = None) -> list[tuple[int, bytes]]:
    """(line start, label) of every `=== "label"` line; shared with the fast path."""
    found = []
    if data.find(b"===") < 0:
        return found
    lines = lines or Lines(data)
    for match in _TAB.finditer(data):
        begin = _atline_start(data, match.start(), None, lines)
        if begin is not None:
            found.append((begin, match.group(1)))
    return found


def snippet_lines(data: bytes) -> list[tuple[int, bytes]]:
    """(line start, stripped line) of every line that starts with `--8<--` after its
    indentation: an include as pymdownx.snippets reads it. A `--8<--` mid-line (prose
    quoting the syntax in inline code) is text a translator may translate."""
    found = []
    position = data.find(b"--8<--")
    while position >= 0:
        begin, end = line_start(data, position), line_end(data, position)
        if not data[begin:position].strip(b" \t"):
            found.append((begin, data[begin:end].strip()))
        position = data.find(b"--8<--", end)
    return found


def markdown_structure(data: bytes, skip: tuple[int, int] | None = None) -> Structure:
    """Structure of a markdown page; `skip` is the metadata comment's byte range.

    Fences first (their ranges are excluded from everything else but snippet
    includes), then headings, tab labels, links and images, each found by a regular
    expression over the whole page."""
    items = {name: Items() for name in CATEGORIES}
    lines = Lines(data)
    code = _fenced_blocks(data, skip, items["code block"], lines)
    excluded = sorted(code + [skip]) if skip else code

    headings = []
    anchors = items["heading anchor"]
    for match in _HASHES.finditer(data):
        position = match.start()
        if position and data[position - 1] == 35:         # part of a longer run of #
            continue
        begin = _atline_start(data, position, 3, lines)
        if begin is None or _inside(position, excluded):
            continue
        headings.append(begin)
        line = data[position:lines.end(position)]
        if b"{" in line:
            anchor = _ANCHOR.match(_attribute_list(line))
            if anchor:
                anchors.add(anchor.group(1), begin)

    tabs = items["tab label"]
    for begin, label in tab_labels(data, lines):
        if not _inside(begin, excluded):
            tabs.add(label, begin)
    snippets = items["snippet include"]
    for begin, line in snippet_lines(data):
        if not (skip and skip[0] <= begin < skip[1]):
            snippets.add(line, begin)

    image_starts = {m.start(1) for m in _IMAGE.finditer(data)} if data.find(b"![") >= 0 else ()
    targets = [(m.start(1), m.group(1), m.start(1) in image_starts) for m in _LINK.finditer(data)]
    if 60 in data:         # "<" (an int needle: memchr)
        targets += [(m.start(2), m.group(2), m.group(1) == b"img") for m in _HTML.finditer(data)]
    if data.find(b"]:") >= 0:
        label_ends: dict[int, int] = {}     # line start -> end of its "[label]:" (-1: none)
        for match in _REFERENCE_END.finditer(data):
            begin = lines.start(match.start())
            label_end = label_ends.get(begin)
            if label_end is None:
                label = _REFERENCE_LINE.match(data, begin)
                label_end = label_ends[begin] = label.end() if label else -1
            if 0 <= label_end <= match.end():
                targets.append((match.start(1), match.group(1), False))
    targets.sort()
    links, images = items["link"], items["image"]
    for position, target, is_image in targets:
        if not _inside(position, excluded):
            (images if is_image else links).add(target, position)
    return Structure(data, items, headings, code_ranges=code)


def _cell_source(cell) -> str:
    source = cell.get("source", "") if isinstance(cell, dict) else ""
    return "".join(source) if isinstance(source, list) else str(source)


def notebook_structure(notebook: dict) -> Structure:
    """Code cells (their text) and markdown cells (their count) of a parsed notebook."""
    items = {name: Items() for name in CATEGORIES}
    markdown = []
    cells = notebook.get("cells")
    for number, cell in enumerate(cells if isinstance(cells, list) else ()):
        kind = cell.get("cell_type") if isinstance(cell, dict) else None
        if kind == "code":
            items["code block"].add(_cell_source(cell).replace("\r\n", "\n"), number)
        elif kind == "markdown":
            markdown.append(number)
    return Structure(b"", items, markdown, notebook=True)
