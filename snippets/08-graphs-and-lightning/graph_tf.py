"""Lesson 08, graphs: tf.function traces Python once per input signature, then runs the graph; what that buys and costs."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import time

import numpy as np
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:trace]
python_runs = []  # a Python list: only Python code can append to it


@tf.function  # the first call traces the Python code into a graph; later calls run the graph
def scaled_sum(x):
    python_runs.append(x.shape)  # a Python side effect: happens only while tracing
    print("  tracing scaled_sum for shape", x.shape)  # a Python print, too: only while tracing
    return tf.reduce_sum(x * 2.0)


for _ in range(3):
    result = scaled_sum(tf.ones(3))
print("3 calls, Python ran", len(python_runs), "time(s), result", float(result))

scaled_sum(tf.ones(4))  # a new shape: TensorFlow traces again
scaled_sum(tf.ones(3))  # a shape it has seen: the first graph, no tracing
print("5 calls, Python ran", len(python_runs), "time(s)")
# --8<-- [end:trace]

assert len(python_runs) == 2 and python_runs[0] == (3,) and python_runs[1] == (4,)
