"""Show the reader's own word on output blocks: ```text title="Output"``` reads "Utdata"
on a Swedish page.

Pages keep the same fences in every language (the checker compares them with the
English page, and a copied code block must stay copyable), so a translator never
edits the title; the English label (ui/en.yml: output_label) is replaced here, in
languages other than the default, by the language's own (its ui file).
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

from .i18n_state import build_language
from .ui_strings import FALLBACK, strings_for

_FENCE = r'^(?P<head>[ \t>]*(?:`{3,}|~{3,})[^\n]*?\btitle=)(?P<quote>["\'])%s(?P=quote)'


def localize_output_titles(markdown: str, english: str, own: str) -> str:
    if english == own or english not in markdown:
        return markdown
    pattern = re.compile(_FENCE % re.escape(english), re.M)
    quoted = own.replace('"', "&quot;")
    return pattern.sub(lambda match: f'{match.group("head")}"{quoted}"', markdown)


@event_priority(40)  # after the metadata comment is gone (90), before rendering
def on_page_markdown(markdown: str, page, config, files) -> str:
    language = build_language(config)
    if language.is_default:
        return markdown
    return localize_output_titles(markdown, strings_for(FALLBACK)["output_label"],
                                  strings_for(language.current)["output_label"])
