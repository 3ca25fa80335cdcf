"""Drop a translation's metadata comment before Markdown sees the page.

The co-op-translator comment opens every translated page, so MkDocs no longer
found the page's first heading and titled every translated lesson "Index" (in
the nav, the <title> and the footer). The comment is for the checker, not for
readers; it is found with the checker's own pattern (coop_translations).
"""

from __future__ import annotations

import repo_path

repo_path.ensure()  # the checkout's tools/ on sys.path, for every hook (see repo_path)
from mkdocs.plugins import event_priority

from coop_translations.metadata import find_comment


def strip_leading_comment(markdown: str) -> str:
    data = markdown.encode("utf-8")
    span = find_comment(data).span  # only ever the comment at the top of the page
    return markdown if span is None else (data[: span[0]] + data[span[1]:]).decode("utf-8")


@event_priority(90)  # before anything else reads the page's Markdown (snippet checks run at 100 on the file)
def on_page_markdown(markdown: str, page, config, files) -> str:
    return strip_leading_comment(markdown)
