"""Lesson 01-tensors: every snippet runs on each device and prints what the page shows."""
import re

import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "01-tensors/create_torch.py",
    "01-tensors/create_tf.py",
    "01-tensors/reshape_torch.py",
    "01-tensors/reshape_tf.py",
    "01-tensors/broadcast_torch.py",
    "01-tensors/broadcast_tf.py",
    "01-tensors/activations_torch.py",
    "01-tensors/activations_tf.py",
    "01-tensors/device_torch.py",
    "01-tensors/device_tf.py",
]


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


@pytest.mark.parametrize("snippet", ["01-tensors/reshape_torch.py", "01-tensors/reshape_tf.py"])
def test_reshape_prints_the_same_shapes_in_both_frameworks(snippet, run_snippet):
    shapes = dict(re.findall(r"^(\w+\(.*?\)): (\(.*\))$", run_snippet(snippet).stdout, re.MULTILINE))
    assert shapes["reshape(3, 4)"] == "(3, 4)"
    assert shapes["reshape(2, -1)"] == "(2, 6)"  # 12 numbers in 2 rows


@pytest.mark.parametrize("snippet", ["01-tensors/activations_torch.py", "01-tensors/activations_tf.py"])
def test_sigmoid_values_match_the_formula(snippet, run_snippet):
    import math

    line = next(line for line in run_snippet(snippet).stdout.splitlines() if line.startswith("sigmoid:"))
    printed = [float(value) for value in re.findall(r"\d+\.\d+", line)]
    assert printed == pytest.approx([1 / (1 + math.exp(-z)) for z in (-2.0, 0.0, 2.0)], abs=1e-4)
