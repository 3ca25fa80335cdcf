"""Write sitemap.xml in the first and the last language's build only, not in every one.

MkDocs renders the theme's sitemap.xml (and writes its .gz) in every build, and
static-i18n's sitemap lists every page of every language built so far, each with
all its alternates: the k-th language's build wrote k x pages x languages links,
and the next build overwrote them. A course of 54 languages of 70 pages rendered
about five million links into sitemaps nobody kept; the last language's build
writes the whole one. The default language's build (the first) still writes its
own, so that a `mkdocs serve` rebuild preempted before the last language
(serve_default_first) leaves a sitemap, as it did. Under parallel_languages the
sitemap is written again once every language is known, as before.

The sitemap and every other file stay the same (the parity test builds with this
off). The theme's `static_templates` is MkDocs' public list of templates rendered
as pages; this only takes sitemap.xml out of it for the builds in between.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

SITEMAP = "sitemap.xml"
_state: dict = {}


@event_priority(-120)  # after static-i18n (-100) set up this language's theme
def on_config(config: MkDocsConfig) -> None:
    i18n = config.plugins["i18n"]
    templates = config.theme.static_templates
    if not i18n.building:                 # the first (top-level) build: remember and write it
        _state["first"] = i18n.current_language or i18n.default_language
        _state["wanted"] = SITEMAP in templates
        return
    if not _state.get("wanted"):
        return
    others = [code for code in i18n.build_languages if code != _state["first"]]
    if others and i18n.current_language == others[-1]:
        templates.add(SITEMAP)
    else:
        templates.discard(SITEMAP)


def on_post_build(config: MkDocsConfig) -> None:
    if _state.get("wanted"):
        config.theme.static_templates.add(SITEMAP)   # the theme as it was, for whatever builds next
