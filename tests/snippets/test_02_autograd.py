"""Lesson 02-autograd: gradients equal the analytic ones and gradient descent finds the least-squares line."""
import re

import numpy as np
import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "02-autograd/autograd_torch.py",
    "02-autograd/autograd_tf.py",
    "02-autograd/linreg_torch.py",
    "02-autograd/linreg_tf.py",
]


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


@pytest.mark.parametrize("snippet", ["02-autograd/autograd_torch.py", "02-autograd/autograd_tf.py"])
def test_printed_gradient_is_the_derivative(snippet, run_snippet):
    printed = re.search(r"dy/dx at x = 2: ([\d.]+)", run_snippet(snippet).stdout)
    assert printed, "the snippet should print dy/dx"
    x = 2.0
    assert float(printed.group(1)) == pytest.approx(2 * x + 3)  # d/dx (x² + 3x)


@pytest.mark.parametrize("snippet", ["02-autograd/linreg_torch.py", "02-autograd/linreg_tf.py"])
def test_learned_line_is_the_least_squares_line(snippet, run_snippet):
    printed = re.search(r"learned w = ([-\d.]+), b = ([-\d.]+)", run_snippet(snippet).stdout)
    assert printed, "the snippet should print the learned w and b"
    # The same data the snippet makes, fitted in closed form.
    rng = np.random.default_rng(0)
    x = rng.uniform(0.0, 1.0, size=100)
    y = 2.0 * x + 1.0 + 0.1 * rng.normal(size=100)
    slope, intercept = np.polyfit(x, y, deg=1)
    assert float(printed.group(1)) == pytest.approx(slope, abs=1e-2)
    assert float(printed.group(2)) == pytest.approx(intercept, abs=1e-2)
