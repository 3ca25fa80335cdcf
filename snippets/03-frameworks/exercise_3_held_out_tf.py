"""Lesson 03, exercise 3 in TensorFlow: train on 160 of the 200 points and measure the accuracy on the other 40.

A solution shuffles the points once, keeps 40 aside, and trains the low-level
model on the rest; the 40 points are used only to measure it.
"""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(0)  # the data of the lesson
n = 100
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features_np = np.vstack([class0, class1]).astype(np.float32)
labels_np = np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32)

# --8<-- [start:solution]
order = rng.permutation(len(features_np))  # shuffle once, so both parts hold points of both classes
train_rows, held_out_rows = order[:160], order[160:]
x_train, y_train = tf.constant(features_np[train_rows]), tf.constant(labels_np[train_rows])
x_held_out, y_held_out = tf.constant(features_np[held_out_rows]), tf.constant(labels_np[held_out_rows])

weights = tf.Variable(tf.zeros((2, 1)))
bias = tf.Variable(tf.zeros((1,)))
for epoch in range(100):  # trains on the 160 points only
    with tf.GradientTape() as tape:
        logits = x_train @ weights + bias
        loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=y_train, logits=logits))
    d_weights, d_bias = tape.gradient(loss, [weights, bias])
    weights.assign_sub(0.5 * d_weights)
    bias.assign_sub(0.5 * d_bias)


def accuracy(x, y):
    return tf.reduce_mean(tf.cast(tf.cast(x @ weights + bias > 0, tf.float32) == y, tf.float32)).numpy()


train_accuracy, held_out_accuracy = accuracy(x_train, y_train), accuracy(x_held_out, y_held_out)
print(f"accuracy on the 160 training points: {train_accuracy:.4f}")
print(f"accuracy on the 40 held-out points:  {held_out_accuracy:.4f}")
# --8<-- [end:solution]

# Checks: both accuracies are high; the 40 unseen points give the lower, more honest (and rougher) number.
assert train_accuracy > 0.9 and held_out_accuracy > 0.8
assert held_out_accuracy <= train_accuracy
