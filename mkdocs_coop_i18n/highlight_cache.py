"""Highlight each code block once per process, not once per language.

Every page of every language shows the same snippet code, and Pygments
highlighted it again in each of the six language builds (about a sixth of a
full build). `pymdownx.highlight.Highlight.highlight` is a pure function of
its arguments and the extension's settings, except for HTML titles, which it
stashes in the Markdown instance: those calls are left uncached.
"""

from __future__ import annotations

from functools import wraps

from mkdocs.config.defaults import MkDocsConfig
from pymdownx.highlight import Highlight

_results: dict[tuple, str] = {}


def _settings(highlighter: Highlight) -> str:
    return repr(sorted((name, repr(value)) for name, value in vars(highlighter).items() if name != "md"))


def _cached(highlight):
    @wraps(highlight)
    def cached_highlight(self, src, language, *args, **kwargs):
        if self.title_mode == "html" or self.auto_title:
            return highlight(self, src, language, *args, **kwargs)
        key = (_settings(self), src, language, repr(args), repr(sorted(kwargs.items())))
        if key not in _results:
            _results[key] = highlight(self, src, language, *args, **kwargs)
        return _results[key]

    cached_highlight.is_shared_cache = True
    return cached_highlight


def on_config(config: MkDocsConfig) -> None:
    if not getattr(Highlight.highlight, "is_shared_cache", False):
        Highlight.highlight = _cached(Highlight.highlight)
