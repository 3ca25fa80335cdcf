"""Lesson 07, multi-class: softmax turns logits into probabilities, cross-entropy scores them, and why losses take logits."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras
# --8<-- [end:setup]

# --8<-- [start:softmax]
logits = tf.Variable([[2.0, 1.0, 0.1]])  # one example, three classes (a Variable, so the tape watches it)
label = tf.constant([0])  # the true class is class 0
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)  # labels as class numbers, not one-hot

with tf.GradientTape() as tape:
    probabilities = tf.nn.softmax(logits)
    loss = loss_fn(label, logits)  # softmax, then -log(probability of the true class)
print("probabilities:", probabilities.numpy().round(4), "sum:", round(float(tf.reduce_sum(probabilities)), 4))
print(f"cross-entropy {loss.numpy():.4f} = -log({probabilities[0, 0].numpy():.4f})")

gradient = tape.gradient(loss, logits)
print("gradient of the loss for each logit:", gradient.numpy().round(4))
# --8<-- [end:softmax]

# --8<-- [start:why_logits]
big_logits = tf.constant([[1000.0, 0.0, -1000.0]])  # a very confident model
label = tf.constant([1])

probabilities = tf.nn.softmax(big_logits)  # exp(-1000) is 0 in float32
print("probabilities:", probabilities.numpy())
print("loss from the probabilities:", float(-tf.math.log(probabilities[0, 1])))  # log(0) = -inf
print("loss from the logits:       ", float(loss_fn(label, big_logits)))
# --8<-- [end:why_logits]

# Checks: what the page says.
p = np.exp([2.0, 1.0, 0.1]) / np.exp([2.0, 1.0, 0.1]).sum()
assert np.allclose(gradient.numpy(), p - np.array([1.0, 0.0, 0.0]), atol=1e-6), "gradient = p - one-hot label"
assert abs(loss.numpy() + np.log(p[0])) < 1e-6
assert np.isinf(-tf.math.log(probabilities[0, 1]).numpy()), "the probability of class 1 underflows to 0"
assert float(loss_fn(label, big_logits)) == 1000.0, "from logits the loss is exact: 1000"
