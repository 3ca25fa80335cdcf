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

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_circles(n):
    """n points near a circle: radius 0.5 for class 0, radius 1.0 for class 1."""
    labels = rng.permutation(np.arange(n) % 2)  # half class 0, half class 1, mixed
    radius = np.where(labels == 1, 1.0, 0.5)
    angle = rng.uniform(0, 2 * np.pi, size=n)
    points = np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    points += rng.normal(0, 0.1, size=(n, 2))
    return (torch.tensor(points, dtype=torch.float32, device=device),
            torch.tensor(labels, dtype=torch.float32, device=device).reshape(-1, 1))


x_train, y_train = make_circles(400)
x_test, y_test = make_circles(200)  # held out: never used for training
# --8<-- [end:data]

# --8<-- [start:models]
def single_layer():
    """One fully connected layer: the border between the classes is a straight line."""
    return nn.Linear(2, 1)


def multi_layer():
    """Two hidden layers of 16 units with ReLU: the border can bend."""
    return nn.Sequential(
        nn.Linear(2, 16), nn.ReLU(),
        nn.Linear(16, 16), nn.ReLU(),
        nn.Linear(16, 1),
    )
# --8<-- [end:models]


# --8<-- [start:train]
def accuracy(model, x, y):
    with torch.no_grad():
        predicted = (model(x) > 0).float()  # an output above 0 means a probability above 0.5
    return (predicted == y).float().mean().item()


def train_and_test(model, x_train, y_train, x_test, y_test, epochs=10):
    """Train with Adam on shuffled mini-batches; return the training and the test accuracy."""
    model = model.to(device)
    batches = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(x_train, y_train), batch_size=16, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.BCEWithLogitsLoss()  # applies sigmoid itself
    for epoch in range(epochs):
        for x_batch, y_batch in batches:
            optimizer.zero_grad()
            loss_fn(model(x_batch), y_batch).backward()
            optimizer.step()
    return accuracy(model, x_train, y_train), accuracy(model, x_test, y_test)
# --8<-- [end:train]


# --8<-- [start:results]
results = {}
for name, make_model in [("single-layer", single_layer), ("multi-layer", multi_layer)]:
    results[name] = train_and_test(make_model(), x_train, y_train, x_test, y_test)
    print(f"{name:12}  train accuracy {results[name][0]:.4f}  test accuracy {results[name][1]:.4f}")
# --8<-- [end:results]

# Checks: a straight border cannot beat chance on circles by much; a bent one separates them.
assert results["single-layer"][1] < 0.7, f"single-layer test accuracy {results['single-layer'][1]:.4f} >= 0.7"
assert results["single-layer"][0] < 0.7, "a straight border should fail on the training points too"
assert results["multi-layer"][1] > 0.9, f"multi-layer test accuracy {results['multi-layer'][1]:.4f} <= 0.9"
