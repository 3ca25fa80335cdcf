"""Lesson 01, tensors: where TensorFlow puts a tensor, and copying it to the CPU."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:device]
gpus = tf.config.list_physical_devices("GPU")
print("GPU device available:", len(gpus) > 0)

x = tf.ones((2, 3))  # placed on the GPU by TensorFlow itself when there is one
total = tf.reduce_sum(x * 2, axis=1)  # computed where the data is
with tf.device("/CPU:0"):  # ask for the CPU explicitly
    back = tf.identity(total)  # a copy in main memory
print("x is on device:", x.device)
print("back is on device:", back.device)
print("back in main memory:", back.numpy())
# --8<-- [end:device]

assert ("GPU" if gpus else "CPU") in x.device, "x should be on the GPU exactly when one is visible"
assert back.device.endswith("CPU:0"), "tf.device('/CPU:0') should place the copy on the CPU"
assert back.numpy().tolist() == [6.0, 6.0], "each row of twos should sum to 6"
