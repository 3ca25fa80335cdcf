"""Lesson 01, tensors: default data types, and the float64 numpy array float32 weights refuse, in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:dtypes]
from_list = tf.constant([0.5, 1.5])  # Python floats become float32, TensorFlow's default
data = np.array([0.5, 1.5])  # but numpy stores floats as float64 by default
from_numpy = tf.constant(data)  # and the tensor keeps numpy's type
print("from a list:", from_list.dtype.name)
print("from numpy:", data.dtype, "->", from_numpy.dtype.name)
print("tf.range(3):", tf.range(3).dtype.name, " from numpy integers:", tf.constant(np.arange(3)).dtype.name)
# --8<-- [end:dtypes]

# --8<-- [start:mismatch]
weights = tf.Variable([[2.0]])  # float32, like the weights of every layer
print("weights:", weights.dtype.name)
try:
    tf.reshape(from_numpy, (2, 1)) @ weights  # float64 inputs meet float32 weights
except tf.errors.InvalidArgumentError as error:
    print("InvalidArgumentError:", error.message)
# --8<-- [end:mismatch]

assert from_list.dtype == tf.float32, "Python floats should become float32"
assert data.dtype == np.float64 and from_numpy.dtype == tf.float64, "numpy floats should stay float64"
assert tf.range(3).dtype == tf.int32, "tf.range should give int32"
try:
    tf.reshape(from_numpy, (2, 1)) @ weights
    raise AssertionError("float64 inputs should not multiply float32 weights")
except tf.errors.InvalidArgumentError as error:
    assert "double" in error.message and "float" in error.message, "the error should be about the data type"
