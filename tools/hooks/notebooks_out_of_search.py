"""This site's notebooks stay out of the search index: they are made from the lesson pages
(`make notebooks`: one per lesson and framework), so every hit in a notebook is also a hit
in its lesson page, which shows both frameworks.

Indexed, they were three hits for one passage, and 60 % of each language's index
(850 KB of the English index: downloaded, and built into a lunr index by every page a
reader opens), and about a third of the build's time went into parsing their highlighted
code for it. A course whose notebooks hold their own material should leave this hook out.
"""
from __future__ import annotations

from mkdocs.plugins import event_priority

from mkdocs_coop_i18n.notebook_pages import NOTEBOOK_SUFFIX


@event_priority(50)  # page_content: before the search plugin reads the page (page_context)
def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(NOTEBOOK_SUFFIX):
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return html
