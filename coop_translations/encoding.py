"""Is a translation readable UTF-8 text, and has it been through a wrong code page?

Mojibake is UTF-8 decoded as Windows-1252/Latin-1 ("lÃ¤rt") or Mac Roman
("l√§rt") and saved again. The detector works on the raw bytes: it looks for the
UTF-8 form of such garbled sequences and repairs each candidate to check it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MAX_BYTES = 8 * 1024 * 1024    # a page is a few hundred KB; more is not a page


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
        hint = ""
        try:
            guess = data[exc.start:exc.start + 1].decode("cp1252")
            hint = f"; read as Windows-1252 it would be {guess!r}"
        except UnicodeDecodeError:
            pass
        return None, (f"is not valid UTF-8 at byte {exc.start} (bytes {bad}{hint})", exc.start)


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


def _garble_pattern() -> re.Pattern[str]:
    """Exact form, on text: a lead image, then as many continuation images as it announces."""
    cont = f"[{_chars(_images(range(0x80, 0xC0)))}]"
    leads = {n: _images(values) for n, values in _LEADS.items()}
    every = set().union(*leads.values())
    tails = "|".join(f"(?<=[{_chars(leads[n])}]){cont}{{{n}}}" for n in sorted(leads, reverse=True))
    return re.compile(f"[{_chars(every)}](?:{tails})")


def _trie_pattern(words: set[bytes]) -> bytes:
    """A regex matching any of `words`, factored by common prefixes: a flat alternation
    of many byte strings is tried one branch at a time, a trie is not."""
    if b"" in words:
        rest = _trie_pattern(words - {b""}) if len(words) > 1 else b""
        return b"(?:" + rest + b")?" if rest else b""
    by_first: dict[int, set[bytes]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    singles = sorted(first for first, tails in by_first.items() if tails == {b""})
    branches = []
    if singles:
        branches.append(b"[" + b"".join(re.escape(bytes([b])) for b in singles) + b"]")
    for first, tails in sorted(by_first.items()):
        if tails != {b""}:
            branches.append(re.escape(bytes([first])) + _trie_pattern(tails))
    return branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"


def _finders() -> list[tuple[bytes, re.Pattern[bytes]]]:
    """Fast form, on raw bytes: per first byte of a lead image's UTF-8, a pattern with
    that byte as literal prefix (which the regex engine searches fast), gated by a
    memchr test; candidates are then checked with the exact form."""
    rests: dict[int, set[bytes]] = {}
    for char in _images([b for values in _LEADS.values() for b in values]):
        encoded = char.encode("utf-8")
        rests.setdefault(encoded[0], set()).add(encoded[1:])
    follow = _trie_pattern({c.encode("utf-8") for c in _images(range(0x80, 0xC0))})
    return [(bytes([first]), re.compile(re.escape(bytes([first])) + _trie_pattern(tails) + follow))
            for first, tails in sorted(rests.items())]


_GARBLED = _garble_pattern()
_FINDERS = _finders()


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


@dataclass(frozen=True)
class Garble:
    offset: int       # byte offset in the file
    garbled: str
    repaired: str


def _garble_at(data: bytes, offset: int) -> tuple[str, str] | None:
    window = data[offset:offset + 16].decode("utf-8", "ignore")
    match = _GARBLED.match(window)
    if match is None:
        return None
    candidate = match.group()
    for length in range(len(candidate), 1, -1):   # a longest-first match may be too long
        garbled = candidate[:length]
        repaired = _repair(garbled)
        if repaired and _plausible(repaired):
            return garbled, repaired
    return None


def find_mojibake(data: bytes, source: bytes = b"") -> Garble | None:
    """The first garbled sequence in UTF-8 `data` that the source does not contain itself."""
    first = None
    for gate, finder in _FINDERS:
        if gate not in data:
            continue
        for match in finder.finditer(data):
            if first is not None and match.start() >= first.offset:
                break
            found = _garble_at(data, match.start())
            if found and found[0].encode("utf-8") not in source:
                first = Garble(match.start(), *found)
                break
    return first
