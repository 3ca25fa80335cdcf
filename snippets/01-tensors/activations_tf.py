"""Lesson 01, tensors: sigmoid and softmax in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:sigmoid]
z = tf.constant([-2.0, 0.0, 2.0])
squashed = tf.sigmoid(z)  # 1 / (1 + exp(-z)): any number becomes a value between 0 and 1
print("sigmoid:", np.round(squashed.numpy(), 4))
# --8<-- [end:sigmoid]

# --8<-- [start:softmax]
scores = tf.constant([[2.0, 1.0, 0.1], [1.0, 1.0, 1.0]])  # one row of class scores per example
probabilities = tf.nn.softmax(scores, axis=1)  # exp(score) / sum of exp(scores), row by row
print("softmax:\n", np.round(probabilities.numpy(), 4))
print("row sums:", np.round(tf.reduce_sum(probabilities, axis=1).numpy(), 4))
# --8<-- [end:softmax]

by_hand = 1 / (1 + np.exp(-z.numpy()))
assert np.allclose(squashed.numpy(), by_hand), "sigmoid should equal 1 / (1 + exp(-z))"
assert squashed[1].numpy() == 0.5, "sigmoid(0) should be exactly 0.5"
assert np.allclose(tf.reduce_sum(probabilities, axis=1).numpy(), 1.0), "each softmax row should sum to 1"
assert np.allclose(probabilities[1].numpy(), 1 / 3), "equal scores should give equal probabilities"
assert np.argmax(probabilities[0]) == np.argmax(scores[0]), "softmax should keep the largest score largest"
