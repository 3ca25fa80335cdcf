"""Lesson 02, automatic gradients, exercise 2: the same gradient descent with three learning rates, in PyTorch."""
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
def train(learning_rate, steps=300):
    """The lesson's loop; returns the loss of every step."""
    w = torch.zeros(1, requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    losses = []
    for step in range(steps):
        loss = ((w * x + b - y) ** 2).mean()
        loss.backward()
        with torch.no_grad():
            w -= learning_rate * w.grad
            b -= learning_rate * b.grad
            w.grad.zero_()
            b.grad.zero_()
        losses.append(loss.item())
    return losses


results = {}
for learning_rate in [0.01, 0.2, 1.5]:
    losses = results[learning_rate] = train(learning_rate)
    shown = "  ".join(f"{step}: {losses[step]:.4g}" for step in [0, 10, 50, 100, 299])
    print(f"learning rate {learning_rate}:  {shown}")
# --8<-- [end:solution]

slow, good, too_large = results[0.01], results[0.2], results[1.5]
assert slow[-1] > 0.03, "with 0.01 the loss should still be falling after 300 steps"
assert good[150] < 0.0095, "with 0.2 the loss should reach the noise level within about 150 steps"
assert too_large[10] > 1e10, "with 1.5 the loss should pass 1e10 within 10 steps"
first_inf = next(step for step, loss in enumerate(too_large) if np.isinf(loss))
assert np.isnan(too_large[-1]) and not np.isnan(too_large[first_inf]), "the loss should become inf first, then nan"
