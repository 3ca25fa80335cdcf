"""Learning curves in PyTorch: a network far bigger than its data, trained until it overfits.

The page shows the data, the model and the loop that records a training and a
validation loss per epoch; the plot makes the moment overfitting starts visible.
"""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
EPOCHS = 300
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_points(n):
    """n noisy samples of sin(3x) on [-1, 1]; the noise is what a model should not learn."""
    x = rng.uniform(-1, 1, size=(n, 1))
    y = np.sin(3 * x) + rng.normal(0, 0.3, size=(n, 1))
    return (torch.tensor(x, dtype=torch.float32, device=device),
            torch.tensor(y, dtype=torch.float32, device=device))


x_train, y_train = make_points(12)
x_val, y_val = make_points(200)
# --8<-- [end:data]

# --8<-- [start:model]
torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(1, 128), nn.ReLU(),
    nn.Linear(128, 128), nn.ReLU(),
    nn.Linear(128, 1),
).to(device)
n_parameters = sum(p.numel() for p in model.parameters())
print(f"{n_parameters} parameters for {len(x_train)} training points")
# --8<-- [end:model]

# --8<-- [start:train]
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()
history = {"train": [], "validation": []}

for epoch in range(EPOCHS):
    model.train()
    optimizer.zero_grad()
    train_loss = loss_fn(model(x_train), y_train)
    train_loss.backward()
    optimizer.step()

    model.eval()
    with torch.no_grad():  # validation data is only measured, never learned from
        val_loss = loss_fn(model(x_val), y_val)

    history["train"].append(train_loss.item())
    history["validation"].append(val_loss.item())
    if epoch % 50 == 0 or epoch == EPOCHS - 1:
        # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
        # differences of another CPU, thread count or GPU, so your numbers may differ a little
        print(f"epoch {epoch:3d}  train {train_loss.item():.4f}  validation {val_loss.item():.4f}")

best_epoch = int(np.argmin(history["validation"]))
print(f"lowest validation loss {history['validation'][best_epoch]:.4f} at epoch {best_epoch}")
# --8<-- [end:train]

# The picture (not shown on the page): a PNG file, never a window.
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))
plt.figure(figsize=(6, 4))
plt.plot(history["train"], label="training loss")
plt.plot(history["validation"], label="validation loss")
plt.axvline(best_epoch, color="gray", linestyle="--", label=f"lowest validation loss (epoch {best_epoch})")
plt.xlabel("epoch")
plt.ylabel("mean squared error")
plt.ylim(0, 0.6)
plt.title("Learning curves (PyTorch)")
plt.legend()
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
plt.savefig(OUTPUT_DIR / "learning_curves_torch.png", dpi=100, bbox_inches="tight")
plt.close()

# Checks: the curves must show overfitting, not just a loss that falls.
train, validation = history["train"], history["validation"]
assert best_epoch < EPOCHS - 50, f"validation loss still falling at the end (best epoch {best_epoch})"
assert validation[-1] > 1.2 * validation[best_epoch], "validation loss did not rise after its minimum"
assert train[-1] < 0.5 * train[best_epoch], "training loss did not keep falling after the best epoch"
assert train[-1] < validation[-1] / 3, "no clear gap between training and validation loss"
assert (OUTPUT_DIR / "learning_curves_torch.png").stat().st_size > 10_000, "plot not written"
