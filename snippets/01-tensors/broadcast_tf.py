"""Lesson 01, tensors: arithmetic and broadcasting in TensorFlow (the page before it was rewritten).

Kept only for the translations of this lesson made before the page was rewritten: they still
include these sections. The English page uses
elementwise_tf.py and broadcasting_tf.py instead; delete this file
when no translation includes it any more (`grep -r "01-tensors/broadcast_tf.py" docs/`).
"""
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

# --8<-- [start:broadcast]
row = tf.constant([10.0, 20.0, 30.0])  # shape (3,)
column = tf.constant([[100.0], [200.0]])  # shape (2, 1)
print("a * 2:\n", (a * 2).numpy())  # the number is used for every element
print("a + row:\n", (a + row).numpy())  # the row is added to each of the 2 rows
print("a + column:\n", (a + column).numpy())  # the column is added to each of the 3 columns
print("shapes:", tuple(a.shape), "+", tuple(row.shape), "->", tuple((a + row).shape))
# --8<-- [end:broadcast]

assert bool(tf.reduce_all(a * a == a**2)), "element-wise product should square each element"
assert tuple((a @ tf.transpose(a)).shape) == (2, 2), "a (2x3) times its transpose (3x2) should be 2x2"
assert (a @ tf.transpose(a))[0, 1].numpy() == 1 * 4 + 2 * 5 + 3 * 6, "matrix product should sum row-by-row products"
assert (a + row)[1, 2].numpy() == 6.0 + 30.0, "broadcasting should add row[2] to column 2 of every row"
assert (a + column)[1, 0].numpy() == 4.0 + 200.0, "broadcasting should add column[1] to all of row 1"
