"""Lesson 06, exercise 1 solution (TensorFlow): a Standardize layer whose mean and std are saved with the model but never trained."""
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

# --8<-- [start:solution]
@keras.utils.register_keras_serializable(package="lesson06")
class Standardize(keras.layers.Layer):
    """(inputs - mean) / std per feature, with the mean and std of the training data kept inside the layer."""

    def __init__(self, mean, std, **kwargs):
        super().__init__(**kwargs)
        self.mean_values, self.std_values = list(mean), list(std)
        # trainable=False: saved with the model, but the optimizer never changes it
        self.mean = self.add_weight(shape=(len(self.mean_values),), trainable=False, name="mean",
                                    initializer=keras.initializers.Constant(self.mean_values))
        self.std = self.add_weight(shape=(len(self.std_values),), trainable=False, name="std",
                                   initializer=keras.initializers.Constant(self.std_values))

    def call(self, inputs):
        return (inputs - self.mean) / self.std

    def get_config(self):
        return {**super().get_config(), "mean": self.mean_values, "std": self.std_values}


raw = features * tf.constant([100.0, 0.01])  # the same points in very different units
model = keras.Sequential([
    keras.Input(shape=(2,)),
    Standardize(tf.reduce_mean(raw, axis=0).numpy(), tf.math.reduce_std(raw, axis=0).numpy()),
    keras.layers.Dense(1),
])
print("trained:", [weight.name for weight in model.trainable_weights])
print("saved:  ", [weight.name for weight in model.weights])

model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5),
              loss=keras.losses.BinaryCrossentropy(from_logits=True))
mean_before = model.layers[0].mean.numpy()
model.fit(raw, labels, batch_size=200, epochs=50, verbose=0)
print("mean unchanged by training:", np.array_equal(model.layers[0].mean.numpy(), mean_before))

restored = keras.Sequential([keras.Input(shape=(2,)), Standardize([0.0, 0.0], [1.0, 1.0]), keras.layers.Dense(1)])
restored.set_weights(model.get_weights())  # the non-trainable weights come back with the others
print("same predictions after set_weights:", np.array_equal(model(raw).numpy(), restored(raw).numpy()))
# --8<-- [end:solution]

standardized = model.layers[0](raw)
assert np.allclose(tf.reduce_mean(standardized, axis=0), 0, atol=1e-4)
assert np.allclose(tf.math.reduce_std(standardized, axis=0), 1, atol=1e-4)
assert len(model.trainable_weights) == 2 and len(model.weights) == 4, "mean and std are weights, not trained"
assert np.mean((model(raw).numpy() > 0) == (labels.numpy() > 0.5)) > 0.9, "standardized inputs train well"
