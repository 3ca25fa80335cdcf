"""Lesson 08-graphs-and-lightning: graphs are traced once per shape and agree with eager code; Lightning's Trainer
and Keras's fit() run exactly the steps of the hand-written loop."""
import re

import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "08-graphs-and-lightning/graph_torch.py",
    "08-graphs-and-lightning/graph_tf.py",
    "08-graphs-and-lightning/timing_torch.py",
    "08-graphs-and-lightning/timing_tf.py",
    "08-graphs-and-lightning/lightning_torch.py",
    "08-graphs-and-lightning/lightning_tf.py",
    "08-graphs-and-lightning/signature_torch.py",
    "08-graphs-and-lightning/signature_tf.py",
]
FRAMEWORKS = ["torch", "tf"]


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


def test_tf_function_traces_once_per_shape(run_snippet):
    stdout = run_snippet("08-graphs-and-lightning/graph_tf.py").stdout
    assert stdout.count("tracing scaled_sum") == 2, "one trace for shape (3,), one for (4,)"
    assert "3 calls, Python ran 1 time(s)" in stdout and "5 calls, Python ran 2 time(s)" in stdout


def test_torch_compile_captures_a_graph_per_shape_then_a_dynamic_one(run_snippet):
    stdout = run_snippet("08-graphs-and-lightning/graph_torch.py").stdout
    assert "3 calls, graphs captured: 1" in stdout and "5 calls, graphs captured: 2" in stdout
    assert stdout.count("Python is running noisy_double") == 2, "a print in a compiled function runs every call"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_the_first_call_pays_for_the_graph_and_results_agree(framework, run_snippet):
    stdout = run_snippet(f"08-graphs-and-lightning/timing_{framework}.py").stdout
    assert re.search(r"the first call \(with (tracing|compiling)\) took longer than a later call: True", stdout)
    assert re.search(r"same result (in the graph|compiled) and eagerly: True", stdout)
    if framework == "tf":
        assert "a graph call took less time than running the same code eagerly: True" in stdout


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_the_library_loop_matches_the_hand_written_one(framework, run_snippet):
    stdout = run_snippet(f"08-graphs-and-lightning/lightning_{framework}.py").stdout
    results = re.findall(r"loss ([\d.]+)  accuracy ([\d.]+)", stdout)
    assert len(results) == 2 and results[0] == results[1], "same loss and accuracy, by hand and by the library"
    assert "same weights as the hand-written loop: True" in stdout
    assert 0.9 < float(results[0][1]) <= 0.98


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_a_signature_without_a_fixed_length_compiles_once(framework, run_snippet):
    stdout = run_snippet(f"08-graphs-and-lightning/signature_{framework}.py").stdout
    assert re.search(r"4 calls with 4 lengths, (traced|compiled) 1 time", stdout), stdout
