"""structure-drift names what differs, where, in both files."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coop_translations.drift import compare
from coop_translations.fastpath import fingerprint, unchanged
from coop_translations.structure import markdown_structure
from translation_trees import SOURCE, SOURCE_PAGE, SWEDISH_PAGE

SV = "docs/sv/lessons/01-tensors/index.md"
COMMENT_LINES = 9     # a translation's line = the source's line + the metadata comment


def drift(project, page: str) -> list:
    project.translate(SOURCE, "sv", page)
    result = project.result(SV)
    assert set(result.codes) <= {"structure-drift"}
    return result.problems


def test_changed_code_names_block_lines_and_the_differing_line(project):
    [problem] = drift(project, SWEDISH_PAGE.replace("x = 1", "x = 2"))
    assert "code block 3 differs" in problem.message
    assert "line 20 of the source" in problem.message
    assert f"line {20 + COMMENT_LINES} of the translation" in problem.message
    assert "its line 1 is 'x = 1' in the source, 'x = 2' in the translation" in problem.message
    assert problem.line == 20 + COMMENT_LINES


def test_changed_snippet_include_is_named_first(project):
    problems = drift(project, SWEDISH_PAGE.replace("shapes_tf.py:make", "shapes_tf.py:build"))
    assert problems[0].message.count("snippet include 2 differs") == 1
    assert "shapes_tf.py:make" in problems[0].message and "shapes_tf.py:build" in problems[0].message
    assert problems[0].line == 17 + COMMENT_LINES


def test_translated_tab_label(project):
    [problem] = drift(project, SWEDISH_PAGE.replace('=== "PyTorch"', '=== "PyTorch-fliken"'))
    assert "tab label 1 differs: 'PyTorch' at line 8 of the source, 'PyTorch-fliken' at line 17" in problem.message


def test_changed_link_target(project):
    [problem] = drift(project, SWEDISH_PAGE.replace("../../glossary.md#tensor", "../../ordlista.md#tensor"))
    assert "link 2 differs" in problem.message
    assert "'../../glossary.md#tensor' at line 27 of the source" in problem.message


def test_link_text_may_change_but_not_the_target(project):
    assert drift(project, SWEDISH_PAGE.replace("[ordlistan]", "[ordlistan, som förklarar allt]")) == []


def test_missing_image(project):
    [problem] = drift(project, SWEDISH_PAGE.replace("![en tensor](../../assets/tensor.png)", "en bild"))
    assert "image 1 of 1 (line 4 of the source, '../../assets/tensor.png') is missing" in problem.message


def test_changed_heading_anchor(project):
    [problem] = drift(project, SWEDISH_PAGE.replace("{ #shapes }", "{ #former }"))
    assert "heading anchor 2 differs: 'shapes' at line 6 of the source, 'former' at line 15" in problem.message


def test_extra_heading(project):
    [problem] = drift(project, SWEDISH_PAGE.replace("## Sammanfattning", "## Mer\n\nText.\n\n## Sammanfattning"))
    assert "the source has 3 headings, the translation 4" in problem.message
    assert "source lines [1, 6, 25]" in problem.message


def test_comments_in_code_are_not_headings(project):
    page = SWEDISH_PAGE.replace("# a comment, not a heading\n", "")
    problems = drift(project, page)
    assert [p.message for p in problems if "headings" in p.message] == []
    assert any("code block 3" in p.message for p in problems)


def test_crlf_translation_of_an_lf_source_is_not_drift(project):
    assert drift(project, SWEDISH_PAGE.replace("\n", "\r\n")) == []


def test_a_removed_fence_is_drift(project):
    page = SWEDISH_PAGE.replace("```python\nx = 1\n# a comment, not a heading\n```\n", "x = 1\n")
    problems = drift(project, page)
    assert any("code block 3 of 3" in p.message and "missing from the translation" in p.message
               for p in problems)


def test_unclosed_fence_runs_to_the_end():
    structure = markdown_structure(b"# A\n\n```python\nx = 1\n## not a heading\n")
    assert structure.items["code block"].values == [b"x = 1\n## not a heading\n"]
    assert len(structure.headings) == 1


def test_links_inside_code_do_not_count():
    structure = markdown_structure(b"[a](x.md)\n\n```md\n[b](y.md)\n```\n")
    assert structure.items["link"].values == [b"x.md"]


def test_reference_definitions_and_html_are_links_and_images():
    page = b'[a][ref]\n\n[ref]: https://example.org/a\n\n<img src="pic.png" alt="x"> <a href="b.md">b</a>\n'
    structure = markdown_structure(page)
    assert structure.items["link"].values == [b"https://example.org/a", b"b.md"]
    assert structure.items["image"].values == [b"pic.png"]


# --- the fast path agrees with the full comparison ---------------------------------

_SOURCE = markdown_structure(SOURCE_PAGE.encode())
_FINGERPRINT = fingerprint(_SOURCE)
_LINES = SWEDISH_PAGE.encode().split(b"\n")


def _edit(lines: list[bytes], kind: str, index: int, text: bytes) -> bytes:
    lines = list(lines)
    index %= len(lines)
    if kind == "delete":
        del lines[index]
    elif kind == "insert":
        lines.insert(index, text)
    elif kind == "duplicate":
        lines.insert(index, lines[index])
    else:
        lines[index] = lines[index] + text
    return b"\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["delete", "insert", "duplicate", "append"]),
                          st.integers(0, 100),
                          st.sampled_from([b"x", b"```", b"# h", b'=== "T"', b"[a](b.md)", b"![i](p.png)",
                                           b"{ #a }", b"--8<-- \"f.py\"", b"~~~", b"    ```python", b""])),
                max_size=3))
def test_fast_path_never_hides_drift(edits):
    data = b"\n".join(_LINES)
    for kind, index, text in edits:
        data = _edit(data.split(b"\n"), kind, index, text)
    if unchanged(_FINGERPRINT, data):
        assert compare(_SOURCE, markdown_structure(data)) == []


def test_fast_path_accepts_a_faithful_translation():
    assert unchanged(_FINGERPRINT, SWEDISH_PAGE.encode())
    assert not unchanged(_FINGERPRINT, SWEDISH_PAGE.replace("x = 1", "x = 2").encode())


# --- the verbatim proof (fastpath.verbatim) agrees with the full comparison --------------

from coop_translations.fastpath import MARKUP, skeleton, verbatim  # noqa: E402

# Lines of both kinds: with a markup byte (structure or look-alikes) and without (prose),
# and pieces that only become structure next to others (an image's alt text over two
# lines, a fence left open, a heading without its newline at the end of the page).
_FRAGMENTS = [b"prose", b"more prose.", b"", b" ", b"\t", b"x = 1", b"```", b"```python", b"~~~",
              b"    ```", b"```a```", b"# h", b"## h { #a }", b"#", b"#x", b"   # h", b'=== "T"',
              b'===+ "U"', b'--8<-- "f.py"', b"  --8<-- x", b"[a](b.md)", b"![i](p.png)", b"![alt",
              b"more](q.png)", b"[r]: x.md", b"`code`", b"{ #a }", b"a ] b", b"(x)", b"\r", b"text\r"]
_LINE = st.sampled_from(_FRAGMENTS)


def _no_drift(source: bytes, translation: bytes) -> bool:
    return compare(markdown_structure(source), markdown_structure(translation)) == []


def _edited(lines: list[bytes], edits) -> bytes:
    for kind, index, text in edits:
        index %= len(lines) + 1
        if kind == "insert":
            lines.insert(index, text)
        elif lines:
            index %= len(lines)
            if kind == "delete":
                del lines[index]
            elif kind == "duplicate":
                lines.insert(index, lines[index])
            elif kind == "append":
                lines[index] += text
            elif kind == "replace":
                lines[index] = text
    return b"\n".join(lines)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=14), st.booleans(),
       st.lists(st.tuples(st.sampled_from(["insert", "delete", "duplicate", "append", "replace"]),
                          st.integers(0, 20), _LINE), max_size=4),
       st.booleans())
def test_verbatim_never_hides_drift(lines, newline_at_end, edits, translated_end):
    source = b"\n".join(lines) + (b"\n" if newline_at_end else b"")
    structure = markdown_structure(source)
    shape = skeleton(source, structure.code_ranges)
    translation = _edited(source.split(b"\n"), edits)
    if translated_end:
        translation += b"\nprose"
    if verbatim(shape, translation):
        assert compare(structure, markdown_structure(translation)) == []


_NOT_MARKUP = bytes(byte for byte in range(256) if byte not in MARKUP)


def _verbatim_by_count(source, data: bytes, begin: int = 0) -> bool:
    """verbatim as first written: the runs found in order, then the markup bytes of the
    page after `begin` counted (bytes.translate) and compared with the source's."""
    position = begin
    for region, byte, offset in source.regions:
        start = data.find(byte, position + offset) - offset
        if start < position or (start and data[start - 1] != 10) or \
                not data.startswith(region, start):
            return False
        position = start + len(region)
    if source.to_end and position != len(data):
        return False
    markup = len(data.translate(None, _NOT_MARKUP))
    return markup - len(data[:begin].translate(None, _NOT_MARKUP)) == source.markup


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=14), st.booleans(),
       st.lists(st.tuples(st.sampled_from(["insert", "delete", "duplicate", "append", "replace"]),
                          st.integers(0, 20), _LINE), max_size=4),
       st.booleans(), st.sampled_from([b"", b"x\n", b"# T\n", b"[a](b)\n\n"]))
