"""Lesson 02, automatic gradients, exercise 3: PyTorch's forgotten zero_() imitated in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)  # the lesson's data
x_np = rng.uniform(0.0, 1.0, size=(100, 1)).astype(np.float32)
y_np = (2.0 * x_np + 1.0 + 0.1 * rng.normal(size=(100, 1))).astype(np.float32)
x = tf.constant(x_np)
y = tf.constant(y_np)
# --8<-- [end:setup]

# --8<-- [start:solution]
w = tf.Variable(0.0)
b = tf.Variable(0.0)
learning_rate = 0.2
sum_dw, sum_db = 0.0, 0.0  # what PyTorch's .grad holds when nobody calls zero_()
losses = []

for step in range(300):
    with tf.GradientTape() as tape:  # a new tape: its gradients are always fresh
        loss = tf.reduce_mean((w * x + b - y) ** 2)
    dw, db = tape.gradient(loss, [w, b])
    sum_dw, sum_db = sum_dw + dw, sum_db + db  # the mistake, made on purpose
    w.assign_sub(learning_rate * sum_dw)
    b.assign_sub(learning_rate * sum_db)
    losses.append(float(loss))
    if step % 50 == 0:
        print(f"step {step:3d}  loss {loss.numpy():.4f}")

print(f"w = {w.numpy():.4f}, b = {b.numpy():.4f}, lowest loss {min(losses):.4f}, last loss {losses[-1]:.4f}")
# --8<-- [end:solution]

assert losses[-1] > 10 * min(losses), "with summed gradients the loss should not stay at its lowest value"
assert max(losses[100:]) > 1.0, "with summed gradients the loss should keep swinging up long after the start"
