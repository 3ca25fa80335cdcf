"""Overfitting in its smallest form, in PyTorch: a line and a degree-6 polynomial through 5 noisy points.

The points come from a straight line plus noise. The polynomial has 7 parameters,
more than there are points, so it can pass through every point, noise included.
"""
# --8<-- [start:setup]
import numpy as np
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(2)  # numpy makes the data, so both frameworks get the same points


def make_points(n):
    """n noisy samples of the line y = 2x + 1 on [-1, 1]."""
    x = rng.uniform(-1, 1, size=n)
    y = 2 * x + 1 + rng.normal(0, 0.3, size=n)
    # float64: the exact fit below should not be blurred by rounding errors
    return (torch.tensor(x, dtype=torch.float64, device=device),
            torch.tensor(y, dtype=torch.float64, device=device))


x_train, y_train = make_points(5)
x_val, y_val = make_points(50)
# --8<-- [end:data]

# --8<-- [start:fit]
def features(x, degree):
    """Columns 1, x, x**2, ..., x**degree: a polynomial is a linear model of these."""
    return torch.stack([x ** k for k in range(degree + 1)], dim=1)


def fit(x, y, degree):
    """Least-squares weights; with more weights than points, pinv picks the smallest exact fit."""
    return torch.linalg.pinv(features(x, degree)) @ y


def mse(weights, x, y):
    predictions = features(x, len(weights) - 1) @ weights
    return torch.mean((predictions - y) ** 2).item()


line = fit(x_train, y_train, degree=1)        # 2 parameters
polynomial = fit(x_train, y_train, degree=6)  # 7 parameters
# --8<-- [end:fit]

# --8<-- [start:errors]
for name, weights in [("line", line), ("polynomial", polynomial)]:
    print(f"{name:10}  {len(weights)} parameters  "
          f"train MSE {mse(weights, x_train, y_train):.4f}  "
          f"validation MSE {mse(weights, x_val, y_val):.4f}")
# --8<-- [end:errors]

# The picture (not shown on the page): the line follows the trend, the polynomial the noise.
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))
grid = torch.linspace(-1, 1, 200, dtype=torch.float64, device=device)
plt.figure(figsize=(6, 4))
plt.scatter(x_val.cpu(), y_val.cpu(), s=12, color="lightgray", label="validation points")
plt.scatter(x_train.cpu(), y_train.cpu(), s=40, color="black", label="training points", zorder=3)
plt.plot(grid.cpu(), (features(grid, 1) @ line).cpu(), label="line (2 parameters)")
plt.plot(grid.cpu(), (features(grid, 6) @ polynomial).cpu(), label="polynomial (7 parameters)")
plt.ylim(-3, 6)
plt.xlabel("x")
plt.ylabel("y")
plt.title("Two fits to the same 5 points (PyTorch)")
plt.legend()
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
plt.savefig(OUTPUT_DIR / "polynomial_fit_torch.png", dpi=100, bbox_inches="tight")
plt.close()

# Checks: the polynomial fits the training points exactly but does worse on new points.
line_train, line_val = mse(line, x_train, y_train), mse(line, x_val, y_val)
poly_train, poly_val = mse(polynomial, x_train, y_train), mse(polynomial, x_val, y_val)
assert poly_train < 1e-3, f"polynomial does not fit the training points ({poly_train})"
assert line_train > 1e-3, "a line should not fit 5 noisy points exactly"
assert poly_val > line_val, f"polynomial validation error {poly_val:.4f} not above the line's {line_val:.4f}"
assert abs(line[1].item() - 2) < 0.5, f"line slope {line[1].item():.4f} is far from the true slope 2"
