"""Lesson 02, automatic gradients: the gradient of a function of one number and of three numbers, with autograd in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:scalar]
x = torch.tensor(2.0, requires_grad=True)  # ask PyTorch to record what we compute from x
y = x**2 + 3 * x  # y = x² + 3x
y.backward()  # work out dy/dx and store it in x.grad
print("y =", y.item())
print("dy/dx at x = 2:", x.grad.item())  # 2x + 3 = 7
# --8<-- [end:scalar]

# --8<-- [start:vector]
w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
inputs = torch.tensor([3.0, 1.0, 4.0])
out = (w * inputs).sum()  # out = w·inputs, so d(out)/dw = inputs
out.backward()
print("gradient with respect to w:", w.grad)
# --8<-- [end:vector]

assert x.grad.item() == 2 * 2.0 + 3, "dy/dx of x² + 3x at x = 2 should be 7"
assert torch.equal(w.grad, inputs), "the gradient of w·inputs with respect to w should be inputs"
