"""Lesson 03, exercise 1 in TensorFlow: the high-level program with Adam (learning rate 0.05) instead of SGD.

A solution trains the same model twice, once with each optimizer, from the same
first weights and with the same batches, and prints the loss after every epoch.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the high-level program (highlevel_tf.py), run quietly, provides
# the data (features_np, labels_np) and the imports.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("highlevel_tf.py"))))

# --8<-- [start:solution]
histories, accuracies = {}, {}
print("loss after  epoch 1  epoch 2  epoch 5 epoch 20   accuracy")
for name in ["SGD", "Adam"]:
    keras.utils.set_random_seed(0)  # the same first weights and the same batches for both
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    if name == "SGD":
        optimizer = keras.optimizers.SGD(learning_rate=0.5)
    else:
        optimizer = keras.optimizers.Adam(learning_rate=0.05)
    model.compile(optimizer=optimizer, loss=keras.losses.BinaryCrossentropy(from_logits=True),
                  metrics=[keras.metrics.BinaryAccuracy(threshold=0.0)])
    histories[name] = model.fit(features_np, labels_np, batch_size=32, epochs=20, verbose=0).history["loss"]
    accuracies[name] = model.evaluate(features_np, labels_np, verbose=0)[1]
    losses = "".join(f"{histories[name][epoch - 1]:9.4f}" for epoch in [1, 2, 5, 20])
    print(f"{name:10}{losses}{accuracies[name]:11.4f}")
# --8<-- [end:solution]

# Checks: both reach about the same accuracy; with these learning rates Adam is not faster here.
assert min(accuracies.values()) > 0.9 and abs(accuracies["SGD"] - accuracies["Adam"]) < 0.02, accuracies
assert histories["Adam"][0] > histories["SGD"][0], "Adam's steps of about 0.05 start slower than SGD with 0.5"
assert abs(histories["Adam"][-1] - histories["SGD"][-1]) < 0.02, "after 20 epochs both losses should be about equal"
