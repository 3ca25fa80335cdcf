"""stamp writes fresh metadata and keeps every other byte."""
from __future__ import annotations

import json
import os
import re

import pytest

from coop_translations import StampRefused, stamp
from coop_translations.metadata import find_comment
from translation_trees import SOURCE, SOURCE_PAGE, SWEDISH_PAGE, md5, metadata_comment

SV = "docs/sv/lessons/01-tensors/index.md"
NOW = "2026-02-03T04:05:06+00:00"
BOM = b"\xef\xbb\xbf"


def expected_comment(newline: str = "\n", source: str = SOURCE, language: str = "sv",
                     original_hash: str | None = None) -> bytes:
    text = metadata_comment(original_hash or md5(SOURCE_PAGE), source, language, NOW)
    return text.replace("\n", newline).encode()


def test_stamp_adds_the_comment_first_and_nothing_else(project):
    project.write(SV, SWEDISH_PAGE)
    done = stamp(project.root, SV, now=NOW)
    assert project.read(SV) == expected_comment() + SWEDISH_PAGE.encode()
    assert done.written == (SV,)
    assert project.result(SV).problems == []


def test_stamp_replaces_a_stale_comment_in_place(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5("old"))
    assert project.codes(SV) == ["stale"]
    stamp(project.root, SV, now=NOW)
    assert project.read(SV) == expected_comment() + SWEDISH_PAGE.encode()


def test_stamp_keeps_bom_and_crlf_byte_for_byte(project):
    body = BOM + SWEDISH_PAGE.replace("\n", "\r\n").encode()
    project.write(SV, body)
    stamp(project.root, SV, now=NOW)
    assert project.read(SV) == BOM + expected_comment("\r\n") + body[len(BOM):]


def test_restamping_a_crlf_file_with_a_comment_replaces_only_the_comment(project):
    old = metadata_comment(md5("old"), SOURCE, "sv").replace("\n", "\r\n").encode()
    rest = "\r\n# Rubrik\r\n\r\nText med avslutande blanksteg  \r\n".encode()
    project.write(SV, BOM + old + rest)
    stamp(project.root, SV, now=NOW, force=True)
    assert project.read(SV) == BOM + expected_comment("\r\n") + rest


def test_stamp_keeps_a_file_without_final_newline(project):
    project.write(SV, SWEDISH_PAGE.rstrip("\n"))
    stamp(project.root, SV, now=NOW)
    assert project.read(SV).endswith(b"[ordlistan](../../glossary.md#tensor).")


def test_stamped_comment_is_what_co_op_translator_writes(project):
    project.write(SV, SWEDISH_PAGE)
    stamp(project.root, SV)
    found = find_comment(project.read(SV))
    assert found.metadata.source_file == SOURCE and found.metadata.language_code == "sv"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", found.metadata.translation_date)
    assert project.read(SV).startswith(b'<!--\nCO_OP_TRANSLATOR_METADATA:\n{\n  "original_hash": "')


@pytest.mark.parametrize("page, code", [
    (SWEDISH_PAGE.replace("x = 1", "x = 2"), "structure-drift"),
    (SWEDISH_PAGE.replace("matris", "lÃ¤rt"), "mojibake"),
])
def test_stamp_refuses_other_problems_unless_forced(project, page, code):
    project.translate(SOURCE, "sv", page, original_hash=md5("old"))
    before = project.read(SV)
    with pytest.raises(StampRefused, match=code):
        stamp(project.root, SV, now=NOW)
    assert project.read(SV) == before
    stamp(project.root, SV, now=NOW, force=True)
    assert project.read(SV).startswith(expected_comment())


def test_stamp_fixes_a_wrong_language_when_forced(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, language_code="da")
    with pytest.raises(StampRefused, match="language-mismatch"):
        stamp(project.root, SV)
    stamp(project.root, SV, force=True)
    assert project.result(SV).problems == []


def test_stamp_never_stamps_an_orphan(project):
    orphan = "docs/sv/lessons/gone/index.md"
    project.write(orphan, "# Borta\n")
    with pytest.raises(StampRefused, match="no source"):
        stamp(project.root, orphan, force=True)


def test_stamp_leaves_no_temporary_files_and_keeps_permissions(project):
    path = project.write(SV, SWEDISH_PAGE)
    os.chmod(path, 0o640)
    stamp(project.root, SV)
    assert sorted(p.name for p in path.parent.iterdir()) == ["index.md"]
    assert (os.stat(path).st_mode & 0o777) == 0o640


def test_a_failed_write_keeps_the_original(project, monkeypatch):
    project.write(SV, SWEDISH_PAGE)

    def broken_replace(src, dst, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(OSError):
        stamp(project.root, SV)
    assert project.read(SV) == SWEDISH_PAGE.encode()
    assert [p.name for p in (project.root / SV).parent.iterdir()] == ["index.md"]


def test_stamp_a_notebook_keeps_its_json_style(coop):
    source = "lessons/1/intro.ipynb"
    notebook = {"cells": [{"cell_type": "code", "metadata": {}, "source": ["x = 1"], "outputs": [],
                           "execution_count": None}], "metadata": {"kernelspec": {"name": "python3"}},
                "nbformat": 4, "nbformat_minor": 5}
    coop.write(source, json.dumps(notebook, indent=1) + "\n")
    rel = "translations/ko/" + source
    translated = json.loads(json.dumps(notebook))
    translated["metadata"]["title"] = "소개"
    coop.write(rel, json.dumps(translated, indent=1, ensure_ascii=False) + "\n")
    stamp(coop.root, rel, coop=True, now=NOW)
    written = coop.read(rel).decode()
    translated["metadata"]["coopTranslator"] = {
        "original_hash": md5(coop.read(source)), "translation_date": NOW, "source_file": source,
        "language_code": "ko"}
    assert written == json.dumps(translated, indent=1, ensure_ascii=False) + "\n"
    assert coop.result(rel).problems == []


def test_stamp_updates_the_sidecar_entry_when_the_tree_uses_one(coop):
    source = "lessons/1/README.md"
    rel = coop.translate(source, "ko", SWEDISH_PAGE, metadata=False)
    sidecar = {"README.md": {"original_hash": md5("x"), "translation_date": "2025-01-01T00:00:00+00:00",
                             "source_file": "README.md", "language_code": "ko"},
               source: {"original_hash": md5("old"), "translation_date": "2025-01-01T00:00:00+00:00",
                        "source_file": source, "language_code": "ko", "status": "ok"}}
    coop.write("translations/ko/.co-op-translator.json", json.dumps(sidecar, indent=2, ensure_ascii=False))
    done = stamp(coop.root, rel, coop=True, now=NOW)
    assert done.written == ("translations/ko/.co-op-translator.json",)
    assert coop.read(rel) == SWEDISH_PAGE.encode()         # the page itself is untouched
    entries = json.loads(coop.read("translations/ko/.co-op-translator.json"))
    assert entries[source] == {"original_hash": md5(SOURCE_PAGE), "translation_date": NOW,
                               "source_file": source, "language_code": "ko", "status": "ok"}
    assert entries["README.md"] == sidecar["README.md"]
    assert coop.result(rel).problems == []
