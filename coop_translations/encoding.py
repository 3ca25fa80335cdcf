"""Is a translation readable UTF-8 text, and has it been through a wrong code page?

Mojibake is UTF-8 decoded in a wrong code page and saved again: "lÃ¤rt" (Windows-1252),
"l√§rt" (Mac Roman), "Р—РґСЂР°РІРµР№" (Windows-1251, Bulgarian), "ZaĹĽĂłĹ‚Ä‡" (Windows-1250,
Polish). Two detectors, both linear: ftfy (any code page it knows, on the lines its
badness pattern flags) and an exact byte-level one for single Windows-1252/Mac Roman
sequences, which ftfy leaves alone in short text. A non-UTF-8 file's likely
encoding is named with charset-normalizer.
"""
from __future__ import annotations

import bisect
import functools
import re

from .records import Frozen

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes) -> tuple[str | None, tuple[str, int] | None]:
    """(text, None) for UTF-8 text, else (None, (what is wrong, byte offset))."""
    if data.startswith(_UTF16_BOMS):
        return None, ("is UTF-16 (byte-order mark at byte 0), not UTF-8", 0)
    nul = data.find(b"\x00")
    if nul >= 0:
        return None, (f"looks binary (NUL byte at byte {nul}), not UTF-8 text", nul)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 4].hex(" ")
        return None, (f"is not valid UTF-8 at byte {exc.start} (bytes {bad}{_guess(data, exc.start)})",
                      exc.start)


def _guess(data: bytes, start: int) -> str:
    """How the bad byte reads in Windows-1252 (the usual culprit), and the encoding
    charset-normalizer finds likeliest for the file, when it has enough text to tell."""
    hint = ""
    try:
        hint = f"; read as Windows-1252 it would be {data[start:start + 1].decode('cp1252')!r}"
    except UnicodeDecodeError:
        pass
    if len(data) >= 64:
        from charset_normalizer import from_bytes      # only for broken files: imports slowly

        best = from_bytes(data[:1 << 20]).best()
        if best is not None:
            hint += f"; the file looks like {best.encoding} (charset-normalizer's guess)"
    return hint


# --- mojibake -------------------------------------------------------------------

_CODE_PAGES = ("cp1252", "mac_roman")


def _image(byte: int, codec: str) -> set[str]:
    """How one byte looks after decoding with `codec` (cp1252's holes read as Latin-1)."""
    images = {bytes([byte]).decode("latin-1")} if codec == "cp1252" else set()
    try:
        images.add(bytes([byte]).decode(codec))
    except UnicodeDecodeError:
        pass
    return images


# Lead bytes of UTF-8 sequences, by how many continuation bytes follow. Two-byte leads
# are limited to those that start the letters _plausible accepts.
_LEADS = {1: [*range(0xC2, 0xC6), *range(0xCD, 0xD4)], 2: range(0xE0, 0xF0), 3: range(0xF0, 0xF5)}


def _images(byte_values) -> set[str]:
    return {c for codec in _CODE_PAGES for b in byte_values for c in _image(b, codec)}


def _chars(group: set[str]) -> str:
    return re.escape("".join(sorted(group)))


@functools.cache
def _garble_pattern() -> re.Pattern[str]:
    """Exact form, on text: a lead image, then as many continuation images as it announces."""
    cont = f"[{_chars(_images(range(0x80, 0xC0)))}]"
    leads = {n: _images(values) for n, values in _LEADS.items()}
    every = set().union(*leads.values())
    tails = "|".join(f"(?<=[{_chars(leads[n])}]){cont}{{{n}}}" for n in sorted(leads, reverse=True))
    return re.compile(f"[{_chars(every)}](?:{tails})")


_ESCAPED = [re.escape(bytes([byte])) for byte in range(256)]


