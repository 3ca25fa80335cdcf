"""The harness itself: failures are reported with file and section, state does not leak (the output contract: test_output_contract.py)."""
from __future__ import annotations

import textwrap

import pytest

from tools.snippets.runner import SnippetWorker, framework_of, selected_frameworks
from tools.snippets.sections import parse_sections, section_at


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def bare_worker():
    """A cpu worker that imports no framework: these tests are about the runner, not torch or TensorFlow."""
    with SnippetWorker("cpu", frameworks=(), timeout_s=5) as worker:
        yield worker


def test_failure_names_file_line_and_section(tmp_path, bare_worker):
    path = write(tmp_path, "broken_torch.py", """\
        # --8<-- [start:compute]
        x = 1
        y = x / 0
        # --8<-- [end:compute]
    """)
    result = bare_worker.run(path)
    assert result.status == "error"
    message = result.describe()
    assert str(path) in message and "line 3" in message and "section 'compute'" in message
    assert "ZeroDivisionError" in message


def test_failed_check_is_placed_after_its_section(tmp_path, bare_worker):
    path = write(tmp_path, "check_torch.py", """\
        # --8<-- [start:fit]
        loss = 0.5
        # --8<-- [end:fit]
        assert loss < 0.1, "loss did not fall below 0.1"
    """)
    result = bare_worker.run(path)
    assert result.status == "error"
    assert "checks after section 'fit'" in result.describe()
    assert "loss did not fall below 0.1" in result.describe()


def test_nonzero_exit_is_a_failure_and_zero_exit_is_not(tmp_path, bare_worker):
    assert bare_worker.run(write(tmp_path, "exit1_torch.py", "import sys\nsys.exit(3)\n")).status == "error"
    assert bare_worker.run(write(tmp_path, "exit0_torch.py", "import sys\nprint('bye')\nsys.exit(0)\n")).ok


def test_runs_like_a_script_with_fresh_globals(tmp_path, bare_worker):
    first = write(tmp_path, "first_torch.py", """\
        import os, sys
        leaked = 1
        os.environ["SNIPPET_LEAK"] = "yes"
        print(__name__, os.getcwd() == os.path.dirname(os.path.abspath(__file__)), sys.argv[0] == __file__)
    """)
    second = write(tmp_path, "second_torch.py", """\
        import os
        print("leaked" in globals(), os.environ.get("SNIPPET_LEAK"))
    """)
    assert bare_worker.run(first).stdout == "__main__ True True\n"
    assert bare_worker.run(second).stdout == "False None\n"


def test_timeout_restarts_the_worker(tmp_path, bare_worker):
    hang = write(tmp_path, "hang_torch.py", "import time\ntime.sleep(60)\n")
    result = bare_worker.run(hang, timeout_s=1)
    assert result.status == "timeout" and str(hang) in result.describe()
    assert bare_worker.run(write(tmp_path, "after_torch.py", "print(2 + 2)\n")).stdout == "4\n"


def test_a_crashed_worker_is_reported_and_replaced(tmp_path, bare_worker):
    result = bare_worker.run(write(tmp_path, "crash_torch.py", "import os\nos._exit(7)\n"))
    assert result.status == "crashed"
    assert bare_worker.run(write(tmp_path, "alive_torch.py", "print('alive')\n")).ok


def test_cpu_mode_hides_accelerators(tmp_path, bare_worker):
    path = write(tmp_path, "env_torch.py", "import os\nprint(repr(os.environ['CUDA_VISIBLE_DEVICES']))\n")
    assert bare_worker.run(path).stdout == "''\n"


def test_sections_and_where_a_line_lies(tmp_path):
    path = write(tmp_path, "s_torch.py", """\
        # --8<-- [start:a]
        a = 1
        # --8<-- [end:a]
        check = 2
    """)
    assert list(parse_sections(path)) == ["a"]
    assert section_at(path, 2) == "section 'a'"
    assert section_at(path, 4) == "checks after section 'a'"


def test_unbalanced_sections_are_rejected(tmp_path):
    path = write(tmp_path, "u_torch.py", "# --8<-- [start:a]\nx = 1\n")
    with pytest.raises(ValueError, match="never closed"):
        parse_sections(path)


def test_framework_selection(monkeypatch):
    assert framework_of("01-tensors/create_torch.py") == "torch"
    assert framework_of("01-tensors/create_tf.py") == "tensorflow"
    monkeypatch.setenv("SNIPPET_FRAMEWORKS", "torch")
    assert selected_frameworks() == ("torch",)
    monkeypatch.setenv("SNIPPET_FRAMEWORKS", "pytorch, tf")
    assert selected_frameworks() == ("torch", "tensorflow")
    monkeypatch.setenv("SNIPPET_FRAMEWORKS", "jax")
    with pytest.raises(ValueError):
        selected_frameworks()
