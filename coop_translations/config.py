"""The project's languages, read from mkdocs.yml: the one list that drives the
build, the checker and the tests."""
from __future__ import annotations

import os

from .records import Frozen


class ConfigError(Exception):
    """mkdocs.yml is missing or does not describe a folder-structured i18n site."""


class SiteConfig(Frozen):
    _fields = ("docs_dir", "default_language", "languages")
    docs_dir: str            # POSIX, relative to the repository root
    default_language: str
    languages: tuple[str, ...]  # every language, the default included, in mkdocs.yml order

    def __init__(self, docs_dir: str, default_language: str, languages: tuple[str, ...]):
        self.__dict__.update(docs_dir=docs_dir, default_language=default_language,
                             languages=languages)

    @property
    def translation_languages(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.languages if lang != self.default_language)


def _yaml_loader():
    """MkDocs' own loader (`!ENV`, and `INHERIT` through mkdocs.utils.yaml.yaml_load) on
    a safe base: mkdocs.yml may hold tags such as !!python/name:... whose values the
    checker does not need, so every other tag loads as its plain value, never as an
    import."""
    import yaml
    from mkdocs.utils.yaml import get_yaml_loader

    class Base(yaml.SafeLoader):
        pass

    def plain(loader, _suffix, node):
        if isinstance(node, yaml.ScalarNode):
            return loader.construct_scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return loader.construct_sequence(node)
        return loader.construct_mapping(node)

    Base.add_multi_constructor("!", plain)
    Base.add_multi_constructor("tag:yaml.org,2002:python/", plain)
    return get_yaml_loader(loader=Base)


def _find_i18n(plugins) -> dict | None:
    """The i18n plugin's options: plugins may be a list of names/mappings or a mapping."""
    if isinstance(plugins, dict):
        options = plugins.get("i18n")
        return options if isinstance(options, dict) else None
    for entry in plugins or ():
        if isinstance(entry, dict) and isinstance(entry.get("i18n"), dict):
            return entry["i18n"]
    return None


def load_site_config(repo_root: os.PathLike | str) -> SiteConfig:
    """Languages and docs_dir from `<repo_root>/mkdocs.yml` (mkdocs-static-i18n, folder structure)."""
    path = os.path.join(repo_root, "mkdocs.yml")
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(path, "rb") as handle:
            data = yaml_load(handle, _yaml_loader()) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except ConfigurationError as exc:
        import yaml
        if isinstance(exc.__context__, yaml.YAMLError):
            raise ConfigError(f"{path} is not valid YAML: {exc.__context__}") from exc
        raise ConfigError(f"{path}: {exc}") from exc
    except (ValueError, TypeError, AttributeError) as exc:   # an INHERIT chain of non-mappings
        raise ConfigError(f"{path} (with what it INHERITs) is not a mapping: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path} is not a mapping")
    i18n = _find_i18n(data.get("plugins"))
    if i18n is None:
        raise ConfigError(f"{path} has no i18n plugin entry under plugins:")
    structure = i18n.get("docs_structure", "suffix")
    if structure != "folder":
        raise ConfigError(f"{path}: i18n docs_structure is {structure!r}; the checker needs 'folder'")
    languages, default = [], None
    for entry in i18n.get("languages") or ():
        if not isinstance(entry, dict) or not isinstance(entry.get("locale"), str):
            raise ConfigError(f"{path}: every i18n language needs a locale: {entry!r}")
        languages.append(entry["locale"])
        if entry.get("default") is True:
            default = entry["locale"]
    if default is None:
        raise ConfigError(f"{path}: no i18n language has default: true")
    docs_dir = str(data.get("docs_dir") or "docs").replace("\\", "/").strip("/")
    return SiteConfig(docs_dir=docs_dir, default_language=default, languages=tuple(languages))
