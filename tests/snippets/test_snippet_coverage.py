"""Static checks: every snippet is tested and paired, every include on a page or recipe resolves."""
import re
from pathlib import Path

import pytest

from tools.snippets import REPO_ROOT, SNIPPETS_DIR
from tools.snippets.outputs import all_snippets, output_path
from tools.snippets.runner import framework_of
from tools.snippets.sections import find_includes, parse_sections

TESTS_DIR = Path(__file__).parent
PAGES = sorted((REPO_ROOT / "docs" / "en").rglob("*.md"))
RECIPES = sorted((SNIPPETS_DIR / "notebooks").glob("*.md"))
SNIPPETS = all_snippets()


def test_there_are_snippets():
    assert SNIPPETS, "no snippet files found under snippets/"


def test_every_snippet_is_named_in_a_test():
    tested = "\n".join(path.read_text(encoding="utf-8") for path in TESTS_DIR.glob("test_*.py"))
    untested = [snippet for snippet in SNIPPETS if f'"{snippet}"' not in tested]
    assert not untested, f"no test in tests/snippets/ names these snippets: {untested}"


def test_tests_mirror_the_lessons():
    lessons = sorted({snippet.split("/")[0] for snippet in SNIPPETS})
    expected = [f"test_{lesson.replace('-', '_')}.py" for lesson in lessons]
    missing = [name for name in expected if not (TESTS_DIR / name).is_file()]
    assert not missing, f"each snippets/<lesson>/ needs tests/snippets/test_<NN>_<name>.py: {missing}"


def test_every_example_exists_for_both_frameworks():
    stems = {snippet.rsplit("_", 1)[0] for snippet in SNIPPETS}
    unpaired = sorted(
        f"{stem}_{suffix}.py" for stem in stems for suffix in ("torch", "tf")
        if f"{stem}_{suffix}.py" not in SNIPPETS
    )
    assert not unpaired, f"missing framework twins: {unpaired}"
    assert all(framework_of(snippet) for snippet in SNIPPETS), "snippet names end in _torch.py or _tf.py"


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_sections_are_balanced_and_output_is_stored(snippet):
    parse_sections(SNIPPETS_DIR / snippet)  # raises on unbalanced markers
    assert output_path(snippet).is_file(), f"no stored output for {snippet}: run `python -m tools.snippets outputs`"


@pytest.mark.parametrize("source", PAGES + RECIPES, ids=lambda path: path.relative_to(REPO_ROOT).as_posix())
def test_every_include_resolves(source):
    problems = [f"line {include.line}: {include.problem()}" for include in find_includes(source) if include.problem()]
    assert not problems, "\n".join(problems)


LESSON_PAGES = sorted((REPO_ROOT / "docs" / "en" / "lessons").glob("*/index.md"))
FENCE = re.compile(r"^([ \t]*)```(\w*)[^\n]*\n(.*?)^\1```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", LESSON_PAGES, ids=lambda path: path.parent.name)
def test_lesson_code_comes_only_from_snippets(page):
    """A code or output block on a lesson page holds include lines only: no code typed into the page."""
    for indent, language, body in FENCE.findall(page.read_text(encoding="utf-8")):
        if language in ("python", "text"):
            lines = [line.strip() for line in body.splitlines() if line.strip()]
            assert lines and all(line.startswith('--8<-- "') for line in lines), (
                f"{page.relative_to(REPO_ROOT)}: a ```{language} block holds code that is not an include:\n{body}"
            )


@pytest.mark.parametrize("page", LESSON_PAGES, ids=lambda path: path.parent.name)
def test_tabs_come_in_pytorch_tensorflow_pairs(page):
    labels = re.findall(r'^=== "([^"]+)"', page.read_text(encoding="utf-8"), re.MULTILINE)
    assert labels, f"{page.relative_to(REPO_ROOT)} has no code tabs"
    assert labels == ["PyTorch", "TensorFlow"] * (len(labels) // 2), (
        f"{page.relative_to(REPO_ROOT)}: tabs must be PyTorch then TensorFlow, always both: {labels}"
    )
