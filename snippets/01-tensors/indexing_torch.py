"""Lesson 01, tensors: indexing and slicing, and getting numbers out of a tensor, in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:indexing]
x = torch.arange(12).reshape(3, 4)
print(x)
print("x[1, 2]:", x[1, 2])  # row 1, column 2, counting from 0
print("x[1]:", x[1])  # all of row 1
print("x[:, 2]:", x[:, 2])  # column 2 of every row
print("x[-1]:", x[-1])  # negative numbers count from the end: the last row
print("x[0:2, 1:3]:\n", x[0:2, 1:3])  # rows 0 and 1, columns 1 and 2: the end is not included
print("x[:, ::2]:\n", x[:, ::2])  # every second column
# --8<-- [end:indexing]

# --8<-- [start:numbers]
value = x[1, 2].item()  # a tensor with one element becomes a Python number
print("x[1, 2].item():", value, type(value).__name__)
array = x.numpy()  # the whole tensor as a numpy array (it must be in main memory)
print("x.numpy():", type(array).__name__, array.dtype, array.shape)
print("x[-1].tolist():", x[-1].tolist())  # nested Python lists
# --8<-- [end:numbers]

assert x[1, 2].item() == 6 and isinstance(value, int), "row 1, column 2 of 0..11 in 4 columns is 6"
assert x[:, 2].tolist() == [2, 6, 10], "column 2 should hold 2, 6 and 10"
assert x[-1].tolist() == [8, 9, 10, 11], "the last row should hold 8 to 11"
assert tuple(x[0:2, 1:3].shape) == (2, 2), "two rows and two columns: the end of a slice is not included"
assert x[:, ::2].tolist() == [[0, 2], [4, 6], [8, 10]], "::2 should keep columns 0 and 2"
