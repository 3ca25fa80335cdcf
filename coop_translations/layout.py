"""Where sources and translations live, in both layouts the checker reads.

Both layouts are a prefix mapping: this project mirrors `docs/en/X` to `docs/<lang>/X`,
co-op-translator mirrors `X` to `translations/<lang>/X`. Walking never follows a
symlinked directory and records symlinked files that lead outside the root, so
nothing outside the root is ever opened.
"""
from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from .config import load_site_config

PAGE_SUFFIXES = (".md", ".ipynb")
SIDECAR_NAME = ".co-op-translator.json"
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
# co-op-translator's own output folders are never sources.
_COOP_OUTPUT_DIRS = frozenset({"translations", "translated_images"})


def is_within(root: str, real_path: str) -> bool:
    return real_path == root or real_path.startswith(root.rstrip(os.sep) + os.sep)


@dataclass
class Scan:
    """Page files under one folder: `files` can be read; `escaping` are symlinks
    leading outside the root (never opened)."""

    files: list[str] = field(default_factory=list)
    escaping: set[str] = field(default_factory=set)
    folder_escapes: bool = False


@dataclass(frozen=True)
class Layout:
    root: Path                      # absolute, symlinks resolved
    kind: str                       # "project" or "co-op"
    source_dir: str                 # "" for co-op, "docs/en" for the project
    translation_dirs: dict[str, str]  # language -> folder, e.g. "sv" -> "docs/sv"

    @classmethod
    def project(cls, repo_root: Path) -> "Layout":
        """This project: languages and docs_dir from mkdocs.yml (raises ConfigError)."""
        root = Path(os.path.realpath(repo_root))
        config = load_site_config(root)
        docs = config.docs_dir
        return cls(
            root=root,
            kind="project",
            source_dir=f"{docs}/{config.default_language}",
            translation_dirs={lang: f"{docs}/{lang}" for lang in config.translation_languages},
        )

    @classmethod
    def coop(cls, root: Path) -> "Layout":
        """co-op-translator's layout: one language per folder under translations/."""
        root = Path(os.path.realpath(root))
        if not root.is_dir():
            raise NotADirectoryError(f"{root} is not a directory")
        languages = []
        translations = root / "translations"
        if translations.is_dir():
            languages = sorted(e.name for e in os.scandir(translations)
                               if e.is_dir() and not e.name.startswith("."))
        return cls(root=root, kind="co-op", source_dir="",
                   translation_dirs={lang: f"translations/{lang}" for lang in languages})

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.translation_dirs)

    def command(self, subcommand: str) -> str:
        """How a translator runs this tool on this layout, for fix hints in messages."""
        root = "" if self.kind == "project" else f" --root {self.root}"
        return f"coop-translations {subcommand}{root}"

    def _join(self, folder: str, rel: str) -> str:
        return f"{folder}/{rel}" if folder else rel

    def translation_path(self, source: str, language: str) -> str:
        inner = source[len(self.source_dir) + 1:] if self.source_dir else source
        return self._join(self.translation_dirs[language], inner)

    def source_path(self, translation: str, language: str) -> str:
        inner = translation[len(self.translation_dirs[language]) + 1:]
        return self._join(self.source_dir, inner)

    def language_of(self, translation: str) -> str | None:
        """The language whose folder holds this root-relative path, if any."""
        for language, folder in self.translation_dirs.items():
            if translation.startswith(folder + "/"):
                return language
        return None

    def sidecar_path(self, language: str) -> str:
        return f"{self.translation_dirs[language]}/{SIDECAR_NAME}"

    def relative(self, path: Path | str) -> str:
        """A path given on the command line, as a POSIX path relative to the root.

        Resolves the parent folders only, so a symlinked file keeps its own name."""
        path = Path(path)
        absolute = Path(os.path.realpath(path.parent)) / path.name
        return absolute.relative_to(self.root).as_posix()

    def scan_sources(self) -> Scan:
        skip_top = _COOP_OUTPUT_DIRS if self.kind == "co-op" else frozenset()
        return scan_pages(self.root, self.source_dir, skip_top)

    def scan_translations(self, language: str) -> Scan:
        return scan_pages(self.root, self.translation_dirs[language], frozenset())

    def is_safe(self, rel: str) -> bool:
        """True when `rel` resolves (symlinks followed) to a place inside the root."""
        return is_within(str(self.root), os.path.realpath(self.root / rel))


def scan_pages(root: Path, folder: str, skip_top: frozenset[str]) -> Scan:
    """Every .md/.ipynb under root/folder, sorted, as root-relative POSIX paths."""
    scan = Scan()
    top = root / folder if folder else root
    real_root = str(root)
    if not top.is_dir():
        return scan
    if not is_within(real_root, os.path.realpath(top)):
        scan.folder_escapes = True
        return scan
    stack = [(str(top), folder, True)]
    while stack:
        path, rel, is_top = stack.pop()
        try:
            entries = list(os.scandir(path))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            child = f"{rel}/{name}" if rel else name
            if entry.is_dir(follow_symlinks=False):
                if name.startswith(".") or name in _SKIPPED_DIRS or (is_top and name in skip_top):
                    continue
                stack.append((entry.path, child, False))
            elif name.endswith(PAGE_SUFFIXES):
                if entry.is_symlink():
                    target = os.path.realpath(entry.path)
                    if not is_within(real_root, target) or not os.path.isfile(target):
                        scan.escaping.add(child)
                        continue
                elif not entry.is_file(follow_symlinks=False):
                    continue
                scan.files.append(child)
    scan.files.sort()
    return scan


_SCHEME_OR_DRIVE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def unsafe_reason(path: str) -> str | None:
    """Why a metadata source_file must never be opened, or None if it stays in the root."""
    if "\x00" in path:
        return "contains a NUL character"
    normal = path.replace("\\", "/")
    if normal.startswith("/") or _SCHEME_OR_DRIVE.match(normal):
        return "is absolute"
    if posixpath.normpath(normal).split("/")[0] == "..":
        return "leads outside the root"
    return None


def normalise(path: str) -> str:
    """A safe relative source_file in the form layouts use (no ./, no doubled /)."""
    return posixpath.normpath(path.replace("\\", "/"))
