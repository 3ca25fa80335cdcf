"""One notebook per lesson and framework, made from the lesson page itself.

The page is read as `page_code` reads it, so a notebook holds exactly the code the
page shows for its framework (the code the page test runs), in the same order,
with the page's prose between the code cells. MkDocs-only syntax becomes plain
Markdown that Jupyter renders: the other framework's tabs go, tab labels go,
`!!!` admonitions become block quotes with a bold title, `???` collapsed blocks
(self-check answers, exercise solutions) become HTML `<details>`, heading anchors
`{ #id }` go, and links to other pages point at the lesson pages of the site
(a notebook is published at `lessons/<lesson>/<notebook>/`, one folder below its page).

Exercise solutions stay in the notebook, collapsed in `<details>` with their code as a
Markdown code block: a learner who runs the notebook top to bottom does not run (or
see) them by accident, and can open one after trying. Plots shown on the page are
embedded as cell attachments, so a downloaded notebook shows them too.

Notebooks are stored executed: each code cell carries the Output block the page shows
under it. No kernel is needed to build them; the page test (tests/snippets/
test_pages_run_as_shown.py) proves that this code prints these outputs, and
tests/snippets/test_notebooks.py runs one lesson notebook in a real Jupyter kernel.
"""
from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import nbformat

from .page_code import TAB_LABELS, Container, Fence, lesson_pages, parse_page

NOTEBOOK_NAMES = {"torch": "pytorch", "tensorflow": "tensorflow"}
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

_HEADING_ATTRS = re.compile(r"^(#{1,6}\s.*?)\s*\{\s*[#.][^}]*\}\s*$")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)\)")


def notebook_path(page: Path, framework: str) -> Path:
    lesson = page.parent.name
    return page.parent / f"{lesson}-{NOTEBOOK_NAMES[framework]}.ipynb"


def lesson_notebooks() -> list[tuple[Path, str]]:
    return [(page, framework) for page in lesson_pages() for framework in TAB_LABELS]


def _site_link(target: str) -> str:
    """A link as seen from the notebook's page, one folder below the lesson page."""
    if re.match(r"^[a-z]+:|^/", target):
        return target
    path, _, anchor = target.partition("#")
    if path.endswith("index.md"):
        path = path[: -len("index.md")]
    elif path.endswith(".md"):
        path = path[:-3] + "/"
    elif path.endswith(".ipynb"):
        path = path[:-6] + "/"
    return "../" + path + (f"#{anchor}" if anchor else "")


class _Writer:
    """Collects cells; Markdown lines accumulate until a code cell ends them."""

    def __init__(self, page: Path, framework: str, media_fallback: Path | None = None) -> None:
        self.page, self.framework = page, framework
        self.media_fallback = media_fallback  # a translated page shows the English page's images
        self.cells: list = []
        self.text: list[str] = []
        self.attachments: dict = {}

    def line(self, text: str) -> None:
        self.text.append(text)

    def flush(self) -> None:
        body = "\n".join(self.text).strip("\n")
        if body.strip():
            cell = nbformat.v4.new_markdown_cell(body)
            if self.attachments:
                cell.attachments = self.attachments
            self.cells.append(cell)
        self.text, self.attachments = [], {}

    def code(self, source: str) -> None:
        self.flush()
        self.cells.append(nbformat.v4.new_code_cell(source.strip("\n")))

    def output(self, text: str) -> bool:
        """Attach an Output block to the code cell just before it; False when there is none."""
        if self.text and any(line.strip() for line in self.text):
            return False
        if not self.cells or self.cells[-1].cell_type != "code":
            return False
        self.cells[-1].outputs.append(nbformat.v4.new_output("stream", name="stdout", text=text.rstrip("\n") + "\n"))
        return True

    def image(self, alt: str, src: str) -> str:
        file = self.page.parent / src
        if not file.is_file() and self.media_fallback is not None:
            file = self.media_fallback / src
        if re.match(r"^[a-z]+:", src) or not file.is_file():
            return f"![{alt}]({src})"
        self.attachments[file.name] = {"image/png": base64.b64encode(file.read_bytes()).decode("ascii")}
        return f"![{alt}](attachment:{file.name})"


