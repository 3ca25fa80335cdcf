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
