"""Lesson 01, tensors: moving a tensor to a GPU and back in PyTorch."""
# --8<-- [start:setup]
import torch
# --8<-- [end:setup]

# --8<-- [start:device]
device = "cuda" if torch.cuda.is_available() else "cpu"
print("device chosen:", device)

x = torch.ones(2, 3)  # tensors start in main memory (the CPU)
x_on_device = x.to(device)  # a copy in GPU memory; on a CPU-only machine, x itself
total = (x_on_device * 2).sum(dim=1)  # computed where the data is
back = total.cpu()  # back to main memory, for example to use numpy
print("x_on_device is on device:", x_on_device.device)
print("back in main memory:", back.numpy())
# --8<-- [end:device]

assert x_on_device.device.type == device, "x_on_device should be on the chosen device"
assert back.device.type == "cpu", ".cpu() should bring the result back to main memory"
assert back.tolist() == [6.0, 6.0], "each row of twos should sum to 6"
