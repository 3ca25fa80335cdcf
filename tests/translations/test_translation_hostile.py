"""The hostile trees of issue 11, one test each: links, swaps, special files, races,
huge and pathological inputs. None may leak, hang, lose a write or take long."""
from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coop_translations import Layout, StampRefused, check_tree, stamp
from translation_trees import SOURCE, SOURCE_PAGE, SWEDISH_PAGE, console_script, md5, metadata_comment

REPO = Path(__file__).resolve().parents[2]
SV = "docs/sv/lessons/01-tensors/index.md"
KO = "translations/ko/lessons/1/README.md"


def run(cwd: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coop_translations", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONPATH": str(REPO)})


def leftovers(folder: Path) -> list[str]:
    """Temporary files a stamp could leave behind."""
    return sorted(p.name for p in folder.rglob("*.tmp"))


def one_error_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert "Traceback" not in done.stderr
    return lines[0]


# -- links --------------------------------------------------------------------------------

def test_translation_symlinked_to_the_english_source_is_never_stamped(project):
    (project.root / SV).parent.mkdir(parents=True)
    (project.root / SV).symlink_to(Path("../../../en/lessons/01-tensors/index.md"))
    before = project.read(SOURCE)
    assert project.result(SV).codes == ["unsafe-path"]
    with pytest.raises(StampRefused, match="symbolic link"):
        stamp(project.root, SV, force=True)
    assert project.read(SOURCE) == before


def test_a_symlink_swapped_in_mid_stamp_is_not_written_through(project, tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("secret\n")
    project.write(SV, SWEDISH_PAGE)
    target = project.root / SV

    def swap():
        target.unlink()
        target.symlink_to(outside)

    from coop_translations.stamping import stamp as stamp_layout
    with pytest.raises(StampRefused, match="replaced while it was being stamped"):
        stamp_layout(Layout.project(project.root), SV, before_write=swap)
    assert outside.read_text() == "secret\n"
    assert target.is_symlink()
    assert leftovers(project.root) == []


def test_a_folder_swapped_for_a_symlink_mid_stamp_leads_nowhere_outside(project, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    project.write(SV, SWEDISH_PAGE)
    folder = (project.root / SV).parent

    def swap():
        folder.rename(folder.with_name("moved"))
        folder.symlink_to(outside, target_is_directory=True)

    from coop_translations.stamping import stamp as stamp_layout
    stamp_layout(Layout.project(project.root), SV, before_write=swap)
    assert list(outside.iterdir()) == []        # the write went to the folder it had opened
    moved = folder.with_name("moved") / "index.md"
    assert moved.read_bytes().startswith(b"<!--\nCO_OP_TRANSLATOR_METADATA:")


def test_a_hard_link_is_not_stamped(project, tmp_path):
    project.write(SV, SWEDISH_PAGE)
    os.link(project.root / SV, tmp_path / "second-name.md")
    with pytest.raises(StampRefused, match="hard link"):
        stamp(project.root, SV, force=True)
    assert (tmp_path / "second-name.md").read_text() == SWEDISH_PAGE
    assert project.result(SV).codes == ["unsafe-path"]


def test_diff_through_a_symlink_to_etc_passwd_reads_nothing(project):
    (project.root / SV).parent.mkdir(parents=True)
    (project.root / SV).symlink_to("/etc/passwd")
    done = run(project.root, "diff", SV)
    assert done.returncode == 1
    assert "root:" not in done.stdout + done.stderr
    assert "link" in done.stdout


def test_translations_folder_symlinked_to_etc_is_exit_2(coop):
    (coop.root / "translations" / "ko").rmdir()
    (coop.root / "translations").rmdir()
    (coop.root / "translations").symlink_to("/etc", target_is_directory=True)
    done = run(REPO, "check", "--root", str(coop.root))
    assert done.returncode == 2
    assert "symbolic link" in one_error_line(done)
    assert "fine" not in done.stdout


def test_a_language_folder_symlink_is_unsafe_and_never_entered(coop, tmp_path):
    outside = tmp_path / "other"
    outside.mkdir()
    (coop.root / "translations" / "ko").rmdir()
    (coop.root / "translations" / "ko").symlink_to(outside, target_is_directory=True)
    report = check_tree(coop.root)
    assert {code for r in report.results for code in r.codes} == {"unsafe-path"}


# -- special files --------------------------------------------------------------------------

@pytest.mark.timeout(30)
def test_a_fifo_sidecar_does_not_hang_the_check(coop):
    rel = coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE, metadata=False)
    os.mkfifo(coop.root / "translations/ko/.co-op-translator.json")
    done = run(REPO, "check", "--root", str(coop.root), "--format", "json", timeout=20)
    assert done.returncode == 1
    [result] = [r for r in json.loads(done.stdout)["results"] if r["path"] == rel]
    assert "special file" in result["problems"][0]["message"]


@pytest.mark.timeout(30)
def test_a_fifo_named_like_a_page_is_unsafe_not_read(coop):
    coop.translate("README.md", "ko", "# 과정\n\n[1과](lessons/1/README.md)\n")
    (coop.root / KO).parent.mkdir(parents=True)
    os.mkfifo(coop.root / KO)
    results = {r.path: r.codes for r in check_tree(coop.root).results}
    assert results[KO] == ["unsafe-path"]
    with pytest.raises(StampRefused, match="special file"):
        stamp(coop.root, KO, coop=True, force=True)


# -- exit codes ----------------------------------------------------------------------------

def test_empty_root_is_a_usage_error(project):
    done = run(project.root, "check", "--root", "")
    assert done.returncode == 2
    assert "--root" in one_error_line(done)


def test_translations_that_is_a_file_is_exit_2(coop):
    (coop.root / "translations" / "ko").rmdir()
    (coop.root / "translations").rmdir()
    (coop.root / "translations").write_text("not a folder")
    done = run(REPO, "check", "--root", str(coop.root))
    assert done.returncode == 2
    assert "translations" in one_error_line(done) and "not a folder" in done.stderr


def test_an_unlistable_folder_is_exit_2(coop, monkeypatch, capsys):
    """chmod cannot stop root from listing, so the refusal is simulated."""
    from coop_translations.cli import main
    coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE)
    real_scandir = os.scandir

    def refusing(path=".", *args):
        if isinstance(path, int) and os.readlink(f"/proc/self/fd/{path}").endswith("/ko/lessons"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path, *args)

    monkeypatch.setattr("os.scandir", refusing)
    assert main(["check", "--root", str(coop.root)]) == 2
    captured = capsys.readouterr()
    assert "cannot list translations/ko/lessons" in captured.err and "Permission denied" in captured.err
    assert "fine" not in captured.out


