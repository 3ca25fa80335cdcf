"""Lesson 01, tensors: creating tensors in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)  # the same "random" numbers on every run
# --8<-- [end:setup]

# --8<-- [start:create]
from_list = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
zeros = tf.zeros((2, 3))
counting = tf.range(6)
random = tf.random.uniform((2, 3))  # uniform between 0 and 1
from_numpy = tf.convert_to_tensor(np.array([1, 2, 3]))

print(from_list)
print(zeros)
print(counting)
print(np.round(random.numpy(), 4))
print(from_numpy)
print("shape:", tuple(from_list.shape), "dtype:", from_list.dtype.name)
# --8<-- [end:create]

assert tuple(from_list.shape) == (2, 3), "from_list should have 2 rows and 3 columns"
assert from_list[1, 2].numpy() == 6.0, "indexing should reach the last element"
assert tf.reduce_sum(zeros).numpy() == 0.0, "zeros should contain only zeros"
assert counting.numpy().tolist() == [0, 1, 2, 3, 4, 5], "range(6) should count from 0 to 5"
assert 0.0 <= tf.reduce_min(random).numpy() and tf.reduce_max(random).numpy() < 1.0, "uniform should stay in [0, 1)"
assert from_numpy.dtype == tf.int64, "integers from numpy should stay 64-bit integers"
