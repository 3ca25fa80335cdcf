"""The library API the site build reuses: shapes, read_metadata, and speed."""
from __future__ import annotations

import os
import sys
import time

import pytest

from coop_translations import CheckerIOError, Found, Report, Result, check_project, read_metadata
from coop_translations.forking import split
from translation_trees import SOURCE, SOURCE_PAGE, SWEDISH_PAGE, md5, site_build_project

SV = "docs/sv/lessons/01-tensors/index.md"


def test_report_shape(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    report = check_project(project.root)
    assert isinstance(report, Report) and all(isinstance(r, Result) for r in report.results)
    fine = report.results[0]
    assert (fine.path, fine.source, fine.language, fine.problems, fine.ok) == (SV, SOURCE, "sv", [], True)
    assert report.summary["results"] == 2 and report.summary["ok"] == 1
    assert [r.language for r in report.results] == ["sv", "zh"]
    assert [r.path for r in report.for_language("zh")] == ["docs/zh/lessons/01-tensors/index.md"]


def test_read_metadata(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    found = read_metadata(project.root, SV)
    assert isinstance(found, Found) and found.where == "inline comment"
    assert found.metadata.to_dict() == {"original_hash": md5(SOURCE_PAGE),
                                        "translation_date": "2025-01-30T13:02:53+00:00",
                                        "source_file": SOURCE, "language_code": "sv"}


def test_read_metadata_says_why_it_is_malformed(project):
    project.write(SV, "<!--\nCO_OP_TRANSLATOR_METADATA:\n{\"original_hash\": 1}\n-->\n# x\n")
    found = read_metadata(project.root, project.root / SV)
    assert found.metadata is None and "field 'original_hash' is 1, not a string" in found.errors


def test_a_few_hundred_pages_are_each_read_once(tmp_path, monkeypatch):
    """The site build runs the check on every build, so its work must grow with the
    pages and no faster: 300 translations of 60 sources, each file opened once. How
    long it takes is a benchmark's figure (benchmarks/bench_checker.py, "the site
    build's check"), not a test's."""
    tree = site_build_project(tmp_path / "big")
    opened = []
    real_open = os.open

    def counting_open(path, flags, *args, **kwargs):
        if not flags & os.O_DIRECTORY:
            opened.append(path)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", counting_open)
    report = check_project(tree.root)
    assert report.summary["results"] == 300 and report.ok
    assert opened == ["index.md"] * 360, (len(opened), sorted(set(opened)))


# --- forked checking (coop_translations.forking) -----------------------------------------

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="forking is used on Linux only")


def _results(language: str) -> list[Result]:
    if language == "broken":
        raise CheckerIOError(f"cannot list translations/{language}")
    return [Result(f"translations/{language}/a.md", "a.md", language)]


@linux_only
def test_forked_shares_return_every_language():
    languages = [f"l{number}" for number in range(7)]
    found = split(_results, languages, 3)
    assert sorted(r.language for r in found) == languages
    assert all(isinstance(r, Result) and r.problems == [] for r in found)


@linux_only
@pytest.mark.parametrize("where", [0, 1])      # in this process's share, in a child's
def test_an_error_in_any_share_is_raised_and_no_child_is_left(where):
    languages = ["a", "b", "c", "d"]
    languages[where] = "broken"
    with pytest.raises(CheckerIOError, match="cannot list translations/broken"):
        split(_results, languages, 2)
    try:
        reaped, _status = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        reaped = 0
    assert reaped == 0          # every child was waited for: none left to reap


def _results_two_broken(language: str) -> list[Result]:
    if language.startswith("broken"):
        raise CheckerIOError(f"cannot list translations/{language}")
    return [Result(f"translations/{language}/a.md", "a.md", language)]


@linux_only
@pytest.mark.parametrize("pipe", [True, False])     # languages from the pipe, or every jobs-th
@pytest.mark.parametrize("jobs", [2, 3])
def test_the_failure_raised_is_the_first_in_order(monkeypatch, pipe, jobs):
    """As in one process: of several failing languages, the first in order is raised,
    whichever process took it."""
    if not pipe:
        monkeypatch.setattr("coop_translations.forking._PIPE_SAFE", 0)
    languages = ["a", "b", "broken1", "c", "broken2", "d", "broken3"]
    for _ in range(3):
        with pytest.raises(CheckerIOError, match="translations/broken1"):
            split(_results_two_broken, languages, jobs)
    languages = [f"l{number}" for number in range(9)]
    assert sorted(r.language for r in split(_results_two_broken, languages, jobs)) == languages


def _slow_first(language: str) -> list[Result]:
    if language == "l0":
        time.sleep(0.5)
    return [Result(f"translations/{language}/a.md", str(os.getpid()), language)]


@linux_only
def test_a_free_process_takes_the_next_language():
    """Languages go to whichever process is free: while one checks a slow language,
    the other checks all the rest."""
    languages = [f"l{number}" for number in range(8)]
    found = {r.language: r.source for r in split(_slow_first, languages, 2)}
    assert sorted(found) == languages
    assert {found[language] for language in languages[1:]} == {found["l1"]} != {found["l0"]}
