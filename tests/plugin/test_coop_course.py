"""A co-op-translator course repository, as it is, becomes a multilingual site.

tests/fixtures/coop-course is a small course in co-op-translator's layout (English
at its paths, `translations/<lang>/`, flat `translated_images/`, metadata inline for
sv and sw and in the sidecar for ta; sv's lesson 2 stale, ta's lesson 3 without
metadata, sw translated only on its home page). A copy is built with the real
`mkdocs build --strict` and the fixture's own mkdocs.yml; the built HTML is read.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from site_build import REPO_ROOT, build_site

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "coop-course"
LANGUAGES = ("en", "sv", "sw", "ta")          # en: the sources; the rest found under translations/
LESSONS = ("lessons/01-intro", "lessons/02-tensors", "lessons/03-training")
WORDS = {"en": "gradient", "sv": "lutningen", "ta": "சரிவைப்", "sw": "mteremko"}

pytestmark = pytest.mark.slow


def tree_digest(root: Path) -> dict[str, str]:
    """Every file but mkdocs-jupyter's notebook cache (.cache/, which it writes beside mkdocs.yml)."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.relative_to(root).as_posix().startswith(".cache/")}


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> tuple[Path, Path, dict, object]:
    project = tmp_path_factory.mktemp("coop") / "course"
    shutil.copytree(FIXTURE, project)
    before = tree_digest(project)
    site = tmp_path_factory.mktemp("coop-site") / "site"
    result = build_site(project, site, quiet=False)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return project, site, before, result


def root_of(site: Path, language: str) -> Path:
    return site if language == "en" else site / language


def page(site: Path, language: str, path: str) -> str:
    return (root_of(site, language) / path / "index.html").read_text(encoding="utf-8")


def test_nothing_in_the_repository_is_moved_or_rewritten(course):
    project, _site, before, _result = course
    assert tree_digest(project) == before


def test_every_language_is_built_with_readme_as_section_index(course):
    _project, site, _before, _result = course
    for language in LANGUAGES:
        assert f'<html lang="{language}"' in page(site, language, "")
        for lesson in LESSONS:
            assert (root_of(site, language) / lesson / "index.html").is_file(), (language, lesson)
    assert "Mitandao ya neva" in page(site, "sw", "")
    assert "Introduktion" in page(site, "sv", "lessons/01-intro")
    assert "Introduction" in page(site, "sw", "lessons/01-intro"), "English fallback where untranslated"


def test_notebook_is_rendered_in_every_language(course):
    _project, site, _before, _result = course
    for language in LANGUAGES:
        html = page(site, language, "lessons/02-tensors/notebook")
        assert "Tensor notebook" in html and ("jp-Notebook" in html or "jupyter-wrapper" in html), language
        assert '"cell_type"' not in html, f"{language}: the notebook was copied as JSON"


def _resolve(page_file: Path, href: str, site: Path | None = None) -> Path:
    path = unquote(urlsplit(href).path)
    # Absolute paths (the 404 page's, site_url unset) start at the site root.
    target = (site / path.lstrip("/")).resolve() if path.startswith("/") and site else (page_file.parent / path).resolve()
    return target / "index.html" if href.endswith("/") or target.is_dir() else target


def test_translated_images_are_used_in_their_language(course):
    _project, site, _before, _result = course
    for language, expected in (("sv", ".sv.png"), ("ta", ".ta.png"), ("sw", "images/network.png"),
                               ("en", "images/network.png")):
        file = root_of(site, language) / "lessons/01-intro/index.html"
        sources = re.findall(r'<img[^>]* src="([^"]+)"', file.read_text(encoding="utf-8"))
        assert len(sources) == 1 and sources[0].endswith(expected), (language, sources)
        assert _resolve(file, sources[0]).is_file(), (language, sources[0])
    assert len(list((site / "translated_images").glob("network.*.png"))) == 2


