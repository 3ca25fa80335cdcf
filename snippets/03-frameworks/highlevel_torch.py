"""Lesson 03, frameworks: the high-level API in PyTorch, torch.nn layers with an optimizer."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)  # fixes the first weights and the order of the batches
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))  # a cloud of points around (-1, -1)
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))  # and one around (1, 1)
features_np = np.vstack([class0, class1]).astype(np.float32)  # shape (200, 2)
labels_np = np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32)  # shape (200, 1)
# --8<-- [end:data]

# --8<-- [start:model]
model = nn.Sequential(nn.Linear(2, 1))  # one fully connected layer: it holds its weights and bias
loss_fn = nn.BCEWithLogitsLoss()  # sigmoid and binary cross-entropy in one numerically safe step
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
# --8<-- [end:model]

# --8<-- [start:train]
dataset = TensorDataset(torch.from_numpy(features_np), torch.from_numpy(labels_np))
loader = DataLoader(dataset, batch_size=32, shuffle=True)  # mini-batches in a new order every epoch

for epoch in range(20):
    epoch_loss = 0.0
    for batch_features, batch_labels in loader:
        optimizer.zero_grad()  # forget the gradients of the previous batch
        loss = loss_fn(model(batch_features), batch_labels)
        loss.backward()
        optimizer.step()  # the optimizer updates every parameter of the model
        epoch_loss += loss.item() * len(batch_labels)
    if epoch % 5 == 0:
        print(f"epoch {epoch:2d}  loss {epoch_loss / len(dataset):.4f}")

with torch.no_grad():
    logits = model(dataset.tensors[0])
    accuracy = ((logits > 0).float() == dataset.tensors[1]).float().mean().item()
print(f"training accuracy: {accuracy:.4f}")
# --8<-- [end:train]

with torch.no_grad():
    final_loss = loss_fn(logits, dataset.tensors[1]).item()
assert accuracy > 0.9, f"accuracy {accuracy:.3f} should be above 0.9"
assert final_loss < 0.3, f"the loss on all points {final_loss:.3f} should fall below 0.3"
