"""Lesson 01, tensors: changing the data type of a tensor (casting) in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:cast]
data = np.array([[0.5], [1.5]])  # float64, as numpy makes it
weights = tf.Variable([[2.0]])  # float32
x = tf.cast(tf.constant(data), tf.float32)  # a float32 copy
print("after tf.cast:", x.dtype.name, " x @ weights:", (x @ weights).dtype.name)

features = data.astype(np.float32)  # better: convert once, where the data is made
print("after .astype(np.float32):", tf.constant(features).dtype.name)

print("int32 to float32:", tf.cast(tf.range(3), tf.float32).numpy())
print("float32 to int32:", tf.cast(tf.constant([1.7, -1.7]), tf.int32).numpy())  # the decimals are cut off
# --8<-- [end:cast]

assert x.dtype == tf.float32 and (x @ weights).dtype == tf.float32, "tf.cast should make the input fit the weights"
assert tf.constant(features).dtype == tf.float32, ".astype(np.float32) should give a float32 tensor"
assert tf.cast(tf.constant([1.7, -1.7]), tf.int32).numpy().tolist() == [1, -1], "casting to an integer type truncates toward 0"
