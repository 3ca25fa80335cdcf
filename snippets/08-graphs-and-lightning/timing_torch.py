"""Lesson 08, graphs: what a graph buys (less Python overhead) and costs (the first call); only stable facts are printed."""
# --8<-- [start:setup]
import time

import numpy as np
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
# --8<-- [end:setup]


def collecting_backend(graph_module, example_inputs):  # as on the page: collects graphs, runs them as they are
    graphs.append(graph_module)
    return graph_module.forward


graphs = []


# --8<-- [start:timing]
def step(x):  # a few small operations, like one step of a small model
    for _ in range(20):
        x = torch.tanh(x @ torch.eye(8, device=device)) + 0.1
    return x


compiled_step = torch.compile(step, backend=collecting_backend)
x = torch.ones(8, 8, device=device)


def seconds(function):
    started = time.perf_counter()
    function(x)
    return time.perf_counter() - started


first_call = seconds(compiled_step)  # capturing the graph happens here
later_calls = np.median([seconds(compiled_step) for _ in range(50)])
print("the first call (with compiling) took longer than a later call:", first_call > 5 * later_calls)
print("same result compiled and eagerly:", torch.allclose(compiled_step(x), step(x), atol=1e-6))
# --8<-- [end:timing]

assert first_call > 5 * later_calls, "compiling makes the first call much slower than the later ones"
