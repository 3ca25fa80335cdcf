"""Lesson 08, graphs: what a graph buys (less Python overhead) and costs (the first call); only stable facts are printed."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import time

import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:timing]
def step(x):  # a few small operations, like one step of a small model
    for _ in range(20):
        x = tf.tanh(x @ tf.eye(8)) + 0.1
    return x


graph_step = tf.function(step)
x = tf.ones((8, 8))


def seconds(function):
    started = time.perf_counter()
    function(x)
    return time.perf_counter() - started


first_call = seconds(graph_step)  # tracing and optimizing the graph happen here
later_calls = np.median([seconds(graph_step) for _ in range(50)])
eager_calls = np.median([seconds(step) for _ in range(50)])
print("the first call (with tracing) took longer than a later call:", first_call > 5 * later_calls)
print("a graph call took less time than running the same code eagerly:", later_calls < eager_calls)
print("same result in the graph and eagerly:", np.allclose(graph_step(x), step(x), atol=1e-6))
# --8<-- [end:timing]

assert first_call > 5 * later_calls, "tracing makes the first call much slower than the later ones"
assert later_calls < eager_calls, "for many small operations the graph saves the Python overhead"
