"""The picture of lesson 02's gradient descent: the data with the true and the learned line, and the loss per step.

Not a snippet itself (the leading underscore): linreg_torch.py and linreg_tf.py call `draw`
with what they computed, so both frameworks draw the same figure the page shows.
"""
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt
import numpy as np

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))


def draw(x, y, learned_w, learned_b, losses) -> Path:
    """Saves linear_regression.png and returns the file."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.scatter(x[:, 0], y[:, 0], s=12, color="#9095b8", label="data: 2x + 1 + noise")
    ends = np.array([0.0, 1.0])
    left.plot(ends, 2.0 * ends + 1.0, color="black", linestyle="--", label="true line y = 2x + 1")
    left.plot(ends, learned_w * ends + learned_b, color="#e65100",
              label=f"learned line y = {learned_w:.2f}x + {learned_b:.2f}")
    left.set_xlabel("x")
    left.set_ylabel("y")
    left.set_title("The data and the learned line")
    left.legend()
    right.plot(losses, color="#3f51b5", label="training loss (mean squared error)")
    right.axhline(0.01, color="black", linestyle="--", label="noise variance 0.1² = 0.01")
    right.set_yscale("log")
    right.set_xlabel("step")
    right.set_ylabel("loss (log scale)")
    right.set_title("The loss during gradient descent")
    right.legend()
    fig.tight_layout()
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUTPUT_DIR / "linear_regression.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
