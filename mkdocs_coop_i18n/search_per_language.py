"""One search index per language, configured for that language.

Out of the box static-i18n merges every language into one index (a Swedish
reader searching "tensorer" also got Danish pages) and the search plugin keeps
the first build's settings for all languages (Chinese was split with the
English separator, so jieba's segments never became search terms).

Here every language build re-derives lang, separator and pipeline from
Material's own table for that language (zh: jieba segments split on U+200B;
bg: the Russian stemmer, Cyrillic-aware; pl: no stemmer, diacritics kept), and
writes its own index to `<lang>/search/search_index.json`, which the language's
pages load because tools/hooks/language_roots.py makes `<lang>/` their base.

Chinese needs one step more: jieba's accurate mode keeps compounds whole
(神经网络), and Material's query side can only match whole index terms or their
prefixes, so a reader typing 网络 found nothing. Compounds are split further
into the dictionary words that tile them (神经|网络), with the same zero-width
separators, so the displayed text is unchanged.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

from .i18n_state import build_language
from .internals import user_set_option

_root_index: dict[str, bytes] = {}


def _search_plugin(config: MkDocsConfig):
    return config.plugins.get("material/search") or config.plugins.get("search")


@event_priority(50)  # before static-i18n (0) reads its own options
def _no_merged_index_work(config: MkDocsConfig) -> None:
    """static-i18n's `reconfigure_search` merges every language's entries into the root
    index and, after the last language, removes duplicates there: a comparison of every
    English entry with every other language's (with 20 languages, 10 s at the end of
    each build, and growing with their square). Here each language has its own index
    and the root one is put back as English's (_restore_root_index), so that work is
    thrown away: it is switched off unless mkdocs.yml sets it. (It also adds each
    language to the search plugin's `lang`, which _configure_search sets anew anyway.)"""
    i18n = config.plugins["i18n"]
    if not i18n.building and user_set_option(i18n, "reconfigure_search") is False:
        i18n.config.reconfigure_search = False


@event_priority(-110)  # after static-i18n (-100) switched the theme language
def _configure_search(config: MkDocsConfig) -> None:
    search = _search_plugin(config)
    search.config.lang = None
    search.config.separator = None
    search.config.pipeline = None
    search.on_config(config)  # fills them from partials/languages/<lang>.html


def index_for_language(data: dict, prefix: str) -> dict:
    """Make locations relative to the language root, which is the pages' search base."""
    if not prefix:
        return data
    strip = prefix + "/"
    docs = []
    for doc in data["docs"]:
        location = doc["location"]
        docs.append({**doc, "location": location[len(strip):] if location.startswith(strip) else location})
    return {**data, "docs": docs}


SEGMENT = "\u200b"
_HAN_WORD = re.compile(r"^[\u3400-\u9fff]{3,}$")


@lru_cache(maxsize=None)
def split_compound(word: str) -> tuple[str, ...]:
    """Tile a Han compound with the fewest shorter dictionary words; keep it whole if none do."""
    if not _HAN_WORD.match(word):
        return (word,)
    import jieba

    parts = {w for w in jieba.lcut(word, cut_all=True) if 1 < len(w) < len(word)}
    best: list[tuple[str, ...] | None] = [()] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(end):
            piece = word[start:end]
            if best[start] is not None and piece in parts:
                candidate = best[start] + (piece,)
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    return best[-1] or (word,)


def split_compounds(text: str) -> str:
    if SEGMENT not in text:
        return text
    return SEGMENT.join(SEGMENT.join(split_compound(word)) for word in text.split(SEGMENT))


@event_priority(-50)  # after the search plugin (0) wrote this language's index
def _write_language_index(config: MkDocsConfig) -> None:
    lang = build_language(config)
    written = Path(config.site_dir, "search", "search_index.json")
    data = index_for_language(json.loads(written.read_bytes()), lang.prefix)
    if config.theme["language"] == "zh":
        data["docs"] = [
            {**doc, "title": split_compounds(doc["title"]), "text": split_compounds(doc["text"])}
            for doc in data["docs"]
        ]
    payload = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    target = Path(config.site_dir, lang.prefix, "search", "search_index.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(payload)
    if lang.top_level:
        _root_index["index"] = payload


@event_priority(-110)  # after static-i18n (-100) overwrote the root index with all languages merged
def _restore_root_index(config: MkDocsConfig) -> None:
    if build_language(config).top_level and "index" in _root_index:
        Path(config.site_dir, "search", "search_index.json").write_bytes(_root_index.pop("index"))


on_config = CombinedEvent(_no_merged_index_work, _configure_search)
on_post_build = CombinedEvent(_write_language_index, _restore_root_index)
