"""Lesson 01, tensors: creating tensors in PyTorch."""
# --8<-- [start:setup]
import numpy as np
import torch

torch.manual_seed(0)  # the same "random" numbers on every run
# --8<-- [end:setup]

# --8<-- [start:create]
from_list = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
zeros = torch.zeros(2, 3)
counting = torch.arange(6)
random = torch.rand(2, 3)  # uniform between 0 and 1
from_numpy = torch.from_numpy(np.array([1, 2, 3]))

print(from_list)
print(zeros)
print(counting)
print(random.round(decimals=4))
print(from_numpy)
print("shape:", tuple(from_list.shape), "dtype:", from_list.dtype)
# --8<-- [end:create]

assert tuple(from_list.shape) == (2, 3), "from_list should have 2 rows and 3 columns"
assert from_list[1, 2].item() == 6.0, "indexing should reach the last element"
assert zeros.sum().item() == 0.0, "zeros should contain only zeros"
assert counting.tolist() == [0, 1, 2, 3, 4, 5], "arange(6) should count from 0 to 5"
assert 0.0 <= random.min().item() and random.max().item() < 1.0, "rand should stay in [0, 1)"
assert from_numpy.dtype == torch.int64, "integers from numpy should stay 64-bit integers"
