"""Lesson 01, tensors: changing the data type of a tensor (casting) in PyTorch."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn
# --8<-- [end:setup]

# --8<-- [start:cast]
data = np.array([[0.5], [1.5]])  # float64, as numpy makes it
layer = nn.Linear(1, 1)  # float32 weights
x = torch.from_numpy(data).float()  # a float32 copy; .to(torch.float32) does the same
print("after .float():", x.dtype, " the layer's output:", layer(x).dtype)

features = data.astype(np.float32)  # better: convert once, where the data is made
print("after .astype(np.float32):", torch.from_numpy(features).dtype)

print("int64 to float32:", torch.arange(3).to(torch.float32))
print("float32 to int64:", torch.tensor([1.7, -1.7]).to(torch.int64))  # the decimals are cut off
# --8<-- [end:cast]

assert x.dtype == torch.float32 and layer(x).dtype == torch.float32, ".float() should make the input fit the layer"
assert torch.from_numpy(features).dtype == torch.float32, ".astype(np.float32) should give a float32 tensor"
assert torch.tensor([1.7, -1.7]).to(torch.int64).tolist() == [1, -1], "casting to an integer type truncates toward 0"
