"""Translation freshness in the built site: banners, not-translated notes, the status
matrix and the pages that show what changed.

A copy of the project without its translations, made a git repository, gets small
translations of two pages in two languages, stamped fresh with the checker's own
`stamp`; one more translation has no metadata at all (broken from the start). One
English page then changes (committed, so the diff finds the translated version in the
history) and the copy is built: the translations of the other page are still fresh,
those of the changed one stale. Then once more in English only.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from site_build import build_site, copy_project
from site_layout import DEFAULT, LANGUAGES, REPO_ROOT, SITE, built_page, language_root
from coop_translations import Problem, Result, stamp
from coop_translations.status import state_of
from coop_translations.status_html import PLACEHOLDERS, usable_string, with_banner
from mkdocs_coop_i18n.ui_strings import KEYS as STRING_KEYS
from mkdocs_coop_i18n.ui_strings import SHIPPED as SHIPPED_UI

TRANSLATED = (LANGUAGES[1], LANGUAGES[-1])            # sv and zh: Latin and Han script
UNTRANSLATED, BROKEN_IN = [code for code in LANGUAGES if code not in (DEFAULT, *TRANSLATED)][:2]
CHANGED = PurePosixPath("glossary.md")                 # its English source changes
KEPT = PurePosixPath("index.md")                       # its English source does not
ADDED_HEADING = "## Added after the translation"
ADDED_LINE = "A sentence that the translations do not have yet."


def i18n_languages(project: Path) -> dict[str, dict]:
    with open(project / "mkdocs.yml", "rb") as handle:
        config = yaml_load(handle)
    plugin = next(entry["i18n"] for entry in config["plugins"] if isinstance(entry, dict) and "i18n" in entry)
    return {language["locale"]: language for language in plugin["languages"]}


def strings(project: Path, language: str) -> dict[str, str]:
    """The language's UI strings as the plugin reads them: the site's ui/ over the shipped ones."""
    merged = {}
    for folder in (SHIPPED_UI, project / "ui"):
        path = folder / f"{language}.yml"
        if path.is_file():
            merged.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return merged


def git(project: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                   cwd=project, check=True, capture_output=True)


def translate(project: Path, language: str, page: PurePosixPath) -> Path:
    """A stand-in translation: the English page with its title marked, no metadata yet."""
    docs = project / SITE.docs_dir
    text = (docs / DEFAULT / page).read_text(encoding="utf-8")
    text = re.sub(r"^# (.+)$", rf"# \1 [{language}]", text, count=1, flags=re.M)
    target = docs / language / page
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def project(tmp_path_factory, built_site) -> tuple[Path, dict]:
    # After the project's own build: the copy's notebook cache is warm.
    project = copy_project(tmp_path_factory.mktemp("status") / "project")
    for language in LANGUAGES:   # only the translations made here, whatever docs/ holds today
        if language != DEFAULT:
            shutil.rmtree(project / SITE.docs_dir / language, ignore_errors=True)
    dates = {(language, page): stamp(project, translate(project, language, page)).metadata.translation_date
             for language in TRANSLATED for page in (CHANGED, KEPT)}
    translate(project, BROKEN_IN, CHANGED)
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "English pages and fresh translations")
    return project, dates


def built(project: Path, site: Path, **env: str) -> Path:
    result = build_site(project, site, **env)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="module")
def stale_site(project, tmp_path_factory) -> Path:
    """The copy built after CHANGED's English source changed: its translations are stale,
    KEPT's fresh, BROKEN_IN's translation of CHANGED broken."""
    root = project[0]
    source = root / SITE.docs_dir / DEFAULT / CHANGED
    source.write_text(source.read_text(encoding="utf-8") + f"\n{ADDED_HEADING}\n\n{ADDED_LINE}\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Change an English page")
    return built(root, tmp_path_factory.mktemp("stale") / "site")


# -- reading the built pages --------------------------------------------------------------

class Cells(HTMLParser):
    """The status matrix: (language, page) -> state, link and text of each cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: dict[tuple[str, str], dict] = {}
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "td" and "data-state" in attrs:
            self._open = {"state": attrs["data-state"], "href": None, "text": ""}
            self.cells[(attrs["data-language"], attrs["data-page"])] = self._open
        elif tag == "a" and self._open is not None:
            self._open["href"] = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "td":
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data


def matrix(site: Path, language: str) -> dict[tuple[str, str], dict]:
    parser = Cells()
    parser.feed((language_root(site, language) / "translations" / "index.html").read_text(encoding="utf-8"))
    return parser.cells


