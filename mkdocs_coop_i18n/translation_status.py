"""Show readers and translators how fresh each translation is.

- A translation whose English source changed since it was made (stale), or whose
  metadata or structure is broken, gets a banner in its own language linking to
  the English page (class `translation-outdated`).
- An English page shown in place of a missing translation gets a short note in
  the reader's language (class `translation-missing`).
- `translations/` in every language is a page x language matrix (fresh, stale,
  missing, broken, with each translation's date), and every stale translation has
  a page with what changed in the English since: `translations/diff/<lang>/<page>/`,
  in its own language's site (in its words) and in the default language's. Not in
  every language's: with 50 languages each build made every language's diff pages,
  several times its real pages, so the cost of a language grew with their number.
  A matrix cell links to the diff page in the reader's site if it is there, else in
  the translation's language's site, else in the default language's.

Everything comes from coop_translations, the checker behind `make check`. It runs
once per build, in the top-level (default-language) build, and the language
sub-builds reuse it; diffs are computed only for stale translations. The pages are
generated after static-i18n (-100) chose each language's files, with the i18n
attributes it gives real pages, so nav, language selector and links work in every
language and in one-language builds.

Strings: ui_strings (one file per language, English as the fallback).
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from .i18n_state import build_language
from .options import option
from .status_source import status_of
from .ui_strings import strings_for
from coop_translations import status_html as render
from coop_translations.status import BROKEN, MISSING_STATE, STALE_STATE, Freshness, what_changed

DIFF_FOLDER = "translations/diff"

_build: dict = {}      # this build: status, diffs (top level); generated pages, nav order (each language)


# -- where pages go ----------------------------------------------------------------------

def _language_prefix(config: MkDocsConfig, language: str) -> str:
    return "" if language == config.plugins["i18n"].default_language else language


def _site_uri(config: MkDocsConfig, norm_src_uri: str, language: str) -> str:
    """dest_uri of a page (path relative to a language's docs) in `language`'s site."""
    plain = File(norm_src_uri, None, config.site_dir, config.use_directory_urls).dest_uri
    return posixpath.join(_language_prefix(config, language), plain)


def _url_file(config: MkDocsConfig, norm_src_uri: str, language: str) -> File:
    return File(norm_src_uri, None, config.site_dir, config.use_directory_urls,
                dest_uri=_site_uri(config, norm_src_uri, language))


def _url(config: MkDocsConfig, norm_src_uri: str, language: str) -> str | None:
    """A page's URL in `language`'s site, None when that language is not built."""
    if language not in config.plugins["i18n"].build_languages:
        return None
    return _url_file(config, norm_src_uri, language).url


def diff_page(entry: Freshness) -> str:
    return f"{DIFF_FOLDER}/{entry.language}/{posixpath.splitext(entry.page)[0]}.md"


def _generated(config: MkDocsConfig, norm_src_uri: str, content: str, inclusion: InclusionLevel,
               languages=None) -> File:
    """A page in this language's build, dressed like static-i18n's own pages; its
    alternates are its versions in `languages` (all that are built when None)."""
    current = build_language(config).current
    file = File.generated(config, f"{current}/{norm_src_uri}", content=content, inclusion=inclusion)
    file.dest_uri = _site_uri(config, norm_src_uri, current)
    file.locale = file.locale_alternate_of = file.localization = current
    file.norm_src_uri = norm_src_uri
    file.alternates = {language: _url_file(config, norm_src_uri, language)
                       for language in config.plugins["i18n"].build_languages
                       if languages is None or language in languages}
    return file


def _diff_languages(entry: Freshness, config: MkDocsConfig) -> tuple[str, str]:
    """The languages whose sites have the page of what changed in `entry`'s translation."""
    return entry.language, config.plugins["i18n"].default_language


# -- events --------------------------------------------------------------------------------

@event_priority(-110)  # after static-i18n (-100) chose this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = build_language(config)
    if language.top_level:
        status = status_of(config)
        _build.clear()
        _build.update(status=status, diffs=what_changed(status, status.with_state(STALE_STATE)))
    status = _build["status"]
    strings = strings_for(language.current)
    pages = {}
    status_page = option("status_page")
    if status_page:
        clash = files.get_file_from_path(f"{language.current}/{status_page}")
        if clash is not None:
            raise PluginError(f"{clash.src_uri}: /{status_page[:-3]}/ is generated by the coop-i18n "
                              f"plugin; rename this page, or set its status_page option to another path.")
        pages[f"{language.current}/{status_page}"] = None
        files.append(_generated(config, status_page, render.status_markdown(strings), InclusionLevel.UNDEFINED))
    for entry in status.with_state(STALE_STATE):
        languages = _diff_languages(entry, config)
        if language.current not in languages:
            continue
        page = _generated(config, diff_page(entry), render.diff_markdown(strings, entry), InclusionLevel.NOT_IN_NAV,
                          languages)
        pages[page.src_uri] = entry
        files.append(page)
    _build["pages"] = pages
    return files


def on_nav(nav, config: MkDocsConfig, files: Files):
    _build["order"] = [getattr(page.file, "norm_src_uri", page.file.src_uri) for page in nav.pages]
    return nav


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    status = _build["status"]
    language = build_language(config).current
    strings = strings_for(language)
    if page.file.src_uri in _build["pages"]:
        entry = _build["pages"][page.file.src_uri]
        return html if entry is None else html + render.diff_body(strings, entry, _build["diffs"][entry.path])
    real = Path(os.path.realpath(page.file.abs_src_path)) if page.file.abs_src_path else None
    if real is None or not real.is_relative_to(status.root):
        return html   # a page from outside the checked tree: nothing known about it
    path = real.relative_to(status.root).as_posix()
    entry = status.by_path(path)
    if entry is not None and entry.state in (STALE_STATE, BROKEN):
        english = getattr(page.file, "alternates", {}).get(status.source_language)
        url = get_relative_url(english.url, page.url) if english else None
        return render.with_banner(html, render.outdated_banner(entry, strings, url))
    if status.is_source(path) and language != status.source_language:
        return render.with_banner(html, render.not_translated_note(strings))
    return html


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page has its title now: fill in the matrix, titles in the reader's language."""
    status = _build["status"]
    language = build_language(config).current
    strings = strings_for(language)
    if not option("status_page"):
        return env
    by_page = {getattr(file, "norm_src_uri", None): file for file in files.documentation_pages()}
    here = by_page[option("status_page")]
    order = {page: index for index, page in enumerate(_build["order"])}
    rows = []
    for page in sorted(status.pages, key=lambda page: (order.get(page, len(order)), page)):
        file = by_page.get(page)
        title = (file.page.title if file is not None and file.page is not None else None) or page
        rows.append(render.Row(page, title, file.url_relative_to(here) if file is not None else None))
    plugin = config.plugins["i18n"]
    columns = [render.Column(code, plugin.get_language_config(code).name) for code in status.languages]

    def cell_url(entry: Freshness) -> str | None:
        if entry.state == MISSING_STATE:
            return None
        if entry.state == STALE_STATE:
            target = by_page.get(diff_page(entry))
            if target is not None:
                return target.url_relative_to(here)
            for site in _diff_languages(entry, config):
                url = _url(config, diff_page(entry), site)
                if url is not None:
                    return get_relative_url(url, here.url)
            return None
        target = _url(config, entry.page, entry.language)
        return get_relative_url(target, here.url) if target else None

    table = render.bars(columns, status.entries, strings) + render.matrix(rows, columns, status.entries, strings, cell_url)
    here.page.content = here.page.content.replace(render.MATRIX_PLACEHOLDER, table, 1)
    return env
