"""Lesson 01, tensors: default data types, and the float64 numpy array a float32 layer refuses, in PyTorch."""
# --8<-- [start:setup]
import numpy as np
import torch
from torch import nn
# --8<-- [end:setup]

# --8<-- [start:dtypes]
from_list = torch.tensor([0.5, 1.5])  # Python floats become float32, PyTorch's default
data = np.array([0.5, 1.5])  # but numpy stores floats as float64 by default
from_numpy = torch.from_numpy(data)  # and the tensor keeps numpy's type
print("from a list:", from_list.dtype)
print("from numpy:", data.dtype, "->", from_numpy.dtype)
print("torch.arange(3):", torch.arange(3).dtype, " from numpy integers:", torch.from_numpy(np.arange(3)).dtype)
# --8<-- [end:dtypes]

# --8<-- [start:mismatch]
layer = nn.Linear(1, 1)  # a layer's weights are float32
print("weights of the layer:", layer.weight.dtype)
try:
    layer(from_numpy.reshape(2, 1))  # float64 inputs meet float32 weights
except RuntimeError as error:
    print("RuntimeError:", error)
# --8<-- [end:mismatch]

assert from_list.dtype == torch.float32, "Python floats should become float32"
assert data.dtype == np.float64 and from_numpy.dtype == torch.float64, "numpy floats should stay float64"
assert torch.arange(3).dtype == torch.int64, "torch.arange should give int64"
try:
    layer(from_numpy.reshape(2, 1))
    raise AssertionError("a float64 input should not pass a float32 layer")
except RuntimeError as error:
    assert "dtype" in str(error), "the error should be about the data type"
