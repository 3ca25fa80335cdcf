"""Build the notebooks from recipes, so the notebooks and the pages show the same snippet sections.

A recipe, snippets/notebooks/<Name>.md, is Markdown whose include lines
(`--8<-- "01-tensors/create_torch.py:create"`) become code cells and whose other
text becomes Markdown cells. `build` makes docs/en/notebooks/<Name>.ipynb and runs
it in a fresh kernel (accelerators hidden, so the stored outputs are the same
everywhere); `--check` compares only the cells, so it needs no kernel.

The lesson notebooks, docs/en/lessons/<lesson>/<lesson>-pytorch.ipynb and
-tensorflow.ipynb, are made from the lesson pages themselves (`lesson_notebooks`)
and written with the outputs the pages show, so they need no kernel either.
"""
from __future__ import annotations

import re

import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

import nbformat

from . import REPO_ROOT, SNIPPETS_DIR
from .runner import framework_of, selected_frameworks, snippet_environment
from .sections import INCLUDE, Include, find_includes, section_text

RECIPES_DIR = SNIPPETS_DIR / "notebooks"
NOTEBOOKS_DIR = REPO_ROOT / "docs" / "en" / "notebooks"
CELL_TIMEOUT_S = 120
KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def recipes() -> list[Path]:
    return sorted(RECIPES_DIR.glob("*.md"))


def notebook_path(recipe: Path) -> Path:
    return NOTEBOOKS_DIR / f"{recipe.stem}.ipynb"


def frameworks_used(recipe: Path) -> set[str]:
    """The frameworks a recipe's code cells come from (by snippet file name)."""
    return {framework_of(include.file) for include in find_includes(recipe)} - {None}


def build_cells(recipe: Path) -> list:
    """The notebook's cells, in recipe order: one code cell per include line, Markdown in between."""
    cells, text = [], []

    def flush_text() -> None:
        body = "\n".join(text).strip("\n")
        if body.strip():
            cells.append(nbformat.v4.new_markdown_cell(body))
        text.clear()

    for number, line in enumerate(recipe.read_text(encoding="utf-8").splitlines(), start=1):
        match = INCLUDE.match(line)
        if not match:
            text.append(line)
            continue
        flush_text()
        include = Include(recipe, number, match.group("target"))
        problem = include.problem()
        if problem or include.section is None:
            raise ValueError(f"{recipe.relative_to(REPO_ROOT)}:{number}: {problem or 'name a section'}")
        code = textwrap.dedent(section_text(include.file, include.section))
        cells.append(nbformat.v4.new_code_cell(code))
    flush_text()
    for index, cell in enumerate(cells):
        cell.id = f"{recipe.stem.lower()}-{index:02d}"  # stable ids keep diffs small
    return cells


def build_notebook(recipe: Path):
    notebook = nbformat.v4.new_notebook(cells=build_cells(recipe))
    notebook.metadata.kernelspec = dict(KERNEL)
    notebook.metadata.language_info = {"name": "python"}
    return notebook


@dataclass
class NotebookCellError(Exception):
    notebook: str
    index: int
    source: str
    detail: str

    def __str__(self) -> str:
        first_line = self.source.strip().splitlines()[0] if self.source.strip() else ""
        return f"{self.notebook}: cell {self.index} ({first_line!r}) raised:\n{self.detail}"


