"""Lesson 07, exercise 1 solution (PyTorch): the cross-entropy of a model that knows nothing is log(10)."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn
# --8<-- [end:setup]

# --8<-- [start:solution]
labels = torch.tensor([0, 3, 7, 9])  # any four true classes
equal_logits = torch.zeros(4, 10)  # the same logit for every class: softmax gives each class 1/10
loss = nn.functional.cross_entropy(equal_logits, labels)
print(f"loss with equal logits: {loss.item():.4f}   log(10) = {np.log(10):.4f}")

torch.manual_seed(0)
untrained = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10))  # as in the lesson, before training
images = torch.rand(100, 64)  # any inputs in 0..1 will do for an untrained model
logits = untrained(images)
print(f"untrained model: logits from {logits.min().item():.2f} to {logits.max().item():.2f}")
print(f"untrained model: loss {nn.functional.cross_entropy(logits, torch.randint(0, 10, (100,))).item():.2f}")
# --8<-- [end:solution]

assert abs(loss.item() - np.log(10)) < 1e-6
assert logits.abs().max().item() < 1.0, "small first weights: small logits, so a loss near log(10)"
assert abs(nn.functional.cross_entropy(logits, torch.zeros(100, dtype=torch.long)).item() - np.log(10)) < 0.3
