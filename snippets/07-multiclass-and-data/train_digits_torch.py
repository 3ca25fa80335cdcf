"""Lesson 07, multi-class classification of the digits in PyTorch: CrossEntropyLoss on logits, accuracy, confusion matrix."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

device = "cuda" if torch.cuda.is_available() else "cpu"
# --8<-- [end:setup]

# --8<-- [start:load]
from sklearn.datasets import load_digits

digits = load_digits()  # 1797 handwritten digits of 8x8 pixels; the file ships inside scikit-learn
images = digits.images.astype(np.float32) / 16.0  # pixels 0..16 -> 0..1, in the float32 the frameworks use
targets = digits.target.astype(np.int64)  # the class of each image: 0..9, as whole numbers
# --8<-- [end:load]

# --8<-- [start:split]
rng = np.random.default_rng(0)
order = rng.permutation(len(images))  # shuffle once, with a seed, so the split is the same every run
validation, training = order[:360], order[360:]  # 360 images (20%) are kept out of training
x_train, y_train = images[training].reshape(-1, 64), targets[training]  # each image as a row of 64 pixels
x_val, y_val = images[validation].reshape(-1, 64), targets[validation]
# --8<-- [end:split]

# --8<-- [start:pipeline]
train_set = TensorDataset(torch.from_numpy(x_train), torch.from_numpy(y_train))
val_set = TensorDataset(torch.from_numpy(x_val), torch.from_numpy(y_val))
generator = torch.Generator().manual_seed(0)  # its own seed: the same batch order on every run
train_loader = DataLoader(train_set, batch_size=64, shuffle=True, generator=generator)  # new order each epoch
val_loader = DataLoader(val_set, batch_size=256)  # only measured: no need to shuffle

# --8<-- [end:pipeline]

# --8<-- [start:model]
torch.manual_seed(0)  # the same first weights on every run
model = nn.Sequential(  # 64 pixels in, 10 logits out: one per class, no softmax at the end
    nn.Linear(64, 64), nn.ReLU(),
    nn.Linear(64, 10),
).to(device)
loss_fn = nn.CrossEntropyLoss()  # softmax and cross-entropy in one numerically safe step
optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
# --8<-- [end:model]

# --8<-- [start:train]
def evaluate(loader):
    """Mean loss and accuracy over a whole data set."""
    model.eval()
    total_loss, correct = 0.0, 0
    with torch.no_grad():
        for batch_images, batch_labels in loader:
            batch_images, batch_labels = batch_images.to(device), batch_labels.to(device)
            logits = model(batch_images)
            total_loss += loss_fn(logits, batch_labels).item() * len(batch_labels)
            correct += (logits.argmax(dim=1) == batch_labels).sum().item()  # the class with the largest logit
    return total_loss / len(loader.dataset), correct / len(loader.dataset)


history = []
for epoch in range(1, 11):
    model.train()
    for batch_images, batch_labels in train_loader:  # 23 mini-batches, in a new order each epoch
        batch_images, batch_labels = batch_images.to(device), batch_labels.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(batch_images), batch_labels)
        loss.backward()
        optimizer.step()
    history.append(evaluate(val_loader))
    if epoch % 2 == 0:
        val_loss, val_accuracy = history[-1]
        # varies ±0.02 or ±5% on a GPU: 230 Adam steps amplify the GPU's other rounding of float32 sums
        print(f"epoch {epoch:2d}  validation loss {val_loss:.3f}  accuracy {val_accuracy:.3f}")
# --8<-- [end:train]

# --8<-- [start:results]
from sklearn.metrics import confusion_matrix

model.eval()
with torch.no_grad():
    predicted = model(torch.from_numpy(x_val).to(device)).argmax(dim=1).cpu().numpy()
confusion = confusion_matrix(y_val, predicted)  # row: the true digit, column: the predicted one
# varies ±5 integers too on a GPU: a few images close to the border between two digits can flip
print("right on the diagonal:", np.trace(confusion), "of", confusion.sum())
# --8<-- [end:results]

# The picture (not shown on the page): the confusion matrix and the validation images the model got wrong.
from _confusion_figure import draw

plot = draw(confusion, x_val, y_val, predicted, "PyTorch", "digits_confusion_torch.png")
wrong = np.flatnonzero(predicted != y_val)

# Checks: what the page says about the training.
losses = [loss for loss, _ in history]
accuracies = [accuracy for _, accuracy in history]
assert accuracies[-1] > 0.95, f"validation accuracy {accuracies[-1]:.3f} should be above 0.95"
assert losses[-1] < losses[0] / 2, "the validation loss should fall during training"
assert np.trace(confusion) == round(accuracies[-1] * len(y_val)), "the diagonal holds the right answers"
assert confusion.sum() == len(y_val) == 360 and len(wrong) == 360 - np.trace(confusion)
assert plot.stat().st_size > 10_000, "plot not written"
