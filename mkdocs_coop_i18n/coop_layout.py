"""co-op-translator repositories as they are: nothing is moved or rewritten on disk.

Such a repository keeps its English sources anywhere under its root
(`README.md`, `lessons/01-intro/README.md`, ...), each language's translations
under `translations/<lang>/<same path>` and translated images, flat, under
`translated_images/`. mkdocs-static-i18n expects `docs_dir/<lang>/<path>`. So:

- on_config, before static-i18n's (-100): every folder under `translations/`
  becomes a language of static-i18n (an entry built by its own config schema),
  unless mkdocs.yml lists it already (to name it, or to leave it out: build: false);
- on_files, before static-i18n's: `docs_dir` becomes the repository root and the
  files are presented as `en/<path>`, `<lang>/<path>` (translations) and
  `en/translated_images/<name>` (images, shared by every language at the site
  root), each still read from where it is;
- on_files, after static-i18n recreated the File objects from `docs_dir` and the
  presented paths: each gets its real source path back;
- on_page_markdown: a translated page lies one folder deeper on disk
  (`translations/<lang>/...`) than presented (`<lang>/...`), so its relative
  links to anything outside its language folder (translated_images/, English
  pages, code) lose one `../`; an English page's links into `translations/<lang>/`
  point at that language's built page.

MkDocs refuses a `docs_dir` equal to the folder of mkdocs.yml, so mkdocs.yml names
an existing child folder (`docs_dir: translations`); only that folder is walked by
MkDocs itself, before this plugin replaces the file list.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files

from .internals import user_set_option
from .options import option
from .ui_log import log

TRANSLATIONS = "translations"
IMAGES = "translated_images"
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})

_state: dict = {}


def coop_root() -> Path | None:
    """The repository root when this build is in co-op-translator's layout, else None."""
    return _state.get("root")


def coop_files() -> dict[str, str] | None:
    """Presented src_uri -> real path, in co-op layout once the files are known."""
    return _state.get("real") if coop_root() is not None else None


def _is_coop(root: Path) -> bool:
    layout = option("layout")
    return layout == "co-op" or (layout == "auto" and (root / TRANSLATIONS).is_dir())


# -- languages -------------------------------------------------------------------------------

def discovered_languages(root: Path) -> list[str]:
    folder = root / TRANSLATIONS
    if not folder.is_dir():
        return []
    return sorted(entry.name for entry in folder.iterdir()
                  if entry.is_dir() and not entry.is_symlink() and not entry.name.startswith("."))


def native_name(code: str) -> str:
    try:
        from babel import Locale
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
        return name[:1].upper() + name[1:] if name else code
    except Exception:  # babel missing or the code unknown to it: the code is a usable name
        return code


