"""What you see is what runs: each lesson page's code, copied in page order for one framework, runs and prints what the page shows.

The snippet tests run each snippet file, which may define names the page never
shows; this test runs what a learner would copy (tools/snippets/page_code.py) and
compares its stdout with the page's Output blocks under the output contract.
Each page and framework runs once per session, in the shared CPU worker.
"""
from __future__ import annotations

import textwrap

import pytest

from tools.snippets.compare import differences
from tools.snippets.page_code import TAB_LABELS, lesson_pages, page_code, parse_page
from tools.snippets.runner import selected_frameworks

PAGES = lesson_pages()
CASES = [(page, framework) for page in PAGES for framework in TAB_LABELS]


def case_id(case) -> str:
    page, framework = case
    return f"{page.parent.name}-{framework}"


@pytest.fixture(scope="session")
def page_runs(snippet_workers, tmp_path_factory):
    """(page, framework) -> (PageCode, RunResult), each run once per session."""
    cache: dict = {}
    folder = tmp_path_factory.mktemp("page-code")
    plots = tmp_path_factory.mktemp("page-plots")

    def run(page, framework):
        key = (page, framework)
        if key not in cache:
            shown = page_code(page, framework)
            program = folder / f"{page.parent.name}_{framework}_page.py"
            program.write_text(shown.code, encoding="utf-8")
            cache[key] = shown, snippet_workers.get("cpu").run(program, output_dir=plots)
        return cache[key]

    return run


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_page_code_runs_and_prints_what_the_page_shows(case, page_runs):
    page, framework = case
    if framework not in selected_frameworks():
        pytest.skip(f"SNIPPET_FRAMEWORKS excludes {framework}")
    shown, result = page_runs(page, framework)
    if not result.ok:
        where = ""
        if result.line is not None:
            code_line = shown.code.splitlines()[result.line - 1] if result.line <= len(shown.code.splitlines()) else ""
            where = f" at line {result.line} of the copied code, shown at {shown.origin(result.line)}: {code_line.strip()!r}"
        last = (result.error or "").strip().splitlines()[-1:] or [result.status]
        what = {"error": "raised", "timeout": "timed out", "crashed": "crashed the worker"}.get(result.status, result.status)
        pytest.fail(f"{shown.label}: the page's code, copied in page order, {what}{where}\n"
                    f"  {last[0]}\n(full error below)\n{result.error}", pytrace=False)
    found = differences(shown.output, result.stdout, "cpu", found=shown.declarations())
    if found:
        pytest.fail(f"{shown.label}: the page's code, copied in page order, does not print the page's Output "
                    "blocks (first difference first):\n  " + "\n  ".join(found[:10]), pytrace=False)


def test_every_lesson_page_shows_code_for_both_frameworks():
    for page in PAGES:
        for framework in TAB_LABELS:
            assert page_code(page, framework).code.strip(), f"{page}: no {framework} code"


PAGE = '''\
# A page

```python
import shared
```

=== "PyTorch"

    ```python
    torch_only = 1
    ```

    ```text title="Output"
    torch says
    ```

=== "TensorFlow"

    ```python
    tf_only = 1
    ```

    ```text title="Output"
    tf says
    ```

```text
not an output block
```

1. An exercise.

    ??? example "Solution"
        === "PyTorch"

            ```python
            solution = 1
            ```

!!! note "Setup"
    ```python
    after_note = 1
    ```
'''


def test_extraction_follows_the_tabs_and_skips_solutions(tmp_path):
    page = tmp_path / "index.md"
    page.write_text(textwrap.dedent(PAGE), encoding="utf-8")
    fences, _ = parse_page(page)
    torch, tf = page_code(page, "torch", fences), page_code(page, "tensorflow", fences)
    assert torch.code == "import shared\n\ntorch_only = 1\n\nafter_note = 1\n"
    assert tf.code == "import shared\n\ntf_only = 1\n\nafter_note = 1\n"
    assert (torch.output, tf.output) == ("torch says\n", "tf says\n")
    assert torch.origin(3).endswith("index.md:10")


def test_include_lines_resolve_to_the_snippet_sections():
    from tools.snippets.sections import section_text

    page = next(p for p in PAGES if page_code(p, "torch").includes)
    shown = page_code(page, "torch")
    include = next(i for i in shown.includes if i.section)
    assert textwrap.dedent(section_text(include.file, include.section)) in shown.code
