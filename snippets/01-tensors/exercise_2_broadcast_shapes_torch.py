"""Lesson 01, tensors, exercise 2: predicting the shape of a broadcast result, checked in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:solution]
a = torch.ones(2, 1, 3)
b = torch.ones(4, 1)
# From the right: 3 and 1 -> 3; 1 and 4 -> 4; 2 and (missing) -> 2
print("(2, 1, 3) + (4, 1) ->", tuple((a + b).shape))

c = torch.ones(3, 4)
d = torch.ones(4, 3)
try:
    c + d  # from the right: 4 and 3 differ and neither is 1
except RuntimeError as error:
    print("(3, 4) + (4, 3) -> RuntimeError:", error)
print("(3, 4) + (4, 3).T ->", tuple((c + d.T).shape))  # transposing d makes the shapes equal
# --8<-- [end:solution]

assert tuple((a + b).shape) == (2, 4, 3), "(2, 1, 3) + (4, 1) should broadcast to (2, 4, 3)"
try:
    c + d
    raise AssertionError("(3, 4) + (4, 3) should not broadcast")
except RuntimeError:
    pass