def _material_knows(code: str) -> bool:
    try:
        import material
    except ImportError:
        return True
    return (Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html").is_file()


def language_entry(code: str):
    """A static-i18n language, validated by its own schema."""
    from mkdocs_static_i18n.config import I18nPluginLanguage

    data = {"locale": code, "name": native_name(code), "build": True}
    entry = I18nPluginLanguage()
    entry.load_dict(data)
    errors, _warnings = entry.validate()
    if errors:
        raise ValueError("; ".join(f"{key}: {error}" for key, error in errors))
    return entry


def _add_languages(i18n, root: Path) -> None:
    known = {language.locale for language in i18n.config.languages}
    for code in discovered_languages(root):
        if code in known:
            continue
        try:
            entry = language_entry(code)
        except ValueError as error:
            log.warning(f"coop-i18n: {TRANSLATIONS}/{code}/ is not built: static-i18n refuses the code ({error}).")
            continue
        # static-i18n applied build_only_locale to the languages it knew; a language found
        # here is not that one (it would have been unknown to static-i18n, an error).
        if i18n.config.build_only_locale:
            entry.build = False
        i18n.config.languages.append(entry)


# -- mkdocs-jupyter --------------------------------------------------------------------------

JUPYTEXT_IGNORED = ("*.md", "*.py")


def _no_jupytext_probe(config) -> None:
    """Unless mkdocs.yml sets mkdocs-jupyter's `ignore`, ignore Markdown and Python files:
    mkdocs-jupyter otherwise reads every .md page with jupytext (in on_files and again in
    on_pre_page, in every language) to see whether it is a notebook, about a third of a
    large course's build. A course's pages are Markdown; its notebooks are .ipynb."""
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None:
        return
    configured = user_set_option(jupyter, "ignore")
    if configured is None:  # MkDocs no longer says: an ignore list other than the default counts as set
        configured = bool(jupyter.config["ignore"])
    if not configured:
        jupyter.config["ignore"] = list(JUPYTEXT_IGNORED)


# -- languages, continued --------------------------------------------------------------------

@event_priority(150)  # before static-i18n (-100) reads its languages
def _discover(config) -> None:
    root = Path(os.path.realpath(option("config_dir")))
    if not _is_coop(root):
        _state.clear()
        return
    i18n = config.plugins["i18n"]
    if not i18n.building:          # the top-level build: once per build
        _state.clear()
        _state.update(root=root, docs_dir=config.docs_dir)
        _add_languages(i18n, root)
        _no_jupytext_probe(config)
    # MkDocs walks the small configured folder; on_files presents the whole tree.
    config.docs_dir = _state["docs_dir"]


@event_priority(-105)  # static-i18n (-100) set the theme language; search (-110) reads it next
def _material_language(config) -> None:
    """A language Material has no interface strings for (sw) gets Material's English
    chrome and search setup (no stemmer) instead of a missing template. (Not done with
    static-i18n's per-language `theme` override: it restores the first language's
    override as the "original" for every later language.)"""
    _state.pop("html_lang", None)
    if config.theme.name == "material" and not _material_knows(config.theme["language"]):
        _state["html_lang"] = config.theme["language"]
        config.theme["language"] = "en"


on_config = CombinedEvent(_discover, _material_language)


def on_post_page(output: str, page, config) -> str:
    """The page still says which language it is in (screen readers, search engines)."""
    language = _state.get("html_lang")
    return output.replace('<html lang="en"', f'<html lang="{language}"', 1) if language else output


# -- files ----------------------------------------------------------------------------------

def _walk(folder: Path, skip_top: frozenset[str], skip: set[Path]):
    """Files under `folder` (POSIX, relative), sorted, without hidden files, virtual
    environments, the site folder and, at the top only, `skip_top`."""
    for current, dirs, names in os.walk(folder):
        here = Path(current)
        top = here == folder
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and d not in SKIPPED_DIRS
                         and not (top and d in skip_top)
                         and (here / d) not in skip
                         and not (here / d / "pyvenv.cfg").exists())
        for name in sorted(names):
            if not name.startswith("."):
                yield (here / name).relative_to(folder).as_posix()


def _without_readme_clashes(paths: list[str]) -> list[str]:
    """MkDocs' rule: README.md is dropped where the folder has an index.md."""
    present = set(paths)
    return [p for p in paths if not (posixpath.basename(p) == "README.md"
                                     and posixpath.join(posixpath.dirname(p), "index.md") in present)]


def presented_files(root: Path, default: str, languages: list[str], config) -> dict[str, str]:
    """src_uri as static-i18n expects it -> the real file."""
    skip = {Path(os.path.realpath(config.site_dir))}
    if option("ui_strings_dir"):
        skip.add(Path(os.path.realpath(Path(option("config_dir"), option("ui_strings_dir")))))
    config_file = Path(os.path.realpath(config.config_file_path)).relative_to(root).as_posix()
    mapping = {}
    sources = [p for p in _walk(root, frozenset({TRANSLATIONS, IMAGES}), skip) if p != config_file]
    for path in _without_readme_clashes(sources):
        mapping[f"{default}/{path}"] = str(root / path)
    images = root / IMAGES
    if images.is_dir():
        for path in _walk(images, frozenset(), skip):
            mapping[f"{default}/{IMAGES}/{path}"] = str(images / path)
    for language in languages:
        folder = root / TRANSLATIONS / language
        if folder.is_dir():
            for path in _without_readme_clashes(list(_walk(folder, frozenset(), skip))):
                mapping[f"{language}/{path}"] = str(folder / path)
    return mapping


