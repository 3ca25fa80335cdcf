"""sitemap_once: sitemap.xml is rendered in the first and the last language's build
only, and the site is the same as when every language's build renders it.

A copy of the co-op course fixture with two more languages (copies of the Swedish
translations: five languages besides English) is built one language after another
with sitemap_once on and off; a MkDocs hook (on_post_template, called for each theme
template a build renders) writes down each sitemap.xml rendered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build import build_site, coop_course, site_files

HOOK = """\
from pathlib import Path


def on_post_template(output_content, template_name, config):
    if template_name == "sitemap.xml":
        with open(Path(config.config_file_path).parent / "rendered.txt", "a", encoding="utf-8") as log:
            log.write(config.plugins["i18n"].current_language + "\\n")
    return output_content
"""

pytestmark = pytest.mark.slow


def course(target: Path, sitemap_once: bool) -> Path:
    coop_course(target, f"sitemap_once: {str(sitemap_once).lower()}", "parallel_languages: false")
    with open(target / "mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("hooks:\n  - record_templates.py\n")
    (target / "record_templates.py").write_text(HOOK, encoding="utf-8")
    return target


def test_the_sitemap_is_rendered_twice_and_the_site_is_the_same(tmp_path):
    results, sites = {}, {}
    for once in (True, False):
        project = course(tmp_path / str(once), once)
        results[once] = build_site(project, project / "site")
        assert results[once].returncode == 0, results[once].stderr[-3000:]
        sites[once] = site_files(project / "site")
        results[once] = (project / "rendered.txt").read_text(encoding="utf-8").split()
    assert results[False] == ["en", "da", "fi", "sv", "sw", "ta"]
    assert results[True] == ["en", "ta"], "the first and the last language only"
    sitemap = sites[True]["sitemap.xml"].decode()
    for code in ("da", "fi", "sv", "sw", "ta"):
        assert f"{code}/lessons/01-intro/</loc>" in sitemap, code
    assert sorted(sites[True]) == sorted(sites[False])
    differing = [name for name in sites[True] if sites[True][name] != sites[False][name]]
    assert not differing, differing[:5]
