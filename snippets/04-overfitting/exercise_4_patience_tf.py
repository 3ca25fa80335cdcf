"""Lesson 04, exercise 4 in TensorFlow: early stopping with a patience of 5 and of 50 epochs.

A solution runs the lesson's `fit` with the EarlyStopping callback once per
patience, each time from the same first weights.
"""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf
from tensorflow import keras

MAX_EPOCHS = 300
rng = np.random.default_rng(0)  # the data of the lesson, as in early_stopping_tf.py


def make_points(n):
    """n noisy samples of sin(3x) on [-1, 1]; the noise is what a model should not learn."""
    x = rng.uniform(-1, 1, size=(n, 1))
    y = np.sin(3 * x) + rng.normal(0, 0.3, size=(n, 1))
    return tf.constant(x, dtype=tf.float32), tf.constant(y, dtype=tf.float32)


x_train, y_train = make_points(12)
x_val, y_val = make_points(200)
train_data = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(12)
val_data = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(200)

# --8<-- [start:solution]
def early_stopping_run(patience):
    """The early stopping of the lesson; returns the last epoch, the best epoch and its validation loss."""
    keras.utils.set_random_seed(0)  # the same first weights for every patience
    model = keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
    early_stopping = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    history = model.fit(train_data, validation_data=val_data, epochs=MAX_EPOCHS,
                        callbacks=[early_stopping], verbose=0)
    best_epoch = early_stopping.best_epoch
    return early_stopping.stopped_epoch, best_epoch, history.history["val_loss"][best_epoch]


runs = {}
for patience in [5, 50]:  # the lesson used 20
    runs[patience] = early_stopping_run(patience)
    stopped, best_epoch, best_loss = runs[patience]
    # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
    # differences of another CPU, thread count or GPU, so your numbers may differ a little
    print(f"patience {patience:2d}: stopped after epoch {stopped:3d}, "
          f"restored epoch {best_epoch:3d}, validation loss {best_loss:.4f}")
# --8<-- [end:solution]

# Checks: a longer patience never stops earlier and never keeps a worse epoch.
assert runs[5][0] <= runs[50][0]
assert runs[5][2] >= runs[50][2]
