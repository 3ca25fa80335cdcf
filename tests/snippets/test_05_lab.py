"""Lesson 05-lab: the reference solutions print what the page shows and reach the accuracies the lab promises."""
import re

import pytest

from tools.snippets import SNIPPETS_DIR
from tools.snippets.outputs import assert_matches_stored_output
from tools.snippets.sections import section_text

EXAMPLES = [
    "05-lab/blobs_torch.py",
    "05-lab/blobs_tf.py",
    "05-lab/circles_torch.py",
    "05-lab/circles_tf.py",
]
FRAMEWORKS = ["torch", "tf"]


def accuracies(stdout: str) -> dict[str, tuple[float, float]]:
    """network -> (training accuracy, test accuracy), as printed."""
    rows = re.findall(r"^(\S+) +train accuracy ([\d.]+) +test accuracy ([\d.]+)$", stdout, re.MULTILINE)
    found = {name: (float(train), float(test)) for name, train, test in rows}
    assert sorted(found) == ["multi-layer", "single-layer"], f"expected one line per network in:\n{stdout}"
    return found


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_on_blobs_one_layer_is_enough(framework, run_snippet):
    found = accuracies(run_snippet(f"05-lab/blobs_{framework}.py").stdout)
    for name, (train, test) in found.items():
        assert test > 0.95, f"{name}: blobs a straight line can separate should be classified almost perfectly"
        assert train > 0.95, name


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_on_circles_only_the_multi_layer_network_succeeds(framework, run_snippet):
    found = accuracies(run_snippet(f"05-lab/circles_{framework}.py").stdout)
    single_train, single_test = found["single-layer"]
    multi_train, multi_test = found["multi-layer"]
    # Half the points are in each class, so guessing gets 0.5; a straight border cannot do much better.
    assert abs(single_test - 0.5) < 0.15 and abs(single_train - 0.5) < 0.15
    assert multi_test > 0.9 and multi_train > 0.9
    assert multi_test - single_test > 0.3


@pytest.mark.parametrize("section", ["setup", "models", "train", "results"])
@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_both_problems_share_the_solution_code(framework, section):
    """The page shows the networks and the training once, under the blobs; the circles must use the same code."""
    blobs = section_text(SNIPPETS_DIR / f"05-lab/blobs_{framework}.py", section)
    circles = section_text(SNIPPETS_DIR / f"05-lab/circles_{framework}.py", section)
    assert blobs == circles, f"section {section!r} differs between blobs_{framework}.py and circles_{framework}.py"