def test_every_link_and_image_resolves(course):
    _project, site, _before, _result = course
    broken = []
    for file in sorted(site.rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        for kind, target in re.findall(r'<(a|img)\b[^>]*?\b(?:href|src)="([^"]*)"', html):
            parts = urlsplit(target)
            if parts.scheme or target.startswith(("#", "//")) or not parts.path:
                continue
            if not _resolve(file, target, site).exists():
                broken.append(f"{file.relative_to(site)} -> {target}")
    assert not broken, broken[:10]


def test_language_selector_leads_to_the_same_page(course):
    _project, site, _before, _result = course
    file = site / "sv" / "lessons/01-intro/index.html"
    links = dict((lang, href) for href, lang in re.findall(
        r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', file.read_text(encoding="utf-8")))
    assert set(links) == set(LANGUAGES), links
    for language, href in links.items():
        assert _resolve(file, href) == (root_of(site, language) / "lessons/01-intro/index.html").resolve(), href


def test_each_language_has_its_own_search_index_that_finds_its_words(course):
    _project, site, _before, _result = course
    for language, word in WORDS.items():
        index = json.loads((root_of(site, language) / "search" / "search_index.json").read_text(encoding="utf-8"))
        text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
        terms = {t.strip(".,;:!?()").lower() for t in re.split(index["config"]["separator"], re.sub(r"<[^>]+>", " ", text))}
        assert word.lower() in terms, (language, word)
        others = [w for lang, w in WORDS.items() if lang not in (language, "en")]
        if language != "en":
            assert not any(w.lower() in terms for w in others), f"{language} index holds other languages"
    # No lunr stemmer for Tamil or Swahili: plain tokens, no pipeline to fail in the browser.
    for language in ("ta", "sw"):
        index = json.loads((site / language / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == ["en"] and "stemmer" not in index["config"]["pipeline"], index["config"]


def test_stale_and_broken_translations_carry_banners(course):
    _project, site, _before, _result = course
    stale = page(site, "sv", "lessons/02-tensors")
    assert "translation-outdated translation-stale" in stale and "2025-05-01" in stale
    assert "translation-outdated translation-broken" in page(site, "ta", "lessons/03-training")
    assert "translation-missing" in page(site, "sw", "lessons/01-intro")
    assert "translation-outdated" not in page(site, "ta", "lessons/01-intro"), "fresh (sidecar metadata)"
    assert "translation-outdated" not in page(site, "sv", "lessons/01-intro"), "fresh (inline metadata)"


def test_status_page_has_a_bar_per_language_above_the_matrix(course):
    _project, site, _before, _result = course
    html = page(site, "en", "translations")
    assert html.index('class="translation-bars"') < html.index('class="translation-matrix"')
    expected = {"sv": {"fresh": 2, "stale": 1, "missing": 2},
                "sw": {"fresh": 1, "missing": 4},
                "ta": {"fresh": 2, "missing": 2, "broken": 1}}
    for language, counts in expected.items():
        bar = re.search(rf'<p class="translation-bar" data-language="{language}".*?</p>', html, re.S).group(0)
        found = {state: int(count) for state, count in re.findall(r'data-state="(\w+)" data-count="(\d+)"', bar)}
        assert found == counts, (language, found)
        widths = dict(re.findall(r'data-state="(\w+)"[^>]*?width:([\d.]+)%', bar))
        for state, count in counts.items():
            assert float(widths[state]) == pytest.approx(100 * count / 5, abs=0.01)
    cells = re.findall(r'data-language="(\w+)" data-page="([^"]+)" data-state="(\w+)"', html)
    assert ("ta", "lessons/03-training/README.md", "broken") in cells
    assert ("sv", "lessons/02-tensors/README.md", "stale") in cells


def test_missing_ui_strings_warn_without_failing_the_strict_build(course):
    _project, _site, _before, result = course
    output = result.stdout + result.stderr
    assert "'sw' has no UI strings; showing English" in output
    assert "'ta' has no UI strings; showing English" in output
