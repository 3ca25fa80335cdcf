"""Lesson 01, tensors: arithmetic and broadcasting in PyTorch (the page before it was rewritten).

Kept only for the translations of this lesson made before the page was rewritten: they still
include these sections. The English page uses
elementwise_torch.py and broadcasting_torch.py instead; delete this file
when no translation includes it any more (`grep -r "01-tensors/broadcast_torch.py" docs/`).
"""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:arithmetic]
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print("a + a:\n", a + a)
print("a * a (element by element):\n", a * a)
print("a @ a.T (matrix product):\n", a @ a.T)
print("sum:", a.sum().item(), " mean of each column:", a.mean(dim=0))
# --8<-- [end:arithmetic]

# --8<-- [start:broadcast]
row = torch.tensor([10.0, 20.0, 30.0])  # shape (3,)
column = torch.tensor([[100.0], [200.0]])  # shape (2, 1)
print("a * 2:\n", a * 2)  # the number is used for every element
print("a + row:\n", a + row)  # the row is added to each of the 2 rows
print("a + column:\n", a + column)  # the column is added to each of the 3 columns
print("shapes:", tuple(a.shape), "+", tuple(row.shape), "->", tuple((a + row).shape))
# --8<-- [end:broadcast]

assert torch.equal(a * a, a**2), "element-wise product should square each element"
assert tuple((a @ a.T).shape) == (2, 2), "a (2x3) times a.T (3x2) should be 2x2"
assert (a @ a.T)[0, 1].item() == 1 * 4 + 2 * 5 + 3 * 6, "matrix product should sum row-by-row products"
assert (a + row)[1, 2].item() == 6.0 + 30.0, "broadcasting should add row[2] to column 2 of every row"
assert (a + column)[1, 0].item() == 4.0 + 200.0, "broadcasting should add column[1] to all of row 1"
