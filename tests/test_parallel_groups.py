"""`make test` runs in parallel: tests that share session state stay in one pytest-xdist worker.

Runs pytest-xdist for real (two workers, `--dist loadgroup`, as the Makefile does) on two
quick modules in a grouped folder (tests/snippets: both must run in the same worker) and one
elsewhere (tests/translations: a module is a unit of its own, so it runs in one worker too).
This guards xdist_groups.py's FolderGroups, which overrides a method of xdist's
loadscope scheduler: if a new xdist renames it, the snippet tests spread and this fails.
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict

from site_build import REPO_ROOT
from xdist_groups import folder_group

GROUPED = ("tests/snippets/test_output_contract.py", "tests/snippets/test_prose_numbers.py",
           "tests/snippets/test_snippet_coverage.py")
FREE = "tests/translations/test_translation_problem_codes.py"


def test_folder_groups_name_the_grouped_folders_only():
    assert folder_group("tests/browser/test_browser_search.py::test_x[en]") == "browser"
    assert folder_group("tests/site/test_links.py::test_y") == "site"
    assert folder_group("tests/translations/test_translation_cli.py::test_z[a-b]") == \
        "tests/translations/test_translation_cli.py"


def test_a_grouped_folder_runs_in_one_worker():
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadgroup",
         "-v", *GROUPED, FREE],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    workers = defaultdict(set)
    for worker, nodeid in re.findall(r"^\[(gw\d+)\] \[ *\d+%\] PASSED (\S+)", done.stdout, re.M):
        workers[nodeid.split("::")[0]].add(worker)
    assert set(workers) == {*GROUPED, FREE}, done.stdout[-3000:]
    grouped = set().union(*(workers[module] for module in GROUPED))
    assert len(grouped) == 1, f"the tests/snippets modules ran in workers {sorted(grouped)}"
    assert len(workers[FREE]) == 1, f"{FREE} ran in workers {sorted(workers[FREE])}"