def target_of(page: Path, href: str) -> Path:
    """The file a relative link on `page` leads to (a folder means its index.html)."""
    path = Path(posixpath.normpath((page.parent / href.split("#")[0]).as_posix()))
    return path / "index.html" if href.endswith("/") else path


def html_of(site: Path, language: str, page: PurePosixPath) -> str:
    return built_page(site, language, page).read_text(encoding="utf-8")


def element(html: str, css_class: str) -> str | None:
    """The first <div> carrying `css_class`, up to its closing tag (banners hold no nested divs)."""
    match = re.search(rf'<div class="[^"]*\b{css_class}\b[^"]*"[^>]*>(.*?)</div>', html, re.S)
    return match.group(0) if match else None


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


# -- the strings ----------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_string(language):
    declared = strings(REPO_ROOT, language)
    assert sorted(declared) == sorted(STRING_KEYS)
    unusable = [key for key in STRING_KEYS if not usable_string(key, declared[key])]
    assert not unusable, f"{language}: strings without their placeholders {PLACEHOLDERS}: {unusable}"
    if language != DEFAULT:
        english = strings(REPO_ROOT, DEFAULT)
        untranslated = [key for key in ("outdated_title", "not_translated", "stale") if declared[key] == english[key]]
        assert not untranslated, f"{language} still has the English text for {untranslated}"


def test_usable_string_rejects_lost_or_unknown_placeholders():
    assert usable_string("outdated_stale", "Changed since {date}.")
    assert not usable_string("outdated_stale", "Changed since then.")
    assert not usable_string("outdated_stale", "Changed since {datum}.")
    assert not usable_string("page", "")


def test_each_kind_of_checker_result_has_its_state():
    def result(*codes):
        return Result("docs/sv/a.md", "docs/en/a.md", "sv", [Problem(code, "why") for code in codes])

    assert state_of(result()) == "fresh"
    assert state_of(result("missing")) == "missing"
    assert state_of(result("stale")) == state_of(result("mojibake", "stale")) == "stale"
    assert state_of(result("missing-metadata")) == state_of(result("structure-drift")) == "broken"


def test_banner_goes_under_the_title_even_after_the_metadata_comment():
    banner = '<div class="b"></div>'
    page = '<!--\nCO_OP_TRANSLATOR_METADATA: {}\n-->\n<h1 id="t">Title</h1>\n<p>Text</p>'
    assert with_banner(page, banner) == page.replace("</h1>", "</h1>\n" + banner)
    assert with_banner("<p>Text</p><h1>Late</h1>", banner).startswith(banner)


# -- fresh and broken translations ----------------------------------------------------------

@pytest.mark.slow
def test_only_stale_and_broken_translations_carry_a_banner(stale_site):
    for language in TRANSLATED:
        for page in (CHANGED, KEPT):
            assert f"[{language}]" in html_of(stale_site, language, page), f"{language} {page} was not built"
    with_banner = {page for page in stale_site.rglob("*.html") if "translation-outdated" in page.read_text(encoding="utf-8")}
    expected = {built_page(stale_site, language, CHANGED) for language in (BROKEN_IN, *TRANSLATED)}
    assert with_banner == expected, "a banner on a fresh translation, or on no translation at all"


@pytest.mark.slow
def test_translation_without_metadata_carries_the_banner(project, stale_site):
    banner = element(html_of(stale_site, BROKEN_IN, CHANGED), "translation-outdated")
    assert banner and strings(project[0], BROKEN_IN)["outdated_broken"] in text_of(banner)
    cell = matrix(stale_site, BROKEN_IN)[(BROKEN_IN, CHANGED.as_posix())]
    assert cell["state"] == "broken" and strings(project[0], BROKEN_IN)["broken"] in cell["text"]


@pytest.mark.slow
def test_matrix_shows_fresh_translations_with_their_date(project, stale_site):
    _root, dates = project
    cells = matrix(stale_site, DEFAULT)
    for language in TRANSLATED:
        cell = cells[(language, KEPT.as_posix())]
        date = dates[(language, KEPT)]
        assert cell["state"] == "fresh" and date[:10] in cell["text"], (language, KEPT, cell)
    assert cells[(UNTRANSLATED, CHANGED.as_posix())]["state"] == "missing"