def _summary(title: str) -> str:
    """A `???` title as HTML: Markdown is not rendered inside <summary>, so inline code becomes <code>."""
    parts = re.split(r"`([^`]*)`", title)
    return "".join(html.escape(part, quote=False) if index % 2 == 0 else f"<code>{html.escape(part, quote=False)}</code>"
                   for index, part in enumerate(parts))


def _prose(line: str, writer: _Writer, own_notebooks: set[str]) -> str | None:
    """One line of prose in plain Markdown, or None to leave it out."""
    if any(f"({name})" in line for name in own_notebooks):
        return None  # "Run this lesson as a notebook: ..." does not belong in the notebook
    if match := _HEADING_ATTRS.match(line):
        line = match.group(1)
    line = _IMAGE.sub(lambda m: writer.image(m.group("alt"), m.group("src")), line)
    return _LINK.sub(lambda m: f"[{m.group('text')}]({_site_link(m.group('target'))})", line)


def build_cells(page: Path, framework: str, media_fallback: Path | None = None) -> list:
    fences, others = parse_page(page)
    label = TAB_LABELS[framework]
    own_notebooks = {notebook_path(page, fw).name for fw in TAB_LABELS}
    by_line: dict[int, object] = {number: (text, containers) for number, text, containers in others}
    by_line.update({fence.line: fence for fence in fences})
    # A collapsed block that holds code the notebook runs cannot be one <details> across cells: show it open.
    runs_code = {c.line for fence in fences if fence.is_python and fence.shown_for(framework) for c in fence.containers}
    writer = _Writer(page, framework, media_fallback)
    open_blocks: list[Container] = []

    def visible(containers: tuple[Container, ...]) -> bool:
        return all(c.title == label for c in containers if c.kind == "tab")

    def quoted(c: Container) -> bool:
        return not c.marker.startswith("???") or c.line in runs_code

    def prefix(depth_containers) -> str:
        return "> " * sum(1 for c in depth_containers if c.kind != "tab" and quoted(c))

    def sync(containers: tuple[Container, ...]) -> None:
        """Close the blocks the line is no longer in."""
        while open_blocks and open_blocks[-1] not in containers:
            block = open_blocks.pop()
            if block.kind != "tab" and quoted(block):
                writer.line(prefix(open_blocks).rstrip())
            elif not quoted(block):
                writer.line(prefix(open_blocks) + "")
                writer.line(prefix(open_blocks) + "</details>")
                writer.line("")

    def dedent(text: str, containers: tuple[Container, ...]) -> str:
        """Content of a tab or admonition without its indentation (which may include a list item's)."""
        depth = containers[-1].indent + 4 if containers else 0
        return text[min(len(text) - len(text.lstrip(" ")), depth):]

    for number in sorted(by_line):
        item = by_line[number]
        if isinstance(item, Fence):
            containers = item.containers
            if not visible(containers):
                continue
            sync(containers)
            if item.is_python and not item.in_solution:
                writer.code(item.text)
            elif item.is_output and not item.in_solution and writer.output(item.text):
                pass
            else:
                lead = prefix(open_blocks)
                ticks = "````" if "```" in item.text else "```"
                lang = "text" if item.is_output else item.lang
                writer.line(lead + ticks + lang)
                for piece in item.text.split("\n"):
                    writer.line((lead + piece).rstrip() if piece else lead.rstrip())
                writer.line(lead + ticks)
            continue
        text, containers = item
        opened = containers[-1] if containers and containers[-1].line == number else None
        outer = containers[:-1] if opened else containers
        if not visible(outer):
            continue
        sync(outer)
        if opened is not None:
            if opened.kind == "tab":
                if opened.title == label:
                    open_blocks.append(opened)
                continue
            lead = prefix(open_blocks)
            open_blocks.append(opened)
            if quoted(opened):
                writer.line(f"{lead}> **{opened.title or opened.kind.capitalize()}**")
                writer.line(f"{lead}>")
            else:
                writer.line(f"{lead}<details><summary>{_summary(opened.title or opened.kind.capitalize())}</summary>")
                writer.line(lead.rstrip())
            continue
        if not visible(containers):
            continue
        converted = _prose(dedent(text, containers), writer, own_notebooks)
        if converted is None:
            continue
        lead = prefix(open_blocks)
        writer.line((lead + converted).rstrip() if converted.strip() else lead.rstrip())
    sync(())
    writer.flush()
    lesson = page.parent.name
    for index, cell in enumerate(writer.cells):
        cell.id = f"{lesson}-{NOTEBOOK_NAMES[framework]}-{index:02d}"
    count = 0
    for cell in writer.cells:
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
    return writer.cells


