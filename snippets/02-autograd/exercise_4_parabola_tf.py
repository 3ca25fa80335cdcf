"""Lesson 02, automatic gradients, exercise 4: gradient descent for a parabola, in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:solution]
rng = np.random.default_rng(0)
x_np = rng.uniform(0.0, 1.0, size=(100, 1)).astype(np.float32)  # the lesson's x
y_np = (x_np**2 - x_np).astype(np.float32)  # y = x² - x, so w2 = 1, w = -1, b = 0
x = tf.constant(x_np)
y = tf.constant(y_np)

w2 = tf.Variable(0.0)
w = tf.Variable(0.0)
b = tf.Variable(0.0)
learning_rate = 0.5

for step in range(600):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((w2 * x**2 + w * x + b - y) ** 2)
    gradients = tape.gradient(loss, [w2, w, b])
    for parameter, gradient in zip([w2, w, b], gradients):
        parameter.assign_sub(learning_rate * gradient)
    if step in (0, 10, 100, 300, 599):
        print(f"step {step:3d}  loss {loss.numpy():.2e}  w2 = {w2.numpy():.3f}, w = {w.numpy():.3f}, b = {b.numpy():.3f}")
# --8<-- [end:solution]

assert abs(w2.numpy() - 1) < 0.2 and abs(w.numpy() + 1) < 0.2 and loss.numpy() < 1e-3, "should approach y = x² - x"
assert abs(w2.numpy() - 1) > 0.01, "after 600 steps w2 should still be visibly off: the problem converges slowly"

# The claims the solution's text makes, checked independently in float64 numpy:
features = np.hstack([x_np**2, x_np, np.ones_like(x_np)]).astype(np.float64)
largest_curvature = np.linalg.eigvalsh(2 * features.T @ features / len(features)).max()
assert 0.5 < 2 / largest_curvature < 0.8, "learning rates above about 0.7 should make these steps unstable"
params = np.zeros(3)
for steps_needed in range(1, 5000):
    params -= 0.5 * 2 * features.T @ (features @ params - y_np[:, 0]) / len(features)
    if np.all(np.abs(params - [1.0, -1.0, 0.0]) < 0.01):
        break
assert 1300 < steps_needed < 1700, f"getting within 0.01 should take about 1500 steps, not {steps_needed}"
