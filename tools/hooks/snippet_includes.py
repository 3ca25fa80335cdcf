"""Fail the build on a broken snippet include, naming the page, the line and the fix.

pymdownx.snippets (check_paths: true) already stops the build, but its error
names neither the page's line nor, for a missing section, the snippet file.
This runs first and reports with the same resolution rules (tools.snippets.sections).
"""

from __future__ import annotations

from pathlib import Path

import repo_path

repo_path.ensure()  # the checkout's tools/ on sys.path, for every hook (see repo_path)
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from tools.snippets.sections import find_includes


@event_priority(100)  # before any other page_markdown handler and before rendering
def on_page_markdown(markdown: str, page, config, files) -> str:
    source = page.file.abs_src_path
    if not source or not source.endswith(".md"):
        return markdown
    for include in find_includes(Path(source)):
        problem = include.problem()
        if problem:
            raise PluginError(
                f"{page.file.src_path}:{include.line}: snippet include --8<-- \"{include.target}\": {problem}. "
                "Fix the path or section name in the page, or add the section to the snippet with "
                "'# --8<-- [start:NAME]' / '# --8<-- [end:NAME]' lines."
            )
    return markdown
