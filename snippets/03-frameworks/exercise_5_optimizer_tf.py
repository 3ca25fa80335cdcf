"""Lesson 03, exercise 5 in TensorFlow: the mixed program with keras.optimizers.SGD instead of the hand-written update.

Plain SGD does exactly what the hand-written update did, so the program prints
the same losses and accuracy as the mixed program.
"""
# --8<-- [start:solution]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(0)  # the same first weights as in the mixed program
rng = np.random.default_rng(0)
n = 100
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features = tf.constant(np.vstack([class0, class1]).astype(np.float32))
labels = tf.constant(np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32))

model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(8, activation="relu"),
    keras.layers.Dense(1),
])
loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(learning_rate=0.5)  # replaces learning_rate and the update loop

for epoch in range(100):
    with tf.GradientTape() as tape:
        loss = loss_fn(labels, model(features))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))  # replaces the assign_sub loop
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  loss {loss.numpy():.4f}")

predicted = tf.cast(model(features) > 0, tf.float32)
accuracy = tf.reduce_mean(tf.cast(predicted == labels, tf.float32)).numpy()
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:solution]

assert accuracy > 0.9
