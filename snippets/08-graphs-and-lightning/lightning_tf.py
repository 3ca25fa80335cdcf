"""Lesson 08, Keras's counterpart of Lightning: the hand-written loop of lesson 3 and a train_step run by fit(), on the same data, to the same result."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # the two clouds of lesson 3
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features = tf.constant(np.vstack([class0, class1]), dtype=tf.float32)  # shape (200, 2)
labels = tf.constant(np.repeat([0.0, 1.0], n).reshape(-1, 1), dtype=tf.float32)  # shape (200, 1)
EPOCHS, LEARNING_RATE = 100, 0.5
# --8<-- [end:data]

# --8<-- [start:by_hand]
model = keras.layers.Dense(1, kernel_initializer="zeros")  # logistic regression, starting from zero as in lesson 3
loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(learning_rate=LEARNING_RATE)
hand_losses = []
for epoch in range(EPOCHS):  # all 200 points in every step
    with tf.GradientTape() as tape:
        loss = loss_fn(labels, model(features))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    hand_losses.append(float(loss))
accuracy = float(tf.reduce_mean(tf.cast((model(features) > 0) == (labels > 0.5), tf.float32)))
print(f"by hand:   loss {hand_losses[-1]:.4f}  accuracy {accuracy:.4f}")
# --8<-- [end:by_hand]


# --8<-- [start:module]
class CloudClassifier(keras.Model):
    """The model and its training step in one class; fit() writes the loop."""

    def __init__(self):
        super().__init__()
        self.linear = keras.layers.Dense(1, kernel_initializer="zeros")
        self.loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
        self.loss_tracker = keras.metrics.Mean(name="loss")  # the mean loss of an epoch, for fit() to report

    @property
    def metrics(self):  # fit() resets these at the start of every epoch
        return [self.loss_tracker]

    def call(self, inputs):
        return self.linear(inputs)

    def train_step(self, data):  # one step, as in the loop by hand; fit() calls it for every batch
        batch_features, batch_labels = data
        with tf.GradientTape() as tape:
            loss = self.loss_fn(batch_labels, self(batch_features, training=True))
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}  # what fit() records in its history
# --8<-- [end:module]


# --8<-- [start:trainer]
keras.utils.set_random_seed(0)  # seeds Python, numpy and TensorFlow at once (nothing is random here)
classifier = CloudClassifier()
classifier.compile(optimizer=keras.optimizers.SGD(learning_rate=LEARNING_RATE))
data = tf.data.Dataset.from_tensors((features, labels))  # one batch: all 200 points in every step
history = classifier.fit(data, epochs=EPOCHS, verbose=0)

fit_losses = history.history["loss"]
accuracy = float(tf.reduce_mean(tf.cast((classifier(features) > 0) == (labels > 0.5), tf.float32)))
print(f"fit():     loss {fit_losses[-1]:.4f}  accuracy {accuracy:.4f}")
same_weights = np.allclose(classifier.linear.kernel.numpy(), model.kernel.numpy(), atol=1e-5)
print("same weights as the hand-written loop:", same_weights)
# --8<-- [end:trainer]

# The picture (not shown on the page): the two loss curves lie on top of each other.
from _loss_curves_figure import draw

plot = draw(hand_losses, fit_losses, "train_step + fit()", "TensorFlow", "loop_vs_fit_tf.png")

# Checks: what the page says.
assert len(fit_losses) == len(hand_losses) == EPOCHS, "one step per epoch in both"
assert np.allclose(fit_losses, hand_losses, atol=1e-5), "fit() ran the same steps as the loop"
assert same_weights and accuracy > 0.9
assert plot.stat().st_size > 10_000, "plot not written"
