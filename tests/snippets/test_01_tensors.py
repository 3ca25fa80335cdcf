"""Lesson 01-tensors: every snippet runs on each device and prints what the page shows."""
import re

import pytest

from tools.snippets.outputs import assert_matches_stored_output

EXAMPLES = [
    "01-tensors/create_torch.py",
    "01-tensors/create_tf.py",
    "01-tensors/dtypes_torch.py",
    "01-tensors/dtypes_tf.py",
    "01-tensors/cast_torch.py",
    "01-tensors/cast_tf.py",
    "01-tensors/reshape_torch.py",
    "01-tensors/reshape_tf.py",
    "01-tensors/indexing_torch.py",
    "01-tensors/indexing_tf.py",
    "01-tensors/elementwise_torch.py",
    "01-tensors/elementwise_tf.py",
    "01-tensors/broadcasting_torch.py",
    "01-tensors/broadcasting_tf.py",
    "01-tensors/activations_torch.py",
    "01-tensors/activations_tf.py",
    "01-tensors/device_torch.py",
    "01-tensors/device_tf.py",
    "01-tensors/exercise_1_rows_columns_torch.py",
    "01-tensors/exercise_1_rows_columns_tf.py",
    "01-tensors/exercise_2_broadcast_shapes_torch.py",
    "01-tensors/exercise_2_broadcast_shapes_tf.py",
    "01-tensors/exercise_3_softmax_torch.py",
    "01-tensors/exercise_3_softmax_tf.py",
    "01-tensors/exercise_4_device_product_torch.py",
    "01-tensors/exercise_4_device_product_tf.py",
]
FRAMEWORKS = ["torch", "tf"]


def printed(stdout: str, prefix: str) -> str:
    """What a snippet printed after `prefix` on the first line that starts with it."""
    found = [line[len(prefix):].strip() for line in stdout.splitlines() if line.startswith(prefix)]
    assert found, f"no line starting with {prefix!r} in:\n{stdout}"
    return found[0]


@pytest.mark.parametrize("snippet", EXAMPLES)
def test_snippet(snippet, run_snippet):
    assert_matches_stored_output(run_snippet(snippet))


@pytest.mark.parametrize("snippet", ["01-tensors/reshape_torch.py", "01-tensors/reshape_tf.py"])
def test_reshape_prints_the_same_shapes_in_both_frameworks(snippet, run_snippet):
    shapes = dict(re.findall(r"^(\w+\(.*?\)): (\(.*\))$", run_snippet(snippet).stdout, re.MULTILINE))
    assert shapes["reshape(3, 4)"] == "(3, 4)"
    assert shapes["reshape(2, -1)"] == "(2, 6)"  # 12 numbers in 2 rows


@pytest.mark.parametrize("snippet", ["01-tensors/activations_torch.py", "01-tensors/activations_tf.py"])
def test_sigmoid_values_match_the_formula(snippet, run_snippet):
    import math

    line = next(line for line in run_snippet(snippet).stdout.splitlines() if line.startswith("sigmoid:"))
    printed = [float(value) for value in re.findall(r"\d+\.\d+", line)]
    assert printed == pytest.approx([1 / (1 + math.exp(-z)) for z in (-2.0, 0.0, 2.0)], abs=1e-4)


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_numpy_floats_stay_float64_and_a_float32_layer_refuses_them(framework, run_snippet):
    stdout = run_snippet(f"01-tensors/dtypes_{framework}.py").stdout
    assert printed(stdout, "from a list:").endswith("float32"), "Python floats should become float32"
    assert printed(stdout, "from numpy:").split()[-1].endswith("float64"), "numpy floats should stay float64"
    error = "RuntimeError:" if framework == "torch" else "InvalidArgumentError:"
    assert any(line.startswith(error) for line in stdout.splitlines()), "the page shows the error a float64 input raises"


def test_the_frameworks_count_with_different_integer_types(run_snippet):
    torch_line = printed(run_snippet("01-tensors/dtypes_torch.py").stdout, "torch.arange(3):")
    tf_line = printed(run_snippet("01-tensors/dtypes_tf.py").stdout, "tf.range(3):")
    assert torch_line.split()[0] == "torch.int64" and tf_line.split()[0] == "int32"
    assert torch_line.endswith("int64") and tf_line.endswith("int64"), "integers from numpy stay int64 in both"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_casting_makes_float32_and_truncates_to_integers(framework, run_snippet):
    stdout = run_snippet(f"01-tensors/cast_{framework}.py").stdout
    assert printed(stdout, "after .astype(np.float32):").endswith("float32")
    truncated = printed(stdout, "float32 to int64:" if framework == "torch" else "float32 to int32:")
    assert re.findall(r"-?\d+", truncated)[-2:] == ["1", "-1"], "1.7 and -1.7 should become 1 and -1"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_indexing_prints_the_row_column_and_block_the_page_describes(framework, run_snippet):
    stdout = run_snippet(f"01-tensors/indexing_{framework}.py").stdout
    def ints(prefix):
        return [int(value) for value in re.findall(r"-?\d+", printed(stdout, prefix))]
    assert ints("x[1]:")[-4:] == [4, 5, 6, 7]
    assert ints("x[:, 2]:")[-3:] == [2, 6, 10]
    assert ints("x[-1]:")[-4:] == [8, 9, 10, 11]
    item = "x[1, 2].item():" if framework == "torch" else "x[1, 2].numpy().item():"
    assert printed(stdout, item) == "6 int", "one element should come out as the Python int 6"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_broadcasting_a_column_and_a_row_gives_the_table_in_the_figure(framework, run_snippet):
    stdout = run_snippet(f"01-tensors/broadcasting_{framework}.py").stdout
    assert "shapes: (3, 1) + (1, 4) -> (3, 4)" in stdout.splitlines()
    table = stdout.split("shapes: (3, 1) + (1, 4) -> (3, 4)")[1]
    assert [int(value) for value in re.findall(r"\d+", table)] == [10 * i + j for i in range(3) for j in range(1, 5)]


def test_the_same_broadcasting_figure_for_both_frameworks(snippet_workers, tmp_path):
    """Both programs draw broadcasting.png from their own tensors; the page shows one picture for both."""
    pictures = {}
    for framework in FRAMEWORKS:
        result = snippet_workers.get("cpu").run(f"01-tensors/broadcasting_{framework}.py", output_dir=tmp_path / framework)
        assert result.ok, result.describe()
        pictures[framework] = (tmp_path / framework / "broadcasting.png").read_bytes()
    assert pictures["torch"] == pictures["tf"]


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_exercise_solutions_print_the_answers(framework, run_snippet):
    rows = run_snippet(f"01-tensors/exercise_1_rows_columns_{framework}.py").stdout
    assert printed(rows, "numbers[2, 3]:") == "13 int"
    shapes = run_snippet(f"01-tensors/exercise_2_broadcast_shapes_{framework}.py").stdout
    assert printed(shapes, "(2, 1, 3) + (4, 1) ->") == "(2, 4, 3)"
    assert "Error" in printed(shapes, "(3, 4) + (4, 3) ->"), "(3, 4) + (4, 3) should raise an error"
    softmax = run_snippet(f"01-tensors/exercise_3_softmax_{framework}.py").stdout
    assert "nan" in printed(softmax, "by hand, score 1000:"), "the naive softmax overflows"
    assert "nan" not in printed(softmax, "stable, score 1000:")
    product = run_snippet(f"01-tensors/exercise_4_device_product_{framework}.py").stdout
    assert printed(product, "same product:") == "True"
