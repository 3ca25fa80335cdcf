"""Compile each theme template once per process, not once per language.

Every static-i18n language sub-build asks the theme for a fresh Jinja
environment, and Material's templates were parsed and compiled again six
times: the largest single cost of a six-language build. A shared in-memory
bytecode cache (keyed by template name and source checksum, so an edited
template still recompiles under `mkdocs serve`) makes the later languages
load the compiled code instead. The theme's file listing (Material ships
thousands of icon files) is likewise walked once per build, not once per
language.
"""

from __future__ import annotations

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


class SharedBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


CACHE = SharedBytecodeCache()
_listings: dict[tuple[str, ...], list[str]] = {}


def _list_once(loader: jinja2.FileSystemLoader):
    # static-i18n prepends its sitemap folder again for every language, so the
    # search path grows; the set of templates it lists does not.
    key = tuple(dict.fromkeys(loader.searchpath))
    walk = loader.list_templates

    def list_templates() -> list[str]:
        if key not in _listings:
            _listings[key] = walk()
        return list(_listings[key])

    return list_templates


@event_priority(-120)  # after static-i18n (-100) reconfigured the theme for this language
def on_config(config: MkDocsConfig) -> None:
    if not config.plugins["i18n"].building:
        _listings.clear()  # a new build (or a `serve` reload) sees added or removed templates
    theme = config.theme
    if getattr(theme.get_env, "shares_bytecode", False):
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = CACHE
        env.loader.list_templates = _list_once(env.loader)
        return env

    get_env.shares_bytecode = True
    theme.get_env = get_env