def test_a_too_deep_tree_is_exit_2(coop):
    deep = coop.root / "translations" / "ko"
    for _ in range(70):
        deep = deep / "d"
    deep.mkdir(parents=True)
    done = run(REPO, "check", "--root", str(coop.root))
    assert done.returncode == 2
    assert "deep" in one_error_line(done)


def test_notebook_cell_source_that_is_not_text_is_a_problem_not_a_crash(coop):
    notebook = {"cells": [{"cell_type": "code", "metadata": {}, "source": ["x = 1"], "outputs": []}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    coop.write("lessons/1/intro.ipynb", json.dumps(notebook))
    notebook["cells"][0]["source"] = [1]
    notebook["metadata"]["coopTranslator"] = {
        "original_hash": md5(coop.read("lessons/1/intro.ipynb")), "source_file": "lessons/1/intro.ipynb",
        "translation_date": "2025-01-30T13:02:53+00:00", "language_code": "ko"}
    coop.write("translations/ko/lessons/1/intro.ipynb", json.dumps(notebook))
    done = run(REPO, "check", "--root", str(coop.root), "--format", "json")
    assert done.returncode == 1 and not done.stderr
    [result] = [r for r in json.loads(done.stdout)["results"] if r["path"].endswith("intro.ipynb")]
    assert "cell 1's source is [1], not text" in result["problems"][0]["message"]


def test_an_unexpected_exception_is_exit_2_with_one_line(coop, monkeypatch, capsys):
    from coop_translations.cli import main

    def broken(self, jobs=1):
        raise TypeError("can only join an iterable")

    monkeypatch.setattr("coop_translations.checker.Checker.run", broken)
    assert main(["check", "--root", str(coop.root)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unexpected TypeError" in err and "--debug" in err
    assert main(["check", "--debug", "--root", str(coop.root)]) == 2
    assert "Traceback" in capsys.readouterr().err


# -- size and time ----------------------------------------------------------------------------

def test_a_hostile_page_of_a_tags_checks_fast(coop):
    coop.translate("lessons/1/README.md", "ko", "<a " * 40_000)       # 120 KB
    start = time.perf_counter()
    check_tree(coop.root)
    assert time.perf_counter() - start < 5          # 39 s with the old quadratic pattern


@pytest.mark.parametrize("unit", [b"<a ", b"![", b"``` ", b"# { #a ", b'=== "x" ', b"[a]: b ",
                                  "lÃ¤r ".encode(), "Р—РґСЂ ".encode()])
def test_hostile_pages_take_linear_time(coop, unit):
    """Doubling the page at most about doubles the time (quadratic would quadruple it).
    CPU time, best of three; below a quarter second nothing quadratic is left to see
    (the quadratic patterns took seconds to minutes on these pages)."""
    def timed(size: int) -> float:
        coop.translate("lessons/1/README.md", "ko", (unit * (size // len(unit))).decode())
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            check_tree(coop.root)
            best = min(best, time.process_time() - start)
        return best

    small, large = timed(100_000), timed(200_000)
    assert large < max(3.2 * small, 0.25), (small, large)


def test_20000_mojibake_tokens_against_a_4_mb_source_check_fast(coop):
    source = ("Prose about tensors and gradients, " * 120_000).encode()   # about 4 MB
    coop.write("lessons/1/README.md", source)
    garbled = "".join(f"w{n} lÃ¤r " for n in range(20_000))
    coop.translate("lessons/1/README.md", "ko", garbled)
    start = time.perf_counter()
    [problem] = [p for r in check_tree(coop.root).results if r.path == KO for p in r.problems]
    assert time.perf_counter() - start < 10          # 55 s before
    assert problem.code == "mojibake"


@pytest.mark.slow
def test_a_200_mb_stale_source_is_checked_in_bounded_memory(coop, tmp_path):
    big = coop.root / "lessons/1/README.md"
    with open(big, "wb") as out:
        chunk = b"A long source page line.\n" * 40_000            # 1 MB
        for _ in range(200):
            out.write(chunk)
    coop.write(KO, metadata_comment(md5("old"), "lessons/1/README.md", "ko") + SWEDISH_PAGE)
    probe = ("import json, resource, sys; from coop_translations import check_tree; "
             "r = check_tree(sys.argv[1]); "
             "print(json.dumps([sorted({c for x in r.results for c in x.codes}), "
             "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))")
    done = subprocess.run([sys.executable, "-c", probe, str(coop.root)], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
    codes, peak_kib = json.loads(done.stdout)
    assert "stale" in codes
    assert peak_kib < 300 * 1024, f"peak RSS {peak_kib / 1024:.0f} MiB"    # 2 GB before


def test_a_13_mb_sidecar_is_valid(coop):
    entries = {f"lessons/{n}/README.md": {
        "original_hash": md5(str(n)), "translation_date": "2025-01-30T13:02:53+00:00",
        "source_file": f"lessons/{n}/README.md", "language_code": "ko"} for n in range(70_000)}
    entries["lessons/1/README.md"]["original_hash"] = md5(coop.read("lessons/1/README.md"))
    sidecar = coop.root / "translations/ko/.co-op-translator.json"
    sidecar.write_text(json.dumps(entries, indent=2))
    assert sidecar.stat().st_size > 13 * 2**20
    coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE, metadata=False)
    assert coop.codes(KO) == []


def test_a_sidecar_over_the_read_limit_is_exit_2_not_malformed(coop, monkeypatch, capsys):
    from coop_translations.cli import main
    monkeypatch.setattr("coop_translations.checker.MAX_READ_BYTES", 1000)
    coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE, metadata=False)
    (coop.root / "translations/ko/.co-op-translator.json").write_text(" " * 2000 + "{}")
    assert main(["check", "--root", str(coop.root)]) == 2
    assert "MiB the checker reads into memory" in capsys.readouterr().err


# -- concurrency --------------------------------------------------------------------------------

def _stamp_one(args):
    root, rel = args
    stamp(root, rel, coop=True)
    return rel


def test_40_parallel_stamps_into_one_sidecar_lose_nothing(coop):
    sources = [f"lessons/{n}/README.md" for n in range(40)]
    entries = {}
    for source in sources:
        coop.write(source, SOURCE_PAGE.replace("Tensors", f"Tensors {source}"))
        coop.translate(source, "ko", SWEDISH_PAGE.replace("Tensorer", f"Tensorer {source}"),
                       metadata=False)
        entries[source] = {"original_hash": md5("old"), "translation_date": "2025-01-30T13:02:53+00:00",
                           "source_file": source, "language_code": "ko"}
    sidecar = coop.root / "translations/ko/.co-op-translator.json"
    sidecar.write_text(json.dumps(entries, indent=2))
    context = multiprocessing.get_context("fork")
    with context.Pool(40) as pool:
        done = pool.map(_stamp_one, [(str(coop.root), f"translations/ko/{s}") for s in sources])
    assert len(done) == 40
    after = json.loads(sidecar.read_text())
    stale = [s for s in sources if after[s]["original_hash"] != md5(coop.read(s))]
    assert stale == []
    assert leftovers(coop.root) == []


def test_a_line_appended_during_a_stamp_is_not_dropped(project):
    project.write(SV, SWEDISH_PAGE)
    target = project.root / SV

    def append():
        with open(target, "a") as out:
            out.write("A line another editor saved.\n")

    from coop_translations.stamping import stamp as stamp_layout
    with pytest.raises(StampRefused, match="changed while it was being stamped"):
        stamp_layout(Layout.project(project.root), SV, before_write=append)
    assert target.read_text() == SWEDISH_PAGE + "A line another editor saved.\n"
    assert leftovers(project.root) == []


def test_a_stamp_leaves_no_file_behind_in_the_tree(project):
    """Not even its lock: a stray file there breaks the site build and shows in git."""
    project.write(SV, SWEDISH_PAGE)
    before = {p.relative_to(project.root) for p in project.root.rglob("*")}
    stamp(project.root, SV)
    assert {p.relative_to(project.root) for p in project.root.rglob("*")} == before


# -- mojibake through other code pages ------------------------------------------------------------

BULGARIAN = "Тензорът е многомерен масив; градиентите се изчисляват автоматично."
POLISH = "Tensor to wielowymiarowa tablica; gradienty liczą się same, zażółć gęślą jaźń."


@pytest.mark.parametrize("text, codec", [(BULGARIAN, "cp1251"), (POLISH, "cp1250")])
def test_mojibake_through_cp1251_and_cp1250_is_found(coop, text, codec):
    garbled = text.encode("utf-8").decode(codec, errors="replace")
    coop.translate("lessons/1/README.md", "ko", SWEDISH_PAGE.replace("En tensor är en matris.", garbled))
    [problem] = coop.result(KO).problems
    assert problem.code == "mojibake"
    assert "where" in problem.message


# -- other repositories ---------------------------------------------------------------------------------

def test_the_command_works_in_a_repository_with_its_own_tools_package(tmp_path):
    repo = tmp_path / "other"
    (repo / "tools").mkdir(parents=True)
    (repo / "tools" / "__init__.py").write_text("raise ImportError('the wrong tools package')\n")
    (repo / "README.md").write_text(SOURCE_PAGE)
    (repo / "translations/sv").mkdir(parents=True)
    (repo / "translations/sv/README.md").write_text(
        metadata_comment(md5(SOURCE_PAGE), "README.md", "sv") + SWEDISH_PAGE)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(console_script()), "check", "--root", "."], cwd=repo,
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all 1 translations are fine" in done.stdout


def test_the_published_hooks_run_the_console_script_there_too(tmp_path):
    """What `pre-commit try-repo` runs: each hook's `entry` from .pre-commit-hooks.yaml,
    the console script, in a repository whose own `tools` package would break
    `python -m tools...`. (Checked by hand with pre-commit 4.7 itself: `pre-commit
    try-repo <this repo> co-op-translations-check --all-files` in such a repository.)"""
    import shlex

    import yaml

    hooks = {hook["id"]: hook for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    entry = shlex.split(hooks["co-op-translations-check"]["entry"])
    assert entry[0] == "coop-translations", "the hook must run the console script, not a module path"
    repo = tmp_path / "other"
    (repo / "tools").mkdir(parents=True)
    (repo / "tools" / "__init__.py").write_text("raise ImportError('the wrong tools package')\n")
    (repo / "README.md").write_text(SOURCE_PAGE)
    (repo / "translations/sv").mkdir(parents=True)
    (repo / "translations/sv/README.md").write_text(SWEDISH_PAGE)      # no metadata: a failing problem
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(console_script()), *entry[1:]], cwd=repo,
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "missing-metadata" in done.stdout and "coop-translations stamp" in done.stdout
    assert "Traceback" not in done.stderr
