"""Lesson 04, exercise 4 in PyTorch: early stopping with a patience of 5 and of 50 epochs.

A solution puts the early stopping loop of the lesson into a function of the
patience and runs it from the same first weights for each patience.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the early stopping example (early_stopping_torch.py), run quietly, provides
# the data, loss_fn, MAX_EPOCHS, device and the imports (copy among them).
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("early_stopping_torch.py"))))

# --8<-- [start:solution]
def early_stopping_run(patience):
    """The early stopping loop of the lesson; returns the last epoch, the best epoch and its validation loss."""
    torch.manual_seed(0)  # the same first weights for every patience
    model = nn.Sequential(
        nn.Linear(1, 128), nn.ReLU(),
        nn.Linear(128, 128), nn.ReLU(),
        nn.Linear(128, 1),
    ).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    best_loss, best_epoch, best_weights = float("inf"), 0, None
    for epoch in range(MAX_EPOCHS):
        model.train()
        optimizer.zero_grad()
        loss_fn(model(x_train), y_train).backward()
        optimizer.step()
        model.eval()
        with torch.no_grad():
            val_loss = loss_fn(model(x_val), y_val).item()
        if val_loss < best_loss:
            best_loss, best_epoch = val_loss, epoch
            best_weights = copy.deepcopy(model.state_dict())
        elif epoch - best_epoch >= patience:
            break
    model.load_state_dict(best_weights)
    return epoch, best_epoch, best_loss


runs = {}
for patience in [5, 50]:  # the lesson used 20
    runs[patience] = early_stopping_run(patience)
    stopped, best_epoch, best_loss = runs[patience]
    # varies ±0.03 or ±5% with the hardware: hundreds of Adam steps amplify the last-bit
    # differences of another CPU, thread count or GPU, so your numbers may differ a little
    print(f"patience {patience:2d}: stopped after epoch {stopped:3d}, "
          f"restored epoch {best_epoch:3d}, validation loss {best_loss:.4f}")
# --8<-- [end:solution]

# Checks: a longer patience never stops earlier and never keeps a worse epoch.
assert runs[5][0] <= runs[50][0]
assert runs[5][2] >= runs[50][2]
