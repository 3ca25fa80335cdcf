"""Lesson 01, tensors, exercise 1: a column, a row and one number out of a 4 x 5 tensor, in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:solution]
numbers = torch.arange(20).reshape(4, 5)  # 0 to 19 in 4 rows and 5 columns
print(numbers)
print("third column:", numbers[:, 2])  # counting from 0, the third column is column 2
print("last row:", numbers[-1])
value = numbers[2, 3].item()  # row 2, column 3, as a Python number
print("numbers[2, 3]:", value, type(value).__name__)
# --8<-- [end:solution]

assert numbers[:, 2].tolist() == [2, 7, 12, 17], "the third column holds 2, 7, 12 and 17"
assert numbers[-1].tolist() == [15, 16, 17, 18, 19], "the last row holds 15 to 19"
assert value == 2 * 5 + 3 and isinstance(value, int), "row 2, column 3 of 5 columns is 13"
