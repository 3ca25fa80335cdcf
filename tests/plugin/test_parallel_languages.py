"""Languages built in parallel processes make the very site the serial build makes.

A copy of the co-op course fixture, with two more languages (copies of the Swedish
translations, so five other languages: children build four, one or more each, and
the parent the last), is built with the real `mkdocs build --strict`, once with
`parallel_languages: 2` and once with `false` (conftest.py's shared builds); every
file of the two sites must be the same, byte for byte, and the parallel build must
have said it forked (so the comparison is not between two serial builds). A warning
or an error in a language that a child builds fails the parallel build as it fails
the serial one.
"""

from __future__ import annotations

import json
import re
import types
from pathlib import Path

import pytest

from mkdocs_coop_i18n import parallel_languages
from site_build import build_site, coop_course, site_files

FORKED = re.compile(r"coop-i18n: building (\d+) languages in (\d+) processes, and '(\w+)' in this one")

pytestmark = pytest.mark.slow


def course(target: Path, processes, *options: str) -> Path:
    """The fixture with da and fi added (copies of sv), built with `processes` (and `options`)."""
    return coop_course(target, f"parallel_languages: {str(processes).lower()}", *options)


def build(project: Path):
    return build_site(project, project / "site", quiet=False)


@pytest.fixture(scope="module")
def both(course_build):
    """((project, result), (project, result)) of the serial and the parallel build (conftest.py)."""
    return tuple((made.project, made) for made in (course_build("serial"), course_build("parallel")))


def test_the_parallel_build_forks_and_makes_the_serial_site_byte_for_byte(both):
    (serial, serial_result), (parallel, parallel_result) = both
    assert serial_result.returncode == 0, serial_result.stderr
    assert parallel_result.returncode == 0, parallel_result.stderr
    forked = FORKED.search(parallel_result.stderr)
    assert forked, "the parallel build did not fork:\n" + parallel_result.stderr[-3000:]
    assert forked.groups() == ("4", "2", "ta")
    assert not FORKED.search(serial_result.stderr)
    one, other = site_files(serial / "site"), site_files(parallel / "site")
    assert len(one) > 100 and (serial / "site" / "fi" / "index.html").is_file()
    assert sorted(one) == sorted(other), set(one) ^ set(other)
    differing = [name for name in one if one[name] != other[name]]
    assert not differing, f"{len(differing)} files differ, e.g. {differing[:5]}"


def test_the_sitemap_lists_every_language(both):
    """The file a child's partial state would get wrong, checked directly as well."""
    (_serial, _), (parallel, _) = both
    sitemap = (parallel / "site" / "sitemap.xml").read_text(encoding="utf-8")
    for code in ("da", "fi", "sv", "sw", "ta"):
        assert f"{code}/lessons/01-intro/</loc>" in sitemap, code


def test_the_log_reads_as_a_serial_builds(both):
    """A child's log lines are printed once each, in the serial order."""
    (serial, serial_result), (parallel, parallel_result) = both

    def lines(output: str, project: Path) -> list[str]:
        # The same, but for the projects' folders, timings, and two kinds of INFO line that
        # say what the language built before left behind: which of two languages showing the
        # same notebook converted it (the other reads the cache), and static-i18n's "Adding
        # 'xx' to the search plugin's 'lang'" (the previous language's, which search_per_language
        # replaces in every language anyway).
        return [line.replace(str(project), "<project>") for line in output.splitlines()
                if not FORKED.search(line) and not re.search(
                    r"\d+\.\d+ seconds|Loading model cost|Cache (hit|miss)|plugin 'lang' option", line)]

    assert lines(parallel_result.stderr, parallel) == lines(serial_result.stderr, serial)
    assert sum("Building 'sw' documentation" in line for line in lines(parallel_result.stderr, parallel)) == 1


def test_one_search_index_for_all_languages_is_the_serial_one_too(tmp_path):
    """With search_per_language: false the root index is static-i18n's merge of every
    language's entries, which the children send back: compared here (with it on, each
    language's own index is compared above and the root one is English)."""
    sites, results = {}, {}
    for processes in (False, 2):
        project = course(tmp_path / str(processes), processes, "search_per_language: false")
        results[processes] = build(project)
        assert results[processes].returncode == 0, results[processes].stderr[-3000:]
        sites[processes] = site_files(project / "site")
    assert FORKED.search(results[2].stderr)
    locations = {doc["location"].split("/")[0] for doc in json.loads(sites[2]["search/search_index.json"])["docs"]}
    assert {"da", "fi", "sw", "ta"} <= locations
    differing = sorted(name for name in set(sites[False]) | set(sites[2]) if sites[False].get(name) != sites[2].get(name))
    assert not differing, differing[:5]


def _break(project: Path, language: str, how: str) -> None:
    page = project / "translations" / language / "README.md"
    if how == "warning":   # a link to a missing page: a warning, fatal under --strict
        page.write_text(page.read_text(encoding="utf-8") + "\n[gone](no-such-page.md)\n", encoding="utf-8")
    else:                  # a notebook that is not JSON: the plugin stops the build
        notebook = project / "translations" / language / "lessons" / "02-tensors" / "notebook.ipynb"
        notebook.parent.mkdir(parents=True, exist_ok=True)
        notebook.write_text('{"cells": [', encoding="utf-8")


