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


@pytest.mark.parametrize("snippet", EXAMPLES)
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
