"""Lesson 01, tensors, exercise 2: predicting the shape of a broadcast result, checked in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:solution]
a = tf.ones((2, 1, 3))
b = tf.ones((4, 1))
# From the right: 3 and 1 -> 3; 1 and 4 -> 4; 2 and (missing) -> 2
print("(2, 1, 3) + (4, 1) ->", tuple((a + b).shape))

c = tf.ones((3, 4))
d = tf.ones((4, 3))
try:
    c + d  # from the right: 4 and 3 differ and neither is 1
except tf.errors.InvalidArgumentError as error:
    print("(3, 4) + (4, 3) ->", type(error).__name__)  # its message says "Incompatible shapes: [3,4] vs. [4,3]"
print("(3, 4) + (4, 3).T ->", tuple((c + tf.transpose(d)).shape))  # transposing d makes the shapes equal
# --8<-- [end:solution]

assert tuple((a + b).shape) == (2, 4, 3), "(2, 1, 3) + (4, 1) should broadcast to (2, 4, 3)"
try:
    c + d
    raise AssertionError("(3, 4) + (4, 3) should not broadcast")
except tf.errors.InvalidArgumentError as error:
    assert "Incompatible shapes: [3,4] vs. [4,3]" in error.message, "the message should name both shapes"
