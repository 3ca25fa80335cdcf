"""Read the named sections of snippet files and the include lines that point at them.

The syntax is pymdownx.snippets' own, so a page, a notebook recipe and a test
all resolve `--8<-- "<lesson>/<file>.py:<name>"` the same way the site build does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import SNIPPETS_DIR

_MARKER = re.compile(r"^\s*#\s*--8<--\s*\[(start|end):([\w-]+)\]\s*$")
# A block include line as pymdownx.snippets reads it (quotes required here).
INCLUDE = re.compile(r"""^(?P<indent>\s*)--8<--\s+(?P<q>["'])(?P<target>[^"']+)(?P=q)\s*$""")


@dataclass(frozen=True)
class Section:
    name: str
    start: int  # 1-based line of the start marker
    end: int  # 1-based line of the end marker


def parse_sections(path: Path) -> dict[str, Section]:
    """Map section name to its marker lines; raise ValueError on unbalanced markers."""
    opened: dict[str, int] = {}
    found: dict[str, Section] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = _MARKER.match(line)
        if not match:
            continue
        kind, name = match.groups()
        if kind == "start":
            if name in opened or name in found:
                raise ValueError(f"{path}:{number}: section {name!r} opened twice")
            opened[name] = number
        else:
            if name not in opened:
                raise ValueError(f"{path}:{number}: section {name!r} ends before it starts")
            found[name] = Section(name, opened.pop(name), number)
    if opened:
        raise ValueError(f"{path}: section(s) never closed: {', '.join(sorted(opened))}")
    return found


def section_text(path: Path, name: str) -> str:
    """The lines between a section's markers, without nested markers (as pymdownx shows them)."""
    section = parse_sections(path)[name]
    lines = path.read_text(encoding="utf-8").splitlines()[section.start : section.end - 1]
    return "\n".join(line for line in lines if not _MARKER.match(line)).strip("\n")


def section_at(path: Path, line: int) -> str | None:
    """Describe where `line` lies: inside a section, or after the last section before it."""
    sections = sorted(parse_sections(path).values(), key=lambda s: s.start)
    inside = [s for s in sections if s.start < line < s.end]
    if inside:  # innermost section wins when sections nest
        return f"section {min(inside, key=lambda s: s.end - s.start).name!r}"
    before = [s for s in sections if s.end < line]
    if before:
        return f"checks after section {before[-1].name!r}"
    return None


@dataclass(frozen=True)
class Include:
    source: Path  # the page or recipe holding the include line
    line: int
    target: str  # as written: "<lesson>/<file>" or "<lesson>/<file>:<section>"

    @property
    def file(self) -> Path:
        return SNIPPETS_DIR / self.target.split(":", 1)[0]

    @property
    def section(self) -> str | None:
        parts = self.target.split(":", 1)
        return parts[1] if len(parts) == 2 and parts[1] else None

    def problem(self) -> str | None:
        """Why this include would fail the build, or None when it resolves."""
        if not self.file.is_file():
            return f"no file snippets/{self.target.split(':', 1)[0]}"
        if self.section is not None:
            try:
                sections = parse_sections(self.file)
            except ValueError as error:
                return str(error)
            if self.section not in sections:
                return f"no section {self.section!r} in snippets/{self.target.split(':', 1)[0]}"
        return None


def find_includes(path: Path) -> list[Include]:
    """Every block include line in a Markdown page or notebook recipe."""
    return [
        Include(path, number, match.group("target"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (match := INCLUDE.match(line))
    ]
