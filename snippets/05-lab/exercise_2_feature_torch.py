"""Lab, exercise 2 in PyTorch: with the squared distance from the centre as a third input, one layer solves the circles.

A solution adds a feature to the circles data of the lab's program and trains
the single-layer network again, now with 3 inputs.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the circles solution (circles_torch.py), run quietly, provides the
# circles data, train_and_test, device and the imports.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("circles_torch.py"))))

# --8<-- [start:solution]
def with_squared_radius(points):
    """Add a third column x² + y²: about 0.25 on the inner circle and 1.0 on the outer one."""
    return torch.cat([points, (points ** 2).sum(dim=1, keepdim=True)], dim=1)


torch.manual_seed(0)
model = nn.Linear(3, 1)  # still one layer, now with 3 inputs
train_accuracy, test_accuracy = train_and_test(
    model, with_squared_radius(x_train), y_train, with_squared_radius(x_test), y_test)
print(f"single-layer with x² + y²  train accuracy {train_accuracy:.4f}  test accuracy {test_accuracy:.4f}")
# --8<-- [end:solution]

# Checks: the new feature makes the classes separable by a plane, so one layer is enough.
assert test_accuracy > 0.9, f"one layer with x² + y² should solve the circles, not {test_accuracy:.4f}"
assert train_accuracy > 0.9, "the new feature should help on the training points too"
