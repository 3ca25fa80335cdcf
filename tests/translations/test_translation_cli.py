"""The command line: formats, exit status 0/1/2, config from mkdocs.yml."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coop_translations import ConfigError
from coop_translations.cli import main as cli_main
from coop_translations.config import load_site_config
from translation_trees import MKDOCS_YML, SOURCE, SWEDISH_PAGE, console_script, md5

REPO = Path(__file__).resolve().parents[2]
SV = "docs/sv/lessons/01-tensors/index.md"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coop_translations", *args], cwd=cwd,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True)


def fully_translated(project):
    for language in ("sv", "zh"):
        project.translate(SOURCE, language, SWEDISH_PAGE)


def test_languages_and_docs_dir_come_from_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.replace("docs_dir: docs", "docs_dir: pages/"))
    config = load_site_config(tmp_path)
    assert (config.docs_dir, config.default_language) == ("pages", "en")
    assert config.languages == ("en", "sv", "zh") and config.translation_languages == ("sv", "zh")


@pytest.mark.parametrize("text, words", [
    ("site_name: x\n", "no i18n plugin"),
    ("plugins:\n  - i18n:\n      docs_structure: suffix\n      languages: []\n", "'suffix'"),
    ("plugins:\n  - i18n:\n      docs_structure: folder\n      languages:\n        - locale: sv\n",
     "default: true"),
    ("plugins: [\n", "not valid YAML"),
])
def test_bad_mkdocs_yml_is_a_config_error(tmp_path, text, words):
    (tmp_path / "mkdocs.yml").write_text(text)
    with pytest.raises(ConfigError, match=words):
        load_site_config(tmp_path)


def test_check_exit_0_when_all_fine(project):
    fully_translated(project)
    done = run(project.root, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Summary: all 2 translations are fine." in done.stdout


def test_check_text_table_by_language_stale_and_missing_warn(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5("old"))
    done = run(project.root, "check", "--format", "text")
    assert done.returncode == 0, done.stdout
    lines = done.stdout.splitlines()
    assert lines[0] == "sv: 1 translation, 0 fine, 1 with problems"
    assert lines[1].split() == ["warning", "stale", SV]
    assert any(line.startswith("zh: ") for line in lines)
    assert lines[-1] == ("Summary: 2 translations: 0 fine, 2 with 2 problems (stale 1, missing 1); "
                         "nothing fails (warnings only).")


@pytest.mark.parametrize("fail_on, failing", [("stale", 1), ("stale,missing", 2), ("all", 2),
                                               ("missing", 1)])
def test_fail_on_makes_stale_and_missing_fail(project, fail_on, failing):
    project.translate(SOURCE, "sv", SWEDISH_PAGE, original_hash=md5("old"))
    done = run(project.root, "check", "--fail-on", fail_on)
    assert done.returncode == 1, done.stdout
    assert done.stdout.count("  error ") == failing
    assert done.stdout.rstrip().endswith(f"{failing} problem{'s' if failing > 1 else ''} "
                                         f"fail{'' if failing > 1 else 's'}.")


def test_fail_on_an_unknown_code_is_a_usage_error(project):
    done = run(project.root, "check", "--fail-on", "stael")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        done.stderr.strip()] and "unknown problem code 'stael'" in done.stderr


def test_check_json_is_the_contract(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE)
    done = run(project.root, "check", "--format", "json")
    assert done.returncode == 0         # a missing translation is a warning by default
    report = json.loads(done.stdout)
    assert report["summary"]["failed"] is False and report["summary"]["failing"] == 0
    assert "missing" not in report["summary"]["fail_on"] and "orphan" in report["summary"]["fail_on"]
    assert set(report) == {"summary", "results"}
    assert report["summary"]["missing"] == 1 and report["summary"]["results"] == 2
    assert report["results"] == [
        {"path": SV, "source": SOURCE, "language": "sv", "problems": []},
        {"path": "docs/zh/lessons/01-tensors/index.md", "source": SOURCE, "language": "zh",
         "problems": [{"code": "missing", "message": report["results"][1]["problems"][0]["message"]}]},
    ]


def test_check_github_annotations(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE.replace("x = 1", "x = 2"))
    done = run(project.root, "check", "--format", "github")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    drift = [line for line in lines if "structure-drift" in line]
    assert drift and drift[0].startswith(f"::error file={SV},line=29,title=translation structure-drift::")
    missing = [line for line in lines if "translation missing" in line]
    assert missing and missing[0].startswith(f"::warning file={SOURCE},title=translation missing::")
    assert lines[-1].startswith("Summary:")


def test_github_format_escapes_newlines_and_percent():
    from coop_translations.problems import Problem, Report, Result
    from coop_translations.report import to_github
    report = Report([Result("a,b.md", "s.md", "sv", [Problem("stale", "50% done\nnext: line")])])
    assert to_github(report).splitlines()[0] == \
        "::warning file=a%2Cb.md,title=translation stale::50%25 done%0Anext: line"


def test_check_from_a_subfolder_finds_mkdocs_yml(project):
    fully_translated(project)
    assert run(project.root / "docs" / "sv", "check").returncode == 0


def test_check_without_mkdocs_yml_is_exit_2(tmp_path):
    done = run(tmp_path, "check")
    assert done.returncode == 2 and "mkdocs.yml" in done.stderr


def test_check_root_that_does_not_exist_is_exit_2(tmp_path):
    assert run(tmp_path, "check", "--root", str(tmp_path / "nope")).returncode == 2


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["frobnicate"], [], ["stamp"]])
def test_usage_errors_are_exit_2(tmp_path, args):
    assert run(tmp_path, *args).returncode == 2


def test_unreadable_translation_is_exit_2(project, monkeypatch, capsys):
    from coop_translations.cli import main
    path = project.root / project.translate(SOURCE, "sv", SWEDISH_PAGE)
    real_open = os.open

    def refusing(file, *args, **kwargs):
        folder = kwargs.get("dir_fd")
        if (file == path.name and folder is not None
                and os.readlink(f"/proc/self/fd/{folder}") == str(path.parent)):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.chdir(project.root)
    monkeypatch.setattr("os.open", refusing)
    assert main(["check"]) == 2
    assert f"cannot read {SV}: Permission denied" in capsys.readouterr().err


def test_check_root_coop_tree(coop):
    coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE)
    coop.translate("README.md", "ko", "# 과정\n\n[1과](lessons/1/README.md)\n")
    done = run(REPO, "check", "--root", str(coop.root), "--format", "json")
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout)["summary"]["ok"] == 2


def test_check_root_with_jobs_gives_the_same_report(coop):
    for number in range(6):
        coop.write(f"translations/l{number}/README.md", "# x\n")
    one = run(REPO, "check", "--root", str(coop.root), "--format", "json", "--jobs", "1")
    two = run(REPO, "check", "--root", str(coop.root), "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_stamp_cli_then_check_is_clean(project):
    fully_translated(project)
    project.translate(SOURCE, "sv", SWEDISH_PAGE, metadata=False)
    assert run(project.root, "check").returncode == 1
    done = run(project.root, "stamp", SV)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"stamped {SV}: hash {md5(project.read(SOURCE))}")
    assert run(project.root, "check").returncode == 0


def test_stamp_cli_refusal_is_exit_1_and_force_writes(project):
    project.translate(SOURCE, "sv", SWEDISH_PAGE.replace("x = 1", "x = 2"), metadata=False)
    before = project.read(SV)
    done = run(project.root, "stamp", SV)
    assert done.returncode == 1 and "refused" in done.stderr and "structure-drift" in done.stderr
    assert project.read(SV) == before
    assert run(project.root, "stamp", "--force", SV).returncode == 0
    assert project.read(SV) != before


def test_help_lists_the_commands(tmp_path):
    done = run(tmp_path, "check", "--help")
    assert done.returncode == 0 and "--root" in done.stdout and "--format" in done.stdout


@pytest.mark.parametrize("columns", ["50", "100", "200"])
@pytest.mark.parametrize("command", [[], ["check"], ["stamp"]])
def test_help_is_as_wide_as_argparse_makes_it(monkeypatch, capsys, columns, command):
    """The CLI's help formatter (which spares argparse its shutil import) wraps help
    exactly as argparse's default formatter does, at the terminal's width."""
    import argparse

    from coop_translations import cli

    monkeypatch.setenv("COLUMNS", columns)
    written = []
    for formatter in (cli._help_formatter, argparse.HelpFormatter):
        monkeypatch.setattr(cli, "_help_formatter", formatter)
        with pytest.raises(SystemExit):
            cli._parser().parse_args([*command, "--help"])
        written.append(capsys.readouterr().out)
    assert written[0] == written[1] and "--debug" in written[0]


# Modules a `check` must not load: each costs every run milliseconds of start-up
# (shutil drags zlib, bz2 and lzma; pathlib urllib.parse and ipaddress; hashlib
# OpenSSL), and stamping and diffing are other commands' work.
NOT_FOR_A_CHECK = ("shutil", "zlib", "bz2", "lzma", "pathlib", "urllib.parse", "ipaddress",
                   "hashlib", "_hashlib", "dataclasses", "typing", "subprocess", "tempfile",
                   "multiprocessing", "coop_translations.stamping", "coop_translations.diffing")


def test_a_check_loads_only_what_it_needs(coop):
    coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE)
    for number in range(3):
        coop.write(f"translations/l{number}/README.md", "# x\n")
    program = ("import json, os, sys\n"
               "from coop_translations.cli import main\n"
               "out = sys.stdout; sys.stdout = open(os.devnull, 'w')\n"
               "status = main(['check', '--root', sys.argv[1], '--jobs', '2'])\n"
               "out.write(json.dumps([status, sorted(sys.modules)]))\n")
    done = subprocess.run([sys.executable, "-c", program, str(coop.root)], cwd=REPO,
                          capture_output=True, text=True)
    status, modules = json.loads(done.stdout or "null") or (None, [])
    assert status == 1, done.stderr
    assert "coop_translations.checker" in modules
    assert sorted(set(NOT_FOR_A_CHECK) & set(modules)) == []


def test_the_design_documents_command_runs_the_same_checker(tmp_path):
    """../shared/DESIGN.md names `python -m tools.translations check`; from this repository's
    root it is the installed checker, the same report as `python -m coop_translations`."""
    args = ("check", "--format", "json")
    documented = subprocess.run([sys.executable, "-m", "tools.translations", *args], cwd=REPO,
                                capture_output=True, text=True)
    installed = run(REPO, *args)
    assert documented.returncode == installed.returncode == 0, documented.stderr + installed.stderr
    report = json.loads(documented.stdout)
    assert report["summary"]["results"] > 0
    assert report == json.loads(installed.stdout)


# --- the JSON report is written out by hand, as json's encoder writes it ---------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from coop_translations.problems import CODES, Problem, Report, Result, fail_on  # noqa: E402
from coop_translations.report import to_json  # noqa: E402


def _to_json_by_encoder(report: Report, failing: frozenset[str]) -> str:
    """to_json as first written: each result encoded by json.JSONEncoder."""
    data = report.to_json()
    data["summary"].update(fail_on=[code for code in CODES if code in failing],
                           failing=report.failing(failing))
    data["summary"]["failed"] = bool(data["summary"]["failing"])
    encode = json.JSONEncoder(ensure_ascii=False).encode
    results = ",\n  ".join(encode(r) for r in data["results"])
    summary = encode(data["summary"])
    return f'{{"summary": {summary},\n "results": [\n  {results}\n]}}\n' if results else \
        f'{{"summary": {summary}, "results": []}}\n'


_TEXT = st.text(st.sampled_from(list('ab"\\/\n\t\r\x00\x1f\x7fé中😀\u2028 \'{}[]:,')), max_size=12)
_PROBLEM = st.builds(Problem, st.sampled_from(CODES), _TEXT, st.none() | st.integers(1, 9))
_RESULT = st.builds(Result, _TEXT, st.none() | _TEXT, _TEXT, st.lists(_PROBLEM, max_size=3))


@settings(max_examples=300, deadline=None)
@given(st.lists(_RESULT, max_size=6), st.sampled_from(["", "all", "stale,missing"]))
def test_the_json_report_is_what_the_encoder_writes(results, policy):
    report, failing = Report(results), fail_on(policy)
    written = to_json(report, failing)
    assert written == _to_json_by_encoder(report, failing)
    assert json.loads(written) == json.loads(_to_json_by_encoder(report, failing))


# -- the program's quick exit ----------------------------------------------------------------------

@pytest.mark.parametrize("languages, least, most", [
    (30, 1 << 16, None),    # more than a pipe holds (64 KiB): written while the reader reads
    (2, 1, io.DEFAULT_BUFFER_SIZE - 1),   # less than the output buffer: written only by the flush
])
def test_the_program_writes_all_its_output_before_its_quick_exit(tmp_path, capsys, languages, least, most):
    """cli.console ends with os._exit, skipping the interpreter's teardown: all that main()
    wrote must still arrive through a pipe, with main's exit status, from the console
    script and from `python -m` alike."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from checker_corpus import build
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    build(tmp_path, languages=languages, sources=14, page_bytes=2000)
    arguments = ["check", "--root", str(tmp_path), "--format", "json"]
    status = cli_main(arguments)
    expected = capsys.readouterr().out
    size = len(expected.encode())
    assert status == 1 and size >= least and (most is None or size <= most), (status, size)
    # Buffered output, as most users have it (this workplace sets PYTHONUNBUFFERED).
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    for command in ([sys.executable, "-m", "coop_translations"], [str(console_script())]):
        done = subprocess.run([*command, *arguments], capture_output=True, text=True, cwd=tmp_path, env=env)
        assert (done.returncode, done.stdout) == (status, expected), (command, done.stderr[-2000:])
