"""Make each language its own Material site root.

- `__config.base` of a page under `/<lang>/` points at `/<lang>/`, so Material
  loads that language's search index and resolves its result links there.
- The `<link rel="alternate" hreflang>` tags go: Material's JavaScript fetches
  `<href>/sitemap.xml` for each one, and static-i18n points them at pages, so
  every page asked for five missing sitemaps. The 404 page is a theme
  template, not a page, so it is cleaned in on_post_template. The language selector keeps its
  per-page links (static-i18n), and sitemap.xml still lists the alternates.
"""

from __future__ import annotations

import json
import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from .i18n_state import build_language

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_alternates(html: str) -> str:
    r"""`re.sub(r'\s*' + _ALTERNATE.pattern, "", html)`, without the regex trying its leading
    `\s*` at every position of the page (5% of a language build's time went there)."""
    if '<link rel="alternate"' not in html:
        return html
    parts, pos = [], 0
    for match in _ALTERNATE.finditer(html):
        start = match.start()
        while start > pos and html[start - 1].isspace():  # what \s* took, after the previous match
            start -= 1
        parts.append(html[pos:start])
        pos = match.end()
    parts.append(html[pos:])
    return "".join(parts)


def rebase_config(html: str, prefix: str) -> str:
    def rebase(match: re.Match) -> str:
        app = json.loads(match.group(2))
        app["base"] = posixpath.join(app["base"], prefix, "")  # Material resolves URLs against it: keep the slash
        return match.group(1) + json.dumps(app, ensure_ascii=False) + match.group(3)

    return _CONFIG.sub(rebase, html, count=1)


@event_priority(-90)
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    output = drop_alternates(output)
    prefix = build_language(config).prefix
    return rebase_config(output, prefix) if prefix else output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return drop_alternates(output)
