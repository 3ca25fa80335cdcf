"""Content hashes exactly as co-op-translator computes them: MD5 of the source
file's raw bytes, lowercase hex. No normalisation, so its repositories check
correctly; `whitespace_variants` only explains a mismatch afterwards."""
from __future__ import annotations

import re

try:
    # CPython's own MD5 module, which hashlib falls back on. hashlib itself loads
    # OpenSSL (_hashlib) when first imported: about 7 ms of every `check`, which
    # hashes a few sources of kilobytes. Not in every build (a distribution may leave
    # the built-in hashes out): then hashlib's.
    from _md5 import md5
except ImportError:     # a build without the built-in hashes
    from hashlib import md5


def md5_hex(data: bytes) -> str:
    return md5(data).hexdigest()


_TRAILING_BLANKS = re.compile(rb"[ \t]+(?=\r?\n|\Z)")


def _has_trailing_blanks(data: bytes) -> bool:
    """Whether _TRAILING_BLANKS can match, by substring tests: the pattern tries every
    space of the page, which costs more than hashing it."""
    return data.endswith((b" ", b"\t")) or any(
        pair in data for pair in (b" \n", b"\t\n", b" \r\n", b"\t\r\n"))


def whitespace_variants(data: bytes) -> set[str]:
    """Hashes of `data` with other line endings and/or trailing whitespace.

    If a stored hash is among them, the source changed in whitespace only and a
    re-stamp (no re-translation) is the fix.

    Every variant is a text without its final line breaks (a core) plus one ending
    (its own, none, LF or CRLF). A core never ends in CR or LF, so two variants are
    equal exactly when their cores and endings are: the cores (two to four, usually
    two) are told apart by comparing them, and each is hashed once, its endings
    added to copies of that hash. Building every variant, hashing each into a set of
    bytes and MD5-ing it whole cost each process about 3 % of a large check (every
    stale source's variants are computed once per process)."""
    lf = data.replace(b"\r\n", b"\n")
    forms: list[tuple[bytes, set[bytes]]] = []         # (core, its endings), distinct cores
    for base in (lf, lf.replace(b"\n", b"\r\n")):
        stripped = _TRAILING_BLANKS.sub(b"", base) if _has_trailing_blanks(base) else base
        for text in (base, stripped):
            core = text.rstrip(b"\r\n")
            _add_form(forms, core, {text[len(core):], *_ENDINGS})
    own_core = data.rstrip(b"\r\n")
    hashes = set()
    for core, endings in forms:
        if core == own_core:
            endings.discard(data[len(own_core):])       # `data` itself is no variant
        if endings:
            digest = md5(core)
            for ending in endings:
                variant = digest.copy()
                variant.update(ending)
                hashes.add(variant.hexdigest())
    return hashes


_ENDINGS = (b"", b"\n", b"\r\n")


def _add_form(forms: list[tuple[bytes, set[bytes]]], core: bytes, endings: set[bytes]) -> None:
    """Adds the endings to the core's entry, or the core with them if it is new."""
    for known, known_endings in forms:
        if known == core:
            known_endings |= endings
            return
    forms.append((core, endings))
