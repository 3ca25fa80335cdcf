"""Which language static-i18n is building now.

mkdocs-static-i18n builds the default language first and then every other
language inside the default build's `on_post_build`, all with the same plugin
instances. Hooks that must behave per language ask here instead of each poking
at the plugin's internals.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class BuildLanguage:
    current: str
    default: str
    top_level: bool
    """True in the default build itself, False inside the other languages' sub-builds.

    static-i18n leaves `current_language` at the last language it built, so
    "all languages are done" is read from this flag, not from `current`."""

    @property
    def is_default(self) -> bool:
        return self.current == self.default

    @property
    def prefix(self) -> str:
        """The language's folder in site/ ("" for the default language at the root)."""
        return "" if self.is_default else self.current


def build_language(config: MkDocsConfig) -> BuildLanguage:
    plugin = config.plugins["i18n"]
    default = plugin.default_language
    return BuildLanguage(
        current=plugin.current_language or default,
        default=default,
        top_level=not plugin.building,
    )
