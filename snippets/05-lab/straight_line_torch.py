"""Lab, "What the results mean", in PyTorch: why the single layer stays near 50% on the circles.

The best straight line gets about two thirds of the training points right, yet
training does not look for it: it lowers the cross-entropy, and on this
symmetric problem the cross-entropy of a line is lowest when the line is almost
flat, a probability near 0.5 everywhere. The page shows this section right after
the circles solution, whose data and trained networks it uses.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown here: the circles solution (circles_torch.py), run quietly, provides
# x_train, y_train and the trained networks in `models`, as they are on the page.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("circles_torch.py"))))

# --8<-- [start:line]
loss_fn = nn.BCEWithLogitsLoss()
with torch.no_grad():
    logits = models["single-layer"](x_train)
    trained_loss = loss_fn(logits, y_train).item()
    probabilities = torch.sigmoid(logits)
print(f"trained single layer:  loss {trained_loss:.4f}, "
      f"probability of class 1 between {probabilities.min().item():.2f} and {probabilities.max().item():.2f}")
print(f"0.5 for every point:   loss {np.log(2):.4f}")

# The best any straight line can do: try 360 directions and 301 positions
points, labels = x_train.cpu().numpy(), y_train.cpu().numpy().ravel()
offsets = np.linspace(-1.5, 1.5, 301)
best_accuracy = 0.0
for angle in np.linspace(0, 2 * np.pi, 360, endpoint=False):
    distance = points @ np.array([np.cos(angle), np.sin(angle)])  # how far along this direction
    accuracies = ((distance[:, None] > offsets) == (labels[:, None] == 1)).mean(axis=0)  # one line per column
    if accuracies.max() > best_accuracy:
        best_accuracy, best_distance, best_offset = accuracies.max(), distance, offsets[accuracies.argmax()]

# Its loss: the logit grows with the distance beyond the line, at every steepness from 0 to 10
steepness = np.linspace(0, 10, 1001)[:, None]
line_logits = steepness * (best_distance - best_offset)
line_losses = np.mean(np.logaddexp(0, line_logits) - labels * line_logits, axis=1)  # binary cross-entropy
print(f"best straight line:    loss {line_losses.min():.4f} at best, training accuracy {best_accuracy:.4f}")
# --8<-- [end:line]

# Checks: the claims of "What the results mean".
assert abs(trained_loss - np.log(2)) < 0.01, "the trained single layer should be close to 'probability 0.5 everywhere'"
assert probabilities.min() > 0.35 and probabilities.max() < 0.65, "the trained single layer should be unsure everywhere"
assert 0.62 < best_accuracy < 0.75, f"the best line should get about two thirds right, not {best_accuracy:.4f}"
assert results["single-layer"][0] < best_accuracy - 0.1, "training should end far below the best line's accuracy"
assert line_losses.min() > trained_loss, "the best line's cross-entropy should be above the trained layer's"
