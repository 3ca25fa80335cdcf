"""Lesson 08, exercise 1 solution (PyTorch): dynamic=True compiles once for every length."""
# --8<-- [start:setup]
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
# --8<-- [end:setup]

# --8<-- [start:solution]
graphs = []


def collecting_backend(graph_module, example_inputs):
    graphs.append(graph_module)
    return graph_module.forward


def scaled_sum(x):
    return (x * 2.0).sum()


compiled = torch.compile(scaled_sum, backend=collecting_backend, dynamic=True)  # sizes are symbols from the start
results = [compiled(torch.ones(length, device=device)).item() for length in (3, 4, 5, 6)]
print("results:", results)
print("4 calls with 4 lengths, compiled", len(graphs), "time(s)")
# --8<-- [end:solution]

assert results == [6.0, 8.0, 10.0, 12.0] and len(graphs) == 1
