"""Lesson 03, exercise 4 in TensorFlow: the high-level model with a hidden layer of 8 units and ReLU.

A solution trains the deeper model exactly like the high-level program and
compares the accuracies.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the high-level program (highlevel_tf.py), run quietly, provides the
# data, the imports and its accuracy.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("highlevel_tf.py"))))
one_layer_accuracy = accuracy

# --8<-- [start:solution]
keras.utils.set_random_seed(0)
model = keras.Sequential([
    keras.Input(shape=(2,)),
    keras.layers.Dense(8, activation="relu"),  # a hidden layer of 8 units
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5),
              loss=keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=[keras.metrics.BinaryAccuracy(threshold=0.0)])
model.fit(features_np, labels_np, batch_size=32, epochs=20, shuffle=True, verbose=0)
loss, accuracy = model.evaluate(features_np, labels_np, verbose=0)
print(f"one layer:           training accuracy {one_layer_accuracy:.4f}")
print(f"hidden layer of 8:   training accuracy {accuracy:.4f}")
# --8<-- [end:solution]

# Checks: the best border between two round clouds is a straight line, so the hidden layer adds little.
assert abs(accuracy - one_layer_accuracy) < 0.03, f"{accuracy:.4f} vs {one_layer_accuracy:.4f}"
