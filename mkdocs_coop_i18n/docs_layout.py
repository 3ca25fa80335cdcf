"""Refuse docs/ trees the language build would silently get wrong.

- a folder under docs/ that is not a language of mkdocs.yml: static-i18n guesses
  any two-letter folder is a language and builds it half-way, or drops it;
- a translated file with no English source at the same path: it is built for
  its language alone, unreachable from the English nav, and usually a rename
  that was not followed.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from .coop_layout import coop_root
from .i18n_state import build_language


def layout_problems(docs_dir: Path, languages: list[str], source_language: str, shown_from: Path) -> list[str]:
    """What is wrong with docs/, each with the fix; paths are shown relative to `shown_from`."""

    def shown(path: Path) -> str:
        return path.relative_to(shown_from).as_posix() if path.is_relative_to(shown_from) else str(path)

    problems = []
    for entry in sorted(docs_dir.iterdir()):
        if entry.name not in languages:
            problems.append(
                f"{shown(entry)}: '{entry.name}' is not a language in mkdocs.yml (plugins > i18n > languages). "
                f"Pages live in docs/<language>/; add the language to mkdocs.yml or move this out of docs/."
            )
    source_root = docs_dir / source_language
    for language in languages:
        root = docs_dir / language
        if language == source_language or not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            relative = path.relative_to(root)
            if not (source_root / relative).exists():
                problems.append(
                    f"{shown(path)}: translation without an English source ({shown(source_root / relative)} does not exist). "
                    "Rename it to the path of the English page it translates, or delete it."
                )
    return problems


@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    plugin = config.plugins["i18n"]
    if not build_language(config).top_level or plugin.config.build_only_locale or coop_root() is not None:
        return  # checked once per full build; a one-language preview skips it; co-op trees have no docs/<lang>/
    languages = [language.locale for language in plugin.config.languages]
    problems = layout_problems(Path(config.docs_dir), languages, plugin.default_language,
                               shown_from=Path(config.config_file_path).parent)
    if problems:
        raise PluginError("docs/ layout:\n  " + "\n  ".join(problems))
