"""This project's own translations: nothing broken, every gap reported (`make check`).

The default policy is the one `make check` and the CI use: stale and missing
translations are warnings (the site shows readers a banner for them), so an
English edit never blocks a commit; broken translations fail."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from coop_translations.config import load_site_config

REPO_ROOT = Path(__file__).resolve().parents[2]


def check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "coop_translations", "check", *args],
                          cwd=root, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO_ROOT)})


def test_make_check_finds_nothing_that_fails_in_any_language():
    result = check(REPO_ROOT, "--format", "json")
    report = json.loads(result.stdout)
    failing = set(report["summary"]["fail_on"])
    problems = [f"{r['path']}: {p['code']}: {p['message']}" for r in report["results"]
                for p in r["problems"] if p["code"] in failing]
    assert not problems, "\n".join(problems[:20])
    assert result.returncode == 0, result.stderr


def test_every_untranslated_page_is_reported_missing_as_a_warning():
    """A new English page or notebook has no translations until translators get to it: the
    checker must list each one as `missing` in every language (that list is the translators'
    to-do), as a warning that does not fail the default check."""
    site = load_site_config(REPO_ROOT)
    source = REPO_ROOT / site.docs_dir / site.default_language
    pages = [p.relative_to(source).as_posix() for p in source.rglob("*") if p.suffix in (".md", ".ipynb")]
    assert pages
    untranslated = {f"{site.docs_dir}/{language}/{page}" for language in site.translation_languages for page in pages
                    if not (REPO_ROOT / site.docs_dir / language / page).is_file()}
    result = check(REPO_ROOT, "--format", "json")
    report = json.loads(result.stdout)
    reported = {r["path"] for r in report["results"] if any(p["code"] == "missing" for p in r["problems"])}
    assert reported == untranslated
    assert "missing" not in report["summary"]["fail_on"]


def test_an_english_edit_warns_by_default_and_fails_only_when_asked(tmp_path):
    """After one sentence is added to an English page, the check still passes (five
    stale warnings); `--fail-on stale` makes the same tree fail."""
    copy = tmp_path / "project"
    copy.mkdir()
    shutil.copy(REPO_ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    site = load_site_config(REPO_ROOT)
    shutil.copytree(REPO_ROOT / site.docs_dir, copy / site.docs_dir)
    page = copy / site.docs_dir / site.default_language / "glossary.md"
    with open(page, "a", encoding="utf-8") as out:
        out.write("\nOne more sentence for the readers.\n")

    default = check(copy, "--format", "json")
    assert default.returncode == 0, default.stdout + default.stderr
    stale = {r["path"] for r in json.loads(default.stdout)["results"]
             if any(p["code"] == "stale" for p in r["problems"])}
    assert {f"{site.docs_dir}/{language}/glossary.md" for language in site.translation_languages} <= stale

    strict = check(copy, "--fail-on", "stale")
    assert strict.returncode == 1, strict.stdout
    assert strict.stdout.count("  error   stale") == len(stale)
