"""One test (at least) per problem code, in this project's layout and co-op-translator's."""
from __future__ import annotations

import json

import pytest

from coop_translations import CODES, check_project, check_tree
from translation_trees import SOURCE, SOURCE_PAGE, SWEDISH_PAGE, md5, metadata_comment

SV = "docs/sv/lessons/01-tensors/index.md"


def test_a_fresh_translation_is_fine(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    assert project.result(SV).problems == []


def test_every_code_is_in_the_contract():
    assert set(CODES) == {
        "stale", "missing-metadata", "malformed-metadata", "source-mismatch", "language-mismatch",
        "unsafe-path", "orphan", "missing", "encoding", "mojibake", "structure-drift"}


def test_missing_for_each_language_without_the_page(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    report = project.check()
    zh = [r for r in report.results if r.language == "zh"]
    assert [(r.path, r.source, r.codes) for r in zh] == [
        ("docs/zh/lessons/01-tensors/index.md", SOURCE, ["missing"])]
    assert "en" not in {r.language for r in report.results}


def test_stale_when_the_source_changed(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    project.write(SOURCE, SOURCE_PAGE.replace("A tensor is an array.", "A tensor is a grid."))
    result = project.result(SV)
    assert result.codes == ["stale"]
    message = result.problems[0].message
    assert SV in message and SOURCE in message and "diff" in message and "stamp" in message


def test_stale_says_so_when_only_line_endings_changed(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    project.write(SOURCE, SOURCE_PAGE.replace("\n", "\r\n"))
    [problem] = project.result(SV).problems
    assert problem.code == "stale"
    assert "only in line endings or trailing whitespace" in problem.message


def test_stale_says_so_when_only_trailing_whitespace_changed(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    project.write(SOURCE, SOURCE_PAGE.replace("## Shapes { #shapes }\n", "## Shapes { #shapes }   \n"))
    [problem] = project.result(SV).problems
    assert "only in line endings or trailing whitespace" in problem.message


def test_a_real_change_is_not_called_whitespace(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    project.write(SOURCE, SOURCE_PAGE.replace("array", "arrays").replace("\n", "\r\n"))
    [problem] = project.result(SV).problems
    assert "whitespace" not in problem.message


def test_hash_is_md5_of_raw_bytes_as_co_op_translator_computes_it(project):
    # A BOM and CRLF are part of the bytes co-op-translator hashes: no normalising.
    raw = b"\xef\xbb\xbf" + SOURCE_PAGE.replace("\n", "\r\n").encode()
    project.write(SOURCE, raw)
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5(raw))
    assert "stale" not in project.codes(SV)
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5(SOURCE_PAGE))
    assert "stale" in project.codes(SV)


def test_missing_metadata(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, metadata=False)
    result = project.result(SV)
    assert result.codes == ["missing-metadata"]
    assert "stamp" in result.problems[0].message


_DELETE = object()


@pytest.mark.parametrize("changes, reason", [
    ('{"original_hash": "abc", ', "bad JSON"),
    ('["a list"]', "not an object"),
    ({"original_hash": _DELETE}, "'original_hash' is missing"),
    ({"translation_date": "yesterday"}, "not a date"),
    ({"translation_date": "2025-13-45T13:02:53+00:00"}, "not a date"),
    ({"translation_date": "2025-01-30T13:02:53"}, "no UTC offset"),
    ({"original_hash": "not-md5"}, "not 32 hex digits"),
    ({"source_file": 7}, "not a string"),
    ({"language_code": ""}, "is empty"),
])
def test_malformed_metadata(project, changes, reason):
    """`changes` is raw JSON text, or edits to a valid metadata object."""
    if isinstance(changes, str):
        body = changes
    else:
        fields = {"original_hash": md5(SOURCE_PAGE), "translation_date": "2025-01-30T13:02:53+00:00",
                  "source_file": SOURCE, "language_code": "sv"}
        for name, value in changes.items():
            if value is _DELETE:
                del fields[name]
            else:
                fields[name] = value
        body = json.dumps(fields, indent=2)
    project.write(SV, f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{body}\n-->\n{SWEDISH_PAGE}")
    result = project.result(SV)
    assert result.codes == ["malformed-metadata"]
    assert reason in result.problems[0].message


def test_source_mismatch(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, source_file="docs/en/lessons/other/index.md")
    result = project.result(SV)
    assert result.codes == ["source-mismatch"]
    assert "docs/en/lessons/other/index.md" in result.problems[0].message


def test_source_file_spelled_differently_is_not_a_mismatch(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, source_file="./" + SOURCE.replace("/lessons/", "/lessons//"))
    assert project.result(SV).problems == []


def test_language_mismatch(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, language_code="da")
    result = project.result(SV)
    assert result.codes == ["language-mismatch"]
    assert "'da'" in result.problems[0].message and "'sv'" in result.problems[0].message


@pytest.mark.parametrize("source_file", [
    "/etc/passwd", "../../../etc/passwd", "docs/../../outside.md", "C:\\Windows\\win.ini",
    "\\\\server\\share\\page.md", "file:///etc/passwd",
])
def test_unsafe_source_file_is_reported_and_never_opened(project, source_file, monkeypatch):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, source_file=source_file)
    opened = []
    real_open = __import__("os").open

    def spy(path, *args, **kwargs):
        opened.append(str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("os.open", spy)
    result = project.result(SV)
    assert result.codes == ["unsafe-path"]
    assert all(source_file not in path and "passwd" not in path for path in opened)


def test_orphan_without_a_source(project):
    orphan = "docs/sv/lessons/99-gone/index.md"
    project.write(orphan, metadata_comment(md5("x"), "docs/en/lessons/99-gone/index.md", "sv") + "# Borta\n")
    result = project.result(orphan)
    assert (result.source, result.codes) == (None, ["orphan"])


def test_orphan_names_the_source_its_metadata_points_to(project):
    orphan = "docs/sv/lessons/old-name/index.md"
    project.write(orphan, metadata_comment(md5(SOURCE_PAGE), SOURCE, "sv") + SWEDISH_PAGE)
    [problem] = project.result(orphan).problems
    assert SOURCE in problem.message and "move" in problem.message


def test_encoding_gives_the_byte_offset(project):
    head = metadata_comment(md5(SOURCE_PAGE), SOURCE, "sv").encode()
    latin1 = SWEDISH_PAGE.encode("latin-1")
    project.write(SV, head + latin1)
    [problem] = project.result(SV).problems
    offset = len(head) + latin1.index("ä".encode("latin-1"))
    assert problem.code == "encoding"
    assert f"byte {offset}" in problem.message


@pytest.mark.parametrize("content, words", [
    (b"\xff\xfe" + "# Tensorer\n".encode("utf-16-le"), "UTF-16"),
    (b"# Tensorer\n\x00\x01\x02binary", "NUL byte at byte 11"),
])
def test_encoding_for_utf16_and_binary_files(project, content, words):
    project.write(SV, content)
    result = project.result(SV)
    assert "encoding" in result.codes
    assert words in result.problems[result.codes.index("encoding")].message


def test_a_huge_file_is_a_problem_not_a_crash(project, monkeypatch):
    monkeypatch.setattr("coop_translations.checker.MAX_PAGE_BYTES", 1000)
    project.translate(SOURCE, "sv", SWEDISH_PAGE + "x" * 2000)
    [problem] = project.result(SV).problems
    assert problem.code == "encoding" and "larger than" in problem.message


@pytest.mark.parametrize("garbled, meant", [("lÃ¤rt", "ä"), ("l√§rt", "ä"), ("Ð‘Ð°Ð·Ð°", "Б"),
                                            ("ä¸­æ–‡", "中")])
def test_mojibake(project, garbled, meant):
    project.translate(SOURCE, "sv", SWEDISH_PAGE.replace("En tensor är", f"En tensor {garbled}"))
    result = project.result(SV)
    assert result.codes == ["mojibake"]
    assert repr(meant) in result.problems[0].message
    assert "line 12" in result.problems[0].message    # 9 comment lines + line 3 of the page


def test_mojibake_that_the_source_itself_shows_is_not_reported(project):
    page = SOURCE_PAGE.replace("A tensor is an array.", "Garbled text looks like lÃ¤rt.")
    project.write(SOURCE, page)
    project.translate(SOURCE, "sv", SWEDISH_PAGE.replace("En tensor är en matris.", "Trasig text: lÃ¤rt."))
    assert project.result(SV).problems == []


def test_structure_drift(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE.replace("x = 1", "x = 2"))
    result = project.result(SV)
    assert result.codes == ["structure-drift"]


def test_stale_translations_are_not_also_reported_as_drift(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE.replace("x = 1", "x = 2"), original_hash=md5("older"))
    assert project.result(SV).codes == ["stale"]


def test_results_cover_every_translation_and_missing_one_sorted(project):
    project.write("docs/en/index.md", "# Home\n")
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    report = project.check()
    assert [(r.language, r.path) for r in report.results] == sorted(
        [("sv", "docs/sv/index.md"), ("sv", SV), ("zh", "docs/zh/index.md"),
         ("zh", "docs/zh/lessons/01-tensors/index.md")])
    assert report.summary["results"] == 4 and report.summary["missing"] == 3
    assert report.summary["ok"] == 1


def test_check_project_api_reads_languages_from_mkdocs_yml(project):
    report = check_project(project.root)
    assert {r.language for r in report.results} == {"sv", "zh"}


# --- co-op-translator's layout ------------------------------------------------------------


def test_coop_inline_metadata(coop):
    rel = coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE)
    report = check_tree(coop.root)
    by_path = {r.path: r for r in report.results}
    assert by_path[rel].problems == []
    assert by_path["translations/ko/README.md"].codes == ["missing"]


def test_coop_sidecar_metadata(coop):
    source = "lessons/1/README.md"
    rel = coop.translate(source, "ko", SWEDISH_PAGE, metadata=False)
    sidecar = {source: {"original_hash": md5(SOURCE_PAGE), "translation_date": "2025-06-01T10:00:00+00:00",
                        "source_file": source, "language_code": "ko"},
               "README.md": {"original_hash": md5("old readme"), "translation_date": "2025-06-01T10:00:00+00:00",
                             "source_file": "README.md", "language_code": "ko"}}
    coop.write("translations/ko/.co-op-translator.json", json.dumps(sidecar, indent=2))
    coop.write("translations/ko/README.md", "# 과정\n\n[1과](lessons/1/README.md)\n")
    by_path = {r.path: r for r in check_tree(coop.root).results}
    assert by_path[rel].problems == []
    assert by_path["translations/ko/README.md"].codes == ["stale"]


def test_coop_malformed_sidecar(coop):
    rel = coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE, metadata=False)
    coop.write("translations/ko/.co-op-translator.json", "{not json")
    [problem] = coop.result(rel).problems
    assert problem.code == "malformed-metadata" and ".co-op-translator.json" in problem.message


def test_coop_relative_links_rewritten_for_the_deeper_folder_are_not_drift(coop):
    # co-op-translator moves a translation two folders deeper and rewrites its links.
    coop.write("lessons/1/README.md", "# L1\n\n![diagram](../../images/d.png) [home](../../README.md)\n")
    coop.translate("lessons/1/README.md", "ko", "# 1과\n\n![도표](../../../../images/d.png) "
                   "[홈](../../README.md)\n")
    assert coop.result("translations/ko/lessons/1/README.md").problems == []


def test_coop_translated_images_are_not_drift(coop):
    coop.write("lessons/1/README.md", "# L1\n\n![diagram](../../images/diagram.png)\n")
    coop.translate("lessons/1/README.md", "ko",
                   "# 1과\n\n![도표](../../../../translated_images/ko/diagram.3f2a9c.webp)\n")
    assert coop.result("translations/ko/lessons/1/README.md").problems == []


def test_coop_a_link_to_another_place_is_drift(coop):
    coop.write("lessons/1/README.md", "# L1\n\n[home](../../README.md)\n")
    coop.translate("lessons/1/README.md", "ko", "# 1과\n\n[홈](../../CONTRIBUTING.md)\n")
    assert coop.codes("translations/ko/lessons/1/README.md") == ["structure-drift"]


def test_coop_tree_ignores_its_own_output_folders_as_sources(coop):
    coop.write("translated_images/ko/notes.md", "# not a source\n")
    sources = {r.source for r in check_tree(coop.root).results}
    assert sources == {"README.md", "lessons/1/README.md"}


def test_coop_notebook_metadata_and_structure(coop):
    source = "lessons/1/intro.ipynb"
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Intro\n"]},
                          {"cell_type": "code", "metadata": {}, "source": ["x = 1\n", "print(x)"],
                           "outputs": [], "execution_count": None}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    coop.write(source, json.dumps(notebook, indent=1))
    translated = json.loads(json.dumps(notebook))
    translated["cells"][0]["source"] = ["# 소개\n"]
    translated["metadata"]["coopTranslator"] = {
        "original_hash": md5(coop.read(source)), "translation_date": "2025-06-01T10:00:00+00:00",
        "source_file": source, "language_code": "ko"}
    rel = "translations/ko/" + source
    coop.write(rel, json.dumps(translated, indent=1, ensure_ascii=False))
    assert coop.result(rel).problems == []

    translated["cells"][1]["source"] = ["x = 2\n", "print(x)"]
    coop.write(rel, json.dumps(translated, indent=1, ensure_ascii=False))
    [problem] = coop.result(rel).problems
    assert problem.code == "structure-drift"
    assert "code block 1" in problem.message and "cell 2" in problem.message and "'x = 2'" in problem.message

    translated["cells"].append({"cell_type": "markdown", "metadata": {}, "source": ["extra"]})
    translated["cells"][1]["source"] = ["x = 1\n", "print(x)"]
    coop.write(rel, json.dumps(translated, indent=1, ensure_ascii=False))
    [problem] = coop.result(rel).problems
    assert "1 markdown cells, the translation 2" in problem.message


def test_coop_unreadable_notebook_is_malformed_metadata(coop):
    coop.write("lessons/1/intro.ipynb", json.dumps({"cells": [], "metadata": {}}))
    rel = "translations/ko/lessons/1/intro.ipynb"
    coop.write(rel, '{"cells": [')
    [problem] = coop.result(rel).problems
    assert problem.code == "malformed-metadata" and "unreadable" in problem.message


def test_coop_unreadable_notebook_with_a_sidecar_entry_is_still_reported(coop):
    source = "lessons/1/intro.ipynb"
    coop.write(source, json.dumps({"cells": [], "metadata": {}}))
    rel = "translations/ko/" + source
    coop.write(rel, '{"cells": [')
    coop.write("translations/ko/.co-op-translator.json", json.dumps({source: {
        "original_hash": md5(coop.read(source)), "translation_date": "2025-06-01T10:00:00+00:00",
        "source_file": source, "language_code": "ko"}}))
    [problem] = coop.result(rel).problems
    assert problem.code == "structure-drift" and "unreadable" in problem.message
