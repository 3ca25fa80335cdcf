"""Lesson 03-frameworks: the low-level, high-level and mixed training loops all learn the two clouds."""
import re

import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "03-frameworks/lowlevel_torch.py",
    "03-frameworks/lowlevel_tf.py",
    "03-frameworks/highlevel_torch.py",
    "03-frameworks/highlevel_tf.py",
    "03-frameworks/mixed_torch.py",
    "03-frameworks/mixed_tf.py",
]
OTHERS = [
    "03-frameworks/logits_torch.py",
    "03-frameworks/logits_tf.py",
    "03-frameworks/exercise_1_adam_torch.py",
    "03-frameworks/exercise_1_adam_tf.py",
    "03-frameworks/exercise_2_closer_torch.py",
    "03-frameworks/exercise_2_closer_tf.py",
    "03-frameworks/exercise_3_held_out_torch.py",
    "03-frameworks/exercise_3_held_out_tf.py",
    "03-frameworks/exercise_4_hidden_layer_torch.py",
    "03-frameworks/exercise_4_hidden_layer_tf.py",
    "03-frameworks/exercise_5_optimizer_torch.py",
    "03-frameworks/exercise_5_optimizer_tf.py",
]
FRAMEWORKS = ["torch", "tf"]


@pytest.mark.parametrize("snippet", EXAMPLES + OTHERS)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_training_lowers_the_loss_and_classifies_well(snippet, run_snippet):
    stdout = run_snippet(snippet).stdout
    losses = [float(value) for value in re.findall(r"loss ([\d.]+)", stdout)]
    accuracy = re.search(r"training accuracy: ([\d.]+)", stdout)
    assert len(losses) >= 2 and accuracy, "the snippet should print losses and the accuracy"
    assert losses[-1] < losses[0] / 2, "training should at least halve the printed loss"
    # Two clouds 2.8 apart with spread 0.8: the best possible line gets about 96% right.
    assert 0.9 < float(accuracy.group(1)) <= 0.98


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_the_loss_from_logits_stays_exact_where_the_probability_overflows(framework, run_snippet):
    rows = re.findall(r"^ *(-?[\d.]+) +([\d.]+) +(inf|-?[\d.]+) +([\d.]+)$",
                      run_snippet(f"03-frameworks/logits_{framework}.py").stdout, re.MULTILINE)
    table = {float(z): (float(p), float(a), float(b)) for z, p, a, b in rows}
    assert sorted(table) == [-200.0, -20.0, 0.0, 5.0]
    assert table[-200.0][1] == float("inf") and table[-200.0][2] == pytest.approx(200.0)
    for z in (-20.0, 0.0, 5.0):
        assert table[z][1] == pytest.approx(table[z][2], abs=1e-4), "both ways agree where sigmoid is exact"
    assert table[0.0][0] == 0.5, "sigmoid of the logit 0 is 0.5: the threshold between the classes"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_highlevel_tensorflow_and_pytorch_output_logits(framework):
    """Both high-level models end in a logit and give it to a loss made for logits, as the page says."""
    from tools.snippets import SNIPPETS_DIR
    from tools.snippets.sections import section_text

    model = section_text(SNIPPETS_DIR / f"03-frameworks/highlevel_{framework}.py", "model")
    assert 'activation="sigmoid"' not in model and "nn.Sigmoid" not in model, "the last layer should output a logit"
    assert ("BCEWithLogitsLoss" in model) if framework == "torch" else ("from_logits=True" in model)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_adam_reaches_the_same_accuracy_but_not_sooner(framework, run_snippet):
    stdout = run_snippet(f"03-frameworks/exercise_1_adam_{framework}.py").stdout
    rows = {name: [float(v) for v in values.split()] for name, values in
            re.findall(r"^(SGD|Adam) +([\d. ]+)$", stdout, re.MULTILINE)}
    assert sorted(rows) == ["Adam", "SGD"]
    assert rows["Adam"][0] > rows["SGD"][0], "Adam starts slower here"
    assert rows["Adam"][3] == pytest.approx(rows["SGD"][3], abs=0.02), "after 20 epochs the losses are about equal"
    assert rows["Adam"][4] == pytest.approx(rows["SGD"][4], abs=0.02) and rows["SGD"][4] > 0.9


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_closer_clouds_limit_every_border(framework, run_snippet):
    stdout = run_snippet(f"03-frameworks/exercise_2_closer_{framework}.py").stdout
    accuracy = float(re.search(r"training accuracy: ([\d.]+)", stdout).group(1))
    best = float(re.search(r"best possible accuracy: ([\d.]+)", stdout).group(1))
    assert best == pytest.approx(0.8116, abs=1e-4), "Phi(sqrt(2)/2 / 0.8) for two clouds of spread 0.8"
    assert 0.72 < accuracy < 0.9


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_held_out_points_give_the_honest_accuracy(framework, run_snippet):
    stdout = run_snippet(f"03-frameworks/exercise_3_held_out_{framework}.py").stdout
    train = float(re.search(r"160 training points: ([\d.]+)", stdout).group(1))
    held_out = float(re.search(r"40 held-out points: +([\d.]+)", stdout).group(1))
    assert (held_out * 40) == pytest.approx(round(held_out * 40), abs=1e-3), "an accuracy on 40 points is a multiple of 1/40"
    assert 0.8 < held_out <= train


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_a_hidden_layer_adds_little_on_two_clouds(framework, run_snippet):
    stdout = run_snippet(f"03-frameworks/exercise_4_hidden_layer_{framework}.py").stdout
    one, hidden = (float(v) for v in re.findall(r"training accuracy ([\d.]+)", stdout))
    highlevel = float(re.search(r"training accuracy: ([\d.]+)", run_snippet(f"03-frameworks/highlevel_{framework}.py").stdout).group(1))
    assert one == highlevel, "the one-layer number is the high-level program's"
    assert abs(hidden - one) <= 0.005 + 1e-9, "one point of 200 at most"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_plain_sgd_is_the_hand_written_update(framework, run_snippet):
    """The optimizer applies the same rule as the mixed program's loop, so it prints the same."""
    with_optimizer = run_snippet(f"03-frameworks/exercise_5_optimizer_{framework}.py").stdout
    by_hand = run_snippet(f"03-frameworks/mixed_{framework}.py").stdout
    numbers = [[float(v) for v in re.findall(r"\d+\.\d+", out)] for out in (with_optimizer, by_hand)]
    assert len(numbers[0]) == 6 and numbers[0] == pytest.approx(numbers[1], abs=2e-4)
