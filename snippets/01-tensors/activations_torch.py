"""Lesson 01, tensors: sigmoid and softmax in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:sigmoid]
z = torch.tensor([-2.0, 0.0, 2.0])
squashed = torch.sigmoid(z)  # 1 / (1 + exp(-z)): any number becomes a value between 0 and 1
print("sigmoid:", squashed.round(decimals=4))
# --8<-- [end:sigmoid]

# --8<-- [start:softmax]
scores = torch.tensor([[2.0, 1.0, 0.1], [1.0, 1.0, 1.0]])  # one row of class scores per example
probabilities = torch.softmax(scores, dim=1)  # exp(score) / sum of exp(scores), row by row
print("softmax:\n", probabilities.round(decimals=4))
print("row sums:", probabilities.sum(dim=1).round(decimals=4))
# --8<-- [end:softmax]

by_hand = 1 / (1 + torch.exp(-z))
assert torch.allclose(squashed, by_hand), "sigmoid should equal 1 / (1 + exp(-z))"
assert squashed[1].item() == 0.5, "sigmoid(0) should be exactly 0.5"
assert torch.allclose(probabilities.sum(dim=1), torch.ones(2)), "each softmax row should sum to 1"
assert torch.allclose(probabilities[1], torch.full((3,), 1 / 3)), "equal scores should give equal probabilities"
assert probabilities[0].argmax().item() == scores[0].argmax().item(), "softmax should keep the largest score largest"
