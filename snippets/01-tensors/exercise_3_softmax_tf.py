"""Lesson 01, tensors, exercise 3: softmax written by hand, and why it subtracts the largest score, in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:solution]
def softmax_by_hand(scores):
    exps = tf.exp(scores)
    return exps / tf.reduce_sum(exps, axis=1, keepdims=True)  # keepdims: a (rows, 1) column, broadcast over each row


def stable_softmax(scores):
    shifted = scores - tf.reduce_max(scores, axis=1, keepdims=True)  # the largest score of each row becomes 0
    exps = tf.exp(shifted)  # so no exp is larger than 1
    return exps / tf.reduce_sum(exps, axis=1, keepdims=True)


scores = tf.constant([[2.0, 1.0, 0.1], [1.0, 1.0, 1.0], [-3.0, 0.0, 5.0]])
print("same as tf.nn.softmax:", np.allclose(softmax_by_hand(scores), tf.nn.softmax(scores, axis=1)))

big = tf.constant([[1000.0, 0.0]])
print("by hand, score 1000:", softmax_by_hand(big).numpy())  # exp(1000) is too large for float32: inf / inf = nan
print("stable, score 1000:", stable_softmax(big).numpy())
print("stable same as tf.nn.softmax:", np.allclose(stable_softmax(scores), tf.nn.softmax(scores, axis=1)))
# --8<-- [end:solution]

assert np.allclose(softmax_by_hand(scores), tf.nn.softmax(scores, axis=1)), "the hand-written softmax should agree"
assert np.isnan(softmax_by_hand(big)[0, 0].numpy()), "exp(1000) overflows, so the naive version gives nan"
assert stable_softmax(big).numpy().tolist() == [[1.0, 0.0]], "subtracting the largest score should avoid the overflow"
