"""Lesson 01, tensors, exercise 4: a large matrix product on the CPU and on the chosen device, in PyTorch."""
# --8<-- [start:setup]
import time

import torch

torch.manual_seed(0)
# --8<-- [end:setup]

# --8<-- [start:solution]
device = "cuda" if torch.cuda.is_available() else "cpu"
a = torch.rand(1000, 1000)
b = torch.rand(1000, 1000)


def timed_product(x, y):
    x @ y  # a first product warms up (a GPU loads its libraries on first use)
    start = time.perf_counter()
    product = x @ y
    if product.is_cuda:
        torch.cuda.synchronize()  # the GPU works in the background: wait until it is done
    return product, time.perf_counter() - start


on_cpu, cpu_seconds = timed_product(a, b)
on_device, device_seconds = timed_product(a.to(device), b.to(device))  # copy the inputs once, before timing
print("device:", device)
# varies ±100% with the hardware: a time depends on the machine and on what else it is doing
print(f"seconds on the CPU: {cpu_seconds:.4f}, on the device {device}: {device_seconds:.4f}")
print("same product:", torch.allclose(on_cpu, on_device.cpu(), rtol=1e-2))  # never == for float results
# --8<-- [end:solution]

assert torch.allclose(on_cpu, on_device.cpu(), rtol=1e-2), "both devices should compute the same product"
assert cpu_seconds > 0 and device_seconds > 0, "both products should have been timed"
