"""Lesson 03, frameworks: mixing both levels in PyTorch, ready-made layers trained by a loop we write."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)  # fixes the first weights
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))  # a cloud of points around (-1, -1)
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))  # and one around (1, 1)
features_np = np.vstack([class0, class1]).astype(np.float32)  # shape (200, 2)
labels_np = np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32)  # shape (200, 1)
# --8<-- [end:data]

# --8<-- [start:mixed]
features = torch.from_numpy(features_np)
labels = torch.from_numpy(labels_np)
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1))  # high level: layers
loss_fn = nn.BCEWithLogitsLoss()
learning_rate = 0.5

for epoch in range(100):  # low level: our own loop and our own update rule
    loss = loss_fn(model(features), labels)
    model.zero_grad()
    loss.backward()
    with torch.no_grad():
        for parameter in model.parameters():
            parameter -= learning_rate * parameter.grad
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  loss {loss.item():.4f}")

with torch.no_grad():
    accuracy = ((model(features) > 0).float() == labels).float().mean().item()
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:mixed]

parameter_count = sum(p.numel() for p in model.parameters())
assert parameter_count == 2 * 8 + 8 + 8 * 1 + 1, "two layers: 2x8 weights + 8 biases, 8x1 weights + 1 bias"
assert accuracy > 0.9, f"accuracy {accuracy:.3f} should be above 0.9"
assert loss.item() < 0.3, f"the loss {loss.item():.3f} should fall below 0.3"
