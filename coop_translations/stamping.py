"""Write fresh metadata into a translation after it has been brought up to date.

Only the metadata changes: a page keeps every other byte (byte-order mark, line
endings, the text), a notebook keeps its JSON style. Each file is replaced
atomically (temp file in the same folder, fsync, then rename), so a crash never
leaves half a page, and only if it is unchanged since it was read: same inode,
size, modification time and bytes (else the stamp is refused, and whatever another
program wrote stays). Writers of one language folder (its sidecar and pages) take
a file lock (`<folder>/.co-op-translator.json.lock`) and re-read under it, so
parallel stamps never lose each other's sidecar entries. Nothing is ever written
through a symbolic link or to a file with more than one link (safeio.Tree).
"""
from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from .checker import Checker
from .encoding import UTF8_BOM
from .hashing import md5_hex
from .layout import Layout
from .metadata import (NOTEBOOK_KEY, Metadata, find_comment, from_notebook, load_notebook,
                       load_sidecar, now_utc, render_comment)
from .problems import ORPHAN, STAMPABLE
from .records import Frozen
from .safeio import Tree, Unsafe



class StampRefused(Exception):
    """The file has problems a new stamp would hide; fix them, or pass force=True."""


class Stamped(Frozen):
    _fields = ("path", "metadata", "written")
    path: str               # the translation, root-relative
    metadata: Metadata
    written: tuple[str, ...]  # root-relative files rewritten (the page and/or the sidecar)

    def __init__(self, path: str, metadata: Metadata, written: tuple[str, ...]):
        self.__dict__.update(path=path, metadata=metadata, written=written)


LOCK_TIMEOUT = 120      # seconds a stamp waits for another one on the same folder


def _identity(info: os.stat_result) -> tuple:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def write_atomic(tree: Tree, rel: str, data: bytes, expected: tuple, expected_md5: str) -> None:
    """Replace root-relative `rel` with `data` all at once, keeping its permission bits,
    if it is still the file read before (`expected` identity and MD5); StampRefused if
    not. The temporary file is created beside it and removed on any failure."""
    folder, _, name = rel.rpartition("/")
    dir_fd = tree.dir_fd(folder)
    import secrets      # here: only a stamp that writes needs it

    temporary = f".{name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC,
                 0o600, dir_fd=dir_fd)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
            try:
                current, info = tree.read(rel)      # refuses a link or special file swapped in
            except (Unsafe, FileNotFoundError) as why:
                raise StampRefused(f"{rel} was replaced while it was being stamped ({why}); "
                                   f"nothing written") from None
            if _identity(info) != expected or md5_hex(current) != expected_md5:
                raise StampRefused(f"{rel} changed while it was being stamped (another program "
                                   f"wrote it); not stamped, its new content is kept. Run stamp "
                                   f"again.")
            os.fchmod(fd, stat.S_IMODE(info.st_mode))
        finally:
            os.close(fd)
        os.replace(temporary, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        try:
            os.unlink(temporary, dir_fd=dir_fd)
        except FileNotFoundError:
            pass
        raise
    try:
        os.fsync(dir_fd)                # so the rename itself survives a crash
    except OSError:
        pass                            # some file systems cannot sync a folder


@contextmanager
def folder_lock(tree: Tree, folder: str):
    """The lock every stamp of one language folder holds while it reads and writes.

    Keyed by the folder's device and inode (however it is named), in a private folder
    of the user's temporary directory, so stamping leaves no file in the tree (a lock
    file there would be a stray page for the site build and for git)."""
    from filelock import FileLock, Timeout

    info = os.fstat(tree.dir_fd(folder))
    lock = FileLock(str(_lock_folder() / f"{info.st_dev}-{info.st_ino}.lock"), timeout=LOCK_TIMEOUT)
    try:
        with lock:
            yield
    except Timeout:
        raise StampRefused(f"{folder}: another stamp has held its lock for over {LOCK_TIMEOUT} s; "
                           f"not stamped") from None


def _lock_folder() -> Path:
    """<tmp>/coop-translations-<uid>, created private; refused if anyone else could
    have placed or changed what is in it."""
    import tempfile

    folder = Path(tempfile.gettempdir()) / f"coop-translations-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise StampRefused(f"{folder} (where stamps take their locks) is not a private folder "
                           f"of this user; remove it and stamp again")
    return folder


def _newline(data: bytes) -> bytes:
    end = data.find(b"\n")
    return b"\r\n" if end > 0 and data[end - 1:end] == b"\r" else b"\n"


def stamp_page(data: bytes, metadata: Metadata) -> bytes:
    """`data` with its metadata comment replaced (or put first); nothing else changes."""
    bom = UTF8_BOM if data.startswith(UTF8_BOM) else b""
    body = data[len(bom):]
    comment = render_comment(metadata, _newline(body))
    span = find_comment(body).span
    if span:
        return bom + body[:span[0]] + comment + body[span[1]:]
    return bom + comment + body


