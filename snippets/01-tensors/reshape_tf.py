"""Lesson 01, tensors: shapes and reshaping in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:reshape]
numbers = tf.range(12)
grid = tf.reshape(numbers, (3, 4))  # 3 rows, 4 columns: the same 12 numbers
print(grid)
print("reshape(3, 4):", tuple(grid.shape))
print("reshape(2, -1):", tuple(tf.reshape(numbers, (2, -1)).shape))  # -1: "work this size out"
print("transposed:", tuple(tf.transpose(grid).shape))
column = tf.expand_dims(tf.constant([1.0, 2.0, 3.0]), 1)  # add an axis of size 1
print("expand_dims(1):", tuple(column.shape))
print("flattened:", tf.reshape(grid, [-1]).numpy().tolist())
# --8<-- [end:reshape]

assert tuple(grid.shape) == (3, 4), "grid should have 3 rows and 4 columns"
assert grid[1, 0].numpy() == 4, "reshape fills row by row, so row 1 starts at 4"
assert tuple(tf.reshape(numbers, (2, -1)).shape) == (2, 6), "-1 should become 12 / 2 = 6"
assert bool(tf.reduce_all(tf.transpose(tf.transpose(grid)) == grid)), "transposing twice should give the tensor back"
assert tuple(column.shape) == (3, 1), "expand_dims(1) should turn 3 numbers into a column"
assert tf.reshape(grid, [-1]).numpy().tolist() == list(range(12)), "flattening should undo reshape"
