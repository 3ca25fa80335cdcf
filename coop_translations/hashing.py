"""Content hashes exactly as co-op-translator computes them: MD5 of the source
file's raw bytes, lowercase hex. No normalisation, so its repositories check
correctly; `whitespace_variants` only explains a mismatch afterwards."""
from __future__ import annotations

import hashlib
import re


def md5_hex(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


_TRAILING_BLANKS = re.compile(rb"[ \t]+(?=\r?\n|\Z)")


def _has_trailing_blanks(data: bytes) -> bool:
    """Whether _TRAILING_BLANKS can match, by substring tests: the pattern tries every
    space of the page, which costs more than hashing it."""
    return data.endswith((b" ", b"\t")) or any(
        pair in data for pair in (b" \n", b"\t\n", b" \r\n", b"\t\r\n"))


def whitespace_variants(data: bytes) -> set[str]:
    """Hashes of `data` with other line endings and/or trailing whitespace.

    If a stored hash is among them, the source changed in whitespace only and a
    re-stamp (no re-translation) is the fix."""
    lf = data.replace(b"\r\n", b"\n")
    bases = {lf, lf.replace(b"\n", b"\r\n")}
    variants = set()
    for base in bases:
        stripped = _TRAILING_BLANKS.sub(b"", base) if _has_trailing_blanks(base) else base
        for text in (base, stripped):
            variants.update({text, text.rstrip(b"\r\n"), text.rstrip(b"\r\n") + b"\n",
                             text.rstrip(b"\r\n") + b"\r\n"})
    variants.discard(data)
    return {md5_hex(v) for v in variants}
