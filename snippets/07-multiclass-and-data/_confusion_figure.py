"""The confusion-matrix picture of lesson 07: one drawing for both frameworks, from what a snippet computed.

Not a snippet itself (the leading underscore): train_digits_torch.py and train_digits_tf.py
call `draw` with their own predictions.
"""
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt
import numpy as np

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))


def draw(confusion, images, labels, predicted, framework: str, filename: str) -> Path:
    """The confusion matrix on the left, up to eight misclassified 8x8 images on the right."""
    wrong = np.flatnonzero(predicted != labels)
    figure = plt.figure(figsize=(10, 4.6))
    left = figure.add_axes([0.05, 0.1, 0.4, 0.8])
    left.imshow(confusion, cmap="Blues")
    for row in range(10):
        for column in range(10):
            if confusion[row, column]:
                left.text(column, row, confusion[row, column], ha="center", va="center", fontsize=8,
                          color="white" if confusion[row, column] > 20 else "black")
    left.set_xticks(range(10))
    left.set_yticks(range(10))
    left.set_xlabel("predicted digit")
    left.set_ylabel("true digit")
    left.set_title(f"Confusion matrix, validation set ({framework})")
    for place, index in enumerate(wrong[:8]):
        axis = figure.add_axes([0.52 + 0.115 * (place % 4), 0.52 - 0.42 * (place // 4), 0.1, 0.36])
        axis.imshow(images[index].reshape(8, 8), cmap="gray_r")
        axis.set_title(f"true {labels[index]}, said {predicted[index]}", fontsize=8)
        axis.axis("off")
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUTPUT_DIR / filename
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path