# -- after the English page changed -----------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("language", TRANSLATED)
def test_changed_page_translations_carry_the_banner_in_their_language(project, stale_site, language):
    page = built_page(stale_site, language, CHANGED)
    banner = element(page.read_text(encoding="utf-8"), "translation-outdated")
    assert banner, f"{language}: no banner on the stale translation"
    own, english = strings(project[0], language), strings(project[0], DEFAULT)
    assert own["outdated_title"] in text_of(banner) and english["outdated_title"] not in text_of(banner)
    assert project[1][(language, CHANGED)][:10] in text_of(banner), "the banner names the translation's date"
    href = re.search(r'<a href="([^"]+)"', banner).group(1)
    assert target_of(page, href) == built_page(stale_site, DEFAULT, CHANGED), f"{href} is not the English page"
    assert '<html lang="en"' in target_of(page, href).read_text(encoding="utf-8")


@pytest.mark.slow
def test_unchanged_pages_keep_no_banner(stale_site):
    for language in TRANSLATED:
        assert "translation-outdated" not in html_of(stale_site, language, KEPT)
    assert "translation-outdated" not in html_of(stale_site, DEFAULT, CHANGED)
    assert "translation-missing" not in html_of(stale_site, DEFAULT, CHANGED)


@pytest.mark.slow
@pytest.mark.parametrize("reader", LANGUAGES)
def test_matrix_links_stale_translations_to_what_changed(project, stale_site, reader):
    """A stale cell leads to the diff page in the reader's site where it has one (the
    default language's site has every translation's, each language's its own), else to
    the one in the translation's own language: the words its translator reads."""
    cells = matrix(stale_site, reader)
    status_page = language_root(stale_site, reader) / "translations" / "index.html"
    reader_strings = strings(project[0], reader)
    for language in TRANSLATED:
        assert cells[(language, KEPT.as_posix())]["state"] == "fresh"
        cell = cells[(language, CHANGED.as_posix())]
        assert cell["state"] == "stale" and reader_strings["stale"] in cell["text"], cell
        diff_page = target_of(status_page, cell["href"])
        assert diff_page.is_file(), f"{reader}: {cell['href']} leads nowhere"
        site_language = reader if reader in (DEFAULT, language) else language
        assert diff_page.is_relative_to(language_root(stale_site, site_language) / "translations" / "diff"), diff_page
        shown = text_of(diff_page.read_text(encoding="utf-8"))
        assert f"+{ADDED_HEADING}" in shown and f"+{ADDED_LINE}" in shown, "the diff does not show the change"
        assert strings(project[0], site_language)["diff_sections"] in shown and ADDED_HEADING in shown
        assert f"{SITE.docs_dir}/{language}/{CHANGED}" in shown


@pytest.mark.slow
def test_each_diff_page_is_in_its_languages_site_and_the_default_ones(stale_site):
    """Not in every language's: the languages' builds would grow with their number."""
    for language in LANGUAGES:
        diffs = language_root(stale_site, language) / "translations" / "diff"
        found = {path.relative_to(diffs).parts[0] for path in diffs.rglob("index.html")} if diffs.is_dir() else set()
        expected = set(TRANSLATED) if language == DEFAULT else {language} & set(TRANSLATED)
        assert found == expected, (language, found)


@pytest.mark.slow
def test_page_without_translation_shows_the_note_in_the_readers_language(project, stale_site):
    note = element(html_of(stale_site, UNTRANSLATED, CHANGED), "translation-missing")
    assert note and strings(project[0], UNTRANSLATED)["not_translated"] in text_of(note)
    for language in TRANSLATED:
        assert "translation-missing" not in html_of(stale_site, language, CHANGED)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_status_page_is_in_every_languages_navigation(stale_site, language):
    home = language_root(stale_site, language) / "index.html"
    links = re.findall(r'<a href="([^"]*)"[^>]*class="md-nav__link"', home.read_text(encoding="utf-8"))
    links += re.findall(r'<a class="md-nav__link"[^>]*href="([^"]*)"', home.read_text(encoding="utf-8"))
    status = language_root(stale_site, language) / "translations" / "index.html"
    assert any(target_of(home, href) == status for href in links), f"{language}: no nav link to {status}"


@pytest.mark.slow
def test_english_only_build_has_the_status_and_diff_pages(project, stale_site, tmp_path):
    site = built(project[0], tmp_path / "site", BUILD_ONLY_LOCALE=DEFAULT)
    status_page = site / "translations" / "index.html"
    cells = matrix(site, DEFAULT)
    for language in TRANSLATED:
        cell = cells[(language, CHANGED.as_posix())]
        assert cell["state"] == "stale" and target_of(status_page, cell["href"]).is_file()
        fresh = cells[(language, KEPT.as_posix())]
        assert fresh["state"] == "fresh" and fresh["href"] is None, "a link to a language this build skipped"
