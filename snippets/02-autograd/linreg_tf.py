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

learned_w, learned_b = float(w), float(b)

# The picture (not shown on the page): the data with the true and the learned line, and the loss per step.
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
left.scatter(x_np[:, 0], y_np[:, 0], s=12, color="#9095b8", label="data: 2x + 1 + noise")
ends = np.array([0.0, 1.0])
left.plot(ends, 2.0 * ends + 1.0, color="black", linestyle="--", label="true line y = 2x + 1")
left.plot(ends, learned_w * ends + learned_b, color="#e65100", label=f"learned line y = {learned_w:.2f}x + {learned_b:.2f}")
left.set_xlabel("x")
left.set_ylabel("y")
left.set_title("The data and the learned line")
left.legend()
right.plot(losses, color="#3f51b5", label="training loss (mean squared error)")
right.axhline(0.01, color="black", linestyle="--", label="noise variance 0.1² = 0.01")
right.set_yscale("log")
right.set_xlabel("step")
right.set_ylabel("loss (log scale)")
right.set_title("The loss during gradient descent")
right.legend()
fig.tight_layout()
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
fig.savefig(OUTPUT_DIR / "linear_regression.png", dpi=100)
plt.close(fig)

# Least squares solved directly, independent of gradient descent.
slope, intercept = np.polyfit(x_np[:, 0], y_np[:, 0], deg=1)
assert abs(w.numpy() - slope) < 1e-2 and abs(b.numpy() - intercept) < 1e-2, "gradient descent should reach the least-squares line"
assert abs(w.numpy() - 2.0) < 0.1 and abs(b.numpy() - 1.0) < 0.1, "the learned line should be close to y = 2x + 1"
assert loss.numpy() < 0.02, "the loss should fall to about the noise level (0.1² = 0.01)"
assert loss.numpy() <= true_loss.numpy(), "on its own training points, the least-squares line beats even the true line"
assert abs(true_loss.numpy() - 0.01) < 0.002, "the true line's loss should be close to the noise variance 0.01"
assert len(losses) == 300 and losses[-1] < losses[0] / 100, "the loss should fall during training"
assert (OUTPUT_DIR / "linear_regression.png").stat().st_size > 10_000, "plot not written"
