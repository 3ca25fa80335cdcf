"""Lesson 02, automatic gradients: a tape answers once, unless it is persistent, in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:again]
x = tf.Variable(2.0)
with tf.GradientTape() as tape:
    y = x**2 + 3 * x
    z = 5 * x
print("dy/dx:", tape.gradient(y, x).numpy())
try:
    tape.gradient(z, x)  # a second question to the same tape
except RuntimeError as error:
    print("RuntimeError:", error)

with tf.GradientTape(persistent=True) as tape:  # a persistent tape can answer several times
    y = x**2 + 3 * x
    z = 5 * x
print("dy/dx:", tape.gradient(y, x).numpy(), " dz/dx:", tape.gradient(z, x).numpy())
del tape  # free the recording when done
# --8<-- [end:again]

with tf.GradientTape() as check_tape:
    y = x**2 + 3 * x
assert check_tape.gradient(y, x).numpy() == 7.0, "dy/dx of x² + 3x at x = 2 should be 7"
try:
    check_tape.gradient(y, x)
    raise AssertionError("a tape that is not persistent should refuse a second question")
except RuntimeError:
    pass
