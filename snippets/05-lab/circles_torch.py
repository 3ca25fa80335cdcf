"""Lab, problem 2 in PyTorch: two concentric circles that no straight line can separate.

The reference solution of the lab: a single-layer and a multi-layer fully
connected network, trained the same way and tested on held-out points.
"""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)  # fixes the first weights and the order of the batches
# --8<-- [end:setup]

# --8<-- [start:make]
def make_circles(n):
    """n points near a circle: radius 0.5 for class 0, radius 1.0 for class 1."""
    labels = rng.permutation(np.arange(n) % 2)  # half class 0, half class 1, mixed
    radius = np.where(labels == 1, 1.0, 0.5)
    angle = rng.uniform(0, 2 * np.pi, size=n)
    points = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    points += rng.normal(0, 0.1, size=(n, 2))
    return (torch.tensor(points, dtype=torch.float32, device=device),
            torch.tensor(labels, dtype=torch.float32, device=device).reshape(-1, 1))
# --8<-- [end:make]


# --8<-- [start:data]
rng = np.random.default_rng(0)  # start numpy's and PyTorch's random numbers again, as for the blobs
torch.manual_seed(0)
x_train, y_train = make_circles(400)
x_test, y_test = make_circles(200)  # held out: never used for training
# --8<-- [end:data]


# --8<-- [start:models]
def single_layer():
    """One fully connected layer: the border between the classes is a straight line."""
    return nn.Linear(2, 1)  # outputs a logit: above 0 means class 1


def multi_layer():
    """Two hidden layers of 16 units with ReLU: the border can bend."""
    return nn.Sequential(
        nn.Linear(2, 16), nn.ReLU(),
        nn.Linear(16, 16), nn.ReLU(),
        nn.Linear(16, 1),  # a logit, no sigmoid: the loss applies it
    )
# --8<-- [end:models]


# --8<-- [start:train]
def accuracy(model, x, y):
    with torch.no_grad():
        predicted = (model(x) > 0).float()  # a logit above 0 means a probability above 0.5
    return (predicted == y).float().mean().item()


def train_and_test(model, x_train, y_train, x_test, y_test, epochs=10):
    """Train with Adam on shuffled mini-batches; return the training and the test accuracy."""
    model = model.to(device)
    batches = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x_train, y_train), batch_size=16, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.BCEWithLogitsLoss()  # sigmoid and binary cross-entropy in one safe step
    for epoch in range(epochs):
        for x_batch, y_batch in batches:
            optimizer.zero_grad()
            loss_fn(model(x_batch), y_batch).backward()
            optimizer.step()
    return accuracy(model, x_train, y_train), accuracy(model, x_test, y_test)
# --8<-- [end:train]


# --8<-- [start:results]
results, models = {}, {}
for name, make_model in [("single-layer", single_layer), ("multi-layer", multi_layer)]:
    models[name] = make_model()  # a new network for every problem
    results[name] = train_and_test(models[name], x_train, y_train, x_test, y_test)
    print(f"{name:12}  train accuracy {results[name][0]:.4f}  test accuracy {results[name][1]:.4f}")
# --8<-- [end:results]

# The picture (not shown on the page): each network's border, drawn as the class it predicts on a grid.
import os
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # a PNG file, never a window
import matplotlib.pyplot as plt

OUTPUT_DIR = Path(os.environ.get("SNIPPET_OUTPUT_DIR", Path(__file__).resolve().parent / "outputs"))
grid_x, grid_y = np.meshgrid(np.linspace(-1.6, 1.6, 200), np.linspace(-1.6, 1.6, 200))
grid = torch.tensor(np.stack([grid_x.ravel(), grid_y.ravel()], axis=1), dtype=torch.float32, device=device)
figure, axes = plt.subplots(1, 2, figsize=(9, 4.2))
for axis, (name, model) in zip(axes, models.items()):
    with torch.no_grad():
        predicted = (model(grid) > 0).float().cpu().numpy().reshape(grid_x.shape)
    axis.contourf(grid_x, grid_y, predicted, levels=[-0.5, 0.5, 1.5], colors=["#c6dbef", "#fdd0a2"])
    points, labels = x_train.cpu().numpy(), y_train.cpu().numpy().ravel()
    axis.scatter(*points[labels == 0].T, s=8, color="#08519c", label="class 0")
    axis.scatter(*points[labels == 1].T, s=8, color="#a63603", label="class 1")
    axis.set_title(f"{name}: test accuracy {results[name][1]:.2f}")
    axis.set_aspect("equal")
axes[0].legend(loc="upper left")
figure.suptitle("Circles: the class each network predicts (PyTorch)")
OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
figure.savefig(OUTPUT_DIR / "circles_borders_torch.png", dpi=80, bbox_inches="tight")
plt.close(figure)

# Checks: a straight border cannot beat chance on circles by much; a bent one separates them.
assert results["single-layer"][1] < 0.7, f"single-layer test accuracy {results['single-layer'][1]:.4f} >= 0.7"
assert results["single-layer"][0] < 0.7, "a straight border should fail on the training points too"
assert results["multi-layer"][1] > 0.9, f"multi-layer test accuracy {results['multi-layer'][1]:.4f} <= 0.9"
assert (OUTPUT_DIR / "circles_borders_torch.png").stat().st_size > 10_000, "plot not written"
