"""Every private internal of another package the plugin leans on, in one place.

Two features cannot be built on public APIs:

- the shared notebook cache (notebook_pages) marks cache entries as used with
  mkdocs-jupyter's private `_compute_cache_key`, `_get_cache_path` and
  `_used_cache_paths`;
- serving the default language first (serve_default_first) moves the epoch of
  MkDocs' `LiveReloadServer` (`_epoch_cond`, `_visible_epoch`, `_wanted_epoch`,
  `mkdocs.livereload._timestamp`), and lets a newer change preempt the other
  languages' rebuild: it reads the server's `_want_rebuild` flag and wraps the
  `build` function that mkdocs-static-i18n's plugin module calls once per language.

The faster search indexing (search_speed) replaces Material's search `Parser`
class and wraps `SearchIndex._segment_chinese`, both in
`material.plugins.search.plugin`, which is not a public API either.

Finding each page's other-language versions in linear time (fast_alternates)
replaces the static-i18n plugin instance's `reconfigure_files_alternates` method.

Building the languages in parallel (parallel_languages) routes the same `build`
calls of static-i18n to other processes, reads and refills what static-i18n
accumulates across its language builds (its `search_entries` and
`i18n_files_per_language`), and writes sitemap.xml again, once every language is
known, with MkDocs' `mkdocs.commands.build._build_theme_template`.

In co-op layout, mkdocs-jupyter's `ignore` gets a default unless mkdocs.yml set it
(coop_layout); whether it did is read from MkDocs' deprecated `Config.user_configs`.
Without it, an `ignore` other than mkdocs-jupyter's default (empty) counts as set.

Each is probed here once. When a newer release renamed or removed one, the
feature logs one warning (on a logger outside `mkdocs.`, so `--strict` does not
fail on it) and switches itself off: the site still builds, only slower or with
the plain reload. tests/plugin/test_internals.py checks that the pinned
versions still have them, and that the degraded path is taken when they do not.
"""

from __future__ import annotations

from typing import Any, Callable

from .ui_log import log

_checked: dict[str, bool] = {}


def _available(feature: str, probe: Callable[[], Any], why: str) -> bool:
    if feature not in _checked:
        try:
            probe()
            _checked[feature] = True
        except Exception as error:  # ImportError, AttributeError, ...: any change means "off"
            log.warning(f"coop-i18n: {feature} is off: {why} ({type(error).__name__}: {error}).")
            _checked[feature] = False
    return _checked[feature]


# -- mkdocs-jupyter's notebook cache --------------------------------------------------------

def _jupyter_cache_api():
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path
    return _compute_cache_key, _get_cache_path


def mark_notebooks_used(jupyter, paths) -> bool:
    """Count every notebook in `paths` as used in mkdocs-jupyter's cache, so no language
    sub-build evicts another's entry. False (and nothing done) when the internal is gone."""
    def probe():
        _jupyter_cache_api()
        if not isinstance(jupyter._used_cache_paths, set):
            raise AttributeError("_used_cache_paths is not a set")

    if not _available("the shared notebook cache", probe,
                      "mkdocs-jupyter's private cache functions changed; every language converts its notebooks again"):
        return False
    compute_key, cache_path = _jupyter_cache_api()
    for path in paths:
        key = compute_key(str(path), jupyter.config, jupyter.config["execute"])
        jupyter._used_cache_paths.add(cache_path(jupyter.config["cache_dir"], key))
    return True


# -- MkDocs' live-reload server --------------------------------------------------------------

def _livereload_api(server=None):
    from mkdocs.livereload import _timestamp
    if server is not None:
        server._epoch_cond, server._visible_epoch, server._wanted_epoch  # noqa: B018 (probe)
    return _timestamp


def release_server(server, new_epoch: bool) -> bool:
    """Let `mkdocs serve` answer page requests now (and, with new_epoch, tell open pages
    to reload). False (and nothing done) when the server's internals changed."""
    if not _available("serving the default language first", lambda: _livereload_api(server),
                      "MkDocs' LiveReloadServer internals changed; pages wait for every language"):
        return False
    timestamp = _livereload_api()
    with server._epoch_cond:
        if new_epoch:
            server._wanted_epoch = timestamp()
        server._visible_epoch = server._wanted_epoch
        server._epoch_cond.notify_all()
    return True


# -- Material's search indexer ------------------------------------------------------------------

