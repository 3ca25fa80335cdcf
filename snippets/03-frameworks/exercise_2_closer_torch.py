"""Lesson 03, exercise 2 in PyTorch: the two clouds closer together, centres at -0.5 and 0.5.

A solution makes the data again with the new centres and trains the low-level
model as before; it also computes the best accuracy any border could reach.
"""
import math

import numpy as np
import torch

# --8<-- [start:solution]
rng = np.random.default_rng(0)
n = 100
class0 = rng.normal(loc=-0.5, scale=0.8, size=(n, 2))  # the centres are now (-0.5, -0.5)
class1 = rng.normal(loc=0.5, scale=0.8, size=(n, 2))  # and (0.5, 0.5)
features = torch.from_numpy(np.vstack([class0, class1]).astype(np.float32))
labels = torch.from_numpy(np.concatenate([np.zeros(n), np.ones(n)]).reshape(-1, 1).astype(np.float32))
weights = torch.zeros(2, 1, requires_grad=True)
bias = torch.zeros(1, requires_grad=True)

for epoch in range(100):  # the low-level loop of this lesson, with a logit and the safe loss
    loss = torch.nn.functional.binary_cross_entropy_with_logits(features @ weights + bias, labels)
    loss.backward()
    with torch.no_grad():
        weights -= 0.5 * weights.grad
        bias -= 0.5 * bias.grad
        weights.grad.zero_()
        bias.grad.zero_()

with torch.no_grad():
    accuracy = ((features @ weights + bias > 0).float() == labels).float().mean().item()
print(f"training accuracy: {accuracy:.4f}")

# The best any border can do on endless data from these clouds: the line halfway between the centres.
# A point is on the wrong side when its noise towards the other centre is more than half their distance.
half_distance = math.sqrt(2) * 1.0 / 2  # the centres are sqrt(2) * 1.0 apart
best = 0.5 * (1 + math.erf(half_distance / (0.8 * math.sqrt(2))))  # normal distribution: P(noise < half_distance)
print(f"best possible accuracy: {best:.4f}")
# --8<-- [end:solution]

# Checks: closer clouds overlap more, so even the best border gets about 81% right, and training gets close to it.
assert 0.78 < best < 0.84
assert abs(accuracy - best) < 0.08, f"training accuracy {accuracy:.4f} should be near the best possible {best:.4f}"
