"""Lesson 08, graphs: torch.compile captures a graph on the first call, recompiles for new shapes, keeps Python's meaning."""
# --8<-- [start:setup]
import time

import numpy as np
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
# --8<-- [end:setup]

# --8<-- [start:trace]
graphs = []  # every graph torch.compile captures is handed to a backend; this one only collects them


def collecting_backend(graph_module, example_inputs):
    graphs.append(graph_module)
    return graph_module.forward  # run the graph as it is; the default backend would generate fast code here


def scaled_sum(x):
    return (x * 2.0).sum()


compiled = torch.compile(scaled_sum, backend=collecting_backend)
for _ in range(3):
    result = compiled(torch.ones(3, device=device))
print("3 calls, graphs captured:", len(graphs), " result", result.item())

compiled(torch.ones(4, device=device))  # a new shape: PyTorch compiles again, now for any length
compiled(torch.ones(5, device=device))  # covered by the second graph: no new compilation
print("5 calls, graphs captured:", len(graphs))
# --8<-- [end:trace]

# --8<-- [start:side_effects]
def noisy_double(x):
    print("  Python is running noisy_double")  # cannot go into a graph: it runs on every call
    return x * 2.0


compiled_noisy = torch.compile(noisy_double, backend=collecting_backend)
for _ in range(2):
    compiled_noisy(torch.ones(3, device=device))
# --8<-- [end:side_effects]

assert len(graphs) >= 3, "two graphs for scaled_sum, at least one for noisy_double"
