"""Lesson 01, tensors: broadcasting in PyTorch, and the picture of (3, 1) + (1, 4) the page shows."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:broadcast]
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # shape (2, 3)
row = torch.tensor([10.0, 20.0, 30.0])  # shape (3,)
column = torch.tensor([[100.0], [200.0]])  # shape (2, 1)
print("a * 2:\n", a * 2)  # the number is used for every element
print("a + row:\n", a + row)  # the row is added to each of the 2 rows
print("a + column:\n", a + column)  # the column is added to each of the 3 columns
print("shapes:", tuple(a.shape), "+", tuple(row.shape), "->", tuple((a + row).shape))
# --8<-- [end:broadcast]

# --8<-- [start:table]
tall = torch.tensor([[0], [10], [20]])  # shape (3, 1)
wide = torch.tensor([[1, 2, 3, 4]])  # shape (1, 4)
table = tall + wide  # both are reused: the result has shape (3, 4)
print("shapes:", tuple(tall.shape), "+", tuple(wide.shape), "->", tuple(table.shape))
print(table)
# --8<-- [end:table]

import os

column_values, row_values, total_values = tall[:, 0].tolist(), wide[0].tolist(), table.tolist()

# The picture (not shown on the page): the (3, 1) + (1, 4) case, drawn from the tensors above, as a PNG file.
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))


def draw_grid(ax, left, values, stored_rows, stored_columns, label):
    """A 3 x 4 grid of cells; the cells the tensor really stores are solid, the reused ones faded."""
    for i in range(3):
        for j in range(4):
            stored = i < stored_rows and j < stored_columns
            ax.add_patch(Rectangle((left + j, 2 - i), 1, 1, facecolor="#c5cae9" if stored else "#f3f4fb",
                                   edgecolor="#3f51b5" if stored else "#b0b5d8", linestyle="-" if stored else "--"))
            ax.text(left + j + 0.5, 2 - i + 0.5, f"{values[i][j]:g}", ha="center", va="center",
                    fontsize=12, color="black" if stored else "#9095b8")
    ax.text(left + 2, -0.6, label, ha="center", va="center", fontsize=11)


fig, ax = plt.subplots(figsize=(10, 2.8))
draw_grid(ax, 0, [[c] * 4 for c in column_values], 3, 1, "column: shape (3, 1)")
ax.text(4.75, 1.5, "+", ha="center", va="center", fontsize=22)
draw_grid(ax, 5.5, [row_values] * 3, 1, 4, "row: shape (1, 4)")
ax.text(10.25, 1.5, "=", ha="center", va="center", fontsize=22)
draw_grid(ax, 11, total_values, 3, 4, "column + row: shape (3, 4)")
ax.set_xlim(-0.2, 15.2)
ax.set_ylim(-1.0, 3.2)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title("Faded cells are not stored: broadcasting reuses the column and the row")
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
fig.savefig(OUTPUT_DIR / "broadcasting.png", dpi=100, bbox_inches="tight")
plt.close(fig)

assert (a + row)[1, 2].item() == 6.0 + 30.0, "broadcasting should add row[2] to column 2 of every row"
assert (a + column)[1, 0].item() == 4.0 + 200.0, "broadcasting should add column[1] to all of row 1"
assert tuple(table.shape) == (3, 4), "(3, 1) + (1, 4) should give (3, 4)"
assert table[2, 3].item() == 20 + 4, "each cell should be its row's column value plus its column's row value"
assert (OUTPUT_DIR / "broadcasting.png").stat().st_size > 10_000, "plot not written"
