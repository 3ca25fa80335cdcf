"""Lesson 01, tensors, exercise 4: a large matrix product on the CPU and on the GPU if there is one, in TensorFlow."""
# --8<-- [start:setup]
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
# --8<-- [end:setup]

# --8<-- [start:solution]
device = "/GPU:0" if tf.config.list_physical_devices("GPU") else "/CPU:0"
a = tf.random.uniform((1000, 1000))
b = tf.random.uniform((1000, 1000))


def timed_product(where):
    with tf.device(where):  # inputs are copied there, the product is computed there
        (a @ b).numpy()  # a first product warms up (a GPU loads its libraries on first use)
        start = time.perf_counter()
        product = (a @ b).numpy()  # .numpy() waits for the result and copies it to main memory
        return product, time.perf_counter() - start


on_cpu, cpu_seconds = timed_product("/CPU:0")
on_device, device_seconds = timed_product(device)
print("device:", device)
# varies ±100% with the hardware: a time depends on the machine and on what else it is doing
print(f"seconds on the CPU: {cpu_seconds:.4f}, on the device {device}: {device_seconds:.4f}")
print("same product:", np.allclose(on_cpu, on_device, rtol=1e-2))  # never == for float results
# --8<-- [end:solution]

assert np.allclose(on_cpu, on_device, rtol=1e-2), "both devices should compute the same product"
assert cpu_seconds > 0 and device_seconds > 0, "both products should have been timed"
