"""Lesson 03, frameworks: the low-level API, a training loop written by hand with TensorFlow tensors."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))  # a cloud of points around (-1, -1)
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))  # and one around (1, 1)
features_np = np.vstack([class0, class1]).astype(np.float32)  # shape (200, 2)
labels_np = np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32)  # shape (200, 1)
# --8<-- [end:data]

# --8<-- [start:model]
features = tf.constant(features_np)
labels = tf.constant(labels_np)
weights = tf.Variable(tf.zeros((2, 1)))
bias = tf.Variable(tf.zeros((1,)))


def predict(inputs):
    return tf.sigmoid(inputs @ weights + bias)  # probability of class 1
# --8<-- [end:model]

# --8<-- [start:train]
learning_rate = 0.5
for epoch in range(100):
    with tf.GradientTape() as tape:
        probabilities = predict(features)
        # binary cross-entropy: small when the probability is high for the true class
        loss = -tf.reduce_mean(labels * tf.math.log(probabilities) + (1 - labels) * tf.math.log(1 - probabilities))
    d_weights, d_bias = tape.gradient(loss, [weights, bias])
    weights.assign_sub(learning_rate * d_weights)
    bias.assign_sub(learning_rate * d_bias)
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  loss {loss.numpy():.4f}")

predicted = tf.cast(predict(features) > 0.5, tf.float32)
accuracy = tf.reduce_mean(tf.cast(predicted == labels, tf.float32)).numpy()
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:train]

# The picture (not shown on the page): the two clouds and the border the model learned, a PNG file.
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))
(w1, w2), b = weights.numpy().ravel(), float(bias.numpy()[0])
border_x = np.array([-3.5, 3.5])
border_y = -(w1 * border_x + b) / w2  # the points where w1*x + w2*y + b = 0
plt.figure(figsize=(5, 5))
plt.scatter(*class0.T, s=12, color="#08519c", label="class 0")
plt.scatter(*class1.T, s=12, color="#a63603", label="class 1")
plt.plot(border_x, border_y, color="black", label="learned border (probability 0.5)")
plt.xlim(-3.5, 3.5)
plt.ylim(-3.5, 3.5)
plt.gca().set_aspect("equal")
plt.xlabel("first coordinate")
plt.ylabel("second coordinate")
plt.title("Two clouds and the learned border (TensorFlow)")
plt.legend(loc="lower right")
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
plt.savefig(OUTPUT_DIR / "two_clouds_border_tf.png", dpi=80, bbox_inches="tight")
plt.close()

# The two clouds overlap a little: about 96% of points can be classified correctly.
assert accuracy > 0.9, f"accuracy {accuracy:.3f} should be above 0.9"
assert loss.numpy() < 0.3, f"the loss {loss.numpy():.3f} should fall below 0.3 (it starts at log 2 = 0.69)"
assert (OUTPUT_DIR / "two_clouds_border_tf.png").stat().st_size > 10_000, "plot not written"
