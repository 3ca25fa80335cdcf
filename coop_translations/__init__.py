"""Translation checker: co-op-translator-compatible metadata, every problem a
translator meets, and what changed in the English since a translation was made.

The library API below is what the command line and the site build use; there is
one parser and one set of checks. What a caller can rely on:

- `check_project(repo_root)` reads this project's layout from mkdocs.yml
  (docs/<default>/X mirrored to docs/<lang>/X); `check_tree(root)` reads
  co-op-translator's layout (X mirrored to translations/<lang>/X). Both are
  read-only, never open anything outside the root (symlinks included), and return
  a `Report` whose `.results` hold one `Result(path, source, language, problems)`
  per translation and per missing translation, sorted by language then path, with
  paths root-relative and POSIX; `Problem.code` is one of `CODES`. A few hundred
  pages take well under 0.3 s.
- Errors of the tool itself (no mkdocs.yml, unreadable file) raise `ConfigError`,
  `CheckerIOError` or `OSError`; problems of translations never raise.
- `read_metadata`, `history_diff` and `stamp` take the same root and a translation
  path (absolute, or relative to the root).
"""
from __future__ import annotations

import os

from .checker import SOURCE_IN_MEMORY, Checker, CheckerIOError
from .config import ConfigError
from .layout import Layout
from .metadata import Found, Metadata
from .problems import CODES, Problem, Report, Result

# Loaded when first used: `check` needs neither diffing (subprocess, difflib) nor
# stamping (contextlib, pathlib), and importing them costs more than checking a small
# tree. (The stamping module is not named `stamp`: importing a submodule binds its
# name in the package, which would replace the function `stamp` below.)
_LAZY = {"DiffResult": "diffing", "GitError": "diffing", "diff_since": "diffing",
         "Stamped": "stamping", "StampRefused": "stamping"}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "CODES", "Checker", "CheckerIOError", "ConfigError", "DiffResult", "Found", "GitError",
    "Layout", "Metadata", "Problem", "Report", "Result", "StampRefused", "Stamped",
    "check_project", "check_tree", "history_diff", "layout_for", "read_metadata", "stamp",
]


def layout_for(root: os.PathLike | str, coop: bool = False) -> Layout:
    """This project's layout at `root` (mkdocs.yml), or co-op-translator's with coop=True."""
    return Layout.coop(root) if coop else Layout.project(root)


def check_project(repo_root: os.PathLike | str) -> Report:
    """Every translation of this project, languages from `<repo_root>/mkdocs.yml`."""
    return Checker(Layout.project(repo_root)).run()


def check_tree(root: os.PathLike | str) -> Report:
    """Every translation of a tree in co-op-translator's layout (translations/<lang>/...)."""
    return Checker(Layout.coop(root)).run()


def _located(root, path, coop) -> tuple[Layout, str, str]:
    from pathlib import Path

    layout = layout_for(root, coop)
    path = Path(path)
    rel = layout.relative(path if path.is_absolute() else layout.root / path)
    language = layout.language_of(rel)
    if language is None:
        raise ValueError(f"{rel} is not inside a translation folder of {layout.root}")
    return layout, rel, language


def read_metadata(root: os.PathLike | str, path: os.PathLike | str, *, coop: bool = False) -> Found:
    """A translation's metadata as the checker reads it (sidecar entry first, then the
    page's comment or the notebook's metadata). `Found.metadata` is None when absent
    or malformed; `Found.errors` then says why."""
    layout, rel, language = _located(root, path, coop)
    return Checker(layout).metadata_of(rel, language)


def history_diff(root: os.PathLike | str, path: os.PathLike | str, *, coop: bool = False) -> "DiffResult":
    """What changed in the translation's source since the version it was made from,
    found by MD5 in the source's git history. `base_commit` is None when no version
    matches or the metadata is unusable; `message` then says why. Raises GitError
    when git cannot be run there."""
    from .diffing import DiffResult, diff_since

    layout, rel, language = _located(root, path, coop)
    if not layout.is_safe(rel):
        return DiffResult("", [], None, f"{rel} was not read: it is a link or a special file, "
                          f"and the checker never reads through one.")
    checker = Checker(layout)
    source = layout.source_path(rel, language)
    if source not in checker.sources:
        return DiffResult("", [], None, f"{rel} has no source {source}: nothing to compare with.")
    found = checker.metadata_of(rel, language)
    if found.metadata is None:
        why = "; ".join(found.errors) or "it has no translation metadata"
        return DiffResult("", [], None, f"{rel}: cannot tell which version was translated: {why}.")
    current = checker.source_page(source).data
    if current is None:
        raise CheckerIOError(f"{source} is too large to diff (more than "
                             f"{SOURCE_IN_MEMORY // 2**20} MiB)")
    return diff_since(layout.root, source, current, found.metadata.original_hash)


def stamp(root: os.PathLike | str, path: os.PathLike | str, *, coop: bool = False, force: bool = False,
          now: str | None = None) -> "Stamped":
    """Write fresh metadata (current source hash, UTC date, source, language) into a
    translation, changing nothing else. Raises StampRefused for a file with problems
    other than stale/missing-metadata unless force=True."""
    from .stamping import stamp as stamp_layout

    layout, rel, _language = _located(root, path, coop)
    return stamp_layout(layout, rel, force=force, now=now)
