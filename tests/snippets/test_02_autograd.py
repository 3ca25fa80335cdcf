"""Lesson 02-autograd: gradients equal the analytic ones and gradient descent finds the least-squares line."""
import re

import numpy as np
import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "02-autograd/gradients_torch.py",
    "02-autograd/gradients_tf.py",
    "02-autograd/second_time_torch.py",
    "02-autograd/second_time_tf.py",
    "02-autograd/linreg_torch.py",
    "02-autograd/linreg_tf.py",
    "02-autograd/exercise_1_derivative_torch.py",
    "02-autograd/exercise_1_derivative_tf.py",
    "02-autograd/exercise_2_learning_rates_torch.py",
    "02-autograd/exercise_2_learning_rates_tf.py",
    "02-autograd/exercise_3_forgotten_zero_torch.py",
    "02-autograd/exercise_3_forgotten_zero_tf.py",
    "02-autograd/exercise_4_parabola_torch.py",
    "02-autograd/exercise_4_parabola_tf.py",
]
FRAMEWORKS = ["torch", "tf"]


def the_lessons_data():
    """The data the snippets make, in float64: independent of either framework."""
    rng = np.random.default_rng(0)
    x = rng.uniform(0.0, 1.0, size=100)
    y = 2.0 * x + 1.0 + 0.1 * rng.normal(size=100)
    return x, y


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


@pytest.mark.parametrize("snippet", ["02-autograd/gradients_torch.py", "02-autograd/gradients_tf.py"])
def test_printed_gradient_is_the_derivative(snippet, run_snippet):
    printed = re.search(r"dy/dx at x = 2: ([\d.]+)", run_snippet(snippet).stdout)
    assert printed, "the snippet should print dy/dx"
    x = 2.0
    assert float(printed.group(1)) == pytest.approx(2 * x + 3)  # d/dx (x² + 3x)


@pytest.mark.parametrize("snippet", ["02-autograd/linreg_torch.py", "02-autograd/linreg_tf.py"])
def test_learned_line_is_the_least_squares_line(snippet, run_snippet):
    printed = re.search(r"learned w = ([-\d.]+), b = ([-\d.]+)", run_snippet(snippet).stdout)
    assert printed, "the snippet should print the learned w and b"
    x, y = the_lessons_data()  # fitted in closed form
    slope, intercept = np.polyfit(x, y, deg=1)
    assert float(printed.group(1)) == pytest.approx(slope, abs=1e-2)
    assert float(printed.group(2)) == pytest.approx(intercept, abs=1e-2)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_the_fitted_line_is_below_the_true_line_on_its_points_and_both_near_the_noise_variance(framework, run_snippet):
    stdout = run_snippet(f"02-autograd/linreg_{framework}.py").stdout
    final = float(re.search(r"final loss ([\d.]+)", stdout).group(1))
    true_line = float(re.search(r"loss of the true line y = 2x \+ 1 on these points: ([\d.]+)", stdout).group(1))
    x, y = the_lessons_data()
    assert true_line == pytest.approx(np.mean((2 * x + 1 - y) ** 2), abs=1e-4)
    assert final <= true_line, "least squares on the training points cannot do worse than the true line there"
    assert abs(true_line - 0.01) < 0.002 and abs(final - 0.01) < 0.002, "both should be near the noise variance 0.01"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_a_second_gradient_adds_in_torch_and_needs_a_persistent_tape_in_tf(framework, run_snippet):
    stdout = run_snippet(f"02-autograd/second_time_{framework}.py").stdout
    if framework == "torch":
        assert "after a second backward(): 14.0" in stdout and "after zero_(): 0.0" in stdout
    else:
        assert "RuntimeError: A non-persistent GradientTape" in stdout
        assert "dy/dx: 7.0  dz/dx: 5.0" in stdout


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_1_gradient_equals_the_product_rule(framework, run_snippet):
    import math

    values = [float(v) for v in re.findall(r"(-?\d+\.\d+)", run_snippet(f"02-autograd/exercise_1_derivative_{framework}.py").stdout)]
    assert values == pytest.approx([math.cos(1) + math.sin(1)] * 2, abs=1e-6)


def test_learning_rate_solutions_agree_between_frameworks_and_tell_the_story(run_snippet):
    outputs = {fw: run_snippet(f"02-autograd/exercise_2_learning_rates_{fw}.py").stdout for fw in FRAMEWORKS}
    assert outputs["torch"] == outputs["tf"], "same data, same start, same rule: the same losses"
    lines = {float(rate): dict(re.findall(r"(\d+): (\S+)", rest))
             for rate, rest in re.findall(r"^learning rate ([\d.]+): +(.*)$", outputs["torch"], re.MULTILINE)}
    assert float(lines[0.01]["299"]) > 0.03, "0.01 is still far from the noise level after 300 steps"
    assert float(lines[0.2]["299"]) < 0.0095
    assert lines[1.5]["50"] == "inf" and lines[1.5]["299"] == "nan"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_forgotten_zero_makes_the_loss_swing(framework, run_snippet):
    stdout = run_snippet(f"02-autograd/exercise_3_forgotten_zero_{framework}.py").stdout
    losses = [float(v) for v in re.findall(r"^step +\d+  loss ([\d.]+)$", stdout, re.MULTILINE)]
    assert len(losses) == 6
    assert min(losses) < 0.1 and losses[-1] > 0.5 and losses.index(min(losses)) < len(losses) - 1, "down, then up again"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_parabola_approaches_x_squared_minus_x_slowly(framework, run_snippet):
    stdout = run_snippet(f"02-autograd/exercise_4_parabola_{framework}.py").stdout
    last = re.findall(r"w2 = ([-\d.]+), w = ([-\d.]+), b = ([-\d.]+)$", stdout, re.MULTILINE)[-1]
    w2, w, b = map(float, last)
    assert 0.8 < w2 < 0.99 and -0.99 < w < -0.8 and abs(b) < 0.05, "close to (1, -1, 0), but not there yet"
