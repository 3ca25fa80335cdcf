"""Lesson 08, exercise 1 solution (TensorFlow): an input signature with an open length traces once for every length."""
# --8<-- [start:setup]
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's start-up log lines
import tensorflow as tf
# --8<-- [end:setup]

# --8<-- [start:solution]
python_runs = []


@tf.function(input_signature=[tf.TensorSpec(shape=[None], dtype=tf.float32)])  # None: any length
def scaled_sum(x):
    python_runs.append(x.shape)
    return tf.reduce_sum(x * 2.0)


results = [float(scaled_sum(tf.ones(length))) for length in (3, 4, 5, 6)]
print("results:", results)
print("4 calls with 4 lengths, traced", len(python_runs), "time(s), for shape", python_runs[0])
# --8<-- [end:solution]

assert results == [6.0, 8.0, 10.0, 12.0] and len(python_runs) == 1
assert python_runs[0].as_list() == [None], "the one graph works for any length"