def test_verbatim_searches_the_gaps_as_counting_did(lines, newline_at_end, edits, translated_end,
                                                     head):
    """verbatim searches the gaps between the runs for markup bytes (memchr); counting
    them over the page, as it first did, gives the same answer, from any start."""
    source = b"\n".join(lines) + (b"\n" if newline_at_end else b"")
    shape = skeleton(source, markdown_structure(source).code_ranges)
    translation = _edited(source.split(b"\n"), edits)
    if translated_end:
        translation += b"\nprose"
    assert verbatim(shape, translation) == _verbatim_by_count(shape, translation)
    data = head + translation
    assert verbatim(shape, data, len(head)) == _verbatim_by_count(shape, data, len(head))
    assert verbatim(shape, source) and _verbatim_by_count(shape, source)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["insert", "delete", "duplicate", "append", "replace"]),
                          st.integers(0, 100), _LINE), max_size=3),
       st.sampled_from([b"", b"\n", b"\n\n", b" "]), st.sampled_from([b"\n", b"", b"## B\n", b"![x\n"]))
def test_the_metadata_comment_hides_no_drift(edits, before, after):
    """With the comment's span skipped (as the checker passes it), the fast path agrees
    with the full comparison of the whole translation, comment included."""
    comment = b"<!--\nCO_OP_TRANSLATOR_METADATA:\n{}\n-->" + after
    body = _edited(SWEDISH_PAGE.encode().split(b"\n"), edits)
    data = before + comment + body
    span = (len(before), len(before) + len(comment) - len(after) + (1 if after[:1] == b"\n" else 0))
    if unchanged(_FINGERPRINT, data, span):
        assert compare(_SOURCE, markdown_structure(data, span)) == []


