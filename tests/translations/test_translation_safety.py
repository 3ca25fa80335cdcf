"""Nothing outside the root is ever opened, symlinks included; bad input never crashes."""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coop_translations import StampRefused, check_project, check_tree, stamp
from coop_translations.encoding import decode, find_mojibake
from coop_translations.metadata import find_comment, load_notebook, load_sidecar, validate
from coop_translations.structure import markdown_structure
from translation_trees import SOURCE, SOURCE_PAGE, SWEDISH_PAGE, md5, metadata_comment

SV = "docs/sv/lessons/01-tensors/index.md"


@pytest.fixture
def outside(tmp_path):
    """A file outside the project, and a record of every path os.open is given."""
    secret = tmp_path / "outside" / "secret.md"
    secret.parent.mkdir()
    secret.write_text(metadata_comment(md5(SOURCE_PAGE), SOURCE, "sv") + SWEDISH_PAGE)
    return secret


@pytest.fixture
def opened(monkeypatch):
    paths = []
    real_open = os.open

    def spy(path, *args, **kwargs):
        folder = kwargs.get("dir_fd")
        base = os.readlink(f"/proc/self/fd/{folder}") if folder is not None else ""
        paths.append(os.path.realpath(os.path.join(base, path)))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("os.open", spy)
    return paths


def test_translation_symlink_leading_outside_is_unsafe_and_unread(project, outside, opened):
    (project.root / SV).parent.mkdir(parents=True)
    (project.root / SV).symlink_to(outside)
    result = project.result(SV)
    assert result.codes == ["unsafe-path"]
    assert str(outside) not in opened


def test_source_symlink_leading_outside_is_unsafe_and_unread(project, outside, opened):
    (project.root / SOURCE).unlink()
    (project.root / SOURCE).symlink_to(outside)
    project.write(SV, SWEDISH_PAGE)
    result = project.result(SV)
    assert result.codes == ["unsafe-path"] and "its source" in result.problems[0].message
    assert str(outside) not in opened


def test_language_folder_symlink_leading_outside(project, outside, opened):
    (project.root / "docs" / "sv").symlink_to(outside.parent, target_is_directory=True)
    report = check_project(project.root)
    sv = [r for r in report.results if r.language == "sv"]
    assert [r.codes for r in sv] == [["unsafe-path"]]
    assert str(outside) not in opened


def test_symlinked_folder_in_the_sources_is_not_followed(project, outside):
    (project.root / "docs" / "en" / "elsewhere").symlink_to(outside.parent, target_is_directory=True)
    sources = {r.source for r in check_project(project.root).results}
    assert sources == {SOURCE}


def test_symlink_inside_the_root_is_not_followed_either(project):
    """A link within the root can lead to the English source: stamping through it
    once rewrote the source. No link is ever followed."""
    project.write("docs/sv/shared.md", metadata_comment(md5(SOURCE_PAGE), SOURCE, "sv") + SWEDISH_PAGE)
    (project.root / SV).parent.mkdir(parents=True)
    (project.root / SV).symlink_to(project.root / "docs/sv/shared.md")
    assert project.result(SV).codes == ["unsafe-path"]


def test_sidecar_symlink_leading_outside_is_not_read(coop, tmp_path, opened):
    sidecar = tmp_path / "outside.json"
    sidecar.write_text(json.dumps({"lessons/1/README.md": {}}))
    (coop.root / "translations/ko/.co-op-translator.json").symlink_to(sidecar)
    rel = coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE, metadata=False)
    [problem] = coop.result(rel).problems
    assert problem.code == "malformed-metadata" and "symbolic link" in problem.message
    assert str(sidecar) not in opened


def test_stamp_refuses_a_symlink_leading_outside_even_forced(project, outside):
    (project.root / SV).parent.mkdir(parents=True)
    (project.root / SV).symlink_to(outside)
    before = outside.read_bytes()
    with pytest.raises(StampRefused, match="symbolic link"):
        stamp(project.root, SV, force=True)
    assert outside.read_bytes() == before


def test_checking_changes_nothing(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5("old"))
    snapshot = {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()}
    check_project(project.root)
    assert {p: p.read_bytes() for p in project.root.rglob("*") if p.is_file()} == snapshot


# --- any bytes at all: a problem, never a traceback -------------------------------------


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=2000))
def test_metadata_parser_never_crashes_on_any_bytes(data):
    found = find_comment(data)
    assert found.metadata is None or found.metadata.original_hash


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["", "\r\n", "\n"]))
def test_metadata_parser_never_crashes_inside_a_comment(body, newline):
    data = f"<!--{newline}CO_OP_TRANSLATOR_METADATA:{newline}{body}{newline}-->{newline}# x".encode(
        "utf-8", "surrogatepass")
    found = find_comment(data)
    assert found.present or found.metadata is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=15), children,
                                                                       max_size=5),
    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_validate_never_crashes_on_any_json(value):
    metadata, errors = validate(value)
    assert (metadata is None) == bool(errors)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["original_hash", "translation_date", "source_file",
                                        "language_code", "extra"]), json_values))
def test_validate_never_crashes_on_near_metadata(value):
    metadata, errors = validate(value)
    assert (metadata is None) == bool(errors)


def test_deeply_nested_json_is_malformed_not_a_crash():
    data = b"<!--\nCO_OP_TRANSLATOR_METADATA:\n" + b"[" * 100000 + b"\n-->\n"
    found = find_comment(data)
    assert found.metadata is None and found.errors


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_every_other_reader_survives_any_bytes(data):
    decode(data)
    find_mojibake(data, b"")
    markdown_structure(data)
    load_notebook(data)
    load_sidecar(data)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=1500))
def test_check_survives_any_translation_bytes(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("fuzz")
    (root / "page.md").write_text(SOURCE_PAGE)
    (root / "translations" / "sv").mkdir(parents=True)
    (root / "translations" / "sv" / "page.md").write_bytes(data)
    (root / "translations" / "sv" / "page.ipynb").write_bytes(data)
    (root / "page.ipynb").write_text(json.dumps({"cells": [], "metadata": {}}))
    report = check_tree(root)
    assert len(report.results) == 2
