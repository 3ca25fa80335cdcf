"""Lesson 01, tensors: shapes and reshaping in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:reshape]
numbers = torch.arange(12)
grid = numbers.reshape(3, 4)  # 3 rows, 4 columns: the same 12 numbers
print(grid)
print("reshape(3, 4):", tuple(grid.shape))
print("reshape(2, -1):", tuple(numbers.reshape(2, -1).shape))  # -1: "work this size out"
print("transposed:", tuple(grid.T.shape))
column = torch.tensor([1.0, 2.0, 3.0]).unsqueeze(1)  # add an axis of size 1
print("unsqueeze(1):", tuple(column.shape))
print("flattened:", grid.flatten().tolist())
# --8<-- [end:reshape]

assert tuple(grid.shape) == (3, 4), "grid should have 3 rows and 4 columns"
assert grid[1, 0].item() == 4, "reshape fills row by row, so row 1 starts at 4"
assert tuple(numbers.reshape(2, -1).shape) == (2, 6), "-1 should become 12 / 2 = 6"
assert torch.equal(grid.T.T, grid), "transposing twice should give the tensor back"
assert tuple(column.shape) == (3, 1), "unsqueeze(1) should turn 3 numbers into a column"
assert grid.flatten().tolist() == list(range(12)), "flatten should undo reshape"
