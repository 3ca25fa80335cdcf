"""Lesson 01, tensors: arithmetic element by element, the matrix product and reductions in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:arithmetic]
a = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print("a + a:\n", (a + a).numpy())
print("a * a (element by element):\n", (a * a).numpy())
print("a @ tf.transpose(a) (matrix product):\n", (a @ tf.transpose(a)).numpy())
print("sum:", tf.reduce_sum(a).numpy(), " mean of each column:", tf.reduce_mean(a, axis=0).numpy())
# --8<-- [end:arithmetic]

assert bool(tf.reduce_all(a * a == a**2)), "element-wise product should square each element"
assert tuple((a @ tf.transpose(a)).shape) == (2, 2), "a (2x3) times its transpose (3x2) should be 2x2"
assert (a @ tf.transpose(a))[0, 1].numpy() == 1 * 4 + 2 * 5 + 3 * 6, "matrix product should sum row-by-row products"
assert tf.reduce_mean(a, axis=0).numpy().tolist() == [2.5, 3.5, 4.5], "the mean along axis 0 averages each column"