@event_priority(-90)  # after mkdocs-jupyter (0), before static-i18n (-100) sorts files by language
def _present(files: Files, config) -> Files:
    root = coop_root()
    if root is None:
        return files
    configured = Path(os.path.realpath(config.docs_dir))
    config.docs_dir = str(root)
    i18n = config.plugins["i18n"]
    languages = [code for code in i18n.all_languages if code != i18n.default_language]
    if not i18n.building or "real" not in _state:
        # The tree is walked once per build: each language's sub-build of the same
        # `mkdocs build` (or `serve` rebuild) presents the same files.
        _state["real"] = presented_files(root, i18n.default_language, languages, config)
    mapping = _state["real"]
    kept = [file for file in files
            if not file.abs_src_path or not Path(file.abs_src_path).is_relative_to(configured)]
    presented = []
    for src_uri, real in mapping.items():
        file = File(src_uri, str(root), config.site_dir, config.use_directory_urls)
        file.abs_src_path = real
        presented.append(file)
    return Files(presented + kept)


@event_priority(-101)  # static-i18n (-100) recreated each file from docs_dir + its presented path
def _restore_sources(files: Files, config) -> Files:
    real = _state.get("real")
    if coop_root() is None or real is None:
        return files
    for file in files:
        for each in (file, *getattr(file, "alternates", {}).values()):
            if each.src_uri in real:
                each.abs_src_path = real[each.src_uri]
    return files


# -- links ----------------------------------------------------------------------------------

_LINK = re.compile(r"(?P<open>\]\(\s*<?|\b(?:src|href)=[\"'])(?P<target>[^)\s\"'<>]+)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^/|^#")


def _split(target: str) -> tuple[str, str]:
    for mark in ("#", "?"):
        if mark in target:
            index = target.index(mark)
            return target[:index], target[index:]
    return target, ""


def rewrite_links(markdown: str, real_path: str, presented_path: str, url_of) -> str:
    """Relative links of a page whose real root-relative path differs from its presented one.

    `url_of(language, root_relative_page)` is the built URL (relative to this page)
    of a translation in `translations/<language>/`, for an English page's links
    there; None leaves the link alone."""
    real_dir, presented_dir = posixpath.dirname(real_path), posixpath.dirname(presented_path)
    own_folder = posixpath.dirname(presented_path).split("/", 1)[0]  # the presented language folder
    translated = real_path.startswith(f"{TRANSLATIONS}/")
    own_prefix = f"{TRANSLATIONS}/{own_folder}/"

    def fix(match: re.Match) -> str:
        target = match.group("target")
        if _SCHEME.match(target):
            return match.group(0)
        path, rest = _split(target)
        if not path:
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(real_dir, path))
        if resolved.startswith("../") or resolved == "..":
            return match.group(0)  # outside the repository: MkDocs reports it
        if translated:
            if resolved.startswith(own_prefix):
                return match.group(0)  # within its language folder: same shape as presented
            new = posixpath.relpath(resolved, presented_dir)
        else:
            if not resolved.startswith(f"{TRANSLATIONS}/"):
                return match.group(0)
            parts = resolved.split("/", 2)
            if len(parts) < 3:
                return match.group(0)
            new = url_of(parts[1], parts[2])
            if new is None:
                return match.group(0)
        return match.group("open") + new + rest

    return _LINK.sub(fix, markdown)


@event_priority(80)  # after the metadata comment is dropped (90), before anything reads links
def on_page_markdown(markdown: str, page, config, files) -> str:
    root = coop_root()
    if root is None or not page.file.abs_src_path:
        return markdown
    real = Path(page.file.abs_src_path)
    if not real.is_relative_to(root):
        return markdown
    real_path = real.relative_to(root).as_posix()
    presented = page.file.src_uri

    def url_of(language: str, rel: str) -> str | None:
        i18n = config.plugins["i18n"]
        if language not in i18n.build_languages:
            return None
        built = File(rel, None, config.site_dir, config.use_directory_urls)
        prefix = "" if language == i18n.default_language else language + "/"
        return File(rel, None, config.site_dir, config.use_directory_urls,
                    dest_uri=prefix + built.dest_uri).url_relative_to(page.file)

    return rewrite_links(markdown, real_path, presented, url_of)


on_files = CombinedEvent(_present, _restore_sources)