def test_a_heading_on_the_comments_last_line_is_no_heading():
    """"-->" then "# Title" on one line: Markdown reads the line as part of the comment."""
    data = b"<!--\nCO_OP_TRANSLATOR_METADATA:\n{}\n-->" + SWEDISH_PAGE.encode()
    span = (0, data.index(b"-->") + 3)
    assert not unchanged(_FINGERPRINT, data, span)
    assert compare(_SOURCE, markdown_structure(data, span)) != []


def test_verbatim_accepts_translated_prose_and_refuses_changed_structure():
    source = SOURCE_PAGE.encode()
    shape = skeleton(source, _SOURCE.code_ranges)
    prose = source.replace(b"A tensor is an array. See the", b"En tensor \xc3\xa4r en matris. Se")
    assert verbatim(shape, source) and _no_drift(source, prose)
    assert verbatim(shape, source + b"\nA paragraph more, without markup.\n")
    assert not verbatim(shape, source + b"## Extra\n")              # a markup byte in prose
    assert not verbatim(shape, source.replace(b"x = 1", b"x = 2"))    # a run differs
    assert not verbatim(shape, source.replace(b"\n", b"\r\n"))        # (the counts path decides)
    unclosed = b"# A\n\n```python\nx = 1\n"
    shape = skeleton(unclosed, markdown_structure(unclosed).code_ranges)
    assert verbatim(shape, unclosed)
    assert not verbatim(shape, unclosed + b"prose\n")                # would join the open block
    assert not _no_drift(unclosed, unclosed + b"prose\n")


