"""Lesson 01, tensors: broadcasting in TensorFlow, and the picture of (3, 1) + (1, 4) the page shows."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:broadcast]
a = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # shape (2, 3)
row = tf.constant([10.0, 20.0, 30.0])  # shape (3,)
column = tf.constant([[100.0], [200.0]])  # shape (2, 1)
print("a * 2:\n", (a * 2).numpy())  # the number is used for every element
print("a + row:\n", (a + row).numpy())  # the row is added to each of the 2 rows
print("a + column:\n", (a + column).numpy())  # the column is added to each of the 3 columns
print("shapes:", tuple(a.shape), "+", tuple(row.shape), "->", tuple((a + row).shape))
# --8<-- [end:broadcast]

# --8<-- [start:table]
tall = tf.constant([[0], [10], [20]])  # shape (3, 1)
wide = tf.constant([[1, 2, 3, 4]])  # shape (1, 4)
table = tall + wide  # both are reused: the result has shape (3, 4)
print("shapes:", tuple(tall.shape), "+", tuple(wide.shape), "->", tuple(table.shape))
print(table.numpy())
# --8<-- [end:table]

# The picture (not shown on the page): drawn from the values above by the same code as for the other framework.
from _broadcasting_figure import draw

figure = draw(tall[:, 0].numpy().tolist(), wide[0].numpy().tolist(), table.numpy().tolist())

assert (a + row)[1, 2].numpy() == 6.0 + 30.0, "broadcasting should add row[2] to column 2 of every row"
assert (a + column)[1, 0].numpy() == 4.0 + 200.0, "broadcasting should add column[1] to all of row 1"
assert tuple(table.shape) == (3, 4), "(3, 1) + (1, 4) should give (3, 4)"
assert table[2, 3].numpy() == 20 + 4, "each cell should be its row's column value plus its column's row value"
assert figure.stat().st_size > 10_000, "plot not written"
