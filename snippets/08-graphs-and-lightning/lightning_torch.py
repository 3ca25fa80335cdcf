"""Lesson 08, Lightning: the hand-written loop of lesson 3 and a LightningModule run by a Trainer, on the same data, to the same result."""
# --8<-- [start:setup]
import logging

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

import lightning as L

logging.getLogger("lightning.pytorch").setLevel(logging.WARNING)  # no start-up messages about the hardware
device = "cuda" if torch.cuda.is_available() else "cpu"
# --8<-- [end:setup]

# --8<-- [start:data]
rng = np.random.default_rng(0)  # the two clouds of lesson 3
n = 100  # points per class
class0 = rng.normal(loc=-1.0, scale=0.8, size=(n, 2))
class1 = rng.normal(loc=1.0, scale=0.8, size=(n, 2))
features = torch.tensor(np.vstack([class0, class1]), dtype=torch.float32)  # shape (200, 2)
labels = torch.tensor(np.repeat([0.0, 1.0], n).reshape(-1, 1), dtype=torch.float32)  # shape (200, 1)
EPOCHS, LEARNING_RATE = 100, 0.5
# --8<-- [end:data]

# --8<-- [start:by_hand]
model = nn.Linear(2, 1).to(device)  # logistic regression, as in lesson 3
nn.init.zeros_(model.weight)  # start from zero, as lesson 3 did: no randomness at all
nn.init.zeros_(model.bias)
loss_fn = nn.BCEWithLogitsLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)
x, y = features.to(device), labels.to(device)
hand_losses = []
for epoch in range(EPOCHS):  # all 200 points in every step
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    hand_losses.append(loss.item())
with torch.no_grad():
    accuracy = ((model(x) > 0).float() == y).float().mean().item()
print(f"by hand:   loss {hand_losses[-1]:.4f}  accuracy {accuracy:.4f}")
# --8<-- [end:by_hand]


# --8<-- [start:module]
class CloudClassifier(L.LightningModule):
    """The model, the loss and the optimizer in one class; the Trainer writes the loop."""

    def __init__(self, learning_rate):
        super().__init__()
        self.learning_rate = learning_rate
        self.linear = nn.Linear(2, 1)
        nn.init.zeros_(self.linear.weight)
        nn.init.zeros_(self.linear.bias)
        self.loss_fn = nn.BCEWithLogitsLoss()
        self.losses = []

    def forward(self, inputs):
        return self.linear(inputs)

    def training_step(self, batch, batch_index):  # one step: return the loss, Lightning does the rest
        batch_features, batch_labels = batch
        loss = self.loss_fn(self(batch_features), batch_labels)
        self.losses.append(loss.item())
        return loss

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=self.learning_rate)
# --8<-- [end:module]


# --8<-- [start:trainer]
L.seed_everything(0, verbose=False)  # seeds Python, numpy and torch at once (nothing is random here)
classifier = CloudClassifier(LEARNING_RATE)
loader = DataLoader(TensorDataset(features, labels), batch_size=200)  # all 200 points in every step
trainer = L.Trainer(
    max_epochs=EPOCHS,
    accelerator="auto",  # a GPU if there is one, else the CPU
    devices=1,
    deterministic=True,
    enable_progress_bar=False, logger=False, enable_checkpointing=False, enable_model_summary=False,
)
trainer.fit(classifier, loader)  # moves the model and the batches to the device, loops, steps the optimizer

classifier.eval()
with torch.no_grad():
    accuracy = ((classifier(features) > 0).float() == labels).float().mean().item()
print(f"Lightning: loss {classifier.losses[-1]:.4f}  accuracy {accuracy:.4f}")
same_weights = torch.allclose(classifier.linear.weight.cpu(), model.weight.cpu(), atol=1e-5)
print("same weights as the hand-written loop:", same_weights)
# --8<-- [end:trainer]

# The picture (not shown on the page): the two loss curves lie on top of each other.
from _loss_curves_figure import draw

plot = draw(hand_losses, classifier.losses, "LightningModule + Trainer", "PyTorch", "loop_vs_lightning_torch.png")

# Checks: what the page says.
assert len(classifier.losses) == len(hand_losses) == EPOCHS, "one step per epoch in both"
assert np.allclose(classifier.losses, hand_losses, atol=1e-5), "the Trainer ran the same steps as the loop"
assert same_weights and accuracy > 0.9
assert plot.stat().st_size > 10_000, "plot not written"
