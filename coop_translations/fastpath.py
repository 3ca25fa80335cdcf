"""The fast path of structure-drift: most translations are structurally fine, and a
few C-level scans prove it without building the exact structure; only a page that
fails them gets the line-accurate comparison (structure.py, drift.py).

Two proofs, the cheaper first. `verbatim`: every line of the source that holds a
markup byte, and every code block, recurs verbatim and in order, and the rest of
the translation holds no markup byte at all (two passes: substring search and one
bytes.translate). `unchanged` falls back on counts, substring search and findall,
which also accept translated headings and link texts.

Sound by construction and by test (tests/translations: fuzz tests check that
whatever passes here has no drift in the full comparison). What the counts cannot
see is a code block that moved relative to the prose while every token kept its
order.
"""
from __future__ import annotations

import re

from .records import Frozen
from .structure import Structure, _attribute_list, _inside, code_ranges, line_end, snippet_lines, tab_labels

# A heading (up to three spaces in) and the rest of its line; a literal "#" first.
_HEADING = re.compile(rb"#(?:(?<=\n#)|(?<=\n #)|(?<=\n  #)|(?<=\n   #))#{0,5}(?:[ \t]([^\n]*)|(?=\r?\n|\Z))")
_LINK_TARGET = re.compile(rb"\][(:][ \t]*<?[^\s)>]*")   # link and image targets, references
_HTML_TAG = re.compile(rb"<(?:img|a)\s")
_IMAGE_START = re.compile(rb"!\[[^\[\]]*\]\(")     # as _IMAGE: counts the images themselves

# Every byte some piece of structure needs where it starts: fence marks, the "#" of a
# heading (and of an anchor), the "===" of a tab, the "<" of an include or a tag, an
# image's "![", a link's or a reference's "]". A line without any of them holds no
# structure (markdown_structure finds nothing that starts in it).
MARKUP = b"`~#=<![]"
_MARKUP_FLAGS = bytes(1 if byte in MARKUP else 0 for byte in range(256))   # for memchr


def _counts(data: bytes) -> tuple[int, ...]:
    # memchr for "~" first: tilde fences are rare, and counting costs a full pass.
    return (data.count(b"```"), data.count(b"~~~") if 126 in data else 0, data.count(b"--8<--"),
            data.count(b"==="), len(_IMAGE_START.findall(data)) if data.find(b"![") >= 0 else 0)


def _has_html(data: bytes) -> bool:
    # memchr first. (An int needle: `bytes in bytes` first tries the needle as an int,
    # and raising and clearing that error costs more than the search in a short page.)
    return 60 in data and _HTML_TAG.search(data) is not None        # 60: "<"


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


class Skeleton(Frozen):
    """What `verbatim` looks for: the source's lines that hold a markup byte, and its
    code blocks, merged (with any blank lines between them) into runs of whole lines
    (each ends with its newline, but the page's last line may lack one), each with
    its first markup byte and that byte's offset in it; how many markup bytes the
    source has (all in those runs); and whether the translation must end where the
    last run ends."""

    _fields = ("regions", "markup", "to_end")
    regions: tuple[tuple[bytes, int, int], ...]
    markup: int
    to_end: bool

    def __init__(self, regions: tuple[tuple[bytes, int, int], ...], markup: int, to_end: bool):
        self.__dict__.update(regions=regions, markup=markup, to_end=to_end)


def skeleton(data: bytes, blocks: list[tuple[int, int]]) -> Skeleton:
    """The source's Skeleton; `blocks` are its code blocks' ranges as
    markdown_structure finds them (Structure.code_ranges)."""
    size = len(data)
    # A block's range ends at its closing fence's line end; an unclosed one's after
    # the page's end. With the newline, so that runs are whole lines.
    spans = [(start, min(end + 1, size)) for start, end in blocks]
    flags = data.translate(_MARKUP_FLAGS)       # 1 where a markup byte is
    position = flags.find(1)
    block = 0
    while position >= 0:    # one line per markup byte found, the next search after it
        # A markup byte in a code block: the block's span (whole lines) holds its
        # line already, and every other line of the block; on after the block.
        while block < len(blocks) and spans[block][1] <= position:
            block += 1
        if block < len(blocks) and spans[block][0] <= position:
            position = flags.find(1, spans[block][1])
            continue
        start = data.rfind(b"\n", 0, position) + 1
        end = data.find(b"\n", position)
        end = size if end < 0 else end + 1
        spans.append((start, end))
        position = flags.find(1, end)
    # Blank lines between two runs join them: fewer, longer runs to look for (and
    # translators keep the blank lines around code and tabs, which Markdown needs).
    runs: list[list[int]] = []
    for start, end in sorted(spans):
        if runs and (start <= runs[-1][1] or not data[runs[-1][1]:start].strip()):
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    # A run must end the translation too when its last line has no newline (more
    # text would lengthen that line) or when it is an unclosed block (which runs to
    # the page's end, whatever follows).
    unclosed = bool(blocks) and blocks[-1][1] > size
    to_end = bool(runs) and runs[-1][1] == size and (unclosed or not data.endswith(b"\n"))
    regions = []
    for start, end in runs:
        first = flags.find(1, start)        # every run has one
        regions.append((data[start:end], data[first], first - start))
    return Skeleton(tuple(regions), flags.count(1), to_end)


