"""Lesson 02, automatic gradients: gradient descent for a linear regression, by hand, in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points
x_np = rng.uniform(0.0, 1.0, size=(100, 1)).astype(np.float32)
y_np = (2.0 * x_np + 1.0 + 0.1 * rng.normal(size=(100, 1))).astype(np.float32)  # y = 2x + 1 + noise
x = tf.constant(x_np)
y = tf.constant(y_np)
# --8<-- [end:data]

# --8<-- [start:train]
w = tf.Variable(0.0)  # slope, to be learned
b = tf.Variable(0.0)  # intercept, to be learned
learning_rate = 0.2
losses = []  # the loss of every step, for the plot below the code

for step in range(300):
    with tf.GradientTape() as tape:
        prediction = w * x + b
        loss = tf.reduce_mean((prediction - y) ** 2)  # mean squared error
    dw, db = tape.gradient(loss, [w, b])
    w.assign_sub(learning_rate * dw)  # w = w - learning_rate * dw, in place
    b.assign_sub(learning_rate * db)
    losses.append(float(loss))
    if step % 50 == 0:
        print(f"step {step:3d}  loss {loss.numpy():.4f}")

print(f"learned w = {w.numpy():.4f}, b = {b.numpy():.4f}, final loss {loss.numpy():.4f}")
true_loss = tf.reduce_mean((2.0 * x + 1.0 - y) ** 2)  # the line the data was made from
print(f"loss of the true line y = 2x + 1 on these points: {true_loss.numpy():.4f}")
# --8<-- [end:train]

# The picture (not shown on the page): drawn by the same code as for the other framework.
from _linear_regression_figure import draw

figure = draw(x_np, y_np, float(w), float(b), losses)

# Least squares solved directly, independent of gradient descent.
slope, intercept = np.polyfit(x_np[:, 0], y_np[:, 0], deg=1)
assert abs(w.numpy() - slope) < 1e-2 and abs(b.numpy() - intercept) < 1e-2, "gradient descent should reach the least-squares line"
assert abs(w.numpy() - 2.0) < 0.1 and abs(b.numpy() - 1.0) < 0.1, "the learned line should be close to y = 2x + 1"
assert loss.numpy() < 0.02, "the loss should fall to about the noise level (0.1² = 0.01)"
assert loss.numpy() <= true_loss.numpy(), "on its own training points, the least-squares line beats even the true line"
assert abs(true_loss.numpy() - 0.01) < 0.002, "the true line's loss should be close to the noise variance 0.01"
assert len(losses) == 300 and losses[-1] < losses[0] / 100, "the loss should fall during training"
assert figure.stat().st_size > 10_000, "plot not written"