def _material_search_module():
    from material.plugins.search import plugin as search

    search.Parser.handle_starttag, search.Parser.handle_endtag, search.Parser.handle_data  # noqa: B018
    search.Element, search.Section, search.void, search.SearchIndex._segment_chinese  # noqa: B018
    return search


def use_search_parser(parser_class, remembered) -> bool:
    """Make Material's search plugin parse pages with parser_class(Parser, Element, Section, void)
    and segment Chinese through remembered(_segment_chinese). False (and nothing done) when
    Material's indexer changed."""
    if not _available("the faster search indexing", _material_search_module,
                      "Material's search indexer changed; pages are indexed by Material's own parser"):
        return False
    search = _material_search_module()
    if not getattr(search.Parser, "is_coop_parser", False):
        fast = parser_class(search.Parser, search.Element, search.Section, search.void)
        fast.is_coop_parser = True
        search.Parser = fast
    if not getattr(search.SearchIndex._segment_chinese, "remembers", False):
        search.SearchIndex._segment_chinese = remembered(search.SearchIndex._segment_chinese)
    return True


# -- preempting the other languages' rebuild (serve) ------------------------------------------

class Preempted(Exception):
    """Raised inside a language sub-build when a newer change waits: the sub-build stops there."""

    MESSAGE = "coop-i18n: a newer change preempted this language's rebuild"

    def __init__(self) -> None:
        super().__init__(self.MESSAGE)


class _DropPreemptedErrors:
    """MkDocs logs "Error reading page 'x': <error>" for any exception raised while a page is
    built; for Preempted that is no error (and in strict mode it would fail the whole build)."""

    @staticmethod
    def filter(record) -> bool:
        return Preempted.MESSAGE not in record.getMessage()


_PAGE_LOG = "mkdocs.commands.build"


def change_pending(server) -> bool:
    """True when the file watcher has seen a change that no rebuild has started on yet
    (only asked once make_language_builds_preemptible(server) said True)."""
    return bool(getattr(server, "_want_rebuild", False))


def _i18n_plugin_module():
    import mkdocs_static_i18n.plugin as i18n_plugin
    from mkdocs.commands.build import build

    current = i18n_plugin.build
    if current is not build and getattr(current, "wraps_build", None) is not build:
        raise AttributeError("mkdocs_static_i18n.plugin.build is not MkDocs' build function")
    return i18n_plugin


def make_language_builds_preemptible(server) -> bool:
    """Let a change seen by `server` stop static-i18n's per-language builds early: a language
    not started yet is skipped, one under way ends at its next page (the plugin raises
    Preempted there). Their pages keep their previous version until the next rebuild, which
    starts at once. False (and nothing done) when MkDocs or static-i18n changed."""
    def probe():
        server._want_rebuild  # noqa: B018 (probe)
        _i18n_plugin_module()

    if not _available("preempting the other languages' rebuild", probe,
                      "MkDocs' LiveReloadServer or mkdocs-static-i18n changed; a new change waits for every language"):
        return False
    import logging

    i18n_plugin = _i18n_plugin_module()
    build = getattr(i18n_plugin.build, "wraps_build", i18n_plugin.build)

    def preemptible_build(config, *args, **kwargs):
        if change_pending(server):
            return
        page_log = logging.getLogger(_PAGE_LOG)
        page_log.addFilter(_DropPreemptedErrors)
        try:
            build(config, *args, **kwargs)
        except Preempted:
            pass
        finally:
            page_log.removeFilter(_DropPreemptedErrors)

    preemptible_build.wraps_build = build
    i18n_plugin.build = preemptible_build
    return True


# -- static-i18n's languages, built in other processes ----------------------------------------

def _language_build_attributes(i18n) -> tuple[list, dict]:
    entries, per_language = i18n.search_entries, i18n.i18n_files_per_language
    if not isinstance(entries, list) or not isinstance(per_language, dict):
        raise AttributeError("search_entries is not a list or i18n_files_per_language not a dict")
    i18n.current_language, i18n.building  # noqa: B018 (probe)
    return entries, per_language


def language_build_state(i18n) -> tuple[list, dict]:
    """What static-i18n accumulates across its serial language builds and reads after them:
    the search entries of every language built so far (merged into the root index after the
    last one) and each language's pages (listed by its sitemap.xml), in build order.
    Only called once route_language_builds said True."""
    return _language_build_attributes(i18n)


_routed: dict = {}


