"""Under `mkdocs serve`, show the default language as soon as it is built.

static-i18n rebuilds every language on every change, and the dev server holds
every page request until the whole rebuild is done, so an author editing an
English page or a snippet waited for six builds (5-6 s against about 1 s for
English alone). Here, while serving:

- the English result is released to browsers the moment it is written, and the
  other languages keep building behind it;
- when they are done the server's epoch moves on once more, so pages open in
  other languages reload with their new content;
- the site folder is not wiped before a rebuild, so other-language pages keep
  their previous version, rather than a 404, while they are rebuilt;
- a change saved while the other languages are still rebuilding preempts that
  rebuild (at the next page) instead of waiting for it: the new build starts at
  once and shows English first again. An author saving twice a second apart saw
  the second edit after 2.9x the English-only reload time, since it queued behind
  five languages built for an edit already superseded.

`mkdocs build` is untouched. This leans on mkdocs 1.6's LiveReloadServer
internals, kept in internals.py (the feature switches itself off, with a
warning, when they change); tests/site/test_serve.py exercises it.
"""

from __future__ import annotations

import mkdocs.utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority

from .i18n_state import build_language
from .internals import Preempted, change_pending, make_language_builds_preemptible, release_server

_state: dict[str, object] = {}


def on_startup(command: str, dirty: bool) -> None:
    if command == "serve":
        _state["serving"] = True


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    _state["server"] = server
    # Keep other languages' previous pages while they rebuild (this process only).
    mkdocs.utils.clean_directory = lambda directory: None
    _state["preemptible"] = make_language_builds_preemptible(server)
    return server


def _stop_if_superseded(config: MkDocsConfig) -> None:
    """In another language's rebuild, stop at this page when a newer change waits."""
    server = _state.get("server")
    if server is not None and _state.get("preemptible") and not build_language(config).top_level \
            and change_pending(server):
        raise Preempted()


@event_priority(100)  # first: nothing else need work on a page that will not be written
def on_pre_page(page, config: MkDocsConfig, files):
    _stop_if_superseded(config)
    return page


@event_priority(100)
def on_page_context(context, page, config: MkDocsConfig, nav):
    _stop_if_superseded(config)
    return context


@event_priority(-95)  # the default language is written; static-i18n (-100) starts the others next
def _release_default_language(config: MkDocsConfig) -> None:
    server = _state.get("server")
    if server is not None and build_language(config).top_level:
        release_server(server, new_epoch=False)


@event_priority(-120)  # every language is written and the root files are restored
def _release_all_languages(config: MkDocsConfig) -> None:
    server = _state.get("server")
    if server is not None and build_language(config).top_level and config.plugins["i18n"].build_languages[1:]:
        release_server(server, new_epoch=True)


on_post_build = CombinedEvent(_release_default_language, _release_all_languages)
