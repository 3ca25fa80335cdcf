"""The plugin's own logger, outside the `mkdocs.` namespace.

MkDocs counts every WARNING on `mkdocs.*` loggers and `--strict` fails the build on
them. What this logger reports is a fallback that keeps the site working (a UI
string shown in English, a feature switched off), which must be visible but must
not fail a strict build. It therefore has its own handler and does not propagate.
"""

from __future__ import annotations

import logging

log = logging.getLogger("coop_i18n")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    _handler.setLevel(logging.WARNING)
    log.addHandler(_handler)
log.setLevel(logging.INFO)
log.propagate = False
