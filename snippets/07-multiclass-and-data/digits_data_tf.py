"""Lesson 07, data: scikit-learn's digits, a seeded train/validation split, and a tf.data pipeline."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import numpy as np
import tensorflow as tf
from tensorflow import keras

keras.utils.set_random_seed(0)  # fixes the shuffling below (and the first weights)
# --8<-- [end:setup]

# --8<-- [start:load]
from sklearn.datasets import load_digits

digits = load_digits()  # 1797 handwritten digits of 8x8 pixels; the file ships inside scikit-learn
images = digits.images.astype(np.float32) / 16.0  # pixels 0..16 -> 0..1, in the float32 the frameworks use
targets = digits.target.astype(np.int64)  # the class of each image: 0..9, as whole numbers
print("images:", images.shape, images.dtype, "  targets:", targets.shape, targets.dtype)
print("images per class:", np.bincount(targets))
# --8<-- [end:load]

# --8<-- [start:split]
rng = np.random.default_rng(0)
order = rng.permutation(len(images))  # shuffle once, with a seed, so the split is the same every run
validation, training = order[:360], order[360:]  # 360 images (20%) are kept out of training
x_train, y_train = images[training].reshape(-1, 64), targets[training]  # each image as a row of 64 pixels
x_val, y_val = images[validation].reshape(-1, 64), targets[validation]
print("training:", x_train.shape, "  validation:", x_val.shape)
# --8<-- [end:split]

# --8<-- [start:pipeline]
train_ds = (tf.data.Dataset.from_tensor_slices((x_train, y_train))
            .shuffle(len(x_train), seed=0)  # a new order each epoch, the same orders on every run
            .batch(64))
val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(256)  # only measured: no need to shuffle

images_batch, labels_batch = next(iter(val_ds))
print("one batch:", tuple(images_batch.shape), images_batch.dtype.name, tuple(labels_batch.shape),
      labels_batch.dtype.name)
print("batches per epoch: training", int(train_ds.cardinality()), " validation", int(val_ds.cardinality()))
# --8<-- [end:pipeline]

# Checks: what the page says about the data.
assert images.shape == (1797, 8, 8) and targets.max() == 9 and targets.min() == 0
assert np.bincount(targets).min() >= 170, "the classes are about equally large"
assert len(set(training) & set(validation)) == 0 and len(training) + len(validation) == 1797
assert int(train_ds.cardinality()) == int(np.ceil(1437 / 64)), "the last batch is smaller"
assert 0.0 <= images.min() and images.max() == 1.0
