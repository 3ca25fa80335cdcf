"""Weight decay in PyTorch: the overfitting network of learning_curves_torch.py, with and without it.

Weight decay shrinks every weight a little at each step, so only weights that the
data keeps pushing stay large. The page shows the two optimizers and the results.
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
    """The loop of the learning curves, as in the dropout setup; returns the final training and validation loss."""
    for epoch in range(EPOCHS):
        model.train()
        optimizer.zero_grad()
        loss_fn(model(x_train), y_train).backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x_train), y_train).item(), loss_fn(model(x_val), y_val).item()


# --8<-- [start:setup]
def make_model():
    """The network of the learning curves, always with the same first weights."""
    torch.manual_seed(0)
    return nn.Sequential(
        nn.Linear(1, 128), nn.ReLU(),
        nn.Linear(128, 128), nn.ReLU(),
        nn.Linear(128, 1),
    ).to(device)


def weight_size(model):
    """Square root of the sum of all squared parameters: one number for 'how large are the weights'."""
    return torch.sqrt(sum((p ** 2).sum() for p in model.parameters())).item()


plain_model, decay_model = make_model(), make_model()
# --8<-- [end:setup]

# --8<-- [start:optimizer]
plain_optimizer = torch.optim.Adam(plain_model.parameters(), lr=0.01)
# AdamW shrinks each weight by lr * weight_decay (here 1%) at every step
decay_optimizer = torch.optim.AdamW(decay_model.parameters(), lr=0.01, weight_decay=1.0)
# --8<-- [end:optimizer]

# --8<-- [start:compare]
print(f"weight size before training: {weight_size(plain_model):.4f}")
results = {}
for name, model, optimizer in [("without weight decay", plain_model, plain_optimizer),
                               ("with weight decay", decay_model, decay_optimizer)]:
    train_loss, val_loss = train(model, optimizer)
    results[name] = (train_loss, val_loss, weight_size(model))
    # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
    # differences of another CPU, thread count or GPU, so your numbers may differ a little
    print(f"{name:20}  train {train_loss:.4f}  validation {val_loss:.4f}  "
          f"weight size {weight_size(model):.4f}")
# --8<-- [end:compare]

# Checks: weight decay keeps the weights smaller, fits the noise less and generalises better.
plain, decay = results["without weight decay"], results["with weight decay"]
assert decay[2] < 0.9 * plain[2], f"weights not smaller with weight decay ({decay[2]:.4f} vs {plain[2]:.4f})"
assert decay[0] > plain[0], "weight decay should fit the training noise less"
assert decay[1] < 0.9 * plain[1], f"weight decay did not lower the validation loss ({decay[1]:.4f} vs {plain[1]:.4f})"
