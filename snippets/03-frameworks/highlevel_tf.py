"""Lesson 03, frameworks: the high-level API in TensorFlow, a Keras model trained with fit()."""
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
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))  # a cloud of points around (-1, -1)
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))  # and one around (1, 1)
features_np = np.vstack([class0, class1]).astype(np.float32)  # shape (200, 2)
labels_np = np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32)  # shape (200, 1)
# --8<-- [end:data]

# --8<-- [start:model]
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(1),  # one fully connected layer; its output is a logit, no sigmoid
])
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.5),
    loss=keras.losses.BinaryCrossentropy(from_logits=True),  # sigmoid and binary cross-entropy in one safe step
    metrics=[keras.metrics.BinaryAccuracy(threshold=0.0)],  # a logit above 0 means class 1
)
# --8<-- [end:model]

# --8<-- [start:train]
history = model.fit(features_np, labels_np, batch_size=32, epochs=20, shuffle=True, verbose=0)
for epoch in range(0, 20, 5):
    print(f"epoch {epoch:2d}  loss {history.history['loss'][epoch]:.4f}")

loss, accuracy = model.evaluate(features_np, labels_np, verbose=0)
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:train]

assert accuracy > 0.9, f"accuracy {accuracy:.3f} should be above 0.9"
assert loss < 0.3, f"the loss on all points {loss:.3f} should fall below 0.3"
assert history.history["loss"][-1] < history.history["loss"][0], "fit() should lower the loss"
