"""Search serves the reader's language: one index per language, tokenized for it.

A copy of the project gets a probe page in every language with words a reader
would type; the indexes are then read the way Material's lunr worker reads
them (split on the index's own separator). The browser tests type the same
words into the real search box.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from search_probe import PROBE_TEXT, TYPED
from site_layout import DEFAULT, LANGUAGES, built_page, language_root, source_pages


def load_index(site: Path, language: str) -> dict:
    return json.loads((language_root(site, language) / "search" / "search_index.json").read_text(encoding="utf-8"))


def tokens(index: dict, text: str) -> set[str]:
    """Terms as lunr makes them: markup dropped, split on the index's separator, punctuation trimmed."""
    words = re.split(index["config"]["separator"], re.sub(r"<[^>]+>", " ", text))
    return {re.sub(r"^\W+|\W+$", "", word).lower() for word in words} - {""}


def test_probe_covers_every_language():
    assert set(PROBE_TEXT) == set(LANGUAGES) == set(TYPED)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_index_of_its_own_pages(probe_site, language):
    index = load_index(probe_site, language)
    root = language_root(probe_site, language)
    others = [code for code in LANGUAGES if code != DEFAULT]
    for doc in index["docs"]:
        location = doc["location"].split("#")[0]
        assert not any(location.startswith(f"{code}/") for code in others), f"{language} index holds {location}"
        assert (root / location / "index.html").is_file() or (root / location).is_file(), location
    probe_entries = [doc for doc in index["docs"] if doc["location"].startswith("search-probe/")]
    assert probe_entries, f"{language}: probe page not indexed"
    assert PROBE_TEXT[language].split("\n\n")[1].strip()[:8] in probe_entries[0]["text"].replace("\u200b", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_typed_word_is_a_search_term_only_in_its_own_language(probe_site, language):
    index = load_index(probe_site, language)
    probe = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("search-probe/"))
    assert TYPED[language].lower() in tokens(index, probe)
    for other in LANGUAGES:
        if other != language and TYPED[language] not in PROBE_TEXT[other]:
            other_index = load_index(probe_site, other)
            other_probe = " ".join(d["text"] for d in other_index["docs"] if d["location"].startswith("search-probe/"))
            assert TYPED[language].lower() not in tokens(other_index, other_probe)


def test_chinese_compounds_are_split_into_the_words_readers_type(probe_site):
    index = load_index(probe_site, "zh")
    probe = next(doc for doc in index["docs"] if doc["location"].startswith("search-probe/") and "张量" in doc["text"])
    words = tokens(index, probe["text"])
    assert {"神经", "网络", "框架", "张量"} <= words
    assert re.sub(r"<[^>]+>", "", probe["text"]).replace("\u200b", "") == "神经网络框架使用张量进行计算。"


def test_bulgarian_uses_a_cyrillic_stemmer_and_polish_keeps_diacritics(probe_site):
    assert load_index(probe_site, "bg")["config"]["lang"] == ["ru"]
    polish = load_index(probe_site, "pl")
    assert "stemmer" not in polish["config"]["pipeline"]  # lunr has no Polish stemmer; English would mangle words


def test_swedish_index_does_not_offer_danish_pages(probe_site):
    swedish = load_index(probe_site, "sv")
    texts = " ".join(doc["text"] for doc in swedish["docs"])
    assert "Neurale netværk" not in texts and "Neurala nätverk" in texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_notebooks_are_left_out_of_the_index_and_their_lessons_are_in(built_site, language):
    """tools/hooks/notebooks_out_of_search.py: a notebook repeats its lesson page, so only
    the lesson is a search hit; the notebook's page is still built."""
    root = language_root(built_site, language)
    indexed = {doc["location"].split("#")[0] for doc in load_index(built_site, language)["docs"]}
    pages = {page: built_page(built_site, language, page) for page in source_pages()}
    notebooks = [page for page in pages if page.suffix == ".ipynb"]
    assert notebooks, "no notebooks to check"
    for page, html in pages.items():
        assert html.is_file(), f"{language}: {page} was not built"
        location = html.parent.relative_to(root).as_posix() + "/" if html.parent != root else ""
        if page.suffix == ".ipynb":
            assert location not in indexed, f"{language}: notebook {page} is in the search index"
        elif page.parts[0] == "lessons":
            assert location in indexed, f"{language}: lesson {page} is not in the search index"
