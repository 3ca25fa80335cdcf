"""Lesson 02, automatic gradients: gradient descent for a linear regression, by hand, in PyTorch."""
# --8<-- [start:setup]
import numpy as np
import torch
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points
x_np = rng.uniform(0.0, 1.0, size=(100, 1)).astype(np.float32)
y_np = (2.0 * x_np + 1.0 + 0.1 * rng.normal(size=(100, 1))).astype(np.float32)  # y = 2x + 1 + noise
x = torch.from_numpy(x_np)
y = torch.from_numpy(y_np)
# --8<-- [end:data]

# --8<-- [start:train]
w = torch.zeros(1, requires_grad=True)  # slope, to be learned
b = torch.zeros(1, requires_grad=True)  # intercept, to be learned
learning_rate = 0.2
losses = []  # the loss of every step, for the plot below the code

for step in range(300):
    prediction = w * x + b
    loss = ((prediction - y) ** 2).mean()  # mean squared error
    loss.backward()  # gradients of the loss in w.grad and b.grad
    with torch.no_grad():  # the update itself must not be recorded
        w -= learning_rate * w.grad
        b -= learning_rate * b.grad
        w.grad.zero_()
        b.grad.zero_()
    losses.append(loss.item())
    if step % 50 == 0:
        print(f"step {step:3d}  loss {loss.item():.4f}")

print(f"learned w = {w.item():.4f}, b = {b.item():.4f}, final loss {loss.item():.4f}")
true_loss = ((2.0 * x + 1.0 - y) ** 2).mean()  # the line the data was made from
print(f"loss of the true line y = 2x + 1 on these points: {true_loss.item():.4f}")
# --8<-- [end:train]

# The picture (not shown on the page): drawn by the same code as for the other framework.
from _linear_regression_figure import draw

figure = draw(x_np, y_np, w.item(), b.item(), losses)

# Least squares solved directly, independent of gradient descent.
slope, intercept = np.polyfit(x_np[:, 0], y_np[:, 0], deg=1)
assert abs(w.item() - slope) < 1e-2 and abs(b.item() - intercept) < 1e-2, "gradient descent should reach the least-squares line"
assert abs(w.item() - 2.0) < 0.1 and abs(b.item() - 1.0) < 0.1, "the learned line should be close to y = 2x + 1"
assert loss.item() < 0.02, "the loss should fall to about the noise level (0.1² = 0.01)"
assert loss.item() <= true_loss.item(), "on its own training points, the least-squares line beats even the true line"
assert abs(true_loss.item() - 0.01) < 0.002, "the true line's loss should be close to the noise variance 0.01"
assert len(losses) == 300 and losses[-1] < losses[0] / 100, "the loss should fall during training"
assert figure.stat().st_size > 10_000, "plot not written"
