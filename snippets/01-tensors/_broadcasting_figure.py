"""The broadcasting picture of lesson 01, drawn from what a snippet computed: one drawing for both frameworks.

Not a snippet itself (the leading underscore): broadcasting_torch.py and broadcasting_tf.py
call `draw` with their own tensors' values, so the page can show one picture for both.
"""
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))


def _grid(ax, left, values, stored_rows, stored_columns, label):
    """A 3 x 4 grid of cells; the cells the tensor really stores are solid, the reused ones faded."""
    for i in range(3):
        for j in range(4):
            stored = i < stored_rows and j < stored_columns
            ax.add_patch(Rectangle((left + j, 2 - i), 1, 1, facecolor="#c5cae9" if stored else "#f3f4fb",
                                   edgecolor="#3f51b5" if stored else "#b0b5d8", linestyle="-" if stored else "--"))
            ax.text(left + j + 0.5, 2 - i + 0.5, f"{values[i][j]:g}", ha="center", va="center",
                    fontsize=12, color="black" if stored else "#9095b8")
    ax.text(left + 2, -0.6, label, ha="center", va="center", fontsize=11)


def draw(column_values, row_values, total_values) -> Path:
    """(3, 1) column + (1, 4) row = (3, 4) table, saved as broadcasting.png; returns the file."""
    fig, ax = plt.subplots(figsize=(10, 2.8))
    _grid(ax, 0, [[c] * 4 for c in column_values], 3, 1, "column: shape (3, 1)")
    ax.text(4.75, 1.5, "+", ha="center", va="center", fontsize=22)
    _grid(ax, 5.5, [row_values] * 3, 1, 4, "row: shape (1, 4)")
    ax.text(10.25, 1.5, "=", ha="center", va="center", fontsize=22)
    _grid(ax, 11, total_values, 3, 4, "column + row: shape (3, 4)")
    ax.set_xlim(-0.2, 15.2)
    ax.set_ylim(-1.0, 3.2)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title("Faded cells are not stored: broadcasting reuses the column and the row")
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUTPUT_DIR / "broadcasting.png"
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return path
