"""co-op-translator's translation metadata in its three homes: the inline comment
at the top of a page, a notebook's `metadata.coopTranslator`, and the per-language
sidecar `.co-op-translator.json` keyed by source path (co-op-translator 0.16+).

Parsing never raises on any input: every failure becomes a readable error string,
so a broken file is a `malformed-metadata` problem, never a traceback.
"""
from __future__ import annotations

import functools
import json
import re
from datetime import datetime, timezone

from .records import Frozen

FIELDS = ("original_hash", "translation_date", "source_file", "language_code")
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S+00:00"   # co-op-translator's strftime, always UTC
NOTEBOOK_KEY = "coopTranslator"
LABEL = "CO_OP_TRANSLATOR_METADATA:"

_HASH = re.compile(r"[0-9a-fA-F]{32}")
# The comment and at most one line ending after it (which belongs to the comment).
COMMENT = re.compile(rb"<!--[ \t]*\r?\n?[ \t]*CO_OP_TRANSLATOR_METADATA:(.*?)-->[ \t]*(?:\r?\n)?", re.S)
# COMMENT in three steps, for find_comment: its opening, then the first "-->" found with
# bytes.find (what the lazy .*? stops at, without a regex step per byte), then its end.
_COMMENT_OPEN = re.compile(rb"<!--[ \t]*\r?\n?[ \t]*CO_OP_TRANSLATOR_METADATA:")
_COMMENT_END = re.compile(rb"-->[ \t]*(?:\r?\n)?")


class Metadata(Frozen):
    _fields = FIELDS
    original_hash: str
    translation_date: str
    source_file: str
    language_code: str

    def __init__(self, original_hash: str, translation_date: str, source_file: str,
                 language_code: str):
        fields = self.__dict__
        fields["original_hash"], fields["translation_date"] = original_hash, translation_date
        fields["source_file"], fields["language_code"] = source_file, language_code

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in FIELDS}


class Found(Frozen):
    """What one home holds: valid `metadata`, or `errors` saying why not, or neither.

    `where` names the home for messages; `span` is the inline comment's byte range."""

    _fields = ("where", "metadata", "errors", "span")
    where: str
    metadata: Metadata | None
    errors: tuple[str, ...]
    span: tuple[int, int] | None

    def __init__(self, where: str, metadata: Metadata | None = None,
                 errors: tuple[str, ...] = (), span: tuple[int, int] | None = None):
        fields = self.__dict__
        fields["where"], fields["metadata"], fields["errors"], fields["span"] = \
            where, metadata, errors, span

    @property
    def present(self) -> bool:
        return self.metadata is not None or bool(self.errors)


def now_utc() -> str:
    return datetime.now(timezone.utc).strftime(DATE_FORMAT)


def validate(obj) -> tuple[Metadata | None, list[str]]:
    """A Metadata when `obj` has the four fields well formed; otherwise the reasons."""
    if type(obj) is dict:       # the usual case first: four good strings, no messages built
        original, date, source, language = (
            obj.get("original_hash"), obj.get("translation_date"), obj.get("source_file"),
            obj.get("language_code"))
        if type(original) is str and type(date) is str and type(source) is str and \
                type(language) is str and source.strip() and language.strip() and \
                _HASH.fullmatch(original) and check_date(date) is None:
            return Metadata(original.lower(), date, source, language), []
    if not isinstance(obj, dict):
        return None, [f"the metadata is a JSON {type(obj).__name__}, not an object"]
    errors = []
    for name in FIELDS:
        if name not in obj:
            errors.append(f"field {name!r} is missing")
        elif not isinstance(obj[name], str):
            errors.append(f"field {name!r} is {json.dumps(obj[name])[:40]}, not a string")
        elif not obj[name].strip():
            errors.append(f"field {name!r} is empty")
    if errors:
        return None, errors
    if not _HASH.fullmatch(obj["original_hash"]):
        errors.append(f"original_hash {obj['original_hash'][:60]!r} is not 32 hex digits (an MD5)")
    date_error = check_date(obj["translation_date"])
    if date_error:
        errors.append(date_error)
    if errors:
        return None, errors
    return Metadata(obj["original_hash"].lower(), obj["translation_date"],
                    obj["source_file"], obj["language_code"]), []


def cached_for_short(function):
    """`function` of one string, cached for strings of up to 300 characters: every
    language's metadata names the same few hundred sources (and dates), while a
    hostile sidecar's long strings are not kept alive by the cache."""
    cached = functools.lru_cache(maxsize=4096)(function)

    @functools.wraps(function)
    def call(text: str):
        return cached(text) if len(text) <= 300 else function(text)
    return call


@cached_for_short
def check_date(value: str) -> str | None:
    # Cached: a tree's translations share a handful of dates (one per run of
    # co-op-translator), and parsing each again costs more than the lookup.
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return f"translation_date {value[:60]!r} is not a date like 2025-01-30T13:02:53+00:00"
    if parsed.utcoffset() is None:
        return f"translation_date {value[:60]!r} has no UTC offset (expected +00:00)"
    return None


_JSON = json.JSONDecoder()     # json.loads' defaults


