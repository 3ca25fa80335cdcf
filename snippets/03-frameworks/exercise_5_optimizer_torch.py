"""Lesson 03, exercise 5 in PyTorch: the mixed program with torch.optim.SGD instead of the hand-written update.

Plain SGD does exactly what the hand-written update did, so the program prints
the same losses and accuracy as the mixed program.
"""
# --8<-- [start:solution]
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)  # the same first weights as in the mixed program
rng = np.random.default_rng(0)
n = 100
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features = torch.from_numpy(np.vstack([class0, class1]).astype(np.float32))
labels = torch.from_numpy(np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32))

model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1))
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)  # replaces learning_rate and the update loop

for epoch in range(100):
    loss = loss_fn(model(features), labels)
    optimizer.zero_grad()  # replaces model.zero_grad()
    loss.backward()
    optimizer.step()  # replaces the `with torch.no_grad(): for parameter in ...` update
    if epoch % 20 == 0:
        print(f"epoch {epoch:3d}  loss {loss.item():.4f}")

with torch.no_grad():
    accuracy = ((model(features) > 0).float() == labels).float().mean().item()
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:solution]

assert accuracy > 0.9
