"""The code and the outputs a lesson page shows for one framework, in page order.

The promise of every lesson is "what you see is what runs": a learner who copies
the PyTorch (or TensorFlow) code of a page, top to bottom, into one file gets a
program that runs and prints the page's Output blocks. Each snippet test checks
one snippet file, which may run code the page never shows (setup above the first
section, helpers between sections), so it cannot catch a page that uses names it
never defines. This module reads the page the way a reader does, so a test can
run exactly that, and the lesson notebooks are built from the same reading.

What counts, per framework: python fences inside that framework's tab
(`=== "PyTorch"` / `=== "TensorFlow"`) and python fences outside any tab; include
lines resolved as the site build resolves them (tools.snippets.sections). Exercise
solutions (`??? example "Solution..."` blocks) are left out: they are programs of
their own, tested as snippets. Outputs are the ```` ```text title="Output" ```` fences
under the same rules.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from . import REPO_ROOT, SNIPPETS_DIR
from .sections import INCLUDE, Include, parse_sections, section_text

LESSONS_DIR = REPO_ROOT / "docs" / "en" / "lessons"
TAB_LABELS = {"torch": "PyTorch", "tensorflow": "TensorFlow"}
OUTPUT_TITLE = "Output"

_TAB = re.compile(r'^(?P<indent>\s*)===\+?\s+"(?P<label>[^"]*)"\s*$')
_ADMONITION = re.compile(r'^(?P<indent>\s*)(?P<marker>!!!|\?\?\?\+?)\s+(?P<kind>[\w-]+)(?:\s+"(?P<title>[^"]*)")?\s*$')
_FENCE = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)(?P<attrs>[^`]*)$")
_TITLE = re.compile(r'title="(?P<title>[^"]*)"')


def lesson_pages() -> list[Path]:
    return sorted(LESSONS_DIR.glob("*/index.md"))


@dataclass(frozen=True)
class Container:
    """A tab or an admonition (`!!!` open, `???` collapsed): its content is indented 4 more."""
    kind: str  # "tab" or the admonition's kind ("note", "example", "question", ...)
    indent: int
    title: str  # the tab label or the admonition's title
    marker: str = "==="  # "===", "!!!", "???" or "???+"
    line: int = 0

    @property
    def is_solution(self) -> bool:
        """A collapsed `??? example` block is an exercise solution, whatever its title says:
        translations title it in their own language ("Lösning", "解答"), and their notebooks
        must leave the same blocks out as the English ones do."""
        return self.marker.startswith("???") and self.kind == "example"


@dataclass
class Fence:
    """One fenced block, its include lines resolved, with the containers it sits in."""
    line: int  # 1-based line of the opening fence on the page
    indent: int
    lang: str
    title: str | None
    raw: list[str]  # the lines between the fences, dedented by the fence's indent
    containers: tuple[Container, ...]
    text: str = ""  # resolved text
    origins: list[str] = field(default_factory=list)  # per line of `text`: "<page>:<line>" or the include it came from
    includes: list[Include] = field(default_factory=list)

    @property
    def tab(self) -> str | None:
        tabs = [c.title for c in self.containers if c.kind == "tab"]
        return tabs[-1] if tabs else None

    @property
    def in_solution(self) -> bool:
        return any(c.is_solution for c in self.containers)

    def shown_for(self, framework: str) -> bool:
        """Is this block part of what a reader of `framework`'s tabs sees in the lesson (solutions aside)?"""
        labels = [c.title for c in self.containers if c.kind == "tab"]
        return not self.in_solution and all(label == TAB_LABELS[framework] for label in labels)

    @property
    def is_python(self) -> bool:
        return self.lang in ("python", "py")

    @property
    def is_output(self) -> bool:
        return self.lang == "text" and self.title == OUTPUT_TITLE


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _resolve(fence: Fence, page: Path) -> None:
    label = page.relative_to(REPO_ROOT).as_posix() if page.is_relative_to(REPO_ROOT) else str(page)
    out: list[str] = []
    origins: list[str] = []
    for offset, line in enumerate(fence.raw, start=1):
        match = INCLUDE.match(line)
        if not match:
            out.append(line)
            origins.append(f"{label}:{fence.line + offset}")
            continue
        include = Include(page, fence.line + offset, match.group("target"))
        problem = include.problem()
        if problem:
            raise ValueError(f"{label}:{include.line}: --8<-- \"{include.target}\": {problem}")
        fence.includes.append(include)
        if include.section is None:
            body = include.file.read_text(encoding="utf-8").rstrip("\n")
        else:
            # dedent_subsections: true, as in mkdocs.yml
            body = textwrap.dedent(section_text(include.file, include.section))
        for piece in body.split("\n"):
            out.append(match.group("indent") + piece if piece else piece)
            origins.append(f"{label}:{include.line} (snippets/{include.target})")
    fence.text = "\n".join(out)
    fence.origins = origins


