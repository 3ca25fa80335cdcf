"""Lesson 03, exercise 1 in PyTorch: the high-level program with Adam (learning rate 0.05) instead of SGD.

A solution trains the same model twice, once with each optimizer, from the same
first weights and with the same batches, and prints the loss after every epoch.
"""
import contextlib
import io
import runpy
from pathlib import Path

# Not shown: the high-level program (highlevel_torch.py), run quietly, provides
# the data (features_np, labels_np), loss_fn and the imports.
with contextlib.redirect_stdout(io.StringIO()):
    globals().update(runpy.run_path(str(Path(__file__).with_name("highlevel_torch.py"))))

# --8<-- [start:solution]
dataset = TensorDataset(torch.from_numpy(features_np), torch.from_numpy(labels_np))
histories, accuracies = {}, {}
print("loss after  epoch 1  epoch 2  epoch 5 epoch 20   accuracy")
for name in ["SGD", "Adam"]:
    torch.manual_seed(0)  # the same first weights and the same batches for both
    model = nn.Sequential(nn.Linear(2, 1))
    if name == "SGD":
        optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
    loader = DataLoader(dataset, batch_size=32, shuffle=True)
    histories[name] = []
    for epoch in range(20):
        epoch_loss = 0.0
        for batch_features, batch_labels in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(batch_features), batch_labels)
            loss.backward()
            optimizer.step()
            epoch_loss += loss.item() * len(batch_labels)
        histories[name].append(epoch_loss / len(dataset))
    with torch.no_grad():
        accuracies[name] = ((model(dataset.tensors[0]) > 0).float() == dataset.tensors[1]).float().mean().item()
    losses = "".join(f"{histories[name][epoch - 1]:9.4f}" for epoch in [1, 2, 5, 20])
    print(f"{name:10}{losses}{accuracies[name]:11.4f}")
# --8<-- [end:solution]

# Checks: both reach the same accuracy; with these learning rates Adam is not faster here.
assert accuracies["SGD"] == accuracies["Adam"] > 0.9, accuracies
assert histories["Adam"][0] > histories["SGD"][0], "Adam's steps of about 0.05 start slower than SGD with 0.5"
assert abs(histories["Adam"][-1] - histories["SGD"][-1]) < 0.02, "after 20 epochs both losses should be about equal"
