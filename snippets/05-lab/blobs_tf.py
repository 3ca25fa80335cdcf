"""Lab, problem 1 in TensorFlow: two Gaussian blobs that a straight line can separate.

The reference solution of the lab: a single-layer and a multi-layer fully
connected network, trained the same way and tested on held-out points.
"""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(0)  # fixes the first weights and the order of the batches
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_blobs(n):
    """n points: class 0 around (-1.5, -1.5), class 1 around (1.5, 1.5)."""
    labels = rng.permutation(np.arange(n) % 2)  # half class 0, half class 1, mixed
    centers = np.where(labels[:, None] == 1, 1.5, -1.5)
    points = centers + rng.normal(0, 0.8, size=(n, 2))
    return points.astype(np.float32), labels.astype(np.float32).reshape(-1, 1)


x_train, y_train = make_blobs(400)
x_test, y_test = make_blobs(200)  # held out: never used for training
# --8<-- [end:data]

# --8<-- [start:models]
def single_layer():
    """One fully connected layer: the border between the classes is a straight line."""
    return keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(1),  # outputs a logit: above 0 means class 1
    ])


def multi_layer():
    """Two hidden layers of 16 units with ReLU: the border can bend."""
    return keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1),  # a logit, no sigmoid: the loss applies it
    ])
# --8<-- [end:models]


# --8<-- [start:train]
def train_and_test(model, x_train, y_train, x_test, y_test, epochs=10):
    """Train with Adam on shuffled mini-batches; return the training and the test accuracy."""
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  # sigmoid and binary cross-entropy in one safe step
                  loss=keras.losses.BinaryCrossentropy(from_logits=True),
                  # a logit above 0 means a probability above 0.5
                  metrics=[keras.metrics.BinaryAccuracy(threshold=0.0)])
    model.fit(x_train, y_train, batch_size=16, epochs=epochs, verbose=0)
    _, train_accuracy = model.evaluate(x_train, y_train, verbose=0)
    _, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
    return train_accuracy, test_accuracy
# --8<-- [end:train]


# --8<-- [start:results]
results, models = {}, {}
for name, make_model in [("single-layer", single_layer), ("multi-layer", multi_layer)]:
    models[name] = make_model()  # a new network for every problem
    results[name] = train_and_test(models[name], x_train, y_train, x_test, y_test)
    print(f"{name:12}  train accuracy {results[name][0]:.4f}  test accuracy {results[name][1]:.4f}")
# --8<-- [end:results]

# The picture (not shown on the page): each network's border, drawn as the class it predicts on a grid.
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))
grid_x, grid_y = np.meshgrid(np.linspace(-4.5, 4.5, 200), np.linspace(-4.5, 4.5, 200))
grid = np.stack([grid_x.ravel(), grid_y.ravel()], axis=1).astype(np.float32)
figure, axes = plt.subplots(1, 2, figsize=(9, 4.2))
for axis, (name, model) in zip(axes, models.items()):
    predicted = (model(grid, training=False).numpy() > 0).astype(float).reshape(grid_x.shape)
    axis.contourf(grid_x, grid_y, predicted, levels=[-0.5, 0.5, 1.5], colors=["#c6dbef", "#fdd0a2"])
    labels = y_train.ravel()
    axis.scatter(*x_train[labels == 0].T, s=8, color="#08519c", label="class 0")
    axis.scatter(*x_train[labels == 1].T, s=8, color="#a63603", label="class 1")
    axis.set_title(f"{name}: test accuracy {results[name][1]:.2f}")
    axis.set_aspect("equal")
axes[0].legend(loc="upper left")
figure.suptitle("Blobs: the class each network predicts (TensorFlow)")
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
figure.savefig(OUTPUT_DIR / "blobs_borders_tf.png", dpi=80, bbox_inches="tight")
plt.close(figure)

# Checks: on blobs a straight border is enough, so both networks are nearly always right.
assert results["single-layer"][1] > 0.95, f"single-layer test accuracy {results['single-layer'][1]:.4f} <= 0.95"
assert results["multi-layer"][1] > 0.95, f"multi-layer test accuracy {results['multi-layer'][1]:.4f} <= 0.95"
assert abs(results["single-layer"][1] - results["multi-layer"][1]) < 0.03, \
    "on linearly separable blobs the extra layers should not change the test accuracy much"
assert (OUTPUT_DIR / "blobs_borders_tf.png").stat().st_size > 10_000, "plot not written"
