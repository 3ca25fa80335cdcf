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

# The two clouds overlap a little: about 96% of points can be classified correctly.
assert accuracy > 0.9, f"accuracy {accuracy:.3f} should be above 0.9"
assert loss.numpy() < 0.3, f"the loss {loss.numpy():.3f} should fall below 0.3 (it starts at log 2 = 0.69)"
