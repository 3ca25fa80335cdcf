"""Lesson 02, automatic gradients: the gradient of a function of one number and of three numbers, with a GradientTape in TensorFlow."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:scalar]
x = tf.Variable(2.0)  # variables are watched by the tape automatically
with tf.GradientTape() as tape:  # record what we compute from x
    y = x**2 + 3 * x  # y = x² + 3x
dy_dx = tape.gradient(y, x)  # work out dy/dx from the recording
print("y =", y.numpy())
print("dy/dx at x = 2:", dy_dx.numpy())  # 2x + 3 = 7
# --8<-- [end:scalar]

# --8<-- [start:vector]
w = tf.Variable([1.0, -2.0, 0.5])
inputs = tf.constant([3.0, 1.0, 4.0])
with tf.GradientTape() as tape:
    out = tf.reduce_sum(w * inputs)  # out = w·inputs, so d(out)/dw = inputs
print("gradient with respect to w:", tape.gradient(out, w).numpy())
# --8<-- [end:vector]

assert dy_dx.numpy() == 2 * 2.0 + 3, "dy/dx of x² + 3x at x = 2 should be 7"
with tf.GradientTape() as check_tape:
    out = tf.reduce_sum(w * inputs)
assert check_tape.gradient(out, w).numpy().tolist() == inputs.numpy().tolist(), "d(w·inputs)/dw should be inputs"