# -- the literal-led patterns (structure.py) against the patterns they stand for ------

import re  # noqa: E402

from coop_translations.structure import _HASHES, _fence_marks, code_ranges  # noqa: E402

# Runs as well as single bytes, so that long runs of each mark meet in one page.
_MARKS = st.lists(st.sampled_from([b"`", b"~", b"#", b"```", b"~~~", b"###", b"####", b" ", b"\n",
                                   b"x", b"\t", b"\r"]), max_size=30).map(b"".join)


@settings(max_examples=1000, deadline=None)
@given(_MARKS)
def test_fence_marks_are_the_alternations_matches(data):
    """Two literal-led searches, merged, find what "```+|~~~+" finds, in order."""
    expected = [(m.span(), m.group()) for m in re.finditer(rb"```+|~~~+", data)]
    assert [(m.span(), m.group()) for m in _fence_marks(data)] == expected
    # code_ranges (no block contents cut out) finds the blocks the full structure does.
    assert code_ranges(data) == markdown_structure(data).code_ranges


@settings(max_examples=1000, deadline=None)
@given(_MARKS)
def test_heading_marks_are_those_of_a_repeat_first(data):
    """"##{0,5}" (a literal first) matches where "#{1,6}" did, the same runs."""
    expected = [m.span() for m in re.finditer(rb"#{1,6}(?=[ \t\r\n]|\Z)", data)]
    assert [m.span() for m in _HASHES.finditer(data)] == expected


def _runs_line_by_line(data: bytes, blocks) -> list[bytes]:
    """The skeleton's runs by their definition, one line at a time: the lines that
    hold a markup byte or lie in a code block, joined with the whitespace-only
    lines between them."""
    kept, position = [], 0
    pieces = data.split(b"\n")
    for line in [piece + b"\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else []):
        in_block = any(start <= position < end for start, end in blocks)
        kept.append((position, position + len(line), in_block or any(b in line for b in MARKUP)))
        position += len(line)
    runs: list[list[int]] = []
    for start, end, keep in kept:
        if keep and runs and not data[runs[-1][1]:start].strip():
            runs[-1][1] = end
        elif keep:
            runs.append([start, end])
    return [data[start:end] for start, end in runs]


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=14), st.booleans())
def test_skeleton_runs_are_the_marked_and_code_lines(lines, newline_at_end):
    """skeleton jumps over each code block's lines (its span holds them all) instead of
    visiting every markup byte's line; the runs are still every such line, joined."""
    source = b"\n".join(lines) + (b"\n" if newline_at_end else b"")
    blocks = markdown_structure(source).code_ranges
    shape = skeleton(source, blocks)
    assert [region for region, _byte, _offset in shape.regions] == _runs_line_by_line(source, blocks)


from coop_translations.structure import ForwardLines, Lines  # noqa: E402


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([b"\n", b"x", b"```", b"\r\n"]), max_size=30).map(b"".join),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=12))
def test_forward_lines_answer_as_lines(data, steps):
    """ForwardLines (no list of newlines) gives Lines' line starts and ends for positions
    that grow, as code_ranges asks them: each start, then an end at or after it."""
    lines, forward, position = Lines(data), ForwardLines(data), 0
    for step, width in steps:
        position = min(position + step, len(data))
        assert forward.start(position) == lines.start(position)
        end = min(position + width, len(data))
        assert forward.end(end) == lines.end(end)
        position = end
