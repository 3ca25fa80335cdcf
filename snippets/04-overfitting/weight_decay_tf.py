"""Weight decay in TensorFlow: the overfitting network of learning_curves_tf.py, with and without it.

Weight decay shrinks every weight a little at each step, so only weights that the
data keeps pushing stay large. The page shows the two optimizers and the results.
"""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tensorflow as tf
from tensorflow import keras

EPOCHS = 300

rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_points(n):
    """n noisy samples of sin(3x) on [-1, 1]; the noise is what a model should not learn."""
    x = rng.uniform(-1, 1, size=(n, 1))
    y = np.sin(3 * x) + rng.normal(0, 0.3, size=(n, 1))
    return tf.constant(x, dtype=tf.float32), tf.constant(y, dtype=tf.float32)


x_train, y_train = make_points(12)
x_val, y_val = make_points(200)
loss_fn = keras.losses.MeanSquaredError()


def train(model, optimizer):
    """The loop of the learning curves, as in the dropout setup; returns the final training and validation loss."""
    @tf.function
    def train_step(x, y):
        with tf.GradientTape() as tape:
            loss = loss_fn(y, model(x, training=True))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))

    for epoch in range(EPOCHS):
        train_step(x_train, y_train)
    return (float(loss_fn(y_train, model(x_train, training=False))),
            float(loss_fn(y_val, model(x_val, training=False))))


# --8<-- [start:setup]
def make_model():
    """The network of the learning curves, always with the same first weights."""
    keras.utils.set_random_seed(0)
    return keras.Sequential([
        keras.Input(shape=(1,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(1),
    ])


def weight_size(model):
    """Square root of the sum of all squared parameters: one number for 'how large are the weights'."""
    return float(tf.sqrt(sum(tf.reduce_sum(w ** 2) for w in model.trainable_variables)))


plain_model, decay_model = make_model(), make_model()
# --8<-- [end:setup]

# --8<-- [start:optimizer]
plain_optimizer = keras.optimizers.Adam(learning_rate=0.01)
# AdamW shrinks each weight by learning_rate * weight_decay (here 1%) at every step
decay_optimizer = keras.optimizers.AdamW(learning_rate=0.01, weight_decay=1.0)
# --8<-- [end:optimizer]

# --8<-- [start:compare]
print(f"weight size before training: {weight_size(plain_model):.4f}")
results = {}
for name, model, optimizer in [("without weight decay", plain_model, plain_optimizer),
                               ("with weight decay", decay_model, decay_optimizer)]:
    train_loss, val_loss = train(model, optimizer)
    results[name] = (train_loss, val_loss, weight_size(model))
    # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
    # differences of another CPU, thread count or GPU, so your numbers may differ a little
    print(f"{name:20}  train {train_loss:.4f}  validation {val_loss:.4f}  "
          f"weight size {weight_size(model):.4f}")
# --8<-- [end:compare]

# Checks: weight decay keeps the weights smaller, fits the noise less and generalises better.
plain, decay = results["without weight decay"], results["with weight decay"]
assert decay[2] < 0.9 * plain[2], f"weights not smaller with weight decay ({decay[2]:.4f} vs {plain[2]:.4f})"
assert decay[0] > plain[0], "weight decay should fit the training noise less"
assert decay[1] < 0.9 * plain[1], f"weight decay did not lower the validation loss ({decay[1]:.4f} vs {plain[1]:.4f})"
