"""Lesson 01, tensors, exercise 3: softmax written by hand, and why it subtracts the largest score, in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:solution]
def softmax_by_hand(scores):
    exps = torch.exp(scores)
    return exps / exps.sum(dim=1, keepdim=True)  # keepdim: a (rows, 1) column, broadcast over each row


def stable_softmax(scores):
    shifted = scores - scores.max(dim=1, keepdim=True).values  # the largest score of each row becomes 0
    exps = torch.exp(shifted)  # so no exp is larger than 1
    return exps / exps.sum(dim=1, keepdim=True)


scores = torch.tensor([[2.0, 1.0, 0.1], [1.0, 1.0, 1.0], [-3.0, 0.0, 5.0]])
print("same as torch.softmax:", torch.allclose(softmax_by_hand(scores), torch.softmax(scores, dim=1)))

big = torch.tensor([[1000.0, 0.0]])
print("by hand, score 1000:", softmax_by_hand(big))  # exp(1000) is too large for float32: inf / inf = nan
print("stable, score 1000:", stable_softmax(big))
print("stable same as torch.softmax:", torch.allclose(stable_softmax(scores), torch.softmax(scores, dim=1)))
# --8<-- [end:solution]

assert torch.allclose(softmax_by_hand(scores), torch.softmax(scores, dim=1)), "the hand-written softmax should agree"
assert torch.isnan(softmax_by_hand(big)[0, 0]), "exp(1000) overflows, so the naive version gives nan"
assert stable_softmax(big).tolist() == [[1.0, 0.0]], "subtracting the largest score should avoid the overflow"
