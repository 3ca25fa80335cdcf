"""Lesson 03, frameworks: mixing both levels in TensorFlow, a Keras model trained by a loop we write."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(0)  # fixes the first weights
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))  # a cloud of points around (-1, -1)
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))  # and one around (1, 1)
features_np = np.vstack([class0, class1]).astype(np.float32)  # shape (200, 2)
labels_np = np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32)  # shape (200, 1)
# --8<-- [end:data]

# --8<-- [start:mixed]
features = tf.constant(features_np)
labels = tf.constant(labels_np)
model = keras.Sequential([  # high level: layers
    keras.Input(shape=(2,)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1),
])
loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
learning_rate = 0.5

for epoch in range(100):  # low level: our own loop and our own update rule
    with tf.GradientTape() as tape:
        loss = loss_fn(labels, model(features))
    gradients = tape.gradient(loss, model.trainable_variables)
    for variable, gradient in zip(model.trainable_variables, gradients):
        variable.assign_sub(learning_rate * gradient)
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  loss {loss.numpy():.4f}")

predicted = tf.cast(model(features) > 0, tf.float32)
accuracy = tf.reduce_mean(tf.cast(predicted == labels, tf.float32)).numpy()
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:mixed]

assert model.count_params() == 2 * 8 + 8 + 8 * 1 + 1, "two layers: 2x8 weights + 8 biases, 8x1 weights + 1 bias"
assert accuracy > 0.9, f"accuracy {accuracy:.3f} should be above 0.9"
assert loss.numpy() < 0.3, f"the loss {loss.numpy():.3f} should fall below 0.3"
