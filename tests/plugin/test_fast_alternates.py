"""fast_alternates finds the very alternates static-i18n's own method finds.

Generated folder-layout trees (pages present or missing in each language, pages
only a translation has, assets, fallback on or off), each language's build taken
in turn: static-i18n's `reconfigure_files` runs once with its own
`reconfigure_files_alternates` and once with ours, and every page's alternates
(which file, its destination, URL and language, in the same order) must be equal.
The byte-for-byte comparisons of whole sites are the parity test (this site) and
test_parallel_languages' builds.
"""

from __future__ import annotations

import io
from types import MethodType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from mkdocs_coop_i18n import fast_alternates, internals

POOL = ["en", "sv", "da", "pl", "bg", "zh", "pt-BR"]
PATHS = ["index.md", "a/page.md", "a/README.md", "a/b/deep.md", "other.md", "a/img.png", "notes.txt"]


def config_for(docs_dir, languages: list[str], fallback: bool):
    entries = "".join(f"        - locale: {code}\n          name: {code}\n" + ("          default: true\n" if i == 0 else "")
                      for i, code in enumerate(languages))
    text = (f"site_name: t\ndocs_dir: {docs_dir}\nsite_dir: {docs_dir.parent / 'site'}\nplugins:\n  - i18n:\n"
            f"      docs_structure: folder\n      fallback_to_default: {str(fallback).lower()}\n"
            f"      languages:\n{entries}")
    return load_config(config_file=io.StringIO(text))


def alternates_of(files) -> list:
    return [(page.src_uri, [(code, alt.src_uri, alt.dest_uri, alt.url, alt.locale, alt.locale_alternate_of,
                             alt.localization, alt.norm_src_uri) for code, alt in page.alternates.items()])
            for page in files.documentation_pages()]


trees = st.fixed_dictionaries({
    "languages": st.lists(st.sampled_from(POOL[1:]), min_size=1, max_size=6, unique=True).map(lambda rest: ["en", *rest]),
    "fallback": st.booleans(),
    # "": a file outside the language folders, which static-i18n counts as the default
    # language's (so a page can have two candidates of one language).
    "present": st.sets(st.tuples(st.sampled_from(["", *POOL]), st.sampled_from(PATHS)), min_size=1, max_size=30),
})


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory):
    docs = tmp_path_factory.mktemp("alternates") / "docs"
    docs.mkdir()
    return docs


@settings(max_examples=60, deadline=None)
@given(tree=trees)
def test_the_same_alternates_as_static_i18n(docs_dir, tree):
    config = config_for(docs_dir, tree["languages"], tree["fallback"])
    i18n = config.plugins["i18n"]
    files = [File(f"{code}/{path}" if code else path, str(docs_dir), config.site_dir, config.use_directory_urls)
             for code, path in sorted(tree["present"])]

    def alternates():
        try:
            return alternates_of(i18n.reconfigure_files(Files(list(files)), config))
        except Exception as error:   # static-i18n refuses some trees (a page twice in the default language)
            return repr(error)

    for language in tree["languages"]:
        i18n.current_language = language
        theirs = alternates()
        fast_alternates._locales.clear()
        assert internals.replace_alternates_method(i18n, MethodType(fast_alternates.reconfigure_files_alternates, i18n))
        try:
            ours = alternates()
            again = alternates()   # with the remembered locales
        finally:
            del i18n.reconfigure_files_alternates
        assert ours == theirs
        assert again == theirs


def test_each_candidate_becomes_one_file_per_build(docs_dir, monkeypatch):
    """The point of it: with many languages, files made per build grow with languages x
    pages, not languages² x pages."""
    languages = ["en", *POOL[1:], "fi", "nb", "de", "fr", "es", "it", "nl", "cs", "sk", "hu", "ro", "uk", "ru", "tr"]
    config = config_for(docs_dir, languages, True)
    i18n = config.plugins["i18n"]
    i18n.current_language = "sv"
    files = [File(f"{code}/{path}", str(docs_dir), config.site_dir, config.use_directory_urls)
             for code in languages for path in PATHS]
    import mkdocs_static_i18n.folder as folder

    made: list[str] = []
    real = folder.create_i18n_file

    def counting(*args, **kwargs):
        made.append(args[0].src_uri)
        return real(*args, **kwargs)

    monkeypatch.setattr(folder, "create_i18n_file", counting)

    def files_made(method) -> int:
        made.clear()
        fast_alternates._locales.clear()
        if method is not None:
            monkeypatch.setattr(i18n, "reconfigure_files_alternates", MethodType(method, i18n), raising=False)
        i18n.reconfigure_files(Files(list(files)), config)
        return len(made)

    theirs = files_made(None)
    ours = files_made(fast_alternates.reconfigure_files_alternates)
    others = files_made(lambda *args: None)      # the rest of reconfigure_files: one per file and so on
    pages, languages_count = sum(path.endswith(".md") for path in PATHS), len(languages)
    # static-i18n's own grows with languages² x pages: up to one per candidate, page and language.
    assert theirs - others > languages_count ** 2 * pages / 4, (theirs, others)
    # Ours with languages x pages: about one per candidate (its language, once) and one per
    # alternate kept.
    assert ours - others <= 3 * languages_count * pages, (ours, others)


def test_the_site_builds_use_it(tmp_path):
    """The plugin puts the method on static-i18n's instance for every language build."""
    from mkdocs.config import load_config as load

    from site_build import REPO_ROOT

    config = load(str(REPO_ROOT / "tests" / "fixtures" / "coop-course" / "mkdocs.yml"))
    config.plugins.on_config(config)
    method = config.plugins["i18n"].reconfigure_files_alternates
    assert getattr(method, "__func__", None) is fast_alternates.reconfigure_files_alternates
