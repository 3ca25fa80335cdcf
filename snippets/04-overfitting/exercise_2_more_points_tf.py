"""Lesson 04, exercise 2 in TensorFlow: the polynomial of degree 6 with 50 training points instead of 5.

A solution reuses make_points and the functions of the polynomial example.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the polynomial example (polynomial_tf.py), run quietly, provides
# fit, mse and the imports; make_points is its function, with the numbers drawn from the `rng` below.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("polynomial_tf.py"))))


def make_points(n):
    """As in the polynomial example, drawing from this program's `rng`."""
    x = rng.uniform(-1, 1, size=n)
    y = 2 * x + 1 + rng.normal(0, 0.3, size=n)
    return tf.constant(x, dtype=tf.float64), tf.constant(y, dtype=tf.float64)

# --8<-- [start:solution]
rng = np.random.default_rng(2)
x_train, y_train = make_points(50)  # 50 training points instead of 5
x_val, y_val = make_points(50)
errors = {}
for name, degree in [("line", 1), ("polynomial", 6)]:
    weights = fit(x_train, y_train, degree)
    errors[name] = (mse(weights, x_train, y_train), mse(weights, x_val, y_val))
    print(f"{name:10}  train MSE {errors[name][0]:.4f}  validation MSE {errors[name][1]:.4f}")
# --8<-- [end:solution]

# Checks: with 50 points the polynomial can no longer fit the noise, and it does about as well as the line.
assert errors["polynomial"][0] > 0.05, "7 parameters cannot pass through 50 noisy points"
assert errors["polynomial"][1] < 2 * errors["line"][1], "with 50 points the polynomial should be close to the line"
assert errors["polynomial"][1] > errors["line"][1], "its extra parameters still fit a little noise"
