"""The output files shown under code on pages: where they live, regenerating and checking them.

snippets/<lesson>/<example>_torch.py prints to snippets/<lesson>/outputs/<example>_torch.txt,
written from a CPU run of the harness. Tests and `outputs --check` compare under the
output contract (`contract`: exact unless the snippet declares a line varies);
`outputs` rewrites a file only when it no longer matches. Plots a snippet saves (into its
outputs/ folder unless SNIPPET_OUTPUT_DIR says otherwise) are moved next to the
lesson page that shows them, docs/en/lessons/<lesson>/, so one command
regenerates text and images alike.
"""
from __future__ import annotations

from pathlib import Path

from . import SNIPPETS_DIR
from .compare import differences
from .runner import RunResult, SnippetWorker, framework_of, selected_frameworks, snippet_relpath

OUTPUTS_FOLDER = "outputs"
LESSON_PAGES_DIR = SNIPPETS_DIR.parent / "docs" / "en" / "lessons"


def publish_plots(snippet: str, keep: bool, log=print) -> None:
    """Move the plots a run left in the snippet's outputs/ folder next to its lesson page (or drop them)."""
    lesson = Path(snippet).parts[0]
    for plot in sorted((SNIPPETS_DIR / lesson / OUTPUTS_FOLDER).glob("*.png")):
        if keep:
            target = LESSON_PAGES_DIR / lesson / plot.name
            plot.replace(target)
            log(f"wrote {target.relative_to(SNIPPETS_DIR.parent)}")
        else:
            plot.unlink()


def all_snippets() -> list[str]:
    """Every snippet program, relative to snippets/: snippets/<lesson>/<file>.py."""
    return sorted(
        path.relative_to(SNIPPETS_DIR).as_posix()
        for path in SNIPPETS_DIR.glob("*/*.py")
        if path.parent.name != "notebooks" and not path.name.startswith("_")
    )


def expand(selection: list[str]) -> list[str]:
    """Snippets named on the command line: files or lesson folders, with or without the `snippets/` prefix."""
    chosen = []
    for item in selection:
        relative = snippet_relpath(item)
        if (SNIPPETS_DIR / relative).is_dir():
            chosen += [s for s in all_snippets() if s.startswith(relative.rstrip("/") + "/")]
        elif (SNIPPETS_DIR / relative).is_file():
            chosen.append(relative)
        else:
            raise ValueError(f"no snippet or lesson folder snippets/{relative}")
    return chosen


def output_path(snippet: str) -> Path:
    path = SNIPPETS_DIR / snippet
    return path.parent / OUTPUTS_FOLDER / f"{path.stem}.txt"


def output_differences(result: RunResult) -> list[str]:
    """How the run's stdout differs from the stored output (empty when it matches)."""
    stored = output_path(result.snippet)
    if not stored.is_file():
        return [f"no stored output {stored.relative_to(SNIPPETS_DIR.parent)}: run `python -m tools.snippets outputs`"]
    return differences(stored.read_text(encoding="utf-8"), result.stdout, result.mode, result.path)


def assert_matches_stored_output(result: RunResult) -> None:
    """Fail, naming the snippet and the differing lines, when stdout no longer matches its stored output."""
    assert result.ok, result.describe()
    found = output_differences(result)
    assert not found, (
        f"[{result.mode}] {result.label} no longer prints what its page shows "
        f"({output_path(result.snippet).relative_to(SNIPPETS_DIR.parent)}); "
        "if the change is intended run `python -m tools.snippets outputs`:\n  " + "\n  ".join(found[:20])
    )


def update_outputs(check: bool, snippets: list[str] | None = None, log=print) -> int:
    """Regenerate (or with check=True, only compare) every stored output; return an exit status."""
    chosen = [s for s in (expand(snippets) if snippets else all_snippets()) if framework_of(s) in selected_frameworks()]
    problems: list[str] = []
    with SnippetWorker("cpu") as worker:
        for snippet in chosen:
            result = worker.run(snippet)
            publish_plots(snippet, keep=not check and result.ok, log=log)
            if not result.ok:
                problems.append(result.describe())
                continue
            stored = output_path(snippet)
            if check:
                found = output_differences(result)
                if found:
                    problems.append(f"{stored.relative_to(SNIPPETS_DIR.parent)} is out of date:\n  " + "\n  ".join(found[:10]))
            elif not stored.is_file() or output_differences(result):
                # Within the contract, the stored file stays as it is: regenerating on
                # another machine rewrites only what really changed, never churns digits.
                stored.parent.mkdir(exist_ok=True)
                stored.write_text(result.stdout, encoding="utf-8")
                log(f"wrote {stored.relative_to(SNIPPETS_DIR.parent)}")
    orphans = [] if snippets else sorted(
        path for path in SNIPPETS_DIR.glob(f"*/{OUTPUTS_FOLDER}/*.txt")
        if not (path.parent.parent / f"{path.stem}.py").is_file()
    )
    for orphan in orphans:
        problems.append(f"{orphan.relative_to(SNIPPETS_DIR.parent)} has no snippet")
    for problem in problems:
        log(problem)
    if check:
        log(f"checked {len(chosen)} snippet outputs: {'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0
