"""This project's own translations: complete, fresh and structurally faithful (`make check`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from coop_translations.config import load_site_config

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_make_check_finds_no_problem_in_any_language():
    result = subprocess.run([sys.executable, "-m", "coop_translations", "check", "--format", "json"],
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    report = json.loads(result.stdout)
    problems = [f"{r['path']}: {p['code']}: {p['message']}" for r in report["results"] for p in r["problems"]]
    assert not problems, "\n".join(problems[:20])
    assert result.returncode == 0, result.stderr


def test_every_english_page_and_notebook_has_a_translation_in_every_language():
    site = load_site_config(REPO_ROOT)
    source = REPO_ROOT / site.docs_dir / site.default_language
    pages = [p.relative_to(source) for p in source.rglob("*") if p.suffix in (".md", ".ipynb")]
    assert pages
    missing = [f"{language}/{page}" for language in site.translation_languages for page in pages
               if not (REPO_ROOT / site.docs_dir / language / page).is_file()]
    assert not missing, missing
