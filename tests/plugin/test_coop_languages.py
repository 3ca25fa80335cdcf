"""Languages found under translations/ respect BUILD_ONLY_LOCALE (build_only_locale)."""

from __future__ import annotations

import types

import pytest

from mkdocs_coop_i18n.coop_layout import _add_languages


@pytest.mark.parametrize("only, built", [(None, {"en", "sv", "ta"}), ("en", {"en"})])
def test_found_languages_are_built_unless_one_language_is_asked_for(tmp_path, only, built):
    for code in ("sv", "ta"):
        (tmp_path / "translations" / code).mkdir(parents=True)
    english = types.SimpleNamespace(locale="en", build=True)
    i18n = types.SimpleNamespace(config=types.SimpleNamespace(languages=[english], build_only_locale=only))
    _add_languages(i18n, tmp_path)
    assert [language.locale for language in i18n.config.languages] == ["en", "sv", "ta"]
    assert {language.locale for language in i18n.config.languages if language.build} == built
