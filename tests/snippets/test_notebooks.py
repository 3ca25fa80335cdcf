"""The notebooks are built from their recipes and run top to bottom on their own."""
import nbformat
import pytest

from tools.snippets.notebooks import (NotebookCellError, cell_differences, execute, frameworks_used,
                                      notebook_path, recipes)
from tools.snippets.runner import selected_frameworks

RECIPES = recipes()
NOTEBOOK_TIMEOUT_S = 60  # per cell; a whole notebook runs in well under a minute


def test_there_are_two_notebook_recipes():
    assert sorted(recipe.stem for recipe in RECIPES) == ["IntroKerasTF", "IntroPyTorch"]


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: recipe.stem)
def test_notebook_cells_are_current(recipe):
    problems = cell_differences(recipe)
    assert not problems, "\n".join(problems) + "\nrun `python -m tools.snippets notebooks`"


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: recipe.stem)
def test_notebook_runs_top_to_bottom(recipe):
    excluded = frameworks_used(recipe) - set(selected_frameworks())
    if excluded:
        pytest.skip(f"SNIPPET_FRAMEWORKS excludes {', '.join(sorted(excluded))}")
    path = notebook_path(recipe)
    notebook = nbformat.read(path, as_version=4)
    try:
        execute(notebook, path.name, timeout_s=NOTEBOOK_TIMEOUT_S)
    except NotebookCellError as error:
        pytest.fail(str(error), pytrace=False)
    printed = "".join(out.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs)
    assert "training accuracy" in printed, "the last section should train a model and print its accuracy"


def test_a_failing_cell_is_named(tmp_path):
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1"),
        nbformat.v4.new_code_cell("print(undefined_name)"),
    ])
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    with pytest.raises(NotebookCellError) as raised:
        execute(notebook, "broken.ipynb", timeout_s=30)
    assert raised.value.index == 1 and "undefined_name" in str(raised.value)


# -- lesson notebooks: made from the lesson pages (tools/snippets/lesson_notebooks.py) --------------

from tools.snippets.compare import differences  # noqa: E402
from tools.snippets.lesson_notebooks import build_cells, lesson_notebooks, notebook_differences  # noqa: E402
from tools.snippets.lesson_notebooks import notebook_path as lesson_notebook_path  # noqa: E402
from tools.snippets.page_code import TAB_LABELS, page_code  # noqa: E402

LESSON_NOTEBOOKS = lesson_notebooks()
# The kernel path is proved on one lesson (the page test runs every page's code in the worker):
# the shortest to run, so the test stays within a few seconds after the kernel's imports.
KERNEL_LESSON = ("03-frameworks", "torch")


def lesson_id(case) -> str:
    page, framework = case
    return f"{page.parent.name}-{framework}"


@pytest.mark.parametrize("case", LESSON_NOTEBOOKS, ids=lesson_id)
def test_lesson_notebook_is_current(case):
    problems = notebook_differences(*case)
    assert not problems, "\n".join(problems) + "\nrun `python -m tools.snippets notebooks`"


@pytest.mark.parametrize("case", LESSON_NOTEBOOKS, ids=lesson_id)
def test_lesson_page_links_to_its_notebooks(case):
    page, framework = case
    assert f"({lesson_notebook_path(page, framework).name})" in page.read_text(encoding="utf-8"), (
        f"{page}: link the notebook near the top: "
        "Run this lesson as a notebook: [PyTorch](<lesson>-pytorch.ipynb) | [TensorFlow](<lesson>-tensorflow.ipynb)")


@pytest.mark.parametrize("case", LESSON_NOTEBOOKS, ids=lesson_id)
def test_lesson_notebook_holds_the_pages_code_and_outputs(case):
    page, framework = case
    shown = page_code(page, framework)
    cells = build_cells(page, framework)
    code = "\n\n".join(cell.source for cell in cells if cell.cell_type == "code")
    printed = "".join(out.text for cell in cells if cell.cell_type == "code" for out in cell.outputs)
    assert code.strip() == shown.code.strip(), "the notebook's code cells must be the page's code, in page order"
    assert printed == shown.output