def route_language_builds(i18n, route) -> bool:
    """Make static-i18n's per-language `build(config, dirty=...)` calls go to
    `route(build, config, dirty)`, `build` being MkDocs' own, until restore_language_builds().
    False (and nothing done) when static-i18n changed."""
    def probe():
        _i18n_plugin_module()
        _language_build_attributes(i18n)

    if not _available("building the languages in parallel", probe,
                      "mkdocs-static-i18n changed; the languages are built one after another"):
        return False
    i18n_plugin = _i18n_plugin_module()
    build = getattr(i18n_plugin.build, "wraps_build", i18n_plugin.build)

    def routed_build(config, dirty=False):
        return route(build, config, dirty)

    routed_build.wraps_build = build
    _routed.setdefault("previous", i18n_plugin.build)
    i18n_plugin.build = routed_build
    return True


def restore_language_builds() -> None:
    previous = _routed.pop("previous", None)
    if previous is not None:
        import mkdocs_static_i18n.plugin as i18n_plugin

        i18n_plugin.build = previous


def _theme_template_step():
    import inspect

    from mkdocs.commands.build import _build_theme_template

    if list(inspect.signature(_build_theme_template).parameters) != ["template_name", "env", "files", "config", "nav"]:
        raise AttributeError("_build_theme_template's parameters changed")
    return _build_theme_template


def theme_templates_rebuildable() -> bool:
    """Whether rebuild_theme_template can run (MkDocs' private theme template step is there)."""
    return _available("writing a theme template again", _theme_template_step,
                      "MkDocs' theme template step changed; the languages are built one after another")


def rebuild_theme_template(name: str, env, files, config, nav) -> None:
    """Render and write the theme template `name` as MkDocs' build does (plugin events, the
    file, sitemap.xml's .gz). Only called once theme_templates_rebuildable() said True."""
    _theme_template_step()(name, env, files, config, nav)


def shared_notebook_cache() -> bool:
    """Whether the languages share mkdocs-jupyter's cache (mark_notebooks_used worked)."""
    return _checked.get("the shared notebook cache") is True


# -- static-i18n's alternates -------------------------------------------------------------------

ALTERNATES_PARAMETERS = ["self", "i18n_src_uris", "i18n_alternate_src_uris", "mkdocs_config", "create_i18n_file"]


def _alternates_method(i18n):
    import inspect

    method = type(i18n).reconfigure_files_alternates
    if list(inspect.signature(method).parameters) != ALTERNATES_PARAMETERS:
        raise AttributeError("reconfigure_files_alternates' parameters changed")
    i18n.default_language, i18n.all_languages, i18n.build_languages  # noqa: B018 (probe)
    i18n.config.fallback_to_default  # noqa: B018 (probe)
    return method


def replace_alternates_method(i18n, method) -> bool:
    """Make static-i18n's plugin instance `i18n` call `method` (bound) instead of its own
    `reconfigure_files_alternates`. False (and nothing done) when static-i18n changed."""
    if not _available("finding the alternates in linear time", lambda: _alternates_method(i18n),
                      "mkdocs-static-i18n changed; each language build takes longer with many languages"):
        return False
    i18n.reconfigure_files_alternates = method
    return True


# -- whether mkdocs.yml set a plugin option ---------------------------------------------------

def _user_options(plugin) -> list:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # "never used in MkDocs and will be removed soon"
        options = plugin.config.user_configs
    if not isinstance(options, (list, tuple)) or not all(isinstance(each, dict) for each in options):
        raise AttributeError("user_configs is not a list of option mappings")
    return list(options)


def user_set_option(plugin, name: str) -> bool | None:
    """Whether mkdocs.yml gave `plugin` the option `name` (a value equal to the default
    counts as given); None when MkDocs' config no longer keeps what the user wrote
    (its deprecated `Config.user_configs`), and the caller must guess."""
    if not _available("telling a plugin option you set from its default", lambda: _user_options(plugin),
                      "MkDocs no longer keeps a plugin's options as written; coop-i18n goes by their values"):
        return None
    return any(name in options for options in _user_options(plugin))


def reset() -> None:
    """Forget the probes (tests)."""
    _checked.clear()


__all__ = [
    "Preempted", "change_pending", "language_build_state", "make_language_builds_preemptible",
    "mark_notebooks_used", "rebuild_theme_template", "release_server", "reset", "restore_language_builds",
    "route_language_builds", "shared_notebook_cache", "theme_templates_rebuildable", "use_search_parser",
    "user_set_option",
]
