"""Lesson 05-lab: the reference solutions print what the page shows and reach the accuracies the lab promises."""
import math
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
    "05-lab/straight_line_torch.py",
    "05-lab/straight_line_tf.py",
    "05-lab/exercise_1_xor_torch.py",
    "05-lab/exercise_1_xor_tf.py",
    "05-lab/exercise_2_feature_torch.py",
    "05-lab/exercise_2_feature_tf.py",
    "05-lab/exercise_3_noise_torch.py",
    "05-lab/exercise_3_noise_tf.py",
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


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_training_prefers_a_flat_line_to_the_best_line(framework, run_snippet):
    """"What the results mean": a line can get about 2/3 right, but its cross-entropy is above the trained layer's."""
    stdout = run_snippet(f"05-lab/straight_line_{framework}.py").stdout
    trained = re.search(r"^trained single layer: +loss ([\d.]+), probability of class 1 between ([\d.]+) and ([\d.]+)$",
                        stdout, re.MULTILINE)
    flat = re.search(r"^0\.5 for every point: +loss ([\d.]+)$", stdout, re.MULTILINE)
    best = re.search(r"^best straight line: +loss ([\d.]+) at best, training accuracy ([\d.]+)$", stdout, re.MULTILINE)
    assert trained and flat and best, f"unexpected output:\n{stdout}"
    trained_loss, low, high = map(float, trained.groups())
    best_loss, best_accuracy = map(float, best.groups())
    assert float(flat.group(1)) == pytest.approx(math.log(2), abs=1e-4)
    assert 0.4 < low < 0.5 < high < 0.6, "the trained single layer should be unsure about every point"
    assert trained_loss < best_loss <= float(flat.group(1)) + 1e-4
    assert 0.62 < best_accuracy < 0.75, "the best line should get about two thirds of the circle points right"
    single_train = accuracies(run_snippet(f"05-lab/circles_{framework}.py").stdout)["single-layer"][0]
    assert single_train < best_accuracy - 0.1, "training should end far below what the best line achieves"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_xor_needs_the_multi_layer_network(framework, run_snippet):
    found = accuracies(run_snippet(f"05-lab/exercise_1_xor_{framework}.py").stdout)
    assert abs(found["single-layer"][1] - 0.5) < 0.15
    assert found["multi-layer"][1] > 0.9


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_squared_radius_lets_one_layer_solve_the_circles(framework, run_snippet):
    stdout = run_snippet(f"05-lab/exercise_2_feature_{framework}.py").stdout
    row = re.search(r"^single-layer with x² \+ y² +train accuracy ([\d.]+) +test accuracy ([\d.]+)$", stdout, re.MULTILINE)
    assert row, f"unexpected output:\n{stdout}"
    assert float(row.group(1)) > 0.9 and float(row.group(2)) > 0.9


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_noise_lowers_the_accuracy_and_opens_a_gap(framework, run_snippet):
    stdout = run_snippet(f"05-lab/exercise_3_noise_{framework}.py").stdout
    rows = {float(n): (float(a), float(b)) for n, a, b in re.findall(
        r"^noise ([\d.]+) +multi-layer +train accuracy ([\d.]+) +test accuracy ([\d.]+)$", stdout, re.MULTILINE)}
    assert sorted(rows) == [0.1, 0.3]
    assert rows[0.1][1] > 0.9 and 0.6 < rows[0.3][1] < 0.8, "about 0.7 with noise 0.3"
    assert rows[0.3][0] - rows[0.3][1] > rows[0.1][0] - rows[0.1][1], "the gap grows with the noise"
