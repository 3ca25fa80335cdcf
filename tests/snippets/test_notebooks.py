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
