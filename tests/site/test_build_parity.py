"""The speed-ups change nothing in the output.

The coop-i18n plugin's template_cache and highlight_cache share compiled
templates and highlighted code between the language sub-builds, fast_search_index
replaces Material's search parser with an equivalent faster one, fast_alternates
replaces static-i18n's search for each page's other-language versions, sitemap_once
writes sitemap.xml in the first and last language's build only, and
parallel_languages builds the languages after the first in parallel processes (mkdocs.yml turns it on for this site); a
copy of the project built with none of them (the options off, the languages one
after another) must produce the same files, byte for byte.
(tests/plugin/test_parallel_languages.py checks that a parallel build did fork, on
a co-op course.) The copy starts with the notebook cache the site's build left:
converting every notebook again would add minutes and prove only what
tests/site/test_notebook_cache.py proves in seconds, that pages made from the cache
equal a cold build's byte for byte. (In CI the site's own build is the cold one.)
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from site_build import REPO_ROOT, build_site, copy_project, site_files

PLUGIN_LINE = "  - coop-i18n:\n"
SPEED_OPTIONS = ("template_cache", "highlight_cache", "fast_search_index", "fast_alternates", "sitemap_once")
PARALLEL_LINE = "      parallel_languages: !ENV [PARALLEL_LANGUAGES, true]\n"


def test_cached_build_equals_plain_serial_build(built_site, tmp_path):
    project = copy_project(tmp_path / "plain")
    # The same git history, so the translation diff pages come out the same
    # (in a linked worktree .git is a file: clone the history instead).
    if (REPO_ROOT / ".git").is_dir():
        shutil.copytree(REPO_ROOT / ".git", project / ".git")
    else:
        subprocess.run(["git", "clone", "-q", "--no-checkout", str(REPO_ROOT), str(tmp_path / "history")], check=True)
        shutil.move(tmp_path / "history" / ".git", project / ".git")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(PLUGIN_LINE) == 1
    text = text.replace(PLUGIN_LINE, PLUGIN_LINE + "".join(f"      {option}: false\n" for option in SPEED_OPTIONS))
    config.write_text(text, encoding="utf-8")
    assert text.count(PARALLEL_LINE) == 1, "the site's build (built_site) is not the parallel one"
    result = build_site(project, project / "site", PARALLEL_LANGUAGES="false")
    assert result.returncode == 0, result.stderr
    cached, plain = site_files(built_site), site_files(project / "site")
    assert sorted(cached) == sorted(plain), set(cached) ^ set(plain)
    differing = [name for name in cached if cached[name] != plain[name]]
    assert not differing, f"{len(differing)} files differ, e.g. {differing[:5]}"
