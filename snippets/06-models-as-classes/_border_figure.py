"""The picture of lesson 06: the two clouds and the border a trained model draws between them, for both frameworks.

Not a snippet itself (the leading underscore): model_class_torch.py and model_class_tf.py pass
a function that returns their model's probability of class 1 for an array of points.
"""
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt
import numpy as np

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))


def draw(probability_of, class0, class1, framework: str, filename: str) -> Path:
    grid_x, grid_y = np.meshgrid(np.linspace(-4, 4, 161), np.linspace(-4, 4, 161))
    points = np.column_stack([grid_x.ravel(), grid_y.ravel()]).astype(np.float32)
    probability = np.asarray(probability_of(points)).reshape(grid_x.shape)
    plt.figure(figsize=(5, 4.5))
    plt.contourf(grid_x, grid_y, probability, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.6)
    plt.colorbar(label="predicted probability of class 1")
    plt.contour(grid_x, grid_y, probability, levels=[0.5], colors="black")
    plt.scatter(class0[:, 0], class0[:, 1], s=12, c="tab:blue", label="class 0")
    plt.scatter(class1[:, 0], class1[:, 1], s=12, c="tab:red", label="class 1")
    plt.title(f"CloudNet after training ({framework})")
    plt.legend(loc="upper left")
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUTPUT_DIR / filename
    plt.savefig(path, dpi=100, bbox_inches="tight")
    plt.close()
    return path
