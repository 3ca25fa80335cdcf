"""MkDocs hooks, one concern per file, listed under `hooks:` in mkdocs.yml."""
