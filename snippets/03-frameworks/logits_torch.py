"""Lesson 03, frameworks: why the loss should get logits, not probabilities, in PyTorch.

For four points of class 1 with logits from -200 to 5, the binary cross-entropy
computed from sigmoid's probability becomes infinite at -200 (sigmoid rounds to 0
in float32), while the loss computed from the logit stays exact.
"""
# --8<-- [start:logits]
import torch
from torch import nn

logits = torch.tensor([-200.0, -20.0, 0.0, 5.0])  # raw outputs of a model for four points
labels = torch.ones(4)  # all four points belong to class 1
probabilities = torch.sigmoid(logits)  # sigmoid(-200) is too small for float32: it rounds to 0
from_probabilities = -torch.log(probabilities)  # the cross-entropy formula for class 1
from_logits = nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction="none")

print("   logit  probability  loss from probability  loss from logit")
for z, p, a, b in zip(logits.tolist(), probabilities.tolist(), from_probabilities.tolist(), from_logits.tolist()):
    print(f"{z:8.1f}  {p:11.4f}  {a:21.4f}  {b:15.4f}")
# --8<-- [end:logits]

# Checks: the probability route overflows for a very wrong confident logit, the logit route does not.
assert torch.isinf(from_probabilities[0]), "-log(sigmoid(-200)) should overflow in float32"
assert abs(from_logits[0].item() - 200) < 1e-3, "the loss of a logit of -200 for class 1 is 200"
assert torch.allclose(from_probabilities[1:], from_logits[1:], atol=1e-4), "both routes agree where sigmoid is exact"
