"""Lesson 03, exercise 4 in PyTorch: the high-level model with a hidden layer of 8 units and ReLU.

A solution trains the deeper model exactly like the high-level program and
compares the accuracies.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the high-level program (highlevel_torch.py), run quietly, provides the
# data, the dataset, loss_fn, the imports and its accuracy.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("highlevel_torch.py"))))
one_layer_accuracy = accuracy

# --8<-- [start:solution]
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1))  # a hidden layer of 8 units
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
loader = DataLoader(dataset, batch_size=32, shuffle=True)
for epoch in range(20):
    for batch_features, batch_labels in loader:
        optimizer.zero_grad()
        loss_fn(model(batch_features), batch_labels).backward()
        optimizer.step()

with torch.no_grad():
    accuracy = ((model(dataset.tensors[0]) > 0).float() == dataset.tensors[1]).float().mean().item()
print(f"one layer:           training accuracy {one_layer_accuracy:.4f}")
print(f"hidden layer of 8:   training accuracy {accuracy:.4f}")
# --8<-- [end:solution]

# Checks: the best border between two round clouds is a straight line, so the hidden layer adds little.
assert abs(accuracy - one_layer_accuracy) < 0.03, f"{accuracy:.4f} vs {one_layer_accuracy:.4f}"
