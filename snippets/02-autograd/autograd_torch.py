"""Lesson 02, automatic gradients: autograd in PyTorch (the page before it was rewritten).

Kept only for the translations of this lesson made before the page was rewritten: they still
include these sections. The English page uses
gradients_torch.py and second_time_torch.py instead; delete this file
when no translation includes it any more (`grep -r "02-autograd/autograd_torch.py" docs/`).
"""
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

# --8<-- [start:again]
first = x.grad.item()
y = x**2 + 3 * x
y.backward()  # a second backward() ADDS to x.grad
print("after a second backward():", x.grad.item())
x.grad.zero_()  # so training loops reset gradients before each step
print("after zero_():", x.grad.item())
# --8<-- [end:again]

assert first == 2 * 2.0 + 3, "dy/dx of x² + 3x at x = 2 should be 7"
assert torch.equal(w.grad, inputs), "the gradient of w·inputs with respect to w should be inputs"
assert x.grad.item() == 0.0, "zero_() should reset the stored gradient"