def parse_page(page: Path) -> tuple[list[Fence], list[tuple[int, str, tuple[Container, ...]]]]:
    """The page's fences and its other lines, each with the tabs and admonitions it sits in.

    Lines come back as (line number, text, containers); blank lines keep the containers
    of the line before them, since a blank line never closes a tab or an admonition.
    """
    lines = page.read_text(encoding="utf-8").splitlines()
    fences: list[Fence] = []
    others: list[tuple[int, str, tuple[Container, ...]]] = []
    stack: list[Container] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if not line.strip():
            others.append((number, line, tuple(stack)))
            continue
        indent = _indent(line)
        while stack and indent < stack[-1].indent + 4:
            stack.pop()
        if match := _FENCE.match(line):
            ticks, start = match.group("ticks"), number
            raw = []
            while number < len(lines):
                inner = lines[number]
                number += 1
                stripped = inner.strip()
                if stripped.startswith(ticks[0] * len(ticks)) and set(stripped) == {ticks[0]} and _indent(inner) <= indent + 3:
                    break
                raw.append(inner[indent:] if inner[:indent].strip() == "" else inner.lstrip())
            title = _TITLE.search(match.group("attrs"))
            fences.append(Fence(start, indent, match.group("lang").lower(), title.group("title") if title else None,
                                raw, tuple(stack)))
            continue
        if match := _TAB.match(line):
            stack.append(Container("tab", indent, match.group("label"), "===", number))
        elif match := _ADMONITION.match(line):
            stack.append(Container(match.group("kind"), indent, match.group("title") or "", match.group("marker"), number))
        others.append((number, line, tuple(stack)))
    for fence in fences:
        _resolve(fence, page)
    return fences, others


@dataclass
class PageCode:
    """What a page shows for one framework: its program and the output that program must print."""
    page: Path
    framework: str
    code: str
    origins: list[str]  # per line of `code`, where the reader sees it
    output: str
    includes: list[Include]

    @property
    def label(self) -> str:
        return f"{self.page.relative_to(REPO_ROOT).as_posix()} [{TAB_LABELS[self.framework]}]"

    def origin(self, line: int | None) -> str:
        """Where line `line` (1-based) of `code` is on the page."""
        if line is None or not 1 <= line <= len(self.origins):
            return "?"
        return self.origins[line - 1]

    def snippet_files(self) -> list[Path]:
        return sorted({include.file for include in self.includes if include.file.suffix == ".py"})

    def declarations(self) -> list:
        """The `# varies` comments the page shows (in included sections), for comparing its outputs."""
        from .contract import declarations

        return [d for path, ranges in self.shown_lines().items() for d in declarations(path)
                if any(start < d.line < end for start, end in ranges)]

    def shown_lines(self) -> dict[Path, list[tuple[int, int]]]:
        """Per included snippet file, the line ranges the page shows (whole file: everything)."""
        ranges: dict[Path, list[tuple[int, int]]] = {}
        for include in self.includes:
            if include.file.suffix != ".py":
                continue
            if include.section is None:
                ranges.setdefault(include.file, []).append((1, 10**9))
            else:
                section = parse_sections(include.file)[include.section]
                ranges.setdefault(include.file, []).append((section.start, section.end))
        return ranges


def page_code(page: Path, framework: str, fences: list[Fence] | None = None) -> PageCode:
    """The page's python code and Output blocks for `framework`, in page order."""
    if framework not in TAB_LABELS:
        raise ValueError(f"framework must be one of {', '.join(TAB_LABELS)}, not {framework!r}")
    if fences is None:
        fences, _ = parse_page(page)
    code: list[str] = []
    origins: list[str] = []
    outputs: list[str] = []
    includes: list[Include] = []
    for fence in fences:
        if not fence.shown_for(framework):
            continue
        if fence.is_python:
            if code:
                code.append("")
                origins.append("")
            code += fence.text.split("\n")
            origins += fence.origins
            includes += fence.includes
        elif fence.is_output:
            outputs.append(fence.text.rstrip("\n") + "\n")
            includes += fence.includes
    return PageCode(page, framework, "\n".join(code) + "\n", origins, "".join(outputs), includes)
