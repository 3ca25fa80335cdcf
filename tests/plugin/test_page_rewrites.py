"""The str.find versions of two page rewrites give what the regexes they replace gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_coop_i18n.language_roots import drop_alternates
from mkdocs_coop_i18n.notebook_pages import _inline_styles

ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
PIECES = ['<link rel="alternate" href="a" hreflang="sv">', " ", "\n", "\u00a0", "x", "<style>", "</style>",
          '<style type="text/css">', ">", "<stylex", "css{}", '<link rel="alternate" href="b"', '"']
documents = st.lists(st.sampled_from(PIECES), max_size=16).map("".join)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_drop_alternates_equals_the_regex(html):
    assert drop_alternates(html) == ALTERNATE.sub("", html)


@settings(max_examples=200, deadline=None)
@given(documents)
def test_inline_styles_equal_the_regex(html):
    assert list(_inline_styles(html)) == [(m.start(), m.end(), m.group(1)) for m in STYLE.finditer(html)]
