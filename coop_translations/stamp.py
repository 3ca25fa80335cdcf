"""Write fresh metadata into a translation after it has been brought up to date.

Only the metadata changes: a page keeps every other byte (byte-order mark, line
endings, the text), a notebook keeps its JSON style. Each file is replaced
atomically (temp file in the same folder, then rename), so a crash never leaves
half a page.
"""
from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .checker import Checker
from .encoding import UTF8_BOM
from .layout import Layout
from .metadata import (NOTEBOOK_KEY, Metadata, find_comment, from_notebook, load_notebook,
                       load_sidecar, now_utc, render_comment)
from .problems import ORPHAN, STAMPABLE


class StampRefused(Exception):
    """The file has problems a new stamp would hide; fix them, or pass force=True."""


@dataclass(frozen=True)
class Stamped:
    path: str               # the translation, root-relative
    metadata: Metadata
    written: tuple[str, ...]  # root-relative files rewritten (the page and/or the sidecar)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once, keeping its permission bits."""
    import tempfile     # here: the checker imports this module, and rarely stamps

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        except FileNotFoundError:
            pass
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


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


def stamp(layout: Layout, translation: str, *, force: bool = False, now: str | None = None) -> Stamped:
    """Stamp one translation (root-relative POSIX path) with its source's current hash.

    Refuses (StampRefused) a file with problems other than stale/missing-metadata
    unless `force`; an orphan or a symlink leading outside the root is always refused."""
    language = layout.language_of(translation)
    if language is None:
        raise StampRefused(f"{translation} is not inside a translation folder "
                           f"({', '.join(layout.translation_dirs.values()) or 'none found'})")
    checker = Checker(layout)
    source = layout.source_path(translation, language)
    if not layout.is_safe(translation) or source in checker.escaping_sources:
        raise StampRefused(f"{translation} not stamped: it or its source {source} is a symlink "
                           f"leading outside {layout.root}")
    result = checker.check_file(translation, language, drift_when_stale=True)
    if ORPHAN in result.codes:
        raise StampRefused(f"{translation} not stamped: there is no source {source} to hash")
    blocking = [p for p in result.problems if p.code not in STAMPABLE]
    if blocking and not force:
        reasons = "; ".join(f"{p.code}: {p.message}" for p in blocking)
        raise StampRefused(f"{translation} not stamped (stamp --force writes it anyway): {reasons}")

    metadata = Metadata(checker.source_page(source).md5, now or now_utc(), source, language)
    real = Path(os.path.realpath(layout.root / translation))
    data = real.read_bytes()
    # Everything is computed before anything is written: a refusal leaves no half stamp.
    writes: list[tuple[str, Path, bytes]] = []
    rewrite_file = True
    sidecar_rel = layout.sidecar_path(language)
    sidecar = Path(os.path.realpath(layout.root / sidecar_rel))
    if sidecar.is_file() and layout.is_safe(sidecar_rel):
        raw = sidecar.read_bytes()
        entries, _error = load_sidecar(raw)
        if entries is not None and source in entries:
            old = entries[source] if isinstance(entries[source], dict) else {}
            entries[source] = {**old, **metadata.to_dict()}
            writes.append((sidecar_rel, sidecar, _dump(entries, _json_style(raw), sort_keys=True)))
            # The file's own copy, if it keeps one, must not contradict the sidecar.
            rewrite_file = _has_own_metadata(translation, data)
    if rewrite_file:
        notebook = translation.endswith(".ipynb")
        new = stamp_notebook(data, metadata) if notebook else stamp_page(data, metadata)
        writes.append((translation, real, new))
    for _rel, path, content in writes:
        write_atomic(path, content)
    return Stamped(translation, metadata, tuple(rel for rel, _path, _content in writes))


def _has_own_metadata(translation: str, data: bytes) -> bool:
    if translation.endswith(".ipynb"):
        notebook, _error = load_notebook(data)
        return notebook is not None and from_notebook(notebook).present
    return find_comment(data).present
