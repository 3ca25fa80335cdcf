"""Dropout in TensorFlow: the overfitting network of learning_curves_tf.py with dropout layers.

Both networks are trained the same way for 300 epochs; the page shows the model
with dropout, how the `training` argument switches dropout on and off, and both results.
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

# --8<-- [start:setup]
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


keras.utils.set_random_seed(0)  # the network of the learning curves, again with the same first weights
plain_model = keras.Sequential([
    keras.Input(shape=(1,)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(1),
])
# --8<-- [end:setup]

# --8<-- [start:model]
keras.utils.set_random_seed(0)
dropout_model = keras.Sequential([
    keras.Input(shape=(1,)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dropout(0.3),   # zero 30% of the outputs, at random
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(1),
])
# --8<-- [end:model]

# --8<-- [start:modes]
# training=True: dropout is on, every call drops other units
print("training mode, same output twice:",
      np.array_equal(dropout_model(x_val, training=True), dropout_model(x_val, training=True)))
# training=False (the default, and what predict and evaluate use): dropout is off
print("evaluation mode, same output twice:",
      np.array_equal(dropout_model(x_val, training=False), dropout_model(x_val, training=False)))
# --8<-- [end:modes]

# --8<-- [start:compare]
results = {}
for name, model in [("without dropout", plain_model), ("with dropout", dropout_model)]:
    optimizer = keras.optimizers.Adam(learning_rate=0.01)
    results[name] = train(model, optimizer)
    # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
    # differences of another CPU, thread count or GPU, so your numbers may differ a little
    print(f"{name:15}  train {results[name][0]:.4f}  validation {results[name][1]:.4f}")
# --8<-- [end:compare]

# Checks: dropout is random only in training mode, and it lowers the validation loss.
assert not np.array_equal(dropout_model(x_val, training=True), dropout_model(x_val, training=True)), \
    "dropout did nothing in training mode"
assert np.array_equal(dropout_model(x_val), dropout_model(x_val)), "dropout active outside training"
plain_val, dropout_val = results["without dropout"][1], results["with dropout"][1]
assert dropout_val < 0.9 * plain_val, f"dropout did not lower the validation loss ({dropout_val:.4f} vs {plain_val:.4f})"
assert results["with dropout"][0] > results["without dropout"][0], "dropout should fit the training noise less"
