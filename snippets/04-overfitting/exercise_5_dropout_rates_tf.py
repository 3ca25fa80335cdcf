"""Lesson 04, exercise 5 in TensorFlow: dropout rates of 0.1, 0.3 and 0.6.

A solution trains the network of the lesson with each rate, from the same first
weights, with the `train` function of the dropout setup.
"""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf
from tensorflow import keras

EPOCHS = 300

rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_points(n):
    """n noisy samples of sin(3x) on [-1, 1]; the noise is what a model should not learn."""
    x = rng.uniform(-1, 1, size=(n, 1))
    y = np.sin(3 * x) + rng.normal(0, 0.3, size=(n, 1))
    return tf.constant(x, dtype=tf.float32), tf.constant(y, dtype=tf.float32)


x_train, y_train = make_points(12)
x_val, y_val = make_points(200)
loss_fn = keras.losses.MeanSquaredError()


def train(model, optimizer):
    """The loop of the learning curves; returns the final training and validation loss."""
    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(x, training=True))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))

    for epoch in range(EPOCHS):
        train_step(x_train, y_train)
    return (float(loss_fn(y_train, model(x_train, training=False))),
            float(loss_fn(y_val, model(x_val, training=False))))


# --8<-- [start:solution]
dropout_runs = {}
for rate in [0.1, 0.3, 0.6]:  # the lesson used 0.3
    keras.utils.set_random_seed(0)  # the same first weights for every rate
    model = keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(rate),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dropout(rate),
        keras.layers.Dense(1),
    ])
    dropout_runs[rate] = train(model, keras.optimizers.Adam(learning_rate=0.01))
    # varies ±0.05 or ±15% on a GPU: CUDA draws other dropout masks than the CPU does,
    # which moves the result as much as another seed would (measured across seeds on a CPU)
    # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
    # differences of another CPU, thread count or GPU, so your numbers may differ a little
    print(f"dropout {rate}  train {dropout_runs[rate][0]:.4f}  validation {dropout_runs[rate][1]:.4f}")
# --8<-- [end:solution]

# Checks: much dropout fits the training points less closely, and too much dropout is not the best choice.
assert dropout_runs[0.6][0] > dropout_runs[0.1][0], "a rate of 0.6 should fit the training points less closely than 0.1"
assert min(dropout_runs, key=lambda rate: dropout_runs[rate][1]) != 0.6, "0.6 should not give the lowest validation loss"
