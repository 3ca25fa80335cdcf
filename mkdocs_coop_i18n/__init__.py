"""coop-i18n: a MkDocs plugin that makes a multilingual site of a course translated by
co-op-translator (or of a `docs/<lang>/` tree), on top of Material, mkdocs-static-i18n
and mkdocs-jupyter.

Each concern is one module; `plugin.CoopI18nPlugin` registers their event handlers
with their own priorities, which interleave with static-i18n's (-100).
"""
