"""Lesson 02, automatic gradients: a second backward() adds to .grad, and zero_() resets it, in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:again]
x = torch.tensor(2.0, requires_grad=True)
y = x**2 + 3 * x
y.backward()
print("after one backward():", x.grad.item())
y = x**2 + 3 * x  # the same computation again
y.backward()  # a second backward() ADDS to x.grad
print("after a second backward():", x.grad.item())
x.grad.zero_()  # so training loops reset gradients before each step
print("after zero_():", x.grad.item())
# --8<-- [end:again]

assert x.grad.item() == 0.0, "zero_() should reset the stored gradient"
y = x**2 + 3 * x
y.backward()
y = x**2 + 3 * x
y.backward()
assert x.grad.item() == 2 * (2 * 2.0 + 3), "two backward() calls should store twice the gradient 7"
