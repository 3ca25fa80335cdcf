"""Find every page's other-language versions in linear time, as static-i18n finds them.

Each language build of mkdocs-static-i18n (1.3.1) looks up, for every page and
every language, the file that is that page in that language (the page's
"alternates", which the language selector and sitemap.xml list). For each of them
it makes a new `File` for every candidate in turn until one is in the wanted
language: about languages² x pages `File`s per language build, so languages³ x
pages in all. With 20 languages of 70 pages that was 16,000 `File`s per language
and a third of the whole build; with 54 it would be most of it.

Which candidate matches depends only on the candidate's own language, which
static-i18n reads from its path (`create_i18n_file(...).locale`: the same for
whichever language is being built). So each candidate's language is found once
(and remembered for the following language builds), the first candidate of each
language picked from a table, and a `File` made only for the one that is kept:
the same file, made by the same static-i18n function with the same arguments, in
the same order per page, so the alternates and everything built from them are the
ones static-i18n's own method makes. tests/plugin/test_fast_alternates.py compares
the two methods on courses with missing translations and fallbacks; the parity
test compares the whole site.

The method is replaced on the i18n plugin instance (internals.py probes its
signature once; if static-i18n changed it, its own method stays, only slower).
"""

from __future__ import annotations

from types import MethodType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from .internals import replace_alternates_method

# (file's src_uri, default language, all languages, docs_dir) -> the locale
# create_i18n_file gives it. Kept across the language builds of one process.
_locales: dict[tuple, str] = {}


def reconfigure_files_alternates(self, i18n_src_uris, i18n_alternate_src_uris, mkdocs_config, create_i18n_file):
    """static-i18n's `I18n.reconfigure_files_alternates`, same arguments and effect."""
    default, languages = self.default_language, self.all_languages
    setting = (default, tuple(languages), mkdocs_config.docs_dir)

    def make(file, language: str):
        return create_i18n_file(file, language, default, languages, mkdocs_config)

    def locale(file) -> str:
        key = (file.src_uri, *setting)
        found = _locales.get(key)
        if found is None:
            found = _locales[key] = make(file, self.current_language).locale
        return found

    fallback = self.config.fallback_to_default is True
    build_languages = sorted(self.build_languages)
    for src_uri, i18n_file in i18n_src_uris.items():
        first: dict[str, object] = {}
        for candidate in i18n_alternate_src_uris.get(src_uri, ()):
            first.setdefault(locale(candidate), candidate)
        alternates = i18n_file.alternates
        for language in build_languages:
            if language in alternates:
                continue
            if language in first:
                alternates[language] = make(first[language], language)
            elif fallback:
                if default in first:
                    alternates[language] = make(first[default], language)
                else:
                    alternate = make(i18n_file, language)
                    if alternate.locale == default:
                        alternates[language] = alternate


@event_priority(100)  # before static-i18n's on_files (and anything else) runs
def on_config(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    if not i18n.building:
        _locales.clear()   # a new build, or a `serve` reload: files may have moved
    replace_alternates_method(i18n, MethodType(reconfigure_files_alternates, i18n))
