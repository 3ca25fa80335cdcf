"""Lab, problem 1 in PyTorch: two Gaussian blobs that a straight line can separate.

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


def make_blobs(n):
    """n points: class 0 around (-1.5, -1.5), class 1 around (1.5, 1.5)."""
    labels = rng.permutation(np.arange(n) % 2)  # half class 0, half class 1, mixed
    centers = np.where(labels[:, None] == 1, 1.5, -1.5)
    points = centers + rng.normal(0, 0.8, size=(n, 2))
    return (torch.tensor(points, dtype=torch.float32, device=device),
            torch.tensor(labels, dtype=torch.float32, device=device).reshape(-1, 1))


x_train, y_train = make_blobs(400)
x_test, y_test = make_blobs(200)  # held out: never used for training
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

# Checks: on blobs a straight border is enough, so both networks are nearly always right.
assert results["single-layer"][1] > 0.95, f"single-layer test accuracy {results['single-layer'][1]:.4f} <= 0.95"
assert results["multi-layer"][1] > 0.95, f"multi-layer test accuracy {results['multi-layer'][1]:.4f} <= 0.95"
assert abs(results["single-layer"][1] - results["multi-layer"][1]) < 0.03, \
    "on linearly separable blobs the extra layers should not change the test accuracy much"
