"""Learning curves in TensorFlow: a network far bigger than its data, trained until it overfits.

The page shows the data, the model and the loop that records a training and a
validation loss per epoch; the plot makes the moment overfitting starts visible.
The loop is written with GradientTape because Keras `fit` spends tens of
milliseconds per epoch on bookkeeping, far more than one step on 12 points costs.
"""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras

EPOCHS = 300
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_points(n):
    """n noisy samples of sin(3x) on [-1, 1]; the noise is what a model should not learn."""
    x = rng.uniform(-1, 1, size=(n, 1))
    y = np.sin(3 * x) + rng.normal(0, 0.3, size=(n, 1))
    return tf.constant(x, dtype=tf.float32), tf.constant(y, dtype=tf.float32)


x_train, y_train = make_points(12)
x_val, y_val = make_points(200)
# --8<-- [end:data]

# --8<-- [start:model]
keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(1,)),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(128, activation="relu"),
    keras.layers.Dense(1),
])
print(f"{model.count_params()} parameters for {len(x_train)} training points")
# --8<-- [end:model]

# --8<-- [start:train]
optimizer = keras.optimizers.Adam(learning_rate=0.01)
loss_fn = keras.losses.MeanSquaredError()


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


@tf.function
def validation_loss(x, y):
    # validation data is only measured, never learned from
    return loss_fn(y, model(x, training=False))


history = {"train": [], "validation": []}
for epoch in range(EPOCHS):
    train_loss = float(train_step(x_train, y_train))
    val_loss = float(validation_loss(x_val, y_val))
    history["train"].append(train_loss)
    history["validation"].append(val_loss)
    if epoch % 50 == 0 or epoch == EPOCHS - 1:
        # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
        # differences of another CPU, thread count or GPU, so your numbers may differ a little
        print(f"epoch {epoch:3d}  train {train_loss:.4f}  validation {val_loss:.4f}")

best_epoch = int(np.argmin(history["validation"]))
print(f"lowest validation loss {history['validation'][best_epoch]:.4f} at epoch {best_epoch}")
# --8<-- [end:train]

# The picture (not shown on the page): a PNG file, never a window.
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))
plt.figure(figsize=(6, 4))
plt.plot(history["train"], label="training loss")
plt.plot(history["validation"], label="validation loss")
plt.axvline(best_epoch, color="gray", linestyle="--", label=f"lowest validation loss (epoch {best_epoch})")
plt.xlabel("epoch")
plt.ylabel("mean squared error")
plt.ylim(0, 0.6)
plt.title("Learning curves (TensorFlow)")
plt.legend()
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
plt.savefig(OUTPUT_DIR / "learning_curves_tf.png", dpi=100, bbox_inches="tight")
plt.close()

# Checks: the curves must show overfitting, not just a loss that falls.
train, validation = history["train"], history["validation"]
assert best_epoch < EPOCHS - 50, f"validation loss still falling at the end (best epoch {best_epoch})"
assert validation[-1] > 1.2 * validation[best_epoch], "validation loss did not rise after its minimum"
assert train[-1] < 0.5 * train[best_epoch], "training loss did not keep falling after the best epoch"
assert train[-1] < validation[-1] / 3, "no clear gap between training and validation loss"
assert (OUTPUT_DIR / "learning_curves_tf.png").stat().st_size > 10_000, "plot not written"
