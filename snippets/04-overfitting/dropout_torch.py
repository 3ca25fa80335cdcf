"""Dropout in PyTorch: the overfitting network of learning_curves_torch.py with dropout layers.

Both networks are trained the same way for 300 epochs; the page shows the model
with dropout, how train() and eval() switch dropout on and off, and both results.
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

# --8<-- [start:setup]
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


torch.manual_seed(0)  # the network of the learning curves, again with the same first weights
plain_model = nn.Sequential(
    nn.Linear(1, 128), nn.ReLU(),
    nn.Linear(128, 128), nn.ReLU(),
    nn.Linear(128, 1),
).to(device)
# --8<-- [end:setup]

# --8<-- [start:model]
torch.manual_seed(0)
dropout_model = nn.Sequential(
    nn.Linear(1, 128), nn.ReLU(), nn.Dropout(0.3),   # zero 30% of the outputs, at random
    nn.Linear(128, 128), nn.ReLU(), nn.Dropout(0.3),
    nn.Linear(128, 1),
).to(device)
# --8<-- [end:model]

# --8<-- [start:modes]
dropout_model.train()  # training mode: dropout is on, every call drops other units
print("training mode, same output twice:",
      torch.equal(dropout_model(x_val), dropout_model(x_val)))
dropout_model.eval()   # evaluation mode: dropout is off, the output is repeatable
print("evaluation mode, same output twice:",
      torch.equal(dropout_model(x_val), dropout_model(x_val)))
# --8<-- [end:modes]

# --8<-- [start:compare]
results = {}
for name, model in [("without dropout", plain_model), ("with dropout", dropout_model)]:
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    results[name] = train(model, optimizer)
    # varies ±0.05 or ±15% on a GPU: CUDA draws other dropout masks than the CPU does,
    # which moves the result as much as another seed would (measured across seeds on a CPU)
    # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
    # differences of another CPU, thread count or GPU, so your numbers may differ a little
    print(f"{name:15}  train {results[name][0]:.4f}  validation {results[name][1]:.4f}")
# --8<-- [end:compare]

# Checks: dropout is random only in training mode, and it lowers the validation loss.
dropout_model.train()
assert not torch.equal(dropout_model(x_val), dropout_model(x_val)), "dropout did nothing in training mode"
dropout_model.eval()
assert torch.equal(dropout_model(x_val), dropout_model(x_val)), "dropout still active in evaluation mode"
plain_val, dropout_val = results["without dropout"][1], results["with dropout"][1]
assert dropout_val < 0.9 * plain_val, f"dropout did not lower the validation loss ({dropout_val:.4f} vs {plain_val:.4f})"
assert results["with dropout"][0] > results["without dropout"][0], "dropout should fit the training noise less"
