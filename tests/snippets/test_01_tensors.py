"""Lesson 01-tensors: every snippet runs and prints what the page shows."""
import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = ["01-tensors/create_torch.py"]


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))
