"""Only the comment at the top of a page is its metadata; an example further down is content."""

from coop_translations.metadata import find_comment

COMMENT = (b'<!--\nCO_OP_TRANSLATOR_METADATA:\n{\n  "original_hash": "' + b"0" * 32 + b'",\n'
           b'  "translation_date": "2026-11-23T07:00:00+00:00",\n  "source_file": "docs/en/index.md",\n'
           b'  "language_code": "sv"\n}\n-->\n')


def test_comment_at_the_top_is_found_after_bom_blank_lines_or_front_matter():
    for lead in (b"", b"\xef\xbb\xbf", b"\n\n", b"---\ntitle: X\n---\n"):
        found = find_comment(lead + COMMENT + b"# Rubrik\n")
        assert found.metadata is not None and found.metadata.language_code == "sv", lead
        assert found.span[0] == len(lead)


def test_comment_inside_the_page_is_not_metadata():
    page = b"# Guide\n\nThe comment looks like this:\n\n```\n" + COMMENT + b"```\n"
    found = find_comment(page)
    assert found.metadata is None and found.span is None


# --- the canonical comment is read without the JSON decoder, as the decoder reads it ----------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from coop_translations import metadata  # noqa: E402


def _find_comment_by_decoder(data: bytes):
    """find_comment as first written: every comment through parse_json and validate."""
    opening = metadata._COMMENT_OPEN.match(data, metadata._LEAD.match(data).end())
    close = data.find(b"-->", opening.end()) if opening else -1
    if close < 0:
        return metadata.Found("inline comment")
    span = (opening.start(), metadata._COMMENT_END.match(data, close).end())
    obj, error = metadata.parse_json(data[opening.end():close].strip())
    if error:
        return metadata.Found("inline comment", errors=(error,), span=span)
    return metadata._from_object(obj, "inline comment", span)


_VALUES = {
    "original_hash": [b"327f0d39082cda582c82b0ac2819f49d", b"327F0D39082CDA582C82B0AC2819F49D",
                      b"327f0d39082cda582c82b0ac2819f49", b"327f0d39082cda582c82b0ac2819f49dd", b"",
                      b"327f0d39082cda582c82b0ac2819f4\\u0039"],
    "translation_date": [b"2025-06-01T12:00:00+00:00", b"2025-06-01T12:00:00", b"yesterday", b"",
                         b"2025-06-01T12:00:00+02:00"],
    "source_file": [b"lessons/a.md", b"", b" ", b"\xc3\xa4.md", b"\xc3.md", b"a\\\"b.md", b"a\\u00e4.md",
                    b"a\tb.md", b"\xe2\x80\x83", b"a/b c.md"],
    "language_code": [b"sv", b"", b"\xc2\xa0", b"pt-BR", b"s\\nv", b"\xff"],
}
# JSON's whitespace, and now and then what is not JSON's (form feed, no-break space).
_SPACE = st.sampled_from([b"", b" ", b"\n  ", b"\r\n", b"\t"] * 8 + [b"\x0c", b"\xc2\xa0"])


@st.composite
def _comments(draw):
    names = list(metadata.FIELDS)
    if draw(st.integers(0, 5)) == 0:
        names = draw(st.permutations(names))
    if draw(st.integers(0, 9)) == 0:
        names = names[:draw(st.integers(0, 3))]
    parts = []
    odd = draw(st.sampled_from(metadata.FIELDS))      # one field drawn from all its values,
    for name in names:                                # the others good (the shortcut's case)
        value = draw(st.sampled_from(_VALUES[name])) if name == odd else _VALUES[name][0]
        quoted = b'"' + value + b'"' if draw(st.integers(0, 19)) else value
        parts.append(draw(_SPACE) + b'"' + name.encode() + b'"' + draw(_SPACE) + b":" + draw(_SPACE)
                     + quoted + draw(_SPACE))
    if draw(st.integers(0, 9)) == 0:
        parts.append(b' "extra": "x"')
    body = b"{" + b",".join(parts) + b"}"
    if draw(st.integers(0, 9)) == 0:
        body = draw(st.sampled_from([b"", b"[]", b"{", body + b"x", body[:-1], b"\xef\xbb\xbf" + body]))
    return b"<!--\nCO_OP_TRANSLATOR_METADATA:\n" + body + b"\n-->\n# Title\n"


@settings(max_examples=2000, deadline=None)
@given(_comments())
def test_the_canonical_comment_reads_as_the_json_decoder_reads_it(data):
    assert find_comment(data) == _find_comment_by_decoder(data)


def test_the_comment_co_op_translator_writes_takes_the_shortcut():
    good = metadata.Metadata("327F0D39082CDA582C82B0AC2819F49D", "2025-06-01T12:00:00+00:00",
                             "lessons/ä.md", "sv")
    data = metadata.render_comment(good) + b"# Title\n"
    raw = data[data.index(b"{"):data.index(b"-->")].strip()
    found = metadata._canonical(raw, (0, 1))
    assert found is not None and found.metadata.original_hash == good.original_hash.lower()
    assert find_comment(data) == _find_comment_by_decoder(data)
