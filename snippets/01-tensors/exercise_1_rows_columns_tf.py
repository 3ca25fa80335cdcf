"""Lesson 01, tensors, exercise 1: a column, a row and one number out of a 4 x 5 tensor, in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:solution]
numbers = tf.reshape(tf.range(20), (4, 5))  # 0 to 19 in 4 rows and 5 columns
print(numbers.numpy())
print("third column:", numbers[:, 2].numpy())  # counting from 0, the third column is column 2
print("last row:", numbers[-1].numpy())
value = numbers[2, 3].numpy().item()  # row 2, column 3, as a Python number
print("numbers[2, 3]:", value, type(value).__name__)
# --8<-- [end:solution]

assert numbers[:, 2].numpy().tolist() == [2, 7, 12, 17], "the third column holds 2, 7, 12 and 17"
assert numbers[-1].numpy().tolist() == [15, 16, 17, 18, 19], "the last row holds 15 to 19"
assert value == 2 * 5 + 3 and isinstance(value, int), "row 2, column 3 of 5 columns is 13"
