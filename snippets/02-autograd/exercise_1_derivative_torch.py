"""Lesson 02, automatic gradients, exercise 1: the derivative of sin(x)·x at x = 1 with autograd, in PyTorch."""
# --8<-- [start:setup]
import math

import torch
# --8<-- [end:setup]

# --8<-- [start:solution]
x = torch.tensor(1.0, requires_grad=True)
y = torch.sin(x) * x
y.backward()
by_hand = math.cos(1.0) * 1.0 + math.sin(1.0)  # cos(x)·x + sin(x) at x = 1
print(f"autograd: {x.grad.item():.6f}")
print(f"by hand:  {by_hand:.6f}")
# --8<-- [end:solution]

assert abs(x.grad.item() - by_hand) < 1e-6, "autograd should give the derivative worked out by hand"
