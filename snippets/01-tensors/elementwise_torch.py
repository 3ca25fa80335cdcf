"""Lesson 01, tensors: arithmetic element by element, the matrix product and reductions in PyTorch."""
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

assert torch.equal(a * a, a**2), "element-wise product should square each element"
assert tuple((a @ a.T).shape) == (2, 2), "a (2x3) times a.T (3x2) should be 2x2"
assert (a @ a.T)[0, 1].item() == 1 * 4 + 2 * 5 + 3 * 6, "matrix product should sum row-by-row products"
assert a.mean(dim=0).tolist() == [2.5, 3.5, 4.5], "the mean along axis 0 averages each column"
