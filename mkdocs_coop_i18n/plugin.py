"""The plugin class: one MkDocs event per name, combining the enabled features' handlers.

Each feature module defines plain hook-style functions (`on_files(files, config)`)
decorated with `event_priority`, exactly as MkDocs hooks. Here they are set as
instance attributes (`self.on_files = CombinedEvent(...)`) when the options are
loaded: an instance attribute is not bound as a method, and `PluginCollection`
registers every function of a CombinedEvent under the event with its own priority,
so the features keep the order they had as separate hooks.
"""

from __future__ import annotations

from types import ModuleType

from mkdocs.plugins import BasePlugin, CombinedEvent

from . import (
    coop_layout,
    default_language_404,
    docs_layout,
    fast_alternates,
    highlight_cache,
    language_roots,
    notebook_pages,
    output_titles,
    parallel_languages,
    search_per_language,
    search_speed,
    serve_default_first,
    single_language_preview,
    sitemap_once,
    template_cache,
    translation_comment,
    translation_status,
    ui_strings,
)
from .config import CoopI18nConfig
from .options import set_options

# (option that enables it or None for always, module), in the order the hooks ran.
FEATURES: tuple[tuple[str | None, ModuleType], ...] = (
    (None, coop_layout),
    ("highlight_cache", highlight_cache),
    ("template_cache", template_cache),
    ("fast_search_index", search_speed),
    ("fast_alternates", fast_alternates),
    ("sitemap_once", sitemap_once),
    ("layout_checks", docs_layout),
    (None, single_language_preview),
    (None, translation_comment),
    ("notebooks", notebook_pages),
    ("search_per_language", search_per_language),
    (None, default_language_404),
    ("search_per_language", language_roots),
    ("serve_default_first", serve_default_first),
    (None, ui_strings),
    ("translation_status", translation_status),
    ("localize_output_titles", output_titles),
    ("parallel_languages", parallel_languages),
)


def _handlers(module: ModuleType, event: str) -> tuple:
    handler = getattr(module, event, None)
    if handler is None:
        return ()
    return tuple(handler.methods) if isinstance(handler, CombinedEvent) else (handler,)


class CoopI18nPlugin(BasePlugin[CoopI18nConfig]):
    def load_config(self, options, config_file_path=None):
        errors, warnings = super().load_config(options, config_file_path)
        if not errors:
            set_options(self.config, config_file_path)
            self._register_features()
        return errors, warnings

    def enabled_features(self) -> list[ModuleType]:
        return [module for option, module in FEATURES if option is None or self.config[option]]

    def _register_features(self) -> None:
        modules = self.enabled_features()
        events = sorted({name for module in modules for name in dir(module) if name.startswith("on_")})
        for event in events:
            handlers = [h for module in modules for h in _handlers(module, event)]
            if handlers:
                setattr(self, event, CombinedEvent(*handlers))
