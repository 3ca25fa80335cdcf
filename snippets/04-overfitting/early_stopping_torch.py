"""Early stopping in PyTorch: stop when the validation loss has not improved for a while.

Same data and network as learning_curves_torch.py, which starts to overfit early in
its 300 epochs. The page shows the setup (collapsed) and the loop: it remembers the best weights and goes back to them.
"""
import numpy as np
import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"

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
MAX_EPOCHS = 300
torch.manual_seed(0)  # a new network with the same first weights as in the learning curves
model = nn.Sequential(
    nn.Linear(1, 128), nn.ReLU(),
    nn.Linear(128, 128), nn.ReLU(),
    nn.Linear(128, 1),
).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)


def validation_loss():
    """The loss on the validation set, measured without training on it."""
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x_val), y_val).item()
# --8<-- [end:setup]


# --8<-- [start:early_stopping]
import copy

PATIENCE = 20  # epochs to wait for a new lowest validation loss
best_loss, best_epoch, best_weights = float("inf"), 0, None

for epoch in range(MAX_EPOCHS):
    model.train()
    optimizer.zero_grad()
    loss_fn(model(x_train), y_train).backward()
    optimizer.step()

    val_loss = validation_loss()
    if val_loss < best_loss:
        best_loss, best_epoch = val_loss, epoch
        best_weights = copy.deepcopy(model.state_dict())  # a copy, not a reference
    elif epoch - best_epoch >= PATIENCE:
        break

print(f"stopped after epoch {epoch} of {MAX_EPOCHS}")
print(f"best epoch {best_epoch}: validation loss {best_loss:.4f}")
print(f"validation loss when stopping: {val_loss:.4f}")
model.load_state_dict(best_weights)  # go back to the best weights
print(f"validation loss after restoring the best weights: {validation_loss():.4f}")
# --8<-- [end:early_stopping]

# Checks: training stopped early, for the right reason, and the best weights came back.
assert epoch < MAX_EPOCHS - 1, "early stopping never stopped the training"
assert epoch == best_epoch + PATIENCE, "stopped without waiting PATIENCE epochs after the best one"
assert val_loss > best_loss, "stopped although the validation loss was still at its best"
assert abs(validation_loss() - best_loss) < 1e-6, "restored weights do not give the best validation loss"
