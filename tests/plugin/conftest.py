"""The co-op course fixture built with the plugin's speed options on and off, each build
made once per test run however many pytest-xdist workers ask for it (site_build.build_once).

test_parallel_languages, test_sitemap_once and test_merged_search_index compare these
sites byte for byte, and read their logs: three builds of the course per run where
these tests made six. Every build records, through a MkDocs hook (on_post_template, called
for each theme template a build renders), which language's build rendered sitemap.xml.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from site_build import build_once, build_site, coop_course

HOOK = """\
from pathlib import Path


def on_post_template(output_content, template_name, config):
    if template_name == "sitemap.xml":
        with open(Path(config.config_file_path).parent / "rendered.txt", "a", encoding="utf-8") as log:
            log.write(config.plugins["i18n"].current_language + "\\n")
    return output_content
"""
I18N_LINE = "      docs_structure: folder\n"

# name: (coop-i18n options, static-i18n options), YAML lines. Whatever is not named is at
# its default: every speed option on (sitemap_once too), static-i18n's reconfigure_search
# left to the plugin (which turns it off).
BUILDS = {
    "serial": (("parallel_languages: false",), ()),
    "parallel": (("parallel_languages: 2",), ()),
    # The options the plugin turns on or off for speed, the other way: the site must not change.
    "options-off": (("parallel_languages: false", "sitemap_once: false"), ("reconfigure_search: true",)),
}


@dataclass(frozen=True)
class CourseBuild:
    """A finished `mkdocs build --strict` (INFO log kept) of a copy of the course."""
    project: Path
    returncode: int
    stderr: str
    rendered_sitemap: list[str]     # the languages whose build rendered sitemap.xml, in order

    @property
    def site(self) -> Path:
        return self.project / "site"


def make_course(target: Path, coop_options, i18n_options) -> Path:
    """The five-language course (site_build.coop_course) with the options and the recording hook."""
    coop_course(target, *coop_options)
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(I18N_LINE) == 1
    text = text.replace(I18N_LINE, I18N_LINE + "".join(f"      {line}\n" for line in i18n_options))
    config.write_text(text + "hooks:\n  - record_templates.py\n", encoding="utf-8")
    (target / "record_templates.py").write_text(HOOK, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def course_build(tmp_path_factory):
    """course_build(name) -> CourseBuild of BUILDS[name], built on first use in this run."""
    def get(name: str) -> CourseBuild:
        def make(folder: Path) -> None:
            project = make_course(folder / "project", *BUILDS[name])
            result = build_site(project, project / "site", quiet=False)
            (folder / "result.json").write_text(json.dumps({"returncode": result.returncode, "stderr": result.stderr}),
                                                encoding="utf-8")

        folder = build_once(tmp_path_factory, f"course-{name}", make)
        result = json.loads((folder / "result.json").read_text(encoding="utf-8"))
        project = folder / "project"
        log = project / "rendered.txt"
        rendered = log.read_text(encoding="utf-8").split() if log.exists() else []
        return CourseBuild(project, result["returncode"], result["stderr"], rendered)

    return get
