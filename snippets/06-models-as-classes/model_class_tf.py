"""Lesson 06, models as classes: a keras.Model subclass with call(), trained."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(0)  # fixes the first weights
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # the two clouds of lesson 3
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features = tf.constant(np.vstack([class0, class1]), dtype=tf.float32)  # shape (200, 2)
labels = tf.constant(np.repeat([0.0, 1.0], n).reshape(-1, 1), dtype=tf.float32)  # shape (200, 1)
# --8<-- [end:data]


# --8<-- [start:layer]
@keras.utils.register_keras_serializable(package="lesson06")  # lets load_model() find this class by name
class MyDense(keras.layers.Layer):
    """A fully connected layer written by hand: inputs @ kernel + bias."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)  # always first; kwargs such as name= go to Layer
        self.units = units

    def build(self, input_shape):  # called once, on the first input: now the input size is known
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform", name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", name="bias")

    def call(self, inputs):
        return inputs @ self.kernel + self.bias

    def get_config(self):  # the arguments needed to create the layer again, for saving
        return {**super().get_config(), "units": self.units}
# --8<-- [end:layer]


# --8<-- [start:model]
@keras.utils.register_keras_serializable(package="lesson06")
class CloudNet(keras.Model):
    """Two layers and a ReLU; call() says how an input flows through them."""

    def __init__(self, hidden_units=8, **kwargs):
        super().__init__(**kwargs)
        self.hidden_units = hidden_units
        self.hidden = keras.layers.Dense(hidden_units)  # layers stored as attributes are tracked
        self.out = MyDense(1)

    def call(self, inputs):
        hidden = tf.nn.relu(self.hidden(inputs))
        return self.out(hidden)  # logits: the loss applies sigmoid itself (from_logits=True)

    def get_config(self):
        return {**super().get_config(), "hidden_units": self.hidden_units}


keras.utils.set_random_seed(0)  # the same first weights on every run
model = CloudNet()
model(features[:1])  # a first call builds the layers, so the weights exist
print("parameters:", model.count_params())
# --8<-- [end:model]

# --8<-- [start:train]
loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)
optimizer = keras.optimizers.SGD(learning_rate=0.5)
for epoch in range(100):
    with tf.GradientTape() as tape:
        loss = loss_fn(labels, model(features))  # model(x) calls call(x)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    if epoch % 25 == 0:
        print(f"epoch {epoch:2d}  loss {loss.numpy():.4f}")

predicted = tf.cast(model(features) > 0, tf.float32)
accuracy = tf.reduce_mean(tf.cast(predicted == labels, tf.float32)).numpy()
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:train]

# The picture (not shown on the page): where the trained model puts the border between the classes.
from _border_figure import draw


plot = draw(lambda points: tf.sigmoid(model(points)).numpy(), class0, class1, "TensorFlow", "cloudnet_tf.png")

# Checks: what the page says about these models.
assert model.count_params() == 2 * 8 + 8 + 8 * 1 + 1, "a Dense(8) and a MyDense(1)"
assert accuracy > 0.9, f"accuracy {accuracy:.3f} should be above 0.9 (the best border gets about 0.96)"
assert plot.stat().st_size > 10_000, "plot not written"
