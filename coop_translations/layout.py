"""Where sources and translations live, in both layouts the checker reads.

Both layouts are a prefix mapping: this project mirrors `docs/en/X` to `docs/<lang>/X`,
co-op-translator mirrors `X` to `translations/<lang>/X`. Walking (safeio.Tree) never
enters a linked folder and records linked or special files without opening them,
so nothing outside the root is ever opened.
"""
from __future__ import annotations

import os
import posixpath
import re

from .config import load_site_config
from .metadata import cached_for_short
from .records import FRESH, Frozen, Record
from .safeio import MAX_DEPTH, CheckerIOError, Tree, Unsafe, kind_of

PAGE_SUFFIXES = (".md", ".ipynb")
SIDECAR_NAME = ".co-op-translator.json"
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
# co-op-translator's own output folders are never sources.
_COOP_OUTPUT_DIRS = frozenset({"translations", "translated_images"})


class Scan(Record):
    """Page files under one folder: `files` can be read; `escaping` are links or
    special files (never opened), reported as unsafe-path."""

    _fields = ("files", "escaping", "folder_escapes")
    files: list[str]
    escaping: set[str]
    folder_escapes: bool

    def __init__(self, files: list[str] = FRESH, escaping: set[str] = FRESH,
                 folder_escapes: bool = False):
        self.files = [] if files is FRESH else files
        self.escaping = set() if escaping is FRESH else escaping
        self.folder_escapes = folder_escapes


class Layout(Frozen):
    """`root` is a pathlib.Path, made when first asked for: a check needs only the
    folder's name (`root_name`), and importing pathlib (with urllib.parse and
    ipaddress) cost every `check` about 9 ms."""

    _fields = ("root", "kind", "source_dir", "translation_dirs")    # not the tree
    __match_args__ = ("root", "kind", "source_dir", "translation_dirs", "tree")
    root_name: str                  # absolute, symlinks resolved
    kind: str                       # "project" or "co-op"
    source_dir: str                 # "" for co-op, "docs/en" for the project
    translation_dirs: dict[str, str]  # language -> folder, e.g. "sv" -> "docs/sv"
    tree: Tree

    def __init__(self, root: os.PathLike | str, kind: str, source_dir: str,
                 translation_dirs: dict[str, str], tree: Tree = None):
        self.__dict__.update(root_name=os.fspath(root), kind=kind, source_dir=source_dir,
                             translation_dirs=translation_dirs, tree=tree)

    @property
    def root(self) -> "Path":
        """The root as a pathlib.Path (absolute, symlinks resolved)."""
        path = self.__dict__.get("_root")
        if path is None:
            from pathlib import Path

            path = self.__dict__["_root"] = Path(self.root_name)
        return path

    @classmethod
    def project(cls, repo_root: os.PathLike | str) -> "Layout":
        """This project: languages and docs_dir from mkdocs.yml (raises ConfigError)."""
        root = os.path.realpath(repo_root)
        config = load_site_config(root)
        docs = config.docs_dir
        tree = Tree(root)
        source_dir = f"{docs}/{config.default_language}"
        _require_folder(tree, source_dir, "the source folder")
        return cls(
            root=root,
            kind="project",
            source_dir=source_dir,
            translation_dirs={lang: f"{docs}/{lang}" for lang in config.translation_languages},
            tree=tree,
        )

    @classmethod
    def coop(cls, root: os.PathLike | str) -> "Layout":
        """co-op-translator's layout: one language per folder under translations/."""
        if not os.fspath(root):
            raise CheckerIOError("the root is an empty path; name a folder (--root .)")
        root = os.path.realpath(root)
        if not os.path.isdir(root):
            raise CheckerIOError(f"{root} is not a folder")
        tree = Tree(root)
        languages = []
        if _require_folder(tree, "translations", "the translations folder"):
            # A symlinked language folder is listed (and reported unsafe-path), never entered.
            languages = sorted(e.name for e in tree.list("translations")
                               if not e.name.startswith(".")
                               and (e.is_dir(follow_symlinks=False) or e.is_symlink()))
        return cls(root=root, kind="co-op", source_dir="",
                   translation_dirs={lang: f"translations/{lang}" for lang in languages}, tree=tree)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.translation_dirs)

    def command(self, subcommand: str) -> str:
        """How a translator runs this tool on this layout, for fix hints in messages."""
        root = "" if self.kind == "project" else f" --root {self.root_name}"
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

    def relative(self, path: os.PathLike | str) -> str:
        """A path given on the command line, as a POSIX path relative to the root.

        Resolves the parent folders only, so a symlinked file keeps its own name
        (and is then refused by every read)."""
        from pathlib import Path

        path = Path(path)
        absolute = Path(os.path.realpath(path.parent)) / path.name
        return absolute.relative_to(self.root).as_posix()

    def scan_sources(self) -> Scan:
        skip_top = _COOP_OUTPUT_DIRS if self.kind == "co-op" else frozenset()
        return scan_pages(self.tree, self.source_dir, skip_top)

    def scan_translations(self, language: str) -> Scan:
        return scan_pages(self.tree, self.translation_dirs[language], frozenset())

    def is_safe(self, rel: str) -> bool:
        """True when `rel` is a regular, singly linked file reached without any link."""
        try:
            info = self.tree.lstat(rel)
        except Unsafe:
            return False
        except OSError:
            return True       # absent: reading it is then an I/O error, not a leak
        return kind_of(info.st_mode, info.st_nlink) is None


def _require_folder(tree: Tree, rel: str, what: str) -> bool:
    """True for a real folder, False when absent; a link or a file there: exit 2."""
    try:
        return tree.is_dir(rel)
    except Unsafe:
        raise CheckerIOError(f"{what} {rel} is a symbolic link; the checker does not follow "
                             f"links. Replace it with a real folder.") from None


def scan_pages(tree: Tree, folder: str, skip_top: frozenset[str]) -> Scan:
    """Every .md/.ipynb under root/folder, sorted, as root-relative POSIX paths.

    Never enters a linked folder; a folder it cannot list, or nesting deeper than
    MAX_DEPTH, raises CheckerIOError (the tool cannot vouch for that tree)."""
    scan = Scan()
    try:
        if not tree.is_dir(folder):
            return scan
    except Unsafe:
        scan.folder_escapes = True
        return scan
    stack = [(folder, 0)]
    while stack:
        rel, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise CheckerIOError(f"{rel} is nested more than {MAX_DEPTH} folders deep under "
                                 f"{folder or tree.root}; the checker does not scan that deep")
        for entry in tree.list(rel):
            name = entry.name
            child = f"{rel}/{name}" if rel else name
            if entry.is_dir(follow_symlinks=False):
                if name.startswith(".") or name in _SKIPPED_DIRS or (not depth and name in skip_top):
                    continue
                stack.append((child, depth + 1))
            elif name.endswith(PAGE_SUFFIXES):
                if entry.is_file(follow_symlinks=False):
                    scan.files.append(child)
                else:       # a symlink, FIFO, socket or device named like a page
                    scan.escaping.add(child)
    scan.files.sort()
    return scan


_SCHEME_OR_DRIVE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@cached_for_short
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


@cached_for_short
def normalise(path: str) -> str:
    """A safe relative source_file in the form layouts use (no ./, no doubled /)."""
    return posixpath.normpath(path.replace("\\", "/"))
