"""Lesson 04, exercise 5 in PyTorch: dropout rates of 0.1, 0.3 and 0.6.

A solution trains the network of the lesson with each rate, from the same first
weights, with the `train` function of the dropout setup.
"""
import numpy as np
import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"
EPOCHS = 300

rng = np.random.default_rng(0)  # numpy makes the data, so both frameworks get the same points


def make_points(n):
    """n noisy samples of sin(3x) on [-1, 1]; the noise is what a model should not learn."""
    x = rng.uniform(-1, 1, size=(n, 1))
    y = np.sin(3 * x) + rng.normal(0, 0.3, size=(n, 1))
    return (torch.tensor(x, dtype=torch.float32, device=device),
            torch.tensor(y, dtype=torch.float32, device=device))


x_train, y_train = make_points(12)
x_val, y_val = make_points(200)
loss_fn = nn.MSELoss()


def train(model, optimizer):
    """The loop of the learning curves; returns the final training and validation loss."""
    for epoch in range(EPOCHS):
        model.train()
        optimizer.zero_grad()
        loss_fn(model(x_train), y_train).backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x_train), y_train).item(), loss_fn(model(x_val), y_val).item()


# --8<-- [start:solution]
dropout_runs = {}
for rate in [0.1, 0.3, 0.6]:  # the lesson used 0.3
    torch.manual_seed(0)  # the same first weights for every rate
    model = nn.Sequential(
        nn.Linear(1, 128), nn.ReLU(), nn.Dropout(rate),
        nn.Linear(128, 128), nn.ReLU(), nn.Dropout(rate),
        nn.Linear(128, 1),
    ).to(device)
    dropout_runs[rate] = train(model, torch.optim.Adam(model.parameters(), lr=0.01))
    # varies ±0.05 or ±15% on a GPU: CUDA draws other dropout masks than the CPU does,
    # which moves the result as much as another seed would (measured across seeds on a CPU)
    # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
    # differences of another CPU, thread count or GPU, so your numbers may differ a little
    print(f"dropout {rate}  train {dropout_runs[rate][0]:.4f}  validation {dropout_runs[rate][1]:.4f}")
# --8<-- [end:solution]

# Checks: much dropout fits the training points less closely, and too much dropout is not the best choice.
assert dropout_runs[0.6][0] > dropout_runs[0.1][0], "a rate of 0.6 should fit the training points less closely than 0.1"
assert min(dropout_runs, key=lambda rate: dropout_runs[rate][1]) != 0.6, "0.6 should not give the lowest validation loss"
