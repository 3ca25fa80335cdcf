"""Lesson 02, automatic gradients, exercise 3: the lesson's loop without zero_(), in PyTorch."""
# --8<-- [start:setup]
import numpy as np
import torch

rng = np.random.default_rng(0)  # the lesson's data
x_np = rng.uniform(0.0, 1.0, size=(100, 1)).astype(np.float32)
y_np = (2.0 * x_np + 1.0 + 0.1 * rng.normal(size=(100, 1))).astype(np.float32)
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)
# --8<-- [end:setup]

# --8<-- [start:solution]
w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
learning_rate = 0.2
losses = []

for step in range(300):
    loss = ((w * x + b - y) ** 2).mean()
    loss.backward()  # without zero_(), .grad holds the sum of ALL gradients so far
    with torch.no_grad():
        w -= learning_rate * w.grad
        b -= learning_rate * b.grad
    losses.append(loss.item())
    if step % 50 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")

print(f"w = {w.item():.4f}, b = {b.item():.4f}, lowest loss {min(losses):.4f}, last loss {losses[-1]:.4f}")
# --8<-- [end:solution]

assert losses[-1] > 10 * min(losses), "without zero_() the loss should not stay at its lowest value"
assert max(losses[100:]) > 1.0, "without zero_() the loss should keep swinging up long after the start"
