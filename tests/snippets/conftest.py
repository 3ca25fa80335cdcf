"""Fixtures for the snippet tests: every test that runs a snippet has a cpu and a gpu case (ids end in -cpu] and -gpu]).

Usage in tests/snippets/test_<NN>_<name>.py:

    from tools.snippets.outputs import assert_matches_stored_output

    EXAMPLES = ["01-tensors/create_torch.py", "01-tensors/create_tf.py"]

    @pytest.mark.parametrize("snippet", EXAMPLES)
    def test_snippet(snippet, run_snippet):
        assert_matches_stored_output(run_snippet(snippet))

`run_snippet(relpath)` runs the file in a persistent worker for the case's device
mode (frameworks imported once per session) and fails naming the file and section
when it raises or times out. The [gpu] case is skipped with "no CUDA GPU visible"
(torch) or "no GPU device visible" (TensorFlow) when the worker sees none, and
FAILS with that reason when REQUIRE_GPU=1 (the GPU workflow sets it, so a runner
that lost its GPU cannot pass by skipping); SNIPPET_FRAMEWORKS=torch skips
TensorFlow snippets with a reason saying so.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) does not put the root on sys.path
    sys.path.insert(0, str(_ROOT))

from tools.snippets.runner import WorkerPool, framework_of, selected_frameworks  # noqa: E402


def gpu_required() -> bool:
    return os.environ.get("REQUIRE_GPU", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture(scope="session")
def snippet_workers():
    pool = WorkerPool()
    pool.launch("cpu", "gpu")  # both import the frameworks at once; the gpu one closes if it sees no GPU
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def snippet_output_dir(tmp_path_factory):
    """Plots go here during tests, so a test run never rewrites files in the repository."""
    return tmp_path_factory.mktemp("snippet-output")


@pytest.hookimpl(trylast=True)
def pytest_generate_tests(metafunc):
    """Every test that uses `device` runs twice; added last, so test ids end in -cpu] / -gpu]."""
    if "device" in metafunc.fixturenames:
        metafunc.parametrize("device", ["cpu", "gpu"])


@pytest.fixture(scope="session")
def snippet_results():
    return {}


@pytest.fixture
def run_snippet(device, snippet_workers, snippet_output_dir, snippet_results):
    def run(snippet: str):
        framework = framework_of(snippet)
        if framework is None:
            pytest.fail(f"snippets/{snippet}: name must end in _torch.py or _tf.py", pytrace=False)
        if framework not in selected_frameworks():
            pytest.skip(f"SNIPPET_FRAMEWORKS excludes {framework}")
        if device == "gpu":
            reason = snippet_workers.gpu_missing_reason(framework)
            if reason and gpu_required():
                pytest.fail(f"REQUIRE_GPU=1 but {reason} for {framework} (snippets/{snippet}); "
                            "check the driver (nvidia-smi) and that the CUDA builds of the frameworks are installed",
                            pytrace=False)
            if reason:
                pytest.skip(reason)
        key = (device, snippet)
        if key not in snippet_results:  # seeds are fixed, so a second run would print the same
            snippet_results[key] = snippet_workers.get(device).run(snippet, output_dir=snippet_output_dir)
        result = snippet_results[key]
        if not result.ok:
            pytest.fail(result.describe(), pytrace=False)
        return result

    return run
