"""Compare a translation's structure with its source's and say, for each kind of part,
the first one that differs, where it is in both files, and how."""
from __future__ import annotations

from collections.abc import Callable

from .structure import CATEGORIES, Structure

Same = Callable[[str, bytes, bytes], bool]


def _show(value) -> str:
    text = _text(value).strip()
    return repr(text if len(text) <= 70 else text[:67] + "...")


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def _code_detail(source, translation) -> str:
    """Where inside two code blocks they first differ."""
    src_lines, tr_lines = _text(source).split("\n"), _text(translation).split("\n")
    for i, (s, t) in enumerate(zip(src_lines, tr_lines)):
        if s != t:
            return f"; its line {i + 1} is {_show(s)} in the source, {_show(t)} in the translation"
    return f"; the source block has {len(src_lines)} lines, the translation's {len(tr_lines)}"


def compare(source: Structure, translation: Structure,
            same: Same | None = None) -> list[tuple[str, int | None]]:
    """(description, translation line or None) for each kind of part that differs.

    `same(category, source_value, translation_value)` may accept targets that differ
    in spelling but lead to the same place (co-op-translator rewrites relative links)."""
    found = []
    for category in CATEGORIES:
        src, tr = source.items[category], translation.items[category]
        if src.values == tr.values:
            continue
        index = _first_difference(category, src.values, tr.values, same)
        if index is None:
            continue
        found.append(_describe(category, index, source, translation))
    label = "markdown cell" if source.notebook else "heading"
    if len(source.headings) != len(translation.headings):
        n_src, n_tr = len(source.headings), len(translation.headings)
        detail = _heading_hint(source, translation)
        found.append((f"the source has {n_src} {label}s, the translation {n_tr}{detail}", None))
    return found


def _first_difference(category, src, tr, same) -> int | None:
    for i, (a, b) in enumerate(zip(src, tr)):
        if a != b and not (same and same(category, a, b)):
            return i
    return None if len(src) == len(tr) else min(len(src), len(tr))


def _describe(category, i, source, translation) -> tuple[str, int | None]:
    src, tr = source.items[category], translation.items[category]
    if i >= len(tr.values):
        return (f"{category} {i + 1} of {len(src.values)} ({source.where(src.positions[i])} of the "
                f"source, {_show(src.values[i])}) is missing from the translation, which has "
                f"{len(tr.values)}", None)
    tr_at = tr.positions[i]
    line = None if translation.notebook else translation.line(tr_at)
    if i >= len(src.values):
        return (f"{category} {i + 1} ({translation.where(tr_at)} of the translation, "
                f"{_show(tr.values[i])}) is not in the source, which has {len(src.values)}", line)
    detail = _code_detail(src.values[i], tr.values[i]) if category == "code block" else ""
    return (f"{category} {i + 1} differs: {_show(src.values[i])} at {source.where(src.positions[i])} "
            f"of the source, {_show(tr.values[i])} at {translation.where(tr_at)} of the translation"
            f"{detail}", line)


def _heading_hint(source, translation) -> str:
    if source.notebook:
        return ""
    src = [source.line(p) for p in source.headings[:12]]
    tr = [translation.line(p) for p in translation.headings[:12]]
    return f" (source lines {src}, translation lines {tr})"
