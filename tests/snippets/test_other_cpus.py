"""The stored outputs hold on other CPUs: every snippet again, with the frameworks told to use other
instruction sets and thread counts.

A learner's machine is not ours: AVX-512 or no AVX2, 16 threads or one, MKL or
oneDNN on another code path. Each changes the last bits of float32 results, and
long training amplifies them. The output contract (tools/snippets/contract.py)
says which printed numbers may move and by how much; these runs show the
contract is wide enough, on this machine, for the knobs we can turn here
(an ISA can be lowered, not raised). What they cannot reach, a real AVX-512 or
Apple Silicon CPU and a GPU, is covered by the declared tolerances' margins and
the [gpu] cases.
"""
import pytest

from tools.snippets.outputs import all_snippets, output_differences
from tools.snippets.runner import SnippetWorker, framework_of, selected_frameworks

CONFIGURATIONS = {
    # PyTorch's own kernels without AVX2 (what an old or emulated x86 CPU runs).
    "torch-generic-kernels": {"ATEN_CPU_CAPABILITY": "default"},
    # MKL and oneDNN (used by PyTorch and TensorFlow for matrix products) limited to SSE4.
    "blas-sse4": {"MKL_ENABLE_INSTRUCTIONS": "SSE4_2", "ONEDNN_MAX_CPU_ISA": "SSE41"},
    # Four threads in every pool: other summation orders in parallel reductions.
    "four-threads": {"OMP_NUM_THREADS": "4", "MKL_NUM_THREADS": "4",
                     "TF_NUM_INTRAOP_THREADS": "4", "TF_NUM_INTEROP_THREADS": "4"},
    # TensorFlow without oneDNN (its Eigen kernels, as on ARM) and MKL in its reproducible mode.
    "tf-eigen-mkl-compatible": {"TF_ENABLE_ONEDNN_OPTS": "0", "MKL_CBWR": "COMPATIBLE"},
}
SNIPPETS = [s for s in all_snippets() if framework_of(s) in selected_frameworks()]


@pytest.fixture(scope="module", params=sorted(CONFIGURATIONS))
def other_cpu(request):
    worker = SnippetWorker("cpu", extra_env=CONFIGURATIONS[request.param])
    worker.start()
    yield worker
    worker.close()


@pytest.mark.slow
@pytest.mark.parametrize("snippet", SNIPPETS)
def test_stored_output_holds_on_another_cpu(other_cpu, snippet, tmp_path):
    result = other_cpu.run(snippet, output_dir=tmp_path)
    assert result.ok, result.describe()
    found = output_differences(result)
    assert not found, (f"{result.label} under {other_cpu.extra_env} breaks the output contract; "
                       "declare what legitimately varies with `# varies ...` on its print, with the reason:\n  "
                       + "\n  ".join(found))


def test_the_configurations_change_the_numbers(tmp_path):
    """Guard against knobs that do nothing: at least one configuration must move a training result,
    or the runs above would prove nothing about other CPUs."""
    snippet = "04-overfitting/learning_curves_torch.py"
    printed = {}
    for name, env in [("here", {}), ("torch-generic-kernels", CONFIGURATIONS["torch-generic-kernels"])]:
        with SnippetWorker("cpu", frameworks=("torch",), extra_env=env) as worker:
            result = worker.run(snippet, output_dir=tmp_path)
            assert result.ok, result.describe()
            printed[name] = result.stdout
    assert printed["here"] != printed["torch-generic-kernels"], (
        "ATEN_CPU_CAPABILITY=default no longer changes the printed losses; pick knobs that do")