def execute(notebook, name: str, timeout_s: int = CELL_TIMEOUT_S):
    """Run every code cell top to bottom in a fresh kernel; raise NotebookCellError naming the cell that failed."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    with tempfile.TemporaryDirectory() as workdir:
        client = NotebookClient(notebook, timeout=timeout_s, kernel_name=KERNEL["name"], record_timing=False,
                                resources={"metadata": {"path": workdir}})
        # Accelerators hidden: the stored outputs come from a CPU run, like the snippet outputs.
        with client.setup_kernel(env=snippet_environment("cpu"), cwd=workdir):
            for index, cell in enumerate(notebook.cells):
                try:
                    client.execute_cell(cell, index)
                except (CellExecutionError, CellTimeoutError) as error:
                    raise NotebookCellError(name, index, cell.source, str(error)) from None
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = stable_outputs(cell.outputs)
    return notebook


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+>")


def stable_outputs(outputs: list) -> list:
    """The outputs a reader needs, in a form that is the same on every run.

    - stderr goes: TensorFlow's C++ log lines differ between machines;
    - a result shown only as an object's memory address goes (`torch.manual_seed(0)`
      ending a cell printed `<torch._C.Generator at 0x7f...>`, new on every run);
    - consecutive stdout chunks are merged: how the kernel splits a stream varies.
    """
    kept: list = []
    for out in outputs:
        if out.output_type == "stream" and out.name == "stderr":
            continue
        if out.output_type == "execute_result" and _ADDRESS.search(out.get("data", {}).get("text/plain", "")):
            continue
        if out.output_type == "stream" and kept and kept[-1].output_type == "stream" and kept[-1].name == out.name:
            kept[-1].text += out.text
            continue
        kept.append(out)
    return kept


def cell_differences(recipe: Path) -> list[str]:
    """Why the committed notebook is not what the recipe gives (empty when it is current)."""
    target = notebook_path(recipe)
    label = target.relative_to(REPO_ROOT).as_posix()
    if not target.is_file():
        return [f"{label} is missing"]
    committed = nbformat.read(target, as_version=4)
    wanted = build_cells(recipe)
    found = []
    have = [(cell.cell_type, cell.source) for cell in committed.cells]
    want = [(cell.cell_type, cell.source) for cell in wanted]
    if have != want:
        for index, (got, expected) in enumerate(zip(have, want)):
            if got != expected:
                found.append(f"{label}: cell {index} differs from its recipe ({expected[1].splitlines()[0]!r})")
                break
        if len(have) != len(want):
            found.append(f"{label}: {len(have)} cells, the recipe gives {len(want)}")
    unexecuted = [i for i, cell in enumerate(committed.cells) if cell.cell_type == "code" and cell.execution_count is None]
    if unexecuted:
        found.append(f"{label}: cell(s) {unexecuted} were never executed")
    return found


def update_lesson_notebooks(check: bool, log=print) -> list[str]:
    """Write (or compare) the lesson notebooks, made from the lesson pages (`lesson_notebooks`)."""
    from .lesson_notebooks import build_notebook, lesson_notebooks, notebook_differences
    from .lesson_notebooks import notebook_path as lesson_notebook_path
    from .lesson_notebooks import rendered

    problems: list[str] = []
    for page, framework in lesson_notebooks():
        found = notebook_differences(page, framework)
        if check or not found:
            problems += found
            continue
        notebook = build_notebook(page, framework)
        nbformat.validate(notebook)
        target = lesson_notebook_path(page, framework)
        target.write_text(rendered(notebook), encoding="utf-8")
        log(f"wrote {target.relative_to(REPO_ROOT).as_posix()}")
    problems += update_translated_lesson_notebooks(check, log)
    return problems


def update_translated_lesson_notebooks(check: bool, log=print) -> list[str]:
    """Write (or compare) the lesson notebooks of fresh translated pages (`lesson_notebooks`)."""
    from .lesson_notebooks import rendered, translated_notebooks

    problems: list[str] = []
    for target, notebook in translated_notebooks():
        text = rendered(notebook)
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        label = target.relative_to(REPO_ROOT).as_posix()
        if check:
            problems.append(f"{label} is not what its translated page gives")
            continue
        nbformat.validate(notebook)
        target.write_text(text, encoding="utf-8")
        log(f"wrote {label}")
    return problems


def update_notebooks(check: bool, log=print) -> int:
    """Write (or with check=True, compare) every notebook; return an exit status."""
    problems: list[str] = update_lesson_notebooks(check, log)
    for recipe in recipes():
        if check:
            problems += cell_differences(recipe)
            continue
        if not frameworks_used(recipe) <= set(selected_frameworks()):
            log(f"skipped {recipe.name}: SNIPPET_FRAMEWORKS excludes one of {sorted(frameworks_used(recipe))}")
            continue
        target = notebook_path(recipe)
        try:
            notebook = execute(build_notebook(recipe), target.name)
        except NotebookCellError as error:
            problems.append(str(error))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.validate(notebook)
        nbformat.write(notebook, target)
        log(f"wrote {target.relative_to(REPO_ROOT).as_posix()}")
    for problem in problems:
        log(problem)
    if check:
        log(f"checked {len(recipes())} recipe notebooks and the lesson notebooks: {'OK' if not problems else 'out of date, run `python -m tools.snippets notebooks`'}")
    return 1 if problems else 0