def build_notebook(page: Path, framework: str):
    notebook = nbformat.v4.new_notebook(cells=build_cells(page, framework))
    notebook.metadata.kernelspec = dict(KERNEL)
    notebook.metadata.language_info = {"name": "python"}
    return notebook


# -- translations -------------------------------------------------------------------------
# A translated lesson notebook is made from the translated page, as the English one is made
# from the English page: translators translate the page once, and its two notebooks follow.
# It is written only while the translated page is fresh (its metadata names the English
# page's current hash); it then translates the current English notebook, and says so in
# its own metadata (`coopTranslator`, the hash of the English notebook's bytes), so the
# checker treats it like any other translated notebook. While the page is stale, its
# notebooks are left as they are, and the checker reports them stale or missing too.

def translated_pages() -> list[tuple[str, Path, Path]]:
    """(language, English lesson page, translated page) for every translated lesson page."""
    from coop_translations.config import load_site_config

    from . import REPO_ROOT

    site = load_site_config(REPO_ROOT)
    docs = REPO_ROOT / site.docs_dir
    found = []
    for language in site.translation_languages:
        for page in lesson_pages():
            translated = docs / language / page.relative_to(docs / site.default_language)
            if translated.is_file():
                found.append((language, page, translated))
    return found


def fresh_metadata(english_page: Path, translated: Path):
    """The translated page's metadata when it translates the current English page, else None."""
    from coop_translations.hashing import md5_hex
    from coop_translations.metadata import find_comment

    found = find_comment(translated.read_bytes())
    metadata = getattr(found, "metadata", None)
    if metadata is None or metadata.original_hash != md5_hex(english_page.read_bytes()):
        return None
    return metadata


_METADATA_COMMENT = re.compile(r"\A\s*<!--\s*CO_OP_TRANSLATOR_METADATA:.*?-->\s*", re.DOTALL)


def build_translated_notebook(english_page: Path, translated: Path, framework: str, language: str, metadata):
    from coop_translations.hashing import md5_hex

    from . import REPO_ROOT

    notebook = nbformat.v4.new_notebook(cells=build_cells(translated, framework, media_fallback=english_page.parent))
    first = notebook.cells[0] if notebook.cells else None
    if first is not None and first.cell_type == "markdown":
        first.source = _METADATA_COMMENT.sub("", first.source)
    english = notebook_path(english_page, framework)
    notebook.metadata.kernelspec = dict(KERNEL)
    notebook.metadata.language_info = {"name": "python"}
    notebook.metadata.coopTranslator = {
        "original_hash": md5_hex(rendered(build_notebook(english_page, framework)).encode("utf-8")),
        "translation_date": metadata.translation_date,
        "source_file": english.relative_to(REPO_ROOT).as_posix(),
        "language_code": language,
    }
    return notebook


def translated_notebooks():
    """(target path, notebook) for every lesson notebook a fresh translated page gives."""
    for language, english_page, translated in translated_pages():
        metadata = fresh_metadata(english_page, translated)
        if metadata is None:
            continue
        for framework in TAB_LABELS:
            yield (notebook_path(translated, framework),
                   build_translated_notebook(english_page, translated, framework, language, metadata))


def rendered(notebook) -> str:
    return nbformat.writes(notebook) + "\n"


def notebook_differences(page: Path, framework: str) -> list[str]:
    """Why the committed notebook is not what the page gives (empty when it is current)."""
    from . import REPO_ROOT

    target = notebook_path(page, framework)
    label = target.relative_to(REPO_ROOT).as_posix()
    if not target.is_file():
        return [f"{label} is missing"]
    if target.read_text(encoding="utf-8") != rendered(build_notebook(page, framework)):
        return [f"{label} differs from its page {page.relative_to(REPO_ROOT).as_posix()}"]
    return []
