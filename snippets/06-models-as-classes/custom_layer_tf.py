"""Lesson 06, models as classes: a custom Keras layer, and the layer inside keras.Sequential."""
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


# --8<-- [start:sequential]
sequential = keras.Sequential([keras.Input(shape=(2,)), MyDense(8), keras.layers.ReLU(), MyDense(1)])
for weight in sequential.weights:
    print(f"{weight.path:28s} {tuple(weight.shape)}")
print("output shape:", tuple(sequential(tf.zeros((5, 2))).shape))
# --8<-- [end:sequential]

assert len(sequential.weights) == 4 and sequential.count_params() == 2 * 8 + 8 + 8 + 1
builtin = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(8), keras.layers.ReLU(), keras.layers.Dense(1)])
assert sequential.count_params() == builtin.count_params(), "MyDense counts like keras.layers.Dense"