def skeleton_of(data: bytes) -> Skeleton | None:
    """A source page's Skeleton from its fences alone (no full structure needed), or
    None for a page with HTML tags, which `verbatim` cannot vouch for."""
    return None if _has_html(data) else skeleton(data, code_ranges(data))


def verbatim(source: Skeleton, data: bytes, begin: int = 0) -> bool:
    """True when `data` (from `begin`, a line start) is the source's runs, verbatim
    and in order, each starting a line, with lines between them that hold no markup
    byte (its markup bytes are exactly the runs'). Then it has the source's
    structure: every piece of it lies on a line with a markup byte, and every such
    line is in a run, a copy of the source's line (fences pair the same way, so each
    code block, a run of its own, has the same content); the patterns that may read
    past a line end (an image's alt text, up to the next bracket) meet the same
    brackets in both. Pages with HTML tags get no Skeleton: a tag's attributes may
    span lines of prose.

    Each run is looked for where it must be if the proof holds: the next markup byte
    starts its first markup byte (memchr, where a substring search over prose would
    step byte by byte). Where the runs are found does not matter to the proof, only
    that they are found, whole, in order. The runs hold all the source's markup
    bytes, so the page has as many as the source exactly when the gaps between the
    runs found hold none: the gaps, joined (one copy), are searched for each markup
    byte with memchr, which costs a small part of counting markup bytes over the
    whole page (bytes.translate, byte by byte)."""
    position = begin
    gaps = []
    for region, byte, offset in source.regions:
        start = data.find(byte, position + offset) - offset
        if start < position or (start and data[start - 1] != 10) or \
                not data.startswith(region, start):             # 10: a newline
            return False
        if start > position:
            gaps.append(data[position:start])
        position = start + len(region)
    if source.to_end and position != len(data):
        return False
    gaps.append(data[position:])
    prose = b"".join(gaps)
    for byte in MARKUP:         # ints: memchr
        if byte in prose:
            return False
    return True


class Fingerprint(Frozen):
    """What the fast path compares: counts, whole lines that must recur verbatim (code
    blocks, snippet lines, tab lines), the raw heading and link tokens."""

    _fields = ("counts", "anchored", "tokens", "has_html", "headings", "skeleton")
    counts: tuple[int, ...]
    anchored: tuple[list[bytes], ...]
    tokens: tuple[list, ...]
    has_html: bool
    headings: list[bytes]           # the raw heading lines: equal ones have equal anchors
    skeleton: Skeleton | None       # for `verbatim`; None for a page with HTML tags

    def __init__(self, counts: tuple[int, ...], anchored: tuple[list[bytes], ...],
                 tokens: tuple[list, ...], has_html: bool, headings: list[bytes] = None,
                 skeleton: Skeleton | None = None):
        self.__dict__.update(counts=counts, anchored=anchored, tokens=tokens, has_html=has_html,
                             headings=headings, skeleton=skeleton)


def fingerprint(source: Structure) -> Fingerprint:
    data = source.data
    blocks = [data[start:end] for start, end in source.code_ranges]
    # An include inside a code block is checked with its block (verbatim, in order).
    snippets = [data[begin:line_end(data, begin)] for begin, _ in snippet_lines(data)
                if not _inside(begin, source.code_ranges)]
    tabs = [data[begin:line_end(data, begin)] for begin, _ in tab_labels(data)]
    headings, links = _raw_tokens(data)
    has_html = _has_html(data)
    return Fingerprint(_counts(data), (blocks, snippets, tabs),
                       ([_attribute_list(text) for text in headings], links), has_html,
                       headings, None if has_html else skeleton(data, source.code_ranges))


def _clean_cut(head: bytes) -> bool:
    """Whether the page after `head` (blank lines and the metadata comment) can be
    checked on its own: it starts a line (text right after "-->" shares the comment's
    line, so a "# Title" there is no heading), and nothing that starts in the comment
    reads on past it (an image's alt text, a tag's attributes)."""
    return head.endswith(b"\n") and head.find(b"![") < 0 and not _has_html(head)


def page_start(data: bytes, skip: tuple[int, int] | None) -> int | None:
    """Where the page after its metadata comment (`skip`, the comment's span) starts,
    which the fast paths check; None when the comment is not at the top (only blank
    lines before it) or the cut is not clean."""
    if not skip:
        return 0
    if data[:skip[0]].strip() or not _clean_cut(data[:skip[1]]):
        return None         # a comment further down, or text on its last line
    return skip[1]


def unchanged(source: Fingerprint, data: bytes, skip: tuple[int, int] | None = None) -> bool:
    """True when `data` certainly has the source's structure: `verbatim`, or else
    `same_counts`. False means "compare in full", not "differs" (a translated code
    block title, HTML, ...). `skip` is the metadata comment's span: the page after
    it is checked."""
    start = page_start(data, skip)
    if start is None:
        return False
    return source.skeleton is not None and verbatim(source.skeleton, data, start) or \
        same_counts(source, data[start:])


def same_counts(source: Fingerprint, data: bytes) -> bool:
    """True when `data` (after the comment) has as many fence marks, snippet marks,
    "===" and images as the source; every source code block, snippet line and tab line
    verbatim and in order; the same raw heading and link tokens.

    Raw tokens include those inside code blocks; as the code blocks are identical,
    those agree too."""
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
