"""Interface strings (banners, status words, labels such as "Output"), one file per language.

The plugin ships `ui/<lang>.yml`; a site may add its own folder (`ui_strings_dir`)
whose `<lang>.yml` files override single strings or add languages. A string a
language lacks (or has without the placeholders it needs) is shown in the source
language, with one warning per language on the plugin's own logger: a reader
sees a working page, the maintainer sees what to translate, and `--strict` builds
still pass.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from coop_translations.status_html import STRING_KEYS, usable_string

from .options import option
from .ui_log import log

SHIPPED = Path(__file__).parent / "ui"
KEYS = (*STRING_KEYS, "output_label")
FALLBACK = "en"

_cache: dict[str, dict[str, str]] = {}


def _read(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise PluginError(f"{path}: cannot read UI strings ({error}). Fix the YAML or delete the file.") from None
    if not isinstance(data, dict):
        raise PluginError(f"{path}: UI strings must be a mapping of `key: text`.")
    return data


def site_dir() -> Path | None:
    folder = option("ui_strings_dir")
    return Path(option("config_dir"), folder) if folder else None


def declared(language: str) -> dict:
    """The language's strings: the site's file over the shipped one."""
    own = site_dir()
    return {**_read(SHIPPED / f"{language}.yml"), **(_read(own / f"{language}.yml") if own else {})}


def strings_for(language: str) -> dict[str, str]:
    """Every key, in `language` where it has a usable string, else in English."""
    if language not in _cache:
        own, english = declared(language), declared(FALLBACK)
        chosen, missing = {}, []
        for key in KEYS:
            if usable_string(key, own.get(key)):
                chosen[key] = own[key]
            elif usable_string(key, english.get(key)):
                chosen[key] = english[key]
                missing.append(key)
            else:
                raise PluginError(f"UI string '{key}' is missing in English ({FALLBACK}.yml); the plugin needs it.")
        if missing and language != FALLBACK:
            where = f"{site_dir()}/{language}.yml" if site_dir() else f"a ui_strings_dir with {language}.yml"
            which = "has no UI strings" if len(missing) == len(KEYS) else f"lacks the UI strings {', '.join(missing)}"
            log.warning(f"coop-i18n: '{language}' {which}; showing English. Translate them in {where}.")
        _cache[language] = chosen
    return _cache[language]


def reset() -> None:
    _cache.clear()


@event_priority(200)
def on_config(config) -> None:
    if not config.plugins["i18n"].building:
        reset()  # a new build (or a `serve` reload) reads the files again
