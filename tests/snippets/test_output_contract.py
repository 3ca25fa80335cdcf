"""The output contract: what must match exactly, what a snippet may declare to vary, and the errors for bad declarations."""
from __future__ import annotations

import textwrap

import pytest

from tools.snippets.compare import differences
from tools.snippets.contract import ContractError, declarations
from tools.snippets.outputs import all_snippets
from tools.snippets import SNIPPETS_DIR


def snippet(tmp_path, body: str):
    path = tmp_path / "example_torch.py"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("expected", "actual", "match"),
    [
        ("loss: 0.1234\n", "loss: 0.1234\n", True),
        ("loss: 0.1234\n", "loss: 0.1235\n", True),  # the last printed digit of a value on a rounding boundary
        ("loss: 0.1234\n", "loss: 0.1236\n", False),  # two units off is a real change
        ("weight 18.0795\n", "weight 18.0796\n", True),
        ("loss: 0.1234\n", "cost: 0.1234\n", False),  # text is exact
        ("shape: (2, 3)\n", "shape: (3, 2)\n", False),  # integers are exact
        ("16897 parameters\n", "16898 parameters\n", False),
        ("torch.float32\n", "torch.float64\n", False),  # dtypes are text
        ("a\nb\n", "a\n", False),  # line counts are exact
        ("float32 1e-06\n", "float32 1.0e-06\n", True),
        ("tiny 1.50e-03\n", "tiny 1.51e-03\n", True),
        ("tiny 1.50e-03\n", "tiny 1.60e-03\n", False),
        ("nan\n", "nan\n", True),
        ("nan\n", "0.5\n", False),
    ],
)
def test_undeclared_lines_are_exact(expected, actual, match):
    assert (differences(expected, actual) == []) is match


def test_a_declared_line_varies_within_its_tolerance_and_others_stay_exact(tmp_path):
    path = snippet(tmp_path, """\
        print(f"parameters {16897}")
        for epoch in (0, 299):
            # varies ±0.03 or ±5% with the hardware: long training amplifies last-bit differences
            print(f"epoch {epoch:3d}  train {0.5:.4f}")
        print(f"best {0.1144:.4f}")
    """)
    stored = "parameters 16897\nepoch   0  train 0.4391\nepoch 299  train 0.0209\nbest 0.1144\n"
    assert differences(stored, stored.replace("0.0209", "0.0400"), snippet=path) == []  # within ±0.03
    assert differences(stored, stored.replace("0.4391", "0.4600"), snippet=path) == []  # within ±5%
    beyond = differences(stored, stored.replace("0.0209", "0.0600"), snippet=path)
    assert beyond and "declared at example_torch.py:3" in beyond[0]
    assert differences(stored, stored.replace("epoch 299", "epoch 298"), snippet=path), "integers stay exact"
    exact = differences(stored, stored.replace("0.1144", "0.1150"), snippet=path)
    assert exact and "(exact)" in exact[0], "a line without a declaration stays exact"


def test_gpu_only_declarations_do_not_loosen_the_cpu_runs(tmp_path):
    path = snippet(tmp_path, """\
        # varies ±0.05 on a GPU: CUDA draws other dropout masks
        print(f"with dropout {0.13:.4f}")
    """)
    stored, moved = "with dropout 0.1312\n", "with dropout 0.1600\n"
    assert differences(stored, moved, "cpu", path)
    assert differences(stored, moved, "gpu", path) == []


def test_gpu_runs_normalize_device_names_and_allow_float32_reordering():
    expected = "device: cpu\non GPU: False\nloss: 0.2500\n"
    actual = "device: cuda\non GPU: True\nloss: 0.2510\n"
    assert differences(expected, actual, "cpu") != []
    assert differences(expected, actual, "gpu") == []
    assert differences("loss: 0.25\n", "loss: 0.30\n", "gpu") != []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('# varies ±5% with the hardware\nprint(f"{1.0}")\n', "reason is required"),
        ('# varies a bit: training\nprint(f"{1.0}")\n', "cannot read"),
        ('# varies ±5% with the hardware: training\nx = 1\n', "must sit on or just above a print"),
    ],
)
def test_a_bad_declaration_names_the_file_line_and_fix(tmp_path, body, message):
    path = snippet(tmp_path, body)
    with pytest.raises(ContractError, match=message) as raised:
        declarations(path)
    assert f"{path}:1" in str(raised.value)


def test_a_declaration_that_matches_no_printed_line_is_an_error(tmp_path):
    path = snippet(tmp_path, """\
        # varies ±5% with the hardware: training
        print(f"train {0.5:.4f}")
    """)
    found = differences("validation 0.5000\n", "validation 0.5000\n", snippet=path)
    assert found == [f"{path}:1: this `# varies` comment matches no line of the stored output; "
                     "remove it or put it on the print it describes"]


@pytest.mark.parametrize("name", all_snippets())
def test_every_declaration_in_the_project_gives_a_reason(name):
    for declaration in declarations(SNIPPETS_DIR / name):
        assert len(declaration.reason.split()) >= 5, f"{name}:{declaration.line}: say why the output varies"