@pytest.mark.parametrize("how, says", [
    ("warning", "Aborted with 1 warnings in strict mode!"),
    ("error", "notebook is not valid JSON"),
])
def test_a_failing_language_in_a_child_fails_the_build_as_in_serial(tmp_path, how, says):
    results = {}
    for processes in (False, 2):
        project = course(tmp_path / str(processes), processes)
        _break(project, "fi", how)       # fi: second of the five, built by a child
        result = build(project)
        result.stderr = result.stderr.replace(str(project), "<project>")
        results[processes] = result
    serial, parallel = results[False], results[2]
    assert FORKED.search(parallel.stderr), parallel.stderr[-3000:]
    for result in (serial, parallel):
        assert result.returncode == 1, result.stderr[-3000:]
        assert says in result.stdout + result.stderr, result.stdout + result.stderr[-3000:]

    def problems(output: str) -> list[str]:
        return [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]

    assert problems(parallel.stderr) == problems(serial.stderr)
    if how == "warning":
        assert sum("no-such-page.md" in line for line in problems(parallel.stderr)) == 1
    # The parent built ta meanwhile, but says nothing of it: the serial build stopped at fi.
    assert "Building 'ta' documentation" not in parallel.stderr + serial.stderr


# -- when it forks -------------------------------------------------------------------------

def _config(plugins=("material/search", "i18n", "mkdocs-jupyter", "coop-i18n"), dirs=()):
    return types.SimpleNamespace(plugins={name: types.SimpleNamespace(config={"cache": False}) for name in plugins},
                                 theme=types.SimpleNamespace(dirs=list(dirs)))


@pytest.fixture
def building(monkeypatch):
    monkeypatch.setitem(parallel_languages._state, "command", "build")
    monkeypatch.setattr(parallel_languages, "usable_cpus", lambda: 4)
    monkeypatch.setattr(parallel_languages, "threading", types.SimpleNamespace(active_count=lambda: 1))
    monkeypatch.setattr(parallel_languages, "available_memory", lambda: None)


LANGUAGES = ["da", "fi", "sv", "sw", "ta"]


def test_auto_forks_one_process_per_cpu_with_known_plugins_only(building):
    assert parallel_languages.processes_for("auto", _config(), LANGUAGES) == (4, None)
    processes, why = parallel_languages.processes_for("auto", _config(plugins=("search", "i18n", "hooks/x.py")),
                                                      LANGUAGES)
    assert processes == 0 and "hooks/x.py" in why
    assert parallel_languages.processes_for(True, _config(plugins=("i18n", "hooks/x.py")), LANGUAGES) == (4, None)
    assert parallel_languages.processes_for(3, _config(), LANGUAGES) == (3, None)
    assert parallel_languages.processes_for(16, _config(), LANGUAGES) == (4, None), "no more than languages - 1"


@pytest.mark.parametrize("setting", [False, 0, 1])
def test_false_0_and_1_build_one_language_after_another(building, setting):
    assert parallel_languages.processes_for(setting, _config(), LANGUAGES) == (0, None)


def test_not_under_serve_nor_with_fewer_than_three_languages_nor_on_one_cpu(building, monkeypatch):
    assert parallel_languages.processes_for(True, _config(), ["sv", "ta"]) == (0, None)
    monkeypatch.setattr(parallel_languages, "usable_cpus", lambda: 1)
    assert parallel_languages.processes_for("auto", _config(), LANGUAGES) == (0, None)
    monkeypatch.setitem(parallel_languages._state, "command", "serve")
    assert parallel_languages.processes_for(4, _config(), LANGUAGES) == (0, None)


def test_no_more_processes_than_the_memory_holds(building, monkeypatch):
    monkeypatch.setattr(parallel_languages, "own_memory", lambda: 300 << 20)
    monkeypatch.setattr(parallel_languages, "available_memory", lambda: 1200 << 20)   # 4 builds
    assert parallel_languages.processes_for("auto", _config(), LANGUAGES) == (3, None)
    monkeypatch.setattr(parallel_languages, "available_memory", lambda: 800 << 20)
    assert parallel_languages.processes_for(True, _config(), LANGUAGES) == (0, None)
    assert parallel_languages.processes_for(3, _config(), LANGUAGES) == (3, None), "a number is what it says"


def test_the_memory_figures_are_read():
    assert parallel_languages.own_memory() > 1 << 20
    available = parallel_languages.available_memory()
    assert available is None or available > 0


def test_not_when_the_build_runs_threads(building, monkeypatch):
    monkeypatch.setattr(parallel_languages, "threading", types.SimpleNamespace(active_count=lambda: 2))
    processes, why = parallel_languages.processes_for(True, _config(), LANGUAGES)
    assert processes == 0 and "threads" in why


def test_not_when_a_template_reads_the_languages_built_before(building, tmp_path):
    (tmp_path / "main.html").write_text("{% for l in i18n_alternates %}{% endfor %}", encoding="utf-8")
    processes, why = parallel_languages.processes_for(True, _config(dirs=[tmp_path]), LANGUAGES)
    assert processes == 0 and "main.html" in why


def test_not_when_the_languages_do_not_share_the_notebook_cache(building, monkeypatch):
    config = _config()
    config.plugins["mkdocs-jupyter"].config["cache"] = True
    monkeypatch.setattr(parallel_languages, "shared_notebook_cache", lambda: False)
    processes, why = parallel_languages.processes_for(True, config, LANGUAGES)
    assert processes == 0 and "cache" in why
    monkeypatch.setattr(parallel_languages, "shared_notebook_cache", lambda: True)
    assert parallel_languages.processes_for(True, config, LANGUAGES) == (4, None)


def test_the_option_takes_auto_booleans_and_numbers():
    from mkdocs_coop_i18n.config import CoopI18nConfig

    for value in ("auto", True, False, 0, 4):
        config = CoopI18nConfig()
        config.load_dict({"parallel_languages": value})
        assert config.validate() == ([], []) and config["parallel_languages"] == value
    config = CoopI18nConfig()
    config.load_dict({"parallel_languages": "many"})
    errors, _warnings = config.validate()
    assert errors and "number of processes" in str(errors[0][1])
