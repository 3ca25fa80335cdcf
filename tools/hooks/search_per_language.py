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
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

from i18n_state import build_language  # sibling module: MkDocs puts the hook folder on sys.path

_english_index: dict[str, bytes] = {}


def _search_plugin(config: MkDocsConfig):
    return config.plugins.get("material/search") or config.plugins.get("search")


@event_priority(-110)  # after static-i18n (-100) switched the theme language
def on_config(config: MkDocsConfig) -> None:
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


@event_priority(-50)  # after the search plugin (0) wrote this language's index
def _write_language_index(config: MkDocsConfig) -> None:
    lang = build_language(config)
    written = Path(config.site_dir, "search", "search_index.json")
    if lang.top_level:
        _english_index["index"] = written.read_bytes()
        return
    data = index_for_language(json.loads(written.read_bytes()), lang.prefix)
    target = Path(config.site_dir, lang.prefix, "search", "search_index.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


@event_priority(-110)  # after static-i18n (-100) overwrote the root index with all languages merged
def _restore_english_index(config: MkDocsConfig) -> None:
    if build_language(config).top_level and "index" in _english_index:
        Path(config.site_dir, "search", "search_index.json").write_bytes(_english_index.pop("index"))


on_post_build = CombinedEvent(_write_language_index, _restore_english_index)