def test_a_lesson_notebook_runs_top_to_bottom_in_a_kernel():
    lesson, framework = KERNEL_LESSON
    if framework not in selected_frameworks():
        pytest.skip(f"SNIPPET_FRAMEWORKS excludes {framework}")
    page = next(page for page, _ in LESSON_NOTEBOOKS if page.parent.name == lesson)
    path = lesson_notebook_path(page, framework)
    notebook = nbformat.read(path, as_version=4)
    stored = ["".join(out.get("text", "") for out in cell.outputs) for cell in notebook.cells if cell.cell_type == "code"]
    try:
        execute(notebook, path.name, timeout_s=NOTEBOOK_TIMEOUT_S)
    except NotebookCellError as error:
        pytest.fail(str(error), pytrace=False)
    ran = ["".join(out.get("text", "") for out in cell.outputs) for cell in notebook.cells if cell.cell_type == "code"]
    found = differences("".join(stored), "".join(ran), "cpu", found=page_code(page, framework).declarations())
    assert not found, f"{path.name} printed other outputs in a kernel than it stores:\n  " + "\n  ".join(found[:10])
    misplaced = [index for index, (got, kept) in enumerate(zip(ran, stored)) if bool(got) != bool(kept)]
    assert not misplaced, (f"{path.name}: code cell(s) {misplaced} print in a kernel but the page shows the output "
                           "under other code (or the reverse): put each Output block under the code that prints it")


PAGE = '''\
# Lesson { #top }

Run this lesson as a notebook: [PyTorch](lesson-pytorch.ipynb) | [TensorFlow](lesson-tensorflow.ipynb)

!!! note "Data"
    Made by numpy, see [the lab](../05-lab/index.md#data).

=== "PyTorch"

    ```python
    x = 1
    print(x)
    ```

    ```text title="Output"
    1
    ```

=== "TensorFlow"

    ```python
    y = 2
    ```

??? question "What is `x`?"
    One.

1. An exercise.

    ??? example "Solution"
        === "PyTorch"

            ```python
            solution = 1
            ```
'''


def test_a_page_becomes_plain_markdown_and_code_cells(tmp_path):
    page = tmp_path / "lesson" / "index.md"
    page.parent.mkdir()
    page.write_text(PAGE, encoding="utf-8")
    cells = build_cells(page, "torch")
    kinds = [cell.cell_type for cell in cells]
    assert kinds == ["markdown", "code", "markdown"]
    intro, code, rest = (cell.source for cell in cells)
    assert intro.startswith("# Lesson\n") and "notebook:" not in intro
    assert "> **Data**\n>\n> Made by numpy, see [the lab](../../05-lab/#data)." in intro
    assert "===" not in intro + rest and "PyTorch" not in intro + rest
    assert code == "x = 1\nprint(x)" and cells[1].outputs[0].text == "1\n" and cells[1].execution_count == 1
    assert "<details><summary>What is <code>x</code>?</summary>" in rest and "One." in rest
    assert "<details><summary>Solution</summary>" in rest and "```python\nsolution = 1\n```" in rest
    assert "y = 2" not in "".join(cell.source for cell in cells)
    assert set(TAB_LABELS) == {"torch", "tensorflow"}


def test_translated_lesson_notebooks_are_current():
    """A fresh translated lesson page gives its two notebooks; the committed ones must be what it gives."""
    from tools.snippets.notebooks import update_translated_lesson_notebooks

    problems = update_translated_lesson_notebooks(check=True, log=lambda *_: None)
    assert not problems, "\n".join(problems) + "\nrun `python -m tools.snippets notebooks`"


def test_a_translated_notebook_translates_the_current_english_notebook(tmp_path):
    """Made from a fresh translated page (here one whose prose is still English): the page's code
    cells and outputs, the English images, no metadata comment in the prose, and metadata naming the
    English notebook's hash, so the checker judges it like any translated notebook."""
    from coop_translations.hashing import md5_hex
    from coop_translations.metadata import Metadata, render_comment
    from tools.snippets import lesson_notebooks as ln

    english_page = next(page for page in ln.lesson_pages() if any(page.parent.glob("*.png")))
    metadata = Metadata(original_hash=md5_hex(english_page.read_bytes()), translation_date="2026-12-01T10:00:00+00:00",
                        source_file=f"docs/en/lessons/{english_page.parent.name}/index.md", language_code="sv")
    translated = tmp_path / "sv" / "lessons" / english_page.parent.name / "index.md"
    translated.parent.mkdir(parents=True)
    translated.write_bytes(render_comment(metadata) + english_page.read_bytes())

    notebook = ln.build_translated_notebook(english_page, translated, "torch", "sv", metadata)
    nbformat.validate(notebook)
    english = ln.build_notebook(english_page, "torch")
    assert notebook.metadata.coopTranslator == {
        "original_hash": md5_hex(ln.notebook_path(english_page, "torch").read_bytes()),
        "translation_date": "2026-12-01T10:00:00+00:00",
        "source_file": f"docs/en/lessons/{english_page.parent.name}/{english_page.parent.name}-pytorch.ipynb",
        "language_code": "sv",
    }
    assert "CO_OP_TRANSLATOR_METADATA" not in notebook.cells[0].source
    assert [(c.cell_type, c.source, c.get("outputs"), c.get("attachments")) for c in notebook.cells] == \
           [(c.cell_type, c.source, c.get("outputs"), c.get("attachments")) for c in english.cells]
