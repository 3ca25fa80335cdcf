"""`coop-i18n add-language CODE [--name NAME]`: a new language in one step.

Folder layout (`docs/<lang>/`): the language is appended to `plugins > i18n >
languages` in mkdocs.yml by a text edit (comments, order and indentation stay), its
UI strings file (a copy of the English ones, to translate) is written to the site's
`ui_strings_dir`, and a glossary stub for translators beside it. co-op-translator
layout: `translations/<code>/` is created (languages are found there) with the same
UI strings file and stub. Afterwards `coop-translations check` lists every page as
missing for the new language: nothing is written where the checker looks for pages.

Exit status: 0 done, 1 refused (the language exists, the code is not one static-i18n
accepts, mkdocs.yml has no i18n language list), 2 usage or I/O error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from .coop_layout import TRANSLATIONS, native_name
from .ui_strings import FALLBACK, KEYS, SHIPPED

# Where a site keeps its UI strings when mkdocs.yml names no ui_strings_dir: a hidden
# folder in co-op layout (the site and the checker skip hidden folders, so nothing
# there becomes a page), `ui/` beside docs/ otherwise.
DEFAULT_UI_DIR = {"co-op": ".coop-i18n", "folder": "ui"}
_LOCALE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")


class Refused(Exception):
    pass


def _site_options(config_path: Path) -> tuple[dict, dict | None]:
    """(coop-i18n options, i18n options) read from mkdocs.yml, without importing anything."""
    from mkdocs.utils.yaml import yaml_load

    from coop_translations.config import _find_i18n, _yaml_loader

    with open(config_path, "rb") as handle:
        data = yaml_load(handle, _yaml_loader()) or {}
    plugins = data.get("plugins") or []
    options = {}
    for entry in plugins if isinstance(plugins, list) else [plugins]:
        if isinstance(entry, dict) and isinstance(entry.get("coop-i18n"), dict):
            options = entry["coop-i18n"]
    return options, _find_i18n(plugins)


def append_language(text: str, code: str, name: str) -> str:
    """mkdocs.yml with one more entry in plugins > i18n > languages, as the others are written."""
    lines = text.splitlines(keepends=True)
    items = [i for i, line in enumerate(lines) if re.match(r"^\s*- locale:\s", line)]
    if not items:
        raise Refused("mkdocs.yml has no `- locale:` entries under plugins > i18n > languages; "
                      "add the first language by hand.")
    dash = re.match(r"^(\s*)- ", lines[items[0]]).group(1)
    end = items[-1]
    for i in range(items[-1] + 1, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        if indent <= len(dash) and not line.lstrip().startswith("#"):
            break
        if indent > len(dash):
            end = i
    newline = "\r\n" if lines[items[0]].endswith("\r\n") else "\n"
    entry = (f"{dash}- locale: {code}{newline}{dash}  name: {json.dumps(name, ensure_ascii=False)}{newline}"
             f"{dash}  build: true{newline}")
    if not lines[end].endswith(("\n", "\r")):
        lines[end] += newline
    return "".join(lines[: end + 1]) + entry + "".join(lines[end + 1:])


def english_strings(ui_dir: Path) -> dict:
    import yaml

    strings = yaml.safe_load((SHIPPED / f"{FALLBACK}.yml").read_text(encoding="utf-8")) or {}
    own = ui_dir / f"{FALLBACK}.yml"
    if own.is_file():
        strings.update(yaml.safe_load(own.read_text(encoding="utf-8")) or {})
    return strings


def ui_file_text(code: str, name: str, strings: dict) -> str:
    lines = [f"# coop-i18n interface strings for {name} ({code}): translate each English text.",
             "# Keep {placeholders} as they are. A string you delete is shown in English, with a warning."]
    lines += [f"{key}: {json.dumps(strings[key], ensure_ascii=False)}" for key in KEYS if key in strings]
    return "\n".join(lines) + "\n"


def glossary_text(code: str, name: str) -> str:
    return (f"# Glossary for {name} ({code})\n\n"
            "Terms translators agree on, so every page uses the same word. Not a page of the site.\n\n"
            f"| English | {name} | Note |\n|---|---|---|\n| gradient | | |\n| tensor | | |\n")


def _write_new(path: Path, text: str) -> None:
    if path.exists():
        raise Refused(f"{path} exists already; nothing was changed.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def add_language(config_path: Path, code: str, name: str | None) -> list[str]:
    """Do it; return what was written (for the message)."""
    if not _LOCALE.match(code):
        raise Refused(f"'{code}' is not a language code static-i18n accepts (like sw, pt-BR or zh-Hant).")
    root = config_path.parent
    options, i18n = _site_options(config_path)
    name = name or native_name(code)
    layout = options.get("layout", "auto")
    coop = layout == "co-op" or (layout == "auto" and (root / TRANSLATIONS).is_dir())
    ui_folder = options.get("ui_strings_dir") or DEFAULT_UI_DIR["co-op" if coop else "folder"]
    ui_dir = root / ui_folder
    written = []
    if coop:
        folder = root / TRANSLATIONS / code
        if folder.exists():
            raise Refused(f"{folder} exists already: '{code}' is a language of this course.")
        if code == FALLBACK:
            raise Refused(f"'{code}' is the source language.")
    else:
        if i18n is None:
            raise Refused(f"{config_path} has no i18n plugin with a language list.")
        known = [entry.get("locale") for entry in i18n.get("languages") or () if isinstance(entry, dict)]
        if code in known:
            raise Refused(f"'{code}' is already in plugins > i18n > languages of {config_path}.")
    ui_file, glossary = ui_dir / f"{code}.yml", ui_dir / f"{code}.glossary.md"
    for path in (ui_file, glossary):
        if path.exists():
            raise Refused(f"{path} exists already; nothing was changed.")
    strings = english_strings(ui_dir)
    if coop:
        (root / TRANSLATIONS / code).mkdir(parents=True)
        written.append(f"{TRANSLATIONS}/{code}/")
    else:
        text = config_path.read_text(encoding="utf-8")
        config_path.write_text(append_language(text, code, name), encoding="utf-8")
        written.append(f"{config_path.name} (plugins > i18n > languages: {code}, {name})")
    _write_new(ui_file, ui_file_text(code, name, strings))
    _write_new(glossary, glossary_text(code, name))
    written += [ui_file.relative_to(root).as_posix(), glossary.relative_to(root).as_posix()]
    if "ui_strings_dir" not in options:
        written.append(f"(add `ui_strings_dir: {ui_folder}` to the coop-i18n options so the build reads it)")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coop-i18n", description="Tools for sites built with the coop-i18n MkDocs plugin.")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-language", help="add a language: config entry, UI strings to translate, glossary stub")
    add.add_argument("code", help="the language code, e.g. sw, pt-BR")
    add.add_argument("--name", help="the language's own name (default: from its code, e.g. Kiswahili)")
    add.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    args = parser.parse_args(argv)
    config_path = Path(args.config)
    if not config_path.is_file():
        print(f"coop-i18n: {config_path} not found; run in the site's folder or pass --config.", file=sys.stderr)
        return 2
    try:
        written = add_language(config_path.resolve(), args.code, args.name)
    except Refused as refusal:
        print(f"coop-i18n: {refusal}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"coop-i18n: {error}", file=sys.stderr)
        return 2
    print(f"Added '{args.code}':\n  " + "\n  ".join(written))
    print("Translate the UI strings, then the pages; `coop-translations check` lists what is missing.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

