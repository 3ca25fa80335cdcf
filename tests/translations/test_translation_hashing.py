"""The whitespace-only variants of a source, hashed as co-op-translator would hash them."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from coop_translations.hashing import _has_trailing_blanks, md5_hex, whitespace_variants

_TRAILING = re.compile(rb"[ \t]+(?=\r?\n|\Z)")


def _every_variant(data: bytes) -> set[str]:
    """whitespace_variants as first written, the spec: every variant built whole,
    deduplicated as bytes, then hashed."""
    lf = data.replace(b"\r\n", b"\n")
    variants = set()
    for base in {lf, lf.replace(b"\n", b"\r\n")}:
        stripped = _TRAILING.sub(b"", base) if _has_trailing_blanks(base) else base
        for text in (base, stripped):
            variants.update({text, text.rstrip(b"\r\n"), text.rstrip(b"\r\n") + b"\n",
                             text.rstrip(b"\r\n") + b"\r\n"})
    variants.discard(data)
    return {md5_hex(v) for v in variants}


_PIECES = [b"a", b"b ", b" ", b"\t", b"\n", b"\r", b"\r\n", b"\n\n", b" \r\n", b"\xc3\xa9"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_whitespace_variants_hash_what_every_variant_would(pieces):
    """One hash per core, copied for each of its endings, gives the hashes of every
    variant built whole (line endings, trailing blanks, final newlines, empty text)."""
    data = b"".join(pieces)
    assert whitespace_variants(data) == _every_variant(data)


def test_whitespace_variants_of_a_page():
    page = b"# Title\n\nSome text.  \nMore\n"
    assert whitespace_variants(page) == _every_variant(page)
    assert md5_hex(b"# Title\r\n\r\nSome text.\r\nMore\r\n") in whitespace_variants(page)
    assert md5_hex(page) not in whitespace_variants(page)


@pytest.mark.parametrize("builtin", [True, False])
def test_md5_is_hashlib_md5_with_or_without_the_builtin_module(monkeypatch, builtin):
    """The checker hashes with CPython's own _md5 (hashlib's OpenSSL is slow to load),
    and with hashlib's in a build without the built-in hashes: the same digests."""
    import hashlib
    import importlib
    import sys

    from coop_translations import hashing

    if not builtin:
        monkeypatch.setitem(sys.modules, "_md5", None)      # as if the build had none
    try:
        module = importlib.reload(hashing)
        assert (module.md5.__module__ == "_md5") is builtin
        for data in (b"", b"abc", "Å\r\n".encode() * 10_000):
            assert module.md5_hex(data) == hashlib.md5(data).hexdigest()
            assert module.whitespace_variants(data) == _every_variant(data)
    finally:
        monkeypatch.undo()
        importlib.reload(hashing)
