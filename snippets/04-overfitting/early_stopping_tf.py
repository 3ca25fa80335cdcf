"""Early stopping in TensorFlow: stop when the validation loss has not improved for a while.

Same data and network as learning_curves_tf.py, which starts to overfit early in
its 300 epochs. Keras has early stopping built in as a callback of `fit`; the page shows it.
"""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf
from tensorflow import keras

rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_points(n):
    """n noisy samples of sin(3x) on [-1, 1]; the noise is what a model should not learn."""
    x = rng.uniform(-1, 1, size=(n, 1))
    y = np.sin(3 * x) + rng.normal(0, 0.3, size=(n, 1))
    return tf.constant(x, dtype=tf.float32), tf.constant(y, dtype=tf.float32)


x_train, y_train = make_points(12)
x_val, y_val = make_points(200)

# --8<-- [start:setup]
MAX_EPOCHS = 300
keras.utils.set_random_seed(0)  # a new network with the same first weights as in the learning curves
model = keras.Sequential([
    keras.Input(shape=(1,)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01), loss="mse")
# --8<-- [end:setup]

# --8<-- [start:early_stopping]
early_stopping = keras.callbacks.EarlyStopping(
    monitor="val_loss",          # watch the validation loss
    patience=20,                 # epochs to wait for a new lowest value
    restore_best_weights=True,   # go back to the best weights at the end
)
# tf.data batches: with plain arrays fit would prepare the data again every epoch
train_data = tf.data.Dataset.from_tensor_slices((x_train, y_train)).batch(12)
val_data = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(200)
history = model.fit(train_data, validation_data=val_data, epochs=MAX_EPOCHS,
                    callbacks=[early_stopping], verbose=0)

val_losses = history.history["val_loss"]
best_epoch = early_stopping.best_epoch
print(f"stopped after epoch {early_stopping.stopped_epoch} of {MAX_EPOCHS}")
print(f"best epoch {best_epoch}: validation loss {val_losses[best_epoch]:.4f}")
print(f"validation loss when stopping: {val_losses[-1]:.4f}")
restored_loss = model.evaluate(val_data, verbose=0)
print(f"validation loss after restoring the best weights: {restored_loss:.4f}")
# --8<-- [end:early_stopping]

# Checks: training stopped early, for the right reason, and the best weights came back.
stopped_epoch = early_stopping.stopped_epoch
assert 0 < stopped_epoch < MAX_EPOCHS - 1, "early stopping never stopped the training"
assert len(val_losses) == stopped_epoch + 1, "history does not end at the stopping epoch"
assert stopped_epoch == best_epoch + 20, "stopped without waiting patience epochs after the best one"
assert min(val_losses) == val_losses[best_epoch], "best_epoch is not the epoch with the lowest validation loss"
assert abs(restored_loss - val_losses[best_epoch]) < 1e-5, "restored weights do not give the best validation loss"
