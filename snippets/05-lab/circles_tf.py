"""Lab, problem 2 in TensorFlow: two concentric circles that no straight line can separate.

The reference solution of the lab: a single-layer and a multi-layer fully
connected network, trained the same way and tested on held-out points.
"""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
from tensorflow import keras

keras.utils.set_random_seed(0)  # fixes the first weights and the order of the batches
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_circles(n):
    """n points near a circle: radius 0.5 for class 0, radius 1.0 for class 1."""
    labels = rng.permutation(np.arange(n) % 2)  # half class 0, half class 1, mixed
    radius = np.where(labels == 1, 1.0, 0.5)
    angle = rng.uniform(0, 2 * np.pi, size=n)
    points = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    points += rng.normal(0, 0.1, size=(n, 2))
    return points.astype(np.float32), labels.astype(np.float32).reshape(-1, 1)


x_train, y_train = make_circles(400)
x_test, y_test = make_circles(200)  # held out: never used for training
# --8<-- [end:data]

# --8<-- [start:models]
def single_layer():
    """One fully connected layer: the border between the classes is a straight line."""
    return keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(1, activation="sigmoid"),
    ])


def multi_layer():
    """Two hidden layers of 16 units with ReLU: the border can bend."""
    return keras.Sequential([
        keras.Input(shape=(2,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
# --8<-- [end:models]


# --8<-- [start:train]
def train_and_test(model, x_train, y_train, x_test, y_test, epochs=10):
    """Train with Adam on shuffled mini-batches; return the training and the test accuracy."""
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(x_train, y_train, batch_size=16, epochs=epochs, verbose=0)
    _, train_accuracy = model.evaluate(x_train, y_train, verbose=0)
    _, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
    return train_accuracy, test_accuracy
# --8<-- [end:train]


# --8<-- [start:results]
results = {}
for name, make_model in [("single-layer", single_layer), ("multi-layer", multi_layer)]:
    results[name] = train_and_test(make_model(), x_train, y_train, x_test, y_test)
    print(f"{name:12}  train accuracy {results[name][0]:.4f}  test accuracy {results[name][1]:.4f}")
# --8<-- [end:results]

# Checks: a straight border cannot beat chance on circles by much; a bent one separates them.
assert results["single-layer"][1] < 0.7, f"single-layer test accuracy {results['single-layer'][1]:.4f} >= 0.7"
assert results["single-layer"][0] < 0.7, "a straight border should fail on the training points too"
assert results["multi-layer"][1] > 0.9, f"multi-layer test accuracy {results['multi-layer'][1]:.4f} <= 0.9"
