"""Lesson 03, frameworks: why the loss should get logits, not probabilities, in TensorFlow.

For four points of class 1 with logits from -200 to 5, the binary cross-entropy
computed from sigmoid's probability becomes infinite at -200 (sigmoid rounds to 0
in float32), while the loss computed from the logit stays exact.
"""
# --8<-- [start:logits]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf

logits = tf.constant([-200.0, -20.0, 0.0, 5.0])  # raw outputs of a model for four points
labels = tf.ones(4)  # all four points belong to class 1
probabilities = tf.sigmoid(logits)  # sigmoid(-200) is too small for float32: it rounds to 0
from_probabilities = -tf.math.log(probabilities)  # the cross-entropy formula for class 1
from_logits = tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits)

print("   logit  probability  loss from probability  loss from logit")
for z, p, a, b in zip(logits.numpy(), probabilities.numpy(), from_probabilities.numpy(), from_logits.numpy()):
    print(f"{z:8.1f}  {p:11.4f}  {a:21.4f}  {b:15.4f}")
# --8<-- [end:logits]

# Checks: the probability route overflows for a very wrong confident logit, the logit route does not.
assert tf.math.is_inf(from_probabilities[0]), "-log(sigmoid(-200)) should overflow in float32"
assert abs(float(from_logits[0]) - 200) < 1e-3, "the loss of a logit of -200 for class 1 is 200"
assert float(tf.reduce_max(tf.abs(from_probabilities[1:] - from_logits[1:]))) < 1e-4, "both routes agree where sigmoid is exact"
