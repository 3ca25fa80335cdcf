"""Lesson 07, multi-class classification of the digits in Keras: SparseCategoricalCrossentropy(from_logits=True), accuracy, confusion matrix."""
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
# --8<-- [end:load]

# --8<-- [start:split]
rng = np.random.default_rng(0)
order = rng.permutation(len(images))  # shuffle once, with a seed, so the split is the same every run
validation, training = order[:360], order[360:]  # 360 images (20%) are kept out of training
x_train, y_train = images[training].reshape(-1, 64), targets[training]  # each image as a row of 64 pixels
x_val, y_val = images[validation].reshape(-1, 64), targets[validation]
# --8<-- [end:split]

# --8<-- [start:pipeline]
train_ds = (tf.data.Dataset.from_tensor_slices((x_train, y_train))
            .shuffle(len(x_train), seed=0)  # a new order each epoch, the same orders on every run
            .batch(64))
val_ds = tf.data.Dataset.from_tensor_slices((x_val, y_val)).batch(256)  # only measured: no need to shuffle

# --8<-- [end:pipeline]

# --8<-- [start:model]
keras.utils.set_random_seed(0)  # the same first weights on every run
model = keras.Sequential([  # 64 pixels in, 10 logits out: one per class, no softmax at the end
    keras.Input(shape=(64,)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(10),
])
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.003),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),  # softmax inside, numerically safe
    metrics=["accuracy"],  # the share of images whose largest logit is the true class
)
# --8<-- [end:model]

# --8<-- [start:train]
fit = model.fit(train_ds, validation_data=val_ds, epochs=10, verbose=0)  # 23 mini-batches per epoch
history = list(zip(fit.history["val_loss"], fit.history["val_accuracy"]))
for epoch in range(2, 11, 2):
    val_loss, val_accuracy = history[epoch - 1]
    # varies ±0.02 or ±5% on a GPU: 230 Adam steps amplify the GPU's other rounding of float32 sums
    print(f"epoch {epoch:2d}  validation loss {val_loss:.3f}  accuracy {val_accuracy:.3f}")
# --8<-- [end:train]

# --8<-- [start:results]
from sklearn.metrics import confusion_matrix

predicted = np.argmax(model.predict(x_val, verbose=0), axis=1)
confusion = confusion_matrix(y_val, predicted)  # row: the true digit, column: the predicted one
# varies ±5 integers too on a GPU: a few images close to the border between two digits can flip
print("right on the diagonal:", np.trace(confusion), "of", confusion.sum())
# --8<-- [end:results]

# The picture (not shown on the page): the confusion matrix and the validation images the model got wrong.
from _confusion_figure import draw

plot = draw(confusion, x_val, y_val, predicted, "TensorFlow", "digits_confusion_tf.png")
wrong = np.flatnonzero(predicted != y_val)

# Checks: what the page says about the training.
losses = [loss for loss, _ in history]
accuracies = [accuracy for _, accuracy in history]
assert accuracies[-1] > 0.95, f"validation accuracy {accuracies[-1]:.3f} should be above 0.95"
assert losses[-1] < losses[0] / 2, "the validation loss should fall during training"
assert np.trace(confusion) == round(accuracies[-1] * len(y_val)), "the diagonal holds the right answers"
assert confusion.sum() == len(y_val) == 360 and len(wrong) == 360 - np.trace(confusion)
assert plot.stat().st_size > 10_000, "plot not written"
