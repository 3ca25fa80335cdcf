"""Lesson 07-multiclass-and-data: softmax and cross-entropy behave as the page says, the digits pipeline has the
promised shapes, and the classifier learns the digits."""
import math
import re

import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "07-multiclass-and-data/softmax_torch.py",
    "07-multiclass-and-data/softmax_tf.py",
    "07-multiclass-and-data/digits_data_torch.py",
    "07-multiclass-and-data/digits_data_tf.py",
    "07-multiclass-and-data/train_digits_torch.py",
    "07-multiclass-and-data/train_digits_tf.py",
    "07-multiclass-and-data/uniform_loss_torch.py",
    "07-multiclass-and-data/uniform_loss_tf.py",
]
FRAMEWORKS = ["torch", "tf"]


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


def test_both_frameworks_compute_the_same_softmax_and_loss(run_snippet):
    torch_out = run_snippet("07-multiclass-and-data/softmax_torch.py").stdout
    tf_out = run_snippet("07-multiclass-and-data/softmax_tf.py").stdout
    assert torch_out == tf_out, "same logits, same formulas: the same printed numbers"
    loss = float(re.search(r"cross-entropy ([\d.]+)", torch_out).group(1))
    assert loss == pytest.approx(-math.log(math.exp(2) / (math.exp(2) + math.exp(1) + math.exp(0.1))), abs=1e-4)
    assert "loss from the probabilities: inf" in torch_out
    assert re.search(r"loss from the logits: +1000\.0$", torch_out, re.MULTILINE)


def test_both_frameworks_see_the_same_data(run_snippet):
    torch_out = run_snippet("07-multiclass-and-data/digits_data_torch.py").stdout
    tf_out = run_snippet("07-multiclass-and-data/digits_data_tf.py").stdout
    assert "training: (1437, 64)   validation: (360, 64)" in torch_out
    assert "batches per epoch: training 23  validation 2" in torch_out
    assert torch_out.splitlines()[:3] == tf_out.splitlines()[:3], "the same split in both frameworks"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_the_classifier_learns_the_digits(framework, run_snippet):
    stdout = run_snippet(f"07-multiclass-and-data/train_digits_{framework}.py").stdout
    rows = [(float(loss), float(accuracy)) for loss, accuracy in
            re.findall(r"validation loss ([\d.]+)  accuracy ([\d.]+)", stdout)]
    assert len(rows) == 5
    assert rows[-1][0] < rows[0][0], "the validation loss falls"
    assert rows[-1][1] > 0.95, "far better than the 0.1 of guessing among ten classes"
    right, total = map(int, re.search(r"right on the diagonal: (\d+) of (\d+)", stdout).groups())
    assert total == 360 and right == round(rows[-1][1] * 360)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_an_untrained_model_scores_about_log_10(framework, run_snippet):
    stdout = run_snippet(f"07-multiclass-and-data/uniform_loss_{framework}.py").stdout
    assert "loss with equal logits: 2.3026   log(10) = 2.3026" in stdout
    untrained = float(re.search(r"untrained model: loss ([\d.]+)", stdout).group(1))
    assert abs(untrained - math.log(10)) < 0.3
