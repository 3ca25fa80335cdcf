"""Lesson 03, exercise 3 in PyTorch: train on 160 of the 200 points and measure the accuracy on the other 40.

A solution shuffles the points once, keeps 40 aside, and trains the low-level
model on the rest; the 40 points are used only to measure it.
"""
import numpy as np
import torch

rng = np.random.default_rng(0)  # the data of the lesson
n = 100
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features_np = np.vstack([class0, class1]).astype(np.float32)
labels_np = np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32)

# --8<-- [start:solution]
order = rng.permutation(len(features_np))  # shuffle once, so both parts hold points of both classes
train_rows, held_out_rows = order[:160], order[160:]
x_train, y_train = torch.from_numpy(features_np[train_rows]), torch.from_numpy(labels_np[train_rows])
x_held_out, y_held_out = torch.from_numpy(features_np[held_out_rows]), torch.from_numpy(labels_np[held_out_rows])

weights = torch.zeros(2, 1, requires_grad=True)
bias = torch.zeros(1, requires_grad=True)
for epoch in range(100):  # trains on the 160 points only
    loss = torch.nn.functional.binary_cross_entropy_with_logits(x_train @ weights + bias, y_train)
    loss.backward()
    with torch.no_grad():
        weights -= 0.5 * weights.grad
        bias -= 0.5 * bias.grad
        weights.grad.zero_()
        bias.grad.zero_()

with torch.no_grad():
    train_accuracy = ((x_train @ weights + bias > 0).float() == y_train).float().mean().item()
    held_out_accuracy = ((x_held_out @ weights + bias > 0).float() == y_held_out).float().mean().item()
print(f"accuracy on the 160 training points: {train_accuracy:.4f}")
print(f"accuracy on the 40 held-out points:  {held_out_accuracy:.4f}")
# --8<-- [end:solution]

# Checks: both accuracies are high; the 40 unseen points give the lower, more honest (and rougher) number.
assert train_accuracy > 0.9 and held_out_accuracy > 0.8
assert held_out_accuracy <= train_accuracy
