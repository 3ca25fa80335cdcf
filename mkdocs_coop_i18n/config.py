"""The plugin's options (`plugins: - coop-i18n: {...}` in mkdocs.yml), with their defaults."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class Processes(c.BaseConfigOption):
    """`auto`, `true`, `false` or a number of processes."""

    def __init__(self, default="auto") -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value):
        if value == "auto" or isinstance(value, bool) or (isinstance(value, int) and value >= 0):
            return value
        raise c.ValidationError(f"expected auto, true, false or a number of processes, not {value!r}")


class CoopI18nConfig(base.Config):
    layout = c.Choice(("auto", "folder", "co-op"), default="auto")
    """`folder`: pages in `docs_dir/<lang>/`. `co-op`: co-op-translator's layout (English
    at its paths from the repository root, `translations/<lang>/`, `translated_images/`).
    `auto`: co-op when the folder of mkdocs.yml has a `translations/` folder."""

    ui_strings_dir = c.Optional(c.Type(str))
    """A folder (relative to mkdocs.yml) of `<lang>.yml` files whose strings override or
    extend the ones shipped in the package (mkdocs_coop_i18n/ui/)."""

    status_page = c.Type(str, default="translations.md")
    """Where the generated translation status page goes, in every language ('' for none)."""

    # Features, each one module; all on by default.
    notebooks = c.Type(bool, default=True)
    search_per_language = c.Type(bool, default=True)
    translation_status = c.Type(bool, default=True)
    localize_output_titles = c.Type(bool, default=True)
    layout_checks = c.Type(bool, default=True)
    serve_default_first = c.Type(bool, default=True)
    template_cache = c.Type(bool, default=True)
    highlight_cache = c.Type(bool, default=True)
    fast_search_index = c.Type(bool, default=True)
    fast_alternates = c.Type(bool, default=True)
    sitemap_once = c.Type(bool, default=True)
    parallel_languages = Processes(default="auto")
    """`mkdocs build` builds the other languages in parallel processes: `auto` (when fork()
    exists, there are 2 CPUs or more and every other plugin is known to be safe), `true`
    (whatever the other plugins), a number (at most that many processes), `false`."""
