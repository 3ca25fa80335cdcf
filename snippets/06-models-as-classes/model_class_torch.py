"""Lesson 06, models as classes: a model class with forward(), trained."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(0)  # fixes the first weights
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # the two clouds of lesson 3
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features = torch.tensor(np.vstack([class0, class1]), dtype=torch.float32, device=device)  # shape (200, 2)
labels = torch.tensor(np.repeat([0.0, 1.0], n).reshape(-1, 1), dtype=torch.float32, device=device)  # (200, 1)
# --8<-- [end:data]


# --8<-- [start:layer]
class MyLinear(nn.Module):
    """A fully connected layer written by hand: inputs @ weight + bias."""

    def __init__(self, in_features, out_features):
        super().__init__()  # always first: it sets up the bookkeeping of parameters
        # An nn.Parameter stored as an attribute is registered: parameters() will find it.
        self.weight = nn.Parameter(torch.randn(in_features, out_features) / in_features**0.5)
        self.bias = nn.Parameter(torch.zeros(out_features))

    def forward(self, inputs):
        return inputs @ self.weight + self.bias
# --8<-- [end:layer]


# --8<-- [start:model]
class CloudNet(nn.Module):
    """Two layers and a ReLU; forward() says how an input flows through them."""

    def __init__(self, hidden_units=8):
        super().__init__()
        self.hidden = nn.Linear(2, hidden_units)  # layers stored as attributes are registered too
        self.output = MyLinear(hidden_units, 1)

    def forward(self, inputs):
        hidden = torch.relu(self.hidden(inputs))
        return self.output(hidden)  # logits: BCEWithLogitsLoss applies sigmoid itself


torch.manual_seed(0)  # the same first weights on every run
model = CloudNet().to(device)
print("parameters:", sum(p.numel() for p in model.parameters()))
# --8<-- [end:model]

# --8<-- [start:train]
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(100):
    optimizer.zero_grad()
    loss = loss_fn(model(features), labels)  # model(x) calls forward(x)
    loss.backward()
    optimizer.step()
    if epoch % 25 == 0:
        print(f"epoch {epoch:2d}  loss {loss.item():.4f}")

with torch.no_grad():
    accuracy = ((model(features) > 0).float() == labels).float().mean().item()
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:train]

# The picture (not shown on the page): where the trained model puts the border between the classes.
from _border_figure import draw


def probability_of(points):
    with torch.no_grad():
        return torch.sigmoid(model(torch.from_numpy(points).to(device))).cpu().numpy()


plot = draw(probability_of, class0, class1, "PyTorch", "cloudnet_torch.png")

# Checks: what the page says about these models.
assert sum(p.numel() for p in model.parameters()) == 2 * 8 + 8 + 8 + 1, "MyLinear counts like nn.Linear"
assert accuracy > 0.9, f"accuracy {accuracy:.3f} should be above 0.9 (the best border gets about 0.96)"
assert plot.stat().st_size > 10_000, "plot not written"
