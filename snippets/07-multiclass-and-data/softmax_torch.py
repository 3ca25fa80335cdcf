"""Lesson 07, multi-class: softmax turns logits into probabilities, cross-entropy scores them, and why losses take logits."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn
# --8<-- [end:setup]

# --8<-- [start:softmax]
logits = torch.tensor([[2.0, 1.0, 0.1]], requires_grad=True)  # one example, three classes
label = torch.tensor([0])  # the true class is class 0

probabilities = torch.softmax(logits, dim=1)
print("probabilities:", probabilities.detach().numpy().round(4), "sum:", round(probabilities.sum().item(), 4))

loss = nn.functional.cross_entropy(logits, label)  # softmax, then -log(probability of the true class)
print(f"cross-entropy {loss.item():.4f} = -log({probabilities[0, 0].item():.4f})")

loss.backward()
print("gradient of the loss for each logit:", logits.grad.numpy().round(4))
# --8<-- [end:softmax]

# --8<-- [start:why_logits]
big_logits = torch.tensor([[1000.0, 0.0, -1000.0]])  # a very confident model
label = torch.tensor([1])

probabilities = torch.softmax(big_logits, dim=1)  # exp(-1000) is 0 in float32
print("probabilities:", probabilities.numpy())
print("loss from the probabilities:", -torch.log(probabilities[0, 1]).item())  # log(0) = -inf
print("loss from the logits:       ", nn.functional.cross_entropy(big_logits, label).item())
# --8<-- [end:why_logits]

# Checks: what the page says.
p = np.exp([2.0, 1.0, 0.1]) / np.exp([2.0, 1.0, 0.1]).sum()
assert np.allclose(logits.grad.numpy(), p - np.array([1.0, 0.0, 0.0]), atol=1e-6), "gradient = p - one-hot label"
assert abs(loss.item() + np.log(p[0])) < 1e-6
assert torch.isinf(-torch.log(probabilities[0, 1])), "the probability of class 1 underflows to 0"
assert nn.functional.cross_entropy(big_logits, label).item() == 1000.0, "from logits the loss is exact: 1000"
