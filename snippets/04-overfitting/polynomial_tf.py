"""Overfitting in its smallest form, in TensorFlow: a line and a degree-6 polynomial through 5 noisy points.

The points come from a straight line plus noise. The polynomial has 7 parameters,
more than there are points, so it can pass through every point, noise included.
"""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(2)  # numpy makes the data, so both frameworks get the same points


def make_points(n):
    """n noisy samples of the line y = 2x + 1 on [-1, 1]."""
    x = rng.uniform(-1, 1, size=n)
    y = 2 * x + 1 + rng.normal(0, 0.3, size=n)
    # float64: the exact fit below should not be blurred by rounding errors
    return tf.constant(x, dtype=tf.float64), tf.constant(y, dtype=tf.float64)


x_train, y_train = make_points(5)
x_val, y_val = make_points(50)
# --8<-- [end:data]

# --8<-- [start:fit]
def features(x, degree):
    """Columns 1, x, x**2, ..., x**degree: a polynomial is a linear model of these."""
    return tf.stack([x ** k for k in range(degree + 1)], axis=1)


def fit(x, y, degree):
    """Least-squares weights; with more weights than points, pinv picks the smallest exact fit."""
    # matvec: matrix times vector, the weights stay a vector
    return tf.linalg.matvec(tf.linalg.pinv(features(x, degree)), y)


def mse(weights, x, y):
    predictions = tf.linalg.matvec(features(x, len(weights) - 1), weights)
    return float(tf.reduce_mean((predictions - y) ** 2))


line = fit(x_train, y_train, degree=1)        # 2 parameters
polynomial = fit(x_train, y_train, degree=6)  # 7 parameters
# --8<-- [end:fit]

# --8<-- [start:errors]
for name, weights in [("line", line), ("polynomial", polynomial)]:
    print(f"{name:10}  {len(weights)} parameters  "
          f"train MSE {mse(weights, x_train, y_train):.4f}  "
          f"validation MSE {mse(weights, x_val, y_val):.4f}")
# --8<-- [end:errors]

# The picture (not shown on the page): the line follows the trend, the polynomial the noise.
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))
grid = tf.linspace(tf.constant(-1, tf.float64), 1, 200)
plt.figure(figsize=(6, 4))
plt.scatter(x_val, y_val, s=12, color="lightgray", label="validation points")
plt.scatter(x_train, y_train, s=40, color="black", label="training points", zorder=3)
plt.plot(grid, tf.linalg.matvec(features(grid, 1), line), label="line (2 parameters)")
plt.plot(grid, tf.linalg.matvec(features(grid, 6), polynomial), label="polynomial (7 parameters)")
plt.ylim(-3, 6)
plt.xlabel("x")
plt.ylabel("y")
plt.title("Two fits to the same 5 points (TensorFlow)")
plt.legend()
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
plt.savefig(OUTPUT_DIR / "polynomial_fit_tf.png", dpi=100, bbox_inches="tight")
plt.close()

# Checks: the polynomial fits the training points exactly but does worse on new points.
line_train, line_val = mse(line, x_train, y_train), mse(line, x_val, y_val)
poly_train, poly_val = mse(polynomial, x_train, y_train), mse(polynomial, x_val, y_val)
assert poly_train < 1e-3, f"polynomial does not fit the training points ({poly_train})"
assert line_train > 1e-3, "a line should not fit 5 noisy points exactly"
assert poly_val > line_val, f"polynomial validation error {poly_val:.4f} not above the line's {line_val:.4f}"
assert abs(float(line[1]) - 2) < 0.5, f"line slope {float(line[1]):.4f} is far from the true slope 2"
