"""Lesson 06, models as classes: a custom layer, and the layer inside nn.Sequential."""
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


# --8<-- [start:sequential]
sequential = nn.Sequential(MyLinear(2, 8), nn.ReLU(), MyLinear(8, 1))  # our layer among built-in ones
for name, parameter in sequential.named_parameters():
    print(f"{name:10s} {tuple(parameter.shape)}")
print("output shape:", tuple(sequential(torch.zeros(5, 2)).shape))
# --8<-- [end:sequential]

assert [name for name, _ in sequential.named_parameters()] == ["0.weight", "0.bias", "2.weight", "2.bias"]
builtin = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1))
assert sum(p.numel() for p in sequential.parameters()) == sum(p.numel() for p in builtin.parameters()), "counts like nn.Linear"