def _json_style(data: bytes) -> dict:
    """Indent, line ending, escaping and final newline of an existing JSON file."""
    body = data[3:] if data.startswith(UTF8_BOM) else data
    newline = _newline(body)
    second = body.split(b"\n", 2)[1] if body.count(b"\n") >= 1 else b""
    indent = len(second) - len(second.lstrip(b" ")) or 1
    return {"indent": indent, "newline": newline, "ascii": body.isascii() and b"\\u" in body,
            "final": body.endswith(b"\n"), "bom": data.startswith(UTF8_BOM)}


def _dump(obj, style: dict, sort_keys: bool = False) -> bytes:
    text = json.dumps(obj, indent=style["indent"], ensure_ascii=style["ascii"], sort_keys=sort_keys)
    data = text.encode("utf-8").replace(b"\n", style["newline"])
    if style["final"]:
        data += style["newline"]
    return (UTF8_BOM if style["bom"] else b"") + data


def stamp_notebook(data: bytes, metadata: Metadata) -> bytes:
    notebook, error = load_notebook(data)
    if error:
        raise StampRefused(f"the notebook is unreadable ({error}); fix its JSON first")
    if not isinstance(notebook.get("metadata"), dict):
        notebook["metadata"] = {}
    notebook["metadata"][NOTEBOOK_KEY] = metadata.to_dict()
    return _dump(notebook, _json_style(data))


def stamp(layout: Layout, translation: str, *, force: bool = False, now: str | None = None,
          before_write: Callable[[], None] | None = None) -> Stamped:
    """Stamp one translation (root-relative POSIX path) with its source's current hash.

    Refuses (StampRefused) a file with problems other than stale/missing-metadata
    unless `force`; an orphan, a link, a special file or a file with more than one
    link is always refused, and so is a file that changes while it is stamped.
    `before_write` runs under the lock just before writing (tests use it to race)."""
    language = layout.language_of(translation)
    if language is None:
        raise StampRefused(f"{translation} is not inside a translation folder "
                           f"({', '.join(layout.translation_dirs.values()) or 'none found'})")
    tree = layout.tree
    checker = Checker(layout)
    source = layout.source_path(translation, language)
    try:
        data, info = tree.read(translation)
    except Unsafe as why:
        raise StampRefused(f"{translation} not stamped: {why}; the checker never writes "
                           f"through links or to special files") from None
    except FileNotFoundError:
        raise StampRefused(f"{translation} not stamped: no such file") from None
    if source in checker.escaping_sources:
        raise StampRefused(f"{translation} not stamped: its source {source} is a link or a "
                           f"special file")
    result = checker.check_file(translation, language, drift_when_stale=True)
    if ORPHAN in result.codes:
        raise StampRefused(f"{translation} not stamped: there is no source {source} to hash")
    blocking = [p for p in result.problems if p.code not in STAMPABLE]
    if blocking and not force:
        reasons = "; ".join(f"{p.code}: {p.message}" for p in blocking)
        raise StampRefused(f"{translation} not stamped (stamp --force writes it anyway): {reasons}")

    metadata = Metadata(checker.source_page(source).md5, now or now_utc(), source, language)
    expected, expected_md5 = _identity(info), md5_hex(data)
    folder = layout.translation_dirs[language]
    sidecar_rel = layout.sidecar_path(language)
    with folder_lock(tree, folder):
        # Everything is computed before anything is written: a refusal leaves no half stamp.
        writes: list[tuple[str, bytes, tuple, str]] = []
        rewrite_file = True
        sidecar = _read_sidecar(tree, sidecar_rel)    # re-read under the lock: never stale
        if sidecar is not None:
            raw, sidecar_info = sidecar
            entries, _error = load_sidecar(raw)
            if entries is not None and source in entries:
                old = entries[source] if isinstance(entries[source], dict) else {}
                entries[source] = {**old, **metadata.to_dict()}
                writes.append((sidecar_rel, _dump(entries, _json_style(raw), sort_keys=True),
                               _identity(sidecar_info), md5_hex(raw)))
                # The file's own copy, if it keeps one, must not contradict the sidecar.
                rewrite_file = _has_own_metadata(translation, data)
        if rewrite_file:
            notebook = translation.endswith(".ipynb")
            new = stamp_notebook(data, metadata) if notebook else stamp_page(data, metadata)
            writes.append((translation, new, expected, expected_md5))
        if before_write is not None:
            before_write()
        for rel, content, identity, digest in writes:
            write_atomic(tree, rel, content, identity, digest)
    return Stamped(translation, metadata, tuple(rel for rel, *_rest in writes))


def _read_sidecar(tree: Tree, rel: str) -> tuple[bytes, os.stat_result] | None:
    try:
        return tree.read(rel)
    except FileNotFoundError:
        return None
    except Unsafe as why:
        raise StampRefused(f"{rel} not updated: {why}; the checker never writes through links "
                           f"or to special files") from None


def _has_own_metadata(translation: str, data: bytes) -> bool:
    if translation.endswith(".ipynb"):
        notebook, _error = load_notebook(data)
        return notebook is not None and from_notebook(notebook).present
    return find_comment(data).present
