"""Keep the root 404.html English.

Every language sub-build writes its own 404.html to the site root, so the last
language built (Chinese) won. The default build saves its page, and once all
sub-builds are done (they run inside its `on_post_build`) puts it back.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority

from .i18n_state import build_language

_saved: dict[str, bytes] = {}


@event_priority(50)  # before static-i18n (-100) starts the other languages
def _save(config: MkDocsConfig) -> None:
    page = Path(config.site_dir, "404.html")
    if build_language(config).top_level and page.exists():
        _saved["404"] = page.read_bytes()


@event_priority(-110)  # after static-i18n (-100) has built every other language
def _restore(config: MkDocsConfig) -> None:
    if build_language(config).top_level and "404" in _saved:
        Path(config.site_dir, "404.html").write_bytes(_saved.pop("404"))


on_post_build = CombinedEvent(_save, _restore)
