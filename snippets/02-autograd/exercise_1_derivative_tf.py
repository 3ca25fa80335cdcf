"""Lesson 02, automatic gradients, exercise 1: the derivative of sin(x)·x at x = 1 with a tape, in TensorFlow."""
# --8<-- [start:setup]
import math
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:solution]
x = tf.Variable(1.0)
with tf.GradientTape() as tape:
    y = tf.sin(x) * x
dy_dx = tape.gradient(y, x)
by_hand = math.cos(1.0) * 1.0 + math.sin(1.0)  # cos(x)·x + sin(x) at x = 1
print(f"gradient tape: {dy_dx.numpy():.6f}")
print(f"by hand:       {by_hand:.6f}")
# --8<-- [end:solution]

assert abs(dy_dx.numpy() - by_hand) < 1e-6, "the tape should give the derivative worked out by hand"
