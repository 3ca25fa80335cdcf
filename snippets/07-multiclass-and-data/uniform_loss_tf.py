"""Lesson 07, exercise 1 solution (TensorFlow): the cross-entropy of a model that knows nothing is log(10)."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras
# --8<-- [end:setup]

# --8<-- [start:solution]
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
labels = tf.constant([0, 3, 7, 9])  # any four true classes
equal_logits = tf.zeros((4, 10))  # the same logit for every class: softmax gives each class 1/10
loss = loss_fn(labels, equal_logits)
print(f"loss with equal logits: {loss.numpy():.4f}   log(10) = {np.log(10):.4f}")

keras.utils.set_random_seed(0)
untrained = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(64, activation="relu"),
                              keras.layers.Dense(10)])  # as in the lesson, before training
images = tf.random.uniform((100, 64))  # any inputs in 0..1 will do for an untrained model
logits = untrained(images)
print(f"untrained model: logits from {tf.reduce_min(logits).numpy():.2f} to {tf.reduce_max(logits).numpy():.2f}")
print(f"untrained model: loss {loss_fn(tf.random.uniform((100,), 0, 10, tf.int32), logits).numpy():.2f}")
# --8<-- [end:solution]

assert abs(loss.numpy() - np.log(10)) < 1e-6
assert tf.reduce_max(tf.abs(logits)).numpy() < 3.0, "small first weights: small logits, so a loss near log(10)"
