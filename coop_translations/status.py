"""Freshness of every translation, one state per (language, page): what the site shows.

A view of the checker's own report, not a second checker: the state comes from
the problem codes of `Checker.run()`, the date from the same metadata reader
(`Checker.metadata_of`), and what changed from `history_diff`. The site build
computes it once per build and shows it in banners and on the status page.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import GitError, history_diff, layout_for
from .checker import Checker
from .config import load_site_config
from .diffing import DiffResult
from .problems import MISSING, STALE, Problem, Result

FRESH, STALE_STATE, MISSING_STATE, BROKEN = "fresh", "stale", "missing", "broken"
STATES = (FRESH, STALE_STATE, MISSING_STATE, BROKEN)


def state_of(result: Result) -> str:
    """fresh, stale, missing or broken. Stale wins over other problems: the reader is
    told the page may be out of date, and the diff says what to catch up on."""
    codes = set(result.codes)
    if MISSING in codes:
        return MISSING_STATE
    if STALE in codes:
        return STALE_STATE
    return BROKEN if codes else FRESH


@dataclass(frozen=True)
class Freshness:
    page: str                  # relative to the source folder: lessons/01-tensors/index.md
    language: str
    path: str                  # the translation, root-relative (where it belongs, when missing)
    source: str                # the English page, root-relative
    state: str                 # one of STATES
    date: str | None           # the metadata's translation_date, when readable
    original_hash: str | None  # the source version it was translated from, when readable
    problems: tuple[Problem, ...] = ()


@dataclass
class ProjectStatus:
    root: Path
    source_language: str
    source_dir: str                   # root-relative, e.g. docs/en
    languages: tuple[str, ...]        # translation languages, mkdocs.yml order
    pages: tuple[str, ...]            # source pages relative to source_dir, sorted
    entries: dict[tuple[str, str], Freshness]   # (language, page) -> freshness
    _by_path: dict[str, Freshness] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_path = {entry.path: entry for entry in self.entries.values()}

    def by_path(self, path: str) -> Freshness | None:
        """The entry of a root-relative translation path, if it is one."""
        return self._by_path.get(path)

    def is_source(self, path: str) -> bool:
        """True for a root-relative path inside the source folder (for co-op-translator's
        layout, anywhere but its output folders)."""
        if self.source_dir:
            return path.startswith(self.source_dir + "/")
        return path.split("/", 1)[0] not in ("translations", "translated_images")

    def with_state(self, state: str) -> list[Freshness]:
        return [entry for entry in self.entries.values() if entry.state == state]


def project_status(repo_root: Path | str, *, coop: bool = False, source_language: str = "en") -> ProjectStatus:
    """Every (language, page) of the project at `repo_root`, checked once; with coop=True,
    of a tree in co-op-translator's layout (whose sources are in `source_language`)."""
    layout = layout_for(repo_root, coop=coop)
    if not coop:
        source_language = load_site_config(layout.root).default_language
    checker = Checker(layout)
    prefix = layout.source_dir + "/" if layout.source_dir else ""
    entries = {}
    for result in checker.run().results:
        if result.source is None:
            continue  # an orphan has no page to show it on; the build refuses it anyway
        meta = None
        if MISSING not in result.codes:
            meta = checker.metadata_of(result.path, result.language).metadata
        page = result.source[len(prefix):]
        entries[(result.language, page)] = Freshness(
            page=page, language=result.language, path=result.path, source=result.source,
            state=state_of(result), date=meta.translation_date if meta else None,
            original_hash=meta.original_hash if meta else None, problems=tuple(result.problems))
    return ProjectStatus(
        root=layout.root, source_language=source_language, source_dir=layout.source_dir,
        languages=layout.languages, pages=tuple(sorted(s[len(prefix):] for s in checker.sources)),
        entries=entries)


def what_changed(status: ProjectStatus, entries: list[Freshness]) -> dict[str, DiffResult]:
    """The checker's diff for each entry, by translation path. Translations made from
    the same version of a source share one diff; without git, each says why."""
    by_version: dict[tuple[str, str | None], DiffResult] = {}
    diffs = {}
    for entry in entries:
        key = (entry.source, entry.original_hash)
        if key not in by_version:
            try:
                by_version[key] = history_diff(status.root, entry.path, coop=not status.source_dir)
            except GitError as error:
                by_version[key] = DiffResult("", [], None, (
                    f"The history of {entry.source} is not available in this build ({error}), so "
                    f"what changed cannot be shown. Run `coop-translations diff "
                    f"{entry.path}` in a git checkout."))
        diffs[entry.path] = by_version[key]
    return diffs
