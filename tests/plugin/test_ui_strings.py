"""UI strings: one file per language, the site's own over the shipped ones, English
for what a language lacks (with a warning on the plugin's own logger, which a
`--strict` build does not count); output titles in the reader's language."""

from __future__ import annotations

import logging

import pytest
import yaml

from mkdocs_coop_i18n import ui_strings
from mkdocs_coop_i18n.options import set_options
from mkdocs_coop_i18n.output_titles import localize_output_titles
from mkdocs_coop_i18n.ui_log import log

SHIPPED_LANGUAGES = sorted(path.stem for path in ui_strings.SHIPPED.glob("*.yml"))


@pytest.fixture
def site(tmp_path):
    (tmp_path / "ui").mkdir()
    set_options({"ui_strings_dir": "ui"}, str(tmp_path / "mkdocs.yml"))
    ui_strings.reset()
    yield tmp_path / "ui"
    ui_strings.reset()


@pytest.fixture
def warnings():
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Keep(level=logging.WARNING)
    log.addHandler(handler)
    yield records
    log.removeHandler(handler)


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_every_shipped_language_has_every_string(language):
    strings = yaml.safe_load((ui_strings.SHIPPED / f"{language}.yml").read_text(encoding="utf-8"))
    assert set(strings) == set(ui_strings.KEYS)
    assert all(ui_strings.usable_string(key, strings[key]) for key in ui_strings.KEYS)


def test_the_sites_file_overrides_single_strings(site, warnings):
    (site / "sv.yml").write_text('stale: "Gammal"\n', encoding="utf-8")
    strings = ui_strings.strings_for("sv")
    assert strings["stale"] == "Gammal" and strings["fresh"] == "Aktuell"
    assert not warnings


def test_a_missing_string_falls_back_to_english_with_one_warning_outside_mkdocs(site, warnings):
    (site / "xx.yml").write_text('fresh: "Frisch"\noutdated_stale: "no placeholder"\n', encoding="utf-8")
    strings = ui_strings.strings_for("xx")
    english = ui_strings.strings_for("en")
    assert strings["fresh"] == "Frisch"
    assert strings["outdated_stale"] == english["outdated_stale"], "a string without {date} is not usable"
    assert strings["output_label"] == "Output"
    assert len(warnings) == 1 and "outdated_stale" in warnings[0].getMessage()
    assert not warnings[0].name.startswith("mkdocs"), "MkDocs --strict counts warnings on mkdocs.* loggers"
    assert log.propagate is False


def test_output_titles_are_localized_only_on_fences():
    page = ('Text about "Output".\n\n```text title="Output"\n1\n```\n\n'
            '    ```text title="Output" linenums="1"\n    2\n    ```\n\n```python title="train.py"\n```\n')
    out = localize_output_titles(page, "Output", "Utdata")
    assert out.count('title="Utdata"') == 2 and 'title="train.py"' in out
    assert 'Text about "Output".' in out
    assert localize_output_titles(page, "Output", "Output") == page


def test_links_are_rebased_from_where_pages_lie_to_where_the_site_sees_them():
    from mkdocs_coop_i18n.coop_layout import rewrite_links

    translated = ("![x](../../../../translated_images/n.abc.sv.png) [next](../02/README.md) "
                  '<img src="../../../../lessons/01/images/a.png"> [web](https://example.org/a.md) [top](#t)')
    out = rewrite_links(translated, "translations/sv/lessons/01/README.md", "sv/lessons/01/README.md", None)
    assert "](../../../translated_images/n.abc.sv.png)" in out, "one folder less deep than on disk"
    assert "](../02/README.md)" in out, "links within the language folder are unchanged"
    assert 'src="../../../lessons/01/images/a.png"' in out
    assert "(https://example.org/a.md)" in out and "(#t)" in out

    english = "[Svenska](translations/sv/README.md) [lesson](lessons/01/README.md)"
    out = rewrite_links(english, "README.md", "en/README.md", lambda language, rel: f"{language}/")
    assert out == "[Svenska](sv/) [lesson](lessons/01/README.md)"
