"""Lesson 06, models as classes: save a trained PyTorch model's state_dict, load it into a new model, compare."""
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
# --8<-- [end:model]

# Training as on the page, without the prints (this file shows only the saving and loading).
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for epoch in range(100):
    optimizer.zero_grad()
    loss = loss_fn(model(features), labels)
    loss.backward()
    optimizer.step()

# --8<-- [start:save]
import tempfile
from pathlib import Path

model.eval()  # measure, don't train: matters for layers such as dropout
with tempfile.TemporaryDirectory() as folder:  # a throw-away folder; in your work, pick a path that stays
    path = Path(folder) / "cloudnet.pt"
    torch.save(model.state_dict(), path)  # only the tensors: every parameter (and buffer) by name
    print("saved:", list(model.state_dict().keys()))

    restored = CloudNet().to(device)  # the class builds the structure, with new random weights...
    restored.load_state_dict(torch.load(path, map_location=device))  # ...and the file fills in the numbers
    restored.eval()

with torch.no_grad():
    print("same predictions after loading:", torch.equal(model(features), restored(features)))
    print("same as a new, untrained CloudNet:", torch.equal(model(features), CloudNet().to(device)(features)))
# --8<-- [end:save]

with torch.no_grad():
    assert torch.equal(model(features), restored(features)), "loading must give back the exact same model"
    assert ((restored(features) > 0).float() == labels).float().mean().item() > 0.9, "the restored model is trained"
assert not path.exists(), "the temporary folder is gone: nothing was written into the repository"
