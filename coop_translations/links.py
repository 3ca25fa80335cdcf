"""When two differently spelled link targets still lead to the same place.

co-op-translator rewrites relative links in a translation, which sits deeper
(`translations/<lang>/...`) than its source, and points images at
`translated_images/<lang>/<name>.<hash>...`. Comparing the places the links resolve
to, not their spelling, keeps those rewrites from counting as structure drift.
"""
from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from .layout import Layout

_EXTERNAL = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//|/|#)")


def _split(target: str) -> tuple[str, str]:
    cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=len(target))
    return target[:cut], target[cut:]


def same_target(layout: Layout, source: str, translation: str,
                language: str) -> Callable[[str, bytes, bytes], bool]:
    """A predicate for structure.compare: do a source and a translation target agree?"""
    source_dir, translation_dir = posixpath.dirname(source), posixpath.dirname(translation)
    translated_prefix = layout.translation_dirs[language] + "/"
    source_prefix = layout.source_dir + "/" if layout.source_dir else ""

    def same(category: str, source_target: bytes, translation_target: bytes) -> bool:
        if category not in ("link", "image"):
            return False
        a = source_target.decode("utf-8", "replace")
        b = translation_target.decode("utf-8", "replace")
        if _EXTERNAL.match(a) or _EXTERNAL.match(b):
            return False
        path_a, rest_a = _split(a)
        path_b, rest_b = _split(b)
        if rest_a != rest_b:
            return False
        place_a = posixpath.normpath(posixpath.join(source_dir, path_a))
        place_b = posixpath.normpath(posixpath.join(translation_dir, path_b))
        if place_b.startswith(translated_prefix):
            place_b = source_prefix + place_b[len(translated_prefix):]
        if place_a == place_b:
            return True
        if category == "image" and place_b.startswith("translated_images/"):
            stem = posixpath.splitext(posixpath.basename(place_a))[0]
            return posixpath.basename(place_b).startswith(stem + ".")
        return False

    return same