def _byte_class(values: list[int]) -> bytes:
    """The inside of a character class of sorted byte values, runs of three or more
    written as ranges ("\x80-\xbf"): re's parser, written in Python, reads a class item
    by item, and with the continuation bytes spelt out one by one the three patterns
    a page of accented Latin needs took each process 19.5 ms to compile, not 16.5."""
    parts, start = [], 0
    while start < len(values):
        end = start
        while end + 1 < len(values) and values[end + 1] == values[end] + 1:
            end += 1
        if end - start >= 2:
            parts.append(_ESCAPED[values[start]] + b"-" + _ESCAPED[values[end]])
        else:
            parts.extend(_ESCAPED[values[i]] for i in range(start, end + 1))
        start = end + 1
    return b"".join(parts)


def _trie_pattern(words) -> bytes:
    """A regex matching any of `words`, factored by common prefixes: a flat alternation
    of many byte strings is tried one branch at a time, a trie is not."""
    return _trie(frozenset(words))


@functools.cache
def _trie(words: frozenset[bytes]) -> bytes:
    # Cached: the scanners ask for the same tries (a code page's continuation images)
    # many times, and building them was most of the scanners' start-up.
    if b"" in words:
        rest = _trie(words - {b""}) if len(words) > 1 else b""
        return b"(?:" + rest + b")?" if rest else b""
    by_first: dict[int, set[bytes]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    singles = sorted(first for first, tails in by_first.items() if tails == {b""})
    branches = []
    if singles:
        branches.append(b"[" + _byte_class(singles) + b"]")
    for first, tails in sorted(by_first.items()):
        if tails != {b""}:
            branches.append(_ESCAPED[first] + _trie(frozenset(tails)))
    return branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"




def _undo(garbled: str, codec: str) -> str | None:
    try:
        raw = garbled.encode(codec)
    except UnicodeEncodeError:
        if codec != "cp1252":
            return None
        try:   # cp1252's five undefined bytes come back as Latin-1 control characters
            raw = bytes(ord(c) if 0x80 <= ord(c) < 0xA0 else c.encode(codec)[0] for c in garbled)
        except UnicodeEncodeError:
            return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _repair(garbled: str) -> str | None:
    """The text `garbled` was before a wrong decode, if it decodes back to UTF-8."""
    for codec in _CODE_PAGES:
        repaired = _undo(garbled, codec)
        if repaired is not None:
            return repaired
    return None


def _plausible(repaired: str) -> bool:
    """Two-byte candidates only count when they repair to a letter a real language
    writes (Latin-1, Latin Extended-A, Greek, Cyrillic); this keeps honest text such
    as a Danish "»Å" or a no-break space before "å" from being flagged."""
    if len(repaired) != 1:
        return False
    code = ord(repaired)
    if 0xE000 <= code <= 0xF8FF:          # private use: no text is written in it
        return False
    return 0xA0 <= code <= 0x17F or 0x370 <= code <= 0x4FF or code > 0x7FF


class Garble(Frozen):
    _fields = ("offset", "garbled", "repaired")
    offset: int       # byte offset in the file
    garbled: str
    repaired: str

    def __init__(self, offset: int, garbled: str, repaired: str):
        self.__dict__.update(offset=offset, garbled=garbled, repaired=repaired)


def _exact(data: bytes, offset: int, every_length: bool):
    """The Windows-1252/Mac Roman garble starting at `offset`, longest plausible first
    (all plausible lengths with every_length)."""
    window = data[offset:offset + 16].decode("utf-8", "ignore")
    exact = _garble_pattern().match(window)
    if exact is None:
        return
    candidate = exact.group()
    for length in range(len(candidate), 1, -1):  # a longest-first match may be too long
        garbled = candidate[:length]
        repaired = _repair(garbled)
        if repaired and _plausible(repaired):
            yield offset, garbled, repaired
            if not every_length:
                break


def _scan(data: bytes, every_length: bool = False, chars: int | None = None) -> tuple[list, list[int]]:
    """One pass of the per-first-byte patterns (_SCANNERS): the exact detector's
    candidates, and the starts of the lines ftfy should look at.

    The patterns run over the runs of non-ASCII text that can hold a match
    (_windows), joined by spaces, when those are few: every pattern reads only
    non-ASCII bytes, so a run between ASCII bytes matches alike on its own, and an
    accented letter between ASCII letters costs no pattern step at all. Text that
    is mostly non-ASCII (`chars`, its decoded length, says so: Greek, Cyrillic) is
    scanned whole at once: its runs are most of it."""
    candidates, lines = [], set()
    if data.isascii() or not _may_garble(data):
        return candidates, []
    dense = chars is not None and len(data) - chars > len(data) * _DENSE
    runs = None if dense else _windows(data)
    to_data = None      # positions in the joined runs -> in `data`, made at the first match
    if runs is None:        # many runs: the whole text in one go
        text, scanners, compiled = data, _scanners(), _COMPILED
    elif not runs:
        return candidates, []
    else:
        text = b" ".join([data[start:end] for start, end in runs])
        scanners, compiled = _LEAN_SCANNERS, _COMPILED_LEAN
    for gate, source in scanners:
        if gate not in text:        # an int: memchr (see fastpath._has_html)
            continue
        scanner = compiled.get(gate) or compiled.setdefault(gate, re.compile(source))
        line_end = -1
        for match in scanner.finditer(text):
            start, end = match.span()
            if runs is not None:
                to_data = to_data or _offsets(runs)
                start, end = to_data(start), to_data(end)
            if match.group("single") is not None:
                candidates.extend(_exact(data, start, every_length))
            elif start > line_end:
                lines.add(data.rfind(b"\n", 0, start) + 1)
                line_end = data.find(b"\n", end)
                if line_end < 0:
                    line_end = len(data)
    candidates.sort(key=lambda c: c[0])
    return candidates, sorted(lines)


# Continuation bytes per byte above which picking runs costs more than it saves (a
# page of accented Latin has about 0.08; Greek and Cyrillic about 0.4).
_DENSE = 0.15


def _windows(data: bytes) -> list[tuple[int, int]] | None:
    """The runs of non-ASCII bytes (start, end) where a pattern of _scanners() can
    match, or None when there are so many that scanning all of `data` is cheaper.

    Every match is a lead image and a continuation image, so at least two non-ASCII
    characters in a row; and at least three (ftfy's two pairs, a lead announcing two
    or three continuations) unless it is a Windows-1252/Mac Roman lead announcing one,
    a short list (their last bytes are class "n" in _CLASSES). Two searches with a literal
    start over the text's byte classes find those runs, without a pattern step at
    each accented letter (which made accented Latin text the slowest to scan)."""
    classes = data.translate(_CLASSES)
    hits = []
    most = len(data) // 128 + 8      # each hit costs about what scanning 100 bytes does
    for pattern in (_THREE_IN_A_ROW, _AFTER_SINGLE_LEAD):
        for match in pattern.finditer(classes):
            hits.append(match.start())
            if len(hits) > most:
                return None
    hits.sort()
    runs: list[tuple[int, int]] = []
    for hit in hits:
        if runs and hit < runs[-1][1]:
            continue            # in the run already taken
        end = classes.find(b"a", hit)
        runs.append((classes.rfind(b"a", 0, hit) + 1, len(data) if end < 0 else end))
    return runs


def _offsets(runs: list[tuple[int, int]]):
    """A function from a position in the runs joined by single spaces to the same
    byte's position in the text."""
    starts, position = [], 0
    for start, end in runs:
        starts.append(position)
        position += end - start + 1

    def to_data(index: int) -> int:
        run = bisect.bisect_right(starts, index) - 1
        return runs[run][0] + index - starts[run]
    return to_data


# The code pages ftfy undoes. A garbled UTF-8 character reads, in any of them, as the
# image of a lead byte followed by the images of its continuation bytes (0x80-0xBF).
# ftfy only looks at lines where two such garbled characters follow each other in
# one code page: honest Polish, Czech or Ukrainian has single pairs that look like
# one ("ół", "ві"), never two in a row, while a garbled word has them all along.
_FTFY_CODECS = ("latin-1", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257",
                "mac_roman", "iso-8859-2", "cp437")


@functools.cache
def _images_in(codec: str, values: range) -> frozenset[bytes]:
    """UTF-8 forms of the bytes' non-ASCII images in one code page (a byte the code
    page leaves undefined has none). Cached: the patterns and the prefilter ask for
    the same few, and decoding byte by byte took most of this module's import."""
    text = bytes(values).decode(codec, "replace")      # single-byte code pages
    return frozenset(char.encode("utf-8") for char in text if not char.isascii() and char != "\ufffd")


def _single_leads(codec: str) -> dict[int, set[str]]:
    """The exact detector's lead images in one code page, by how many continuation
    images follow them (cp1252 with Latin-1 images for its holes, as _image)."""
    return {n: {c for b in values for c in _image(b, codec)} for n, values in _LEADS.items()}


def _escaped(values) -> bytes:
    return _byte_class(sorted(values))


_COMPILED: dict[int, re.Pattern[bytes]] = {}    # gate -> its pattern, compiled when first needed
_COMPILED_LEAN: dict[int, re.Pattern[bytes]] = {}     # the same for _lean_scanners


@functools.cache
def _scanner_bodies() -> list[tuple[bytes, bytes]]:
    """Per first byte (a literal prefix, searched fast, behind a memchr test), the
    branches of one pattern, as (first byte, branches).
    Two kinds of branches: a Windows-1252/Mac Roman lead image followed
    by as many continuation images of the same code page as it announces (group
    "single", for the exact detector, which needs no less); or, in one of ftfy's code
    pages, a lead image, a continuation image, then both again (mixing code pages would
    flag honest Greek "ππ" or random accents). Built on first use and each compiled on
    first use (_COMPILED): compiling all costs more than checking a small tree, and a
    tree in one script needs two or three."""
    gates: dict[int, list[bytes]] = {}
    for codec in _FTFY_CODECS:
        leads = _images_in(codec, range(0xC2, 0xF5))
        conts = _images_in(codec, range(0x80, 0xC0))
        lead, cont = _trie_pattern(leads), _trie_pattern(conts)
        rests: dict[int, set[bytes]] = {}
        for image in leads:
            rests.setdefault(image[0], set()).add(image[1:])
        for first, tails in rests.items():
            gates.setdefault(first, []).append(_trie_pattern(tails) + cont + lead + cont)
    # Single branches: (first byte, continuations announced) -> lead tails, per code page.
    singles: dict[int, list[bytes]] = {}
    for codec in _CODE_PAGES:
        conts = _trie_pattern({c.encode("utf-8") for b in range(0x80, 0xC0) for c in _image(b, codec)})
        for n, images in _single_leads(codec).items():
            tails: dict[int, set[bytes]] = {}
            for char in images:
                encoded = char.encode("utf-8")
                tails.setdefault(encoded[0], set()).add(encoded[1:])
            for first, rest in tails.items():
                singles.setdefault(first, []).append(
                    _trie_pattern(rest) + b"(?=(?:" + conts + b"){%d})" % n)
    follow = _trie_pattern({c.encode("utf-8") for c in _images(range(0x80, 0xC0))})
    # A lead image of either code page and any continuation image: where this matches
    # but no exact branch does, the pair is honest text, and the line is not for ftfy.
    loose: dict[int, set[bytes]] = {}
    for char in _images([b for values in _LEADS.values() for b in values]):
        encoded = char.encode("utf-8")
        loose.setdefault(encoded[0], set()).add(encoded[1:])
    bodies = []
    for first in sorted(set(gates) | set(singles)):
        branches = gates.get(first, [])
        single = b"(?P<single>(?!))?"           # the group exists, and never matches
        if first in singles:
            # Consumes the lead image and one continuation image; the exact detector
            # reads on from the start. A pair of a lead image and a continuation image
            # that is not a garble of either code page is left to the exact detector's
            # lookahead alone, as before, not to ftfy's branches.
            ftfy = [b"(?!" + _trie_pattern(loose[first]) + follow + b")(?:" + b"|".join(branches)
                    + b")"] if branches else []
            branches = [b"(?:" + b"|".join(singles[first]) + b")" + follow + b"(?P<single>)",
                        *ftfy]
            single = b""
        bodies.append((bytes([first]), b"(?:" + b"|".join(branches) + b")" + single))
    return bodies


@functools.cache
def _lookaheads() -> dict[int, bytes]:
    """Per first byte, the lookahead that _scanners() puts before the branches. Apart
    from _scanner_bodies: the lean patterns, which most trees use alone, need none,
    and working these out was a third of writing the patterns (before forking, so on
    every process's way)."""
    # Which code pages (ftfy's, and the exact detector's two) read each character as a
    # lead image, and each one's continuation images: every branch needs a lead image
    # followed by a continuation image of the same code page.
    lead_in: dict[bytes, set[str]] = {}
    conts_in: dict[str, set[bytes]] = {}
    for codec in _FTFY_CODECS:
        conts_in[codec] = _images_in(codec, range(0x80, 0xC0))
        for image in _images_in(codec, range(0xC2, 0xF5)):
            lead_in.setdefault(image, set()).add(codec)
    for codec in _CODE_PAGES:
        key = f"exact {codec}"
        conts_in[key] = {c.encode("utf-8") for b in range(0x80, 0xC0) for c in _image(b, codec)}
        for images in _single_leads(codec).values():
            for char in images:
                lead_in.setdefault(char.encode("utf-8"), set()).add(key)
    cont_starts = {image[0] for images in conts_in.values() for image in images}
    lookaheads = {}
    for gate, _body in _scanner_bodies():
        first = gate[0]
        # Every branch starts with a lead image and a continuation image of one code
        # page: one lookahead (lead images grouped by the code pages they lead in, each
        # group followed by those pages' continuation images) turns away the usual honest
        # cases before any branch is tried: an accented letter, then ASCII or another
        # letter no code page pairs with it; a Cyrillic letter, then another.
        groups: dict[frozenset, set[bytes]] = {}
        for char, codecs in lead_in.items():
            if char[0] == first:
                groups.setdefault(frozenset(codecs), set()).add(char[1:])
        width = 1 if first < 0xE0 else 2 if first < 0xF0 else 3
        pairs = [_trie_pattern(tails) + b"(?:" + _trie_pattern(set().union(*(conts_in[c] for c in codecs)))
                 + b")" for codecs, tails in sorted(groups.items(), key=lambda g: sorted(g[1]))]
        # First a one-byte test (the next character starts like a continuation image),
        # which turns away an accented letter followed by ASCII at once.
        lookaheads[first] = (b"(?=[\x80-\xbf]{%d}[%s])" % (width, _escaped(cont_starts))
                             + b"(?=" + b"|".join(pairs) + b")")
    return lookaheads


@functools.cache
def _scanners() -> list[tuple[int, bytes]]:
    """(first byte, pattern) for scanning whole texts: the lookahead first."""
    lookaheads = _lookaheads()
    return [(gate[0], re.escape(gate) + lookaheads[gate[0]] + body) for gate, body in _scanner_bodies()]


def _lean_scanners() -> list[tuple[int, bytes]]:
    """The patterns of _scanners() without their lookahead, for the short runs
    _windows picks: every branch needs a lead image and a continuation image of one
    code page (what the lookahead tests), so both find the same matches; the
    lookahead only turns honest pairs away faster, which the runs hardly have, and
    compiling it cost more than scanning them. Written out in encoding_tables."""
    return [(gate[0], re.escape(gate) + body) for gate, body in _scanner_bodies()]


# A cheap test run before the patterns: every match of theirs ends in a continuation
# image (in any of ftfy's code pages) right after a lead image, so a text without any
# continuation image has nothing to find. The UTF-8 forms of those images start with
# a few bytes; a memchr test finds most, but five also start everyday Greek and
# Cyrillic letters, so for those the second byte is tested too (a range that holds
# every continuation image's: a superset, so nothing is missed).
_SHARED_SECONDS = {0xCE: range(0x80, 0x90), 0xD0: range(0x80, 0x90),
                   0xD1: range(0x90, 0xA0), 0xD2: range(0x90, 0xA0)}
_SHARED_EXACT = (b"\xce\xa9", b"\xcf\x80")      # Omega and pi, Mac Roman's images


def _prefilter() -> tuple[bytes, bytes, list[tuple[int, bytes]]]:
    """(bytes tested with memchr, a bytes.translate table that turns each shared start's
    second bytes into one class byte, the needles to find in the translated text)."""
    conts = {image for codec in _FTFY_CODECS for image in _images_in(codec, range(0x80, 0xC0))}
    starts = {image[0] for image in conts}
    for image in conts:      # the ranges above must hold every image they stand for
        if image[0] in (*_SHARED_SECONDS, 0xCF) and image not in _SHARED_EXACT and \
                image[1] not in _SHARED_SECONDS.get(image[0], ()):
            raise AssertionError(f"continuation image {image!r} escapes the prefilter")
    plain = bytes(sorted(starts - set(_SHARED_SECONDS) - {0xCF}))
    table = bytearray(range(256))
    for byte in range(0x80, 0xC0):
        table[byte] = 0
    classes: dict[range, int] = {}
    needles = []
    for first, seconds in _SHARED_SECONDS.items():
        value = classes.setdefault(seconds, 1 + len(classes))   # 0x01, 0x02: class bytes
        for byte in seconds:
            table[byte] = value
        needles.append((first, bytes([first, value])))
    return plain, bytes(table), needles


def _after_a_lead(image: bytes, plain_starts: bytes) -> tuple[bytes, bytes]:
    """A pattern for `image` (Omega, pi) where it can be a continuation image: right
    after a lead image of a code page that has it as one. Greek letters are none
    (Mac Roman's lead images are symbols and Latin letters), so the Greek text that
    has pi in nearly every line is not scanned for it. The lookbehind tests the two
    bytes before: a lead image ends with a continuation byte, and the byte before
    that is never CE or CF (checked here for every such lead image).

    Also the first bytes of those lead images that are not among `plain_starts`
    (the ligatures' and the Apple logo's EF): _may_garble tests for `image` only
    after finding no plain start, and then no lead image can stand before it unless
    one of these bytes is in the text (memchr), which Greek text seldom has."""
    leads = set()
    for codec in _FTFY_CODECS:
        if image in _images_in(codec, range(0x80, 0xC0)):
            leads |= _images_in(codec, range(0xC2, 0xF5))
    for codec in _CODE_PAGES:
        if image in {c.encode("utf-8") for b in range(0x80, 0xC0) for c in _image(b, codec)}:
            leads |= {c.encode("utf-8") for images in _single_leads(codec).values() for c in images}
    for lead in leads:
        if len(lead) < 2 or lead[-2] in (0xCE, 0xCF) or not 0x80 <= lead[-1] < 0xC0:
            raise AssertionError(f"lead image {lead!r} escapes the test for {image!r}")
    unseen = bytes(sorted({lead[0] for lead in leads} - set(plain_starts)))
    return re.escape(image) + b"(?<=[^\xce\xcf][\x80-\xbf]" + re.escape(image) + b")", unseen


def _window_classes() -> bytes:
    """A bytes.translate table for _windows: ASCII -> "a", a lead byte (or any other
    byte from C0) -> "L", a continuation byte -> "c", or "n" where it can end a
    Windows-1252/Mac Roman lead image that announces one continuation."""
    ends = {c.encode("utf-8")[-1] for codec in _CODE_PAGES for c in _single_leads(codec)[1]}
    if not all(0x80 <= end < 0xC0 for end in ends):
        raise AssertionError("a single lead image does not end in a continuation byte")
    table = bytearray(b"a" * 0x80 + b"c" * 0x40 + b"L" * 0x40)
    for end in ends:
        table[end] = ord("n")
    return bytes(table)


# --- the tables, written out ---------------------------------------------------------
# Deriving the tables and patterns above from the code pages (ten codecs imported,
# every byte decoded in each, tries built) cost every `check` about 10 ms before it
# could fork. They are written out in encoding_tables.py by
# `python -m coop_translations.write_tables`; a test checks that file
# against this derivation, so the code pages stay the one source.

TABLES = "encoding_tables.py"


def derive_tables() -> dict[str, object]:
    """What encoding_tables.py holds, derived from the code pages."""
    plain, second, needles = _prefilter()
    return {
        "PLAIN_STARTS": plain,
        "SECOND_TABLE": second,
        "SHARED_NEEDLES": needles,
        "SHARED_AFTER_LEAD": [(image[0], unseen, pattern) for image in _SHARED_EXACT
                              for pattern, unseen in [_after_a_lead(image, plain)]],
        "WINDOW_CLASSES": _window_classes(),
        "LEAN_SCANNERS": _lean_scanners(),
    }


def tables_source() -> str:
    lines = ['"""The mojibake detector\'s tables and patterns, derived from the code pages by',
             'encoding.derive_tables. Generated by',
             '`python -m coop_translations.write_tables`: do not edit (a test checks',
             'this file against the derivation)."""', ""]
    for name, value in derive_tables().items():
        lines.append(f"{name} = {value!r}")
    return "\n".join(lines) + "\n"


def tables_main(argv: list[str], path: str | None = None) -> int:
    """(Re)write encoding_tables.py (whole, through a temporary file); with --check,
    only say whether it is current: exit 1 if not."""
    import os

    if argv not in ([], ["--check"]):
        print("usage: python -m coop_translations.write_tables [--check]")
        return 2
    path = path or os.path.join(os.path.dirname(os.path.abspath(__file__)), TABLES)
    try:
        with open(path, encoding="utf-8") as handle:
            current = handle.read()
    except FileNotFoundError:
        current = None
    wanted = tables_source()
    if current == wanted:
        return 0
    if argv:
        print(f"{path} is stale: run `python -m coop_translations.write_tables`")
        return 1
    with open(f"{path}.tmp", "w", encoding="utf-8") as handle:
        handle.write(wanted)
    os.replace(f"{path}.tmp", path)
    print(f"wrote {path}")
    return 0


def _written_tables() -> dict[str, object]:
    """encoding_tables' values; derived here when that file is missing or incomplete
    (while write_tables rewrites it), which only costs time."""
    try:
        from . import encoding_tables
    except ImportError:
        return derive_tables()
    values = vars(encoding_tables)
    return values if all(name in values for name in _TABLE_NAMES) else derive_tables()


_TABLE_NAMES = ("PLAIN_STARTS", "SECOND_TABLE", "SHARED_NEEDLES", "SHARED_AFTER_LEAD",
                "WINDOW_CLASSES", "LEAN_SCANNERS")
_TABLES = _written_tables()
_PLAIN_STARTS, _SECOND_TABLE = _TABLES["PLAIN_STARTS"], _TABLES["SECOND_TABLE"]
_SHARED_NEEDLES = _TABLES["SHARED_NEEDLES"]
_SHARED_AFTER_LEAD = [(first, unseen, re.compile(pattern))
                      for first, unseen, pattern in _TABLES["SHARED_AFTER_LEAD"]]
_CLASSES = _TABLES["WINDOW_CLASSES"]
_LEAN_SCANNERS = _TABLES["LEAN_SCANNERS"]

# A character ("c": its last byte), a second one whole, the start of a third; a
# continuation image has one to three continuation bytes.
_THREE_IN_A_ROW = re.compile(rb"cL(?=[cn]{1,3}L)")
# A character that may be a single lead image, then another character.
_AFTER_SINGLE_LEAD = re.compile(rb"nL")


def _may_garble(data: bytes) -> bool:
    """False only when `data` holds no continuation image at all, so no pattern of
    _scanners() can match: memchr tests and, for Greek or Cyrillic text, a search for
    Omega and pi after a lead image, one bytes.translate and a find per needle."""
    for start in _PLAIN_STARTS:
        if start in data:
            return True
    for first, unseen, after_lead in _SHARED_AFTER_LEAD:
        if first in data and any(lead in data for lead in unseen) and after_lead.search(data):
            return True
    translated = None
    for first, needle in _SHARED_NEEDLES:
        if first in data:
            if translated is None:
                translated = data.translate(_SECOND_TABLE)
            if translated.find(needle) >= 0:
                return True
    return False


def _ftfy_candidates(data: bytes, lines: list[int]):
    """(offset, garbled, repaired) for the words ftfy repairs, on the given lines."""
    for begin in lines:
        end = data.find(b"\n", begin)
        end = len(data) if end < 0 else end
        yield from _line_candidates(data[begin:end].decode("utf-8", "replace"), begin)


def _line_candidates(line: str, offset: int):
    import ftfy
    from ftfy.badness import is_bad

    if is_bad(line):
        fixed = ftfy.fix_encoding(line)
        if fixed != line:
            yield from _words(line, fixed, offset)


def _words(line: str, fixed: str, offset: int):
    """The garbled words of a line ftfy repaired, each cut to what differs (so the same
    garble reads the same next to any punctuation). Words are paired by position when
    the repair kept them apart (a string operation each); otherwise each non-ASCII word
    is repaired alone. Last resort: the span where the two lines differ."""
    import ftfy
    from ftfy.badness import is_bad

    garbled_words, fixed_words = line.split(), fixed.split()
    found = False
    at = _ByteOffsets(line, offset)
    if len(garbled_words) == len(fixed_words):
        position = 0
        for word, repaired in zip(garbled_words, fixed_words):
            position = line.find(word, position)
            if word != repaired:
                found = True
                start, garbled, meant = _differing(word, repaired)
                yield at(position + start), garbled, meant
            position += len(word)
    else:
        for match in _CORE.finditer(line):
            core = match.group()
            repaired = ftfy.fix_encoding(core)
            if repaired == core or is_bad(repaired):
                continue
            found = True
            yield at(match.start()), core, repaired
    if not found:
        start, garbled, meant = _differing(line, fixed)
        yield offset + len(line[:start].encode("utf-8")), garbled, meant


class _ByteOffsets:
    """Byte offsets of increasing character positions in a line, each step encoding only
    the characters since the last one."""

    def __init__(self, line: str, offset: int):
        self.line, self.char, self.byte = line, 0, offset

    def __call__(self, char: int) -> int:
        if char < self.char:
            self.char, self.byte = 0, self.byte - len(self.line[:self.char].encode("utf-8"))
        self.byte += len(self.line[self.char:char].encode("utf-8"))
        self.char = char
        return self.byte


def _differing(a: str, b: str) -> tuple[int, str, str]:
    """Where two strings start to differ, and the differing middles of both."""
    start, limit = 0, min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return start, a[start:len(a) - end], b[start:len(b) - end]


# A word's run from its first to its last non-ASCII character.
_CORE = re.compile(r"[^\x00-\x7f](?:[^\s]*[^\x00-\x7f])?")


def all_garbles(data: bytes) -> frozenset[str]:
    """Every garbled sequence either detector sees in `data` (a source's own examples)."""
    candidates, lines = _scan(data, every_length=True)
    found = {garbled for _offset, garbled, _ in candidates}
    found.update(garbled for _offset, garbled, _ in _ftfy_candidates(data, lines))
    return frozenset(found)


def find_mojibake(data: bytes, source: bytes | None = b"", known=None,
                  chars: int | None = None) -> Garble | None:
    """The first garbled sequence in UTF-8 `data` that the source does not show itself.

    `known` (a callable returning all_garbles of the source) spares recomputing it
    for every translation of one source; `chars`, the length of `data` decoded, if
    known, picks the faster way to scan (it changes no result)."""
    candidates, lines = _scan(data, chars=chars)
    if lines:
        candidates += sorted(_ftfy_candidates(data, lines), key=lambda c: c[0])
    if not candidates:
        return None
    in_source = known() if known is not None else all_garbles(source or b"")
    first = None
    for offset, garbled, repaired in candidates:
        if garbled in in_source or (first is not None and offset >= first.offset):
            continue
        first = Garble(offset, garbled, repaired)
    return first
