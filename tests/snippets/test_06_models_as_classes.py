"""Lesson 06-models-as-classes: custom layers and model classes count and train like built-in ones; saving and loading gives back the same model."""
import re

import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "06-models-as-classes/custom_layer_torch.py",
    "06-models-as-classes/custom_layer_tf.py",
    "06-models-as-classes/model_class_torch.py",
    "06-models-as-classes/model_class_tf.py",
    "06-models-as-classes/save_load_torch.py",
    "06-models-as-classes/save_load_tf.py",
    "06-models-as-classes/standardize_torch.py",
    "06-models-as-classes/standardize_tf.py",
]
FRAMEWORKS = ["torch", "tf"]


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_custom_layer_has_the_parameters_of_a_built_in_one(framework, run_snippet):
    stdout = run_snippet(f"06-models-as-classes/custom_layer_{framework}.py").stdout
    shapes = re.findall(r"^\S+\s+(\(.*\))$", stdout, re.MULTILINE)
    assert shapes == ["(2, 8)", "(8,)", "(8, 1)", "(1,)"], stdout
    assert "output shape: (5, 1)" in stdout


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_model_class_trains_to_the_best_border(framework, run_snippet):
    stdout = run_snippet(f"06-models-as-classes/model_class_{framework}.py").stdout
    assert "parameters: 33" in stdout
    losses = [float(value) for value in re.findall(r"loss ([\d.]+)", stdout)]
    accuracy = float(re.search(r"training accuracy: ([\d.]+)", stdout).group(1))
    assert losses[-1] < losses[0] / 3, "training should lower the loss"
    assert 0.9 < accuracy <= 0.98, "the clouds overlap: about 96% is the best possible"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_loading_gives_back_the_trained_model(framework, run_snippet):
    stdout = run_snippet(f"06-models-as-classes/save_load_{framework}.py").stdout
    assert "same predictions after loading: True" in stdout
    assert "same as a new, untrained CloudNet: False" in stdout


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_standardize_state_is_saved_but_not_trained(framework, run_snippet):
    stdout = run_snippet(f"06-models-as-classes/standardize_{framework}.py").stdout
    trained = re.search(r"^trained: (.*)$", stdout, re.MULTILINE).group(1)
    saved = re.search(r"^saved: +(.*)$", stdout, re.MULTILINE).group(1)
    assert "mean" not in trained and "std" not in trained
    assert "mean" in saved and "std" in saved
    assert "mean unchanged by training: True" in stdout
    assert re.search(r"same predictions after \S+: True", stdout)