def parse_json(raw: bytes) -> tuple[object, str | None]:
    """JSON from bytes; (None, reason) for anything that is not UTF-8 JSON."""
    try:
        # As json.loads(raw.decode("utf-8-sig")) (offsets after a BOM), without that
        # codec's Python code or loads' checks of its arguments.
        text = (raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw).decode("utf-8")
        if text.startswith("\ufeff"):
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        return _JSON.decode(text), None
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 at byte {exc.start}"
    except json.JSONDecodeError as exc:
        return None, f"bad JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
    except (ValueError, RecursionError) as exc:
        return None, f"bad JSON: {str(exc)[:80] or type(exc).__name__}"


def _from_object(obj, where: str, span=None) -> Found:
    metadata, errors = validate(obj)
    return Found(where, metadata, tuple(errors), span)


# What may stand before the comment: a BOM, blank lines, a YAML front matter block.
_LEAD = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:---[ \t]*\r?\n.*?\r?\n---[ \t]*\r?\n\s*)?", re.S)


# The comment's JSON as co-op-translator writes it: the four fields in its order, each
# a string without escapes or control characters, JSON's whitespace between.
_WS = rb"[ \t\n\r]*"
_PLAIN = rb'"([^"\\\x00-\x1f]*)"'
_CANONICAL = re.compile(rb"\{" + rb",".join(
    _WS + b'"' + name.encode() + b'"' + _WS + b":" + _WS + _PLAIN + _WS for name in FIELDS) + rb"\}")


def _canonical(raw: bytes, span: tuple[int, int]) -> Found | None:
    """The Found of good metadata written as co-op-translator writes it, without the JSON
    decoder and validate's checks of types (the pattern implies them); None for
    anything else (which parse_json and validate then read, and explain)."""
    match = _CANONICAL.fullmatch(raw)
    if match is None:
        return None
    try:
        original, date, source, language = [field.decode("utf-8") for field in match.groups()]
    except UnicodeDecodeError:
        return None
    if source.strip() and language.strip() and _HASH.fullmatch(original) and check_date(date) is None:
        return Found("inline comment", Metadata(original.lower(), date, source, language), (), span)
    return None


def find_comment(data: bytes) -> Found:
    """The inline comment at the top of a page's bytes, where co-op-translator writes it
    (after a BOM, blank lines or front matter). A comment further down, such as an example
    in a code block of the translators' guide, is page content, never metadata."""
    opening = _COMMENT_OPEN.match(data, _LEAD.match(data).end())
    close = data.find(b"-->", opening.end()) if opening else -1
    if close < 0:
        return Found("inline comment")
    span = (opening.start(), _COMMENT_END.match(data, close).end())
    raw = data[opening.end():close].strip()
    found = _canonical(raw, span)
    if found is not None:
        return found
    obj, error = parse_json(raw)
    if error:
        return Found("inline comment", errors=(error,), span=span)
    return _from_object(obj, "inline comment", span)


def from_notebook(notebook) -> Found:
    """`metadata.coopTranslator` of an already parsed notebook."""
    where = f"notebook metadata.{NOTEBOOK_KEY}"
    meta = notebook.get("metadata") if isinstance(notebook, dict) else None
    if not isinstance(meta, dict) or NOTEBOOK_KEY not in meta:
        return Found(where)
    return _from_object(meta[NOTEBOOK_KEY], where)


def load_notebook(data: bytes) -> tuple[dict | None, str | None]:
    obj, error = parse_json(data)
    if error is None and not isinstance(obj, dict):
        error = f"the notebook is a JSON {type(obj).__name__}, not an object"
    if error is None:
        error = _cells_error(obj.get("cells"))
    return (obj if error is None else None), error


def _cells_error(cells) -> str | None:
    """Why a notebook's cells are not nbformat's shape (a list of objects whose source
    is a string or a list of strings), or None."""
    if cells is None:
        return None
    if not isinstance(cells, list):
        return f"its cells are a JSON {type(cells).__name__}, not a list"
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict):
            return f"cell {number} is a JSON {type(cell).__name__}, not an object"
        source = cell.get("source", "")
        if not (isinstance(source, str) or isinstance(source, list)
                and all(isinstance(line, str) for line in source)):
            return f"cell {number}'s source is {json.dumps(source)[:40]}, not text"
    return None


def from_sidecar(entries: dict, source: str, where: str) -> Found:
    """The sidecar entry for `source` (a root-relative POSIX path), if there is one."""
    if source not in entries:
        return Found(where)
    return _from_object(entries[source], where)


def load_sidecar(data: bytes) -> tuple[dict | None, str | None]:
    obj, error = parse_json(data)
    if error is None and not isinstance(obj, dict):
        error = f"it is a JSON {type(obj).__name__}, not an object keyed by source path"
    return (obj if error is None else None), error


def render_comment(metadata: Metadata, newline: bytes = b"\n") -> bytes:
    """The comment exactly as co-op-translator writes it, in the file's line endings."""
    body = json.dumps(metadata.to_dict(), indent=2, ensure_ascii=False)
    text = f"<!--\n{LABEL}\n{body}\n-->\n".encode("utf-8")
    return text.replace(b"\n", newline) if newline != b"\n" else text
