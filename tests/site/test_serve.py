"""`mkdocs serve` on all six languages: an edit shows in English first, then everywhere.

the coop-i18n plugin (serve_default_first) releases the English pages as soon as they
are rebuilt and keeps the other languages' previous pages (never a 404) until
their own rebuild is done; then every language shows the edit. A second save
while the other languages still rebuild for the first preempts that rebuild.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from site_build import copy_project, mkdocs_env
from site_layout import LANGUAGES

PAGE = "docs/en/lessons/01-tensors/index.md"
LAST_LANGUAGE = LANGUAGES[-1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:
        return 0, ""


def wait_for(url: str, text: str, timeout: float = 120) -> list[int]:
    """Poll until the page contains text; return every HTTP status seen on the way."""
    statuses, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = fetch(url)
        statuses.append(status)
        if text in body:
            return statuses
        time.sleep(0.1)
    raise AssertionError(f"{url} never showed {text!r} (statuses {sorted(set(statuses))})")


@pytest.fixture(scope="module")
def server(tmp_path_factory, built_site):
    """`mkdocs serve` on a copy of the project: (project, base URL), once the watcher runs
    (started after the project's own build, so the copy's notebook cache is warm)."""
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=mkdocs_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + "lessons/01-tensors/", "<html", timeout=300)
        time.sleep(2)  # the file watcher starts after the first build
        yield project, base
    finally:
        process.terminate()
        process.wait(timeout=30)


def add_to_snippet(project: Path, marker: str) -> None:
    """Add a comment line to the snippet section shown on PAGE: it shows in every
    language (a translated page includes the same snippet), unlike an edit to the English page."""
    include = re.search(r'--8<-- "([^":]+):([\w-]+)"', (project / PAGE).read_text(encoding="utf-8"))
    snippet, section = project / "snippets" / include.group(1), include.group(2)
    end = f"# --8<-- [end:{section}]"
    snippet.write_text(snippet.read_text(encoding="utf-8").replace(end, f"# {marker}\n{end}", 1), encoding="utf-8")


def test_snippet_edit_reaches_english_first_and_then_every_language(server):
    project, base = server
    english, last = base + "lessons/01-tensors/", f"{base}{LAST_LANGUAGE}/lessons/01-tensors/"
    marker = f"served-edit-{time.time_ns()}"
    add_to_snippet(project, marker)
    wait_for(english, marker)
    status, body = fetch(last)
    assert status == 200 and marker not in body, (
        "English should be served before the other languages are rebuilt, not after all of them")
    statuses = wait_for(last, marker)
    assert set(statuses) == {200}, f"{LAST_LANGUAGE} page was not served while rebuilding: {statuses}"


@pytest.mark.slow
def test_a_second_save_preempts_the_other_languages_rebuild(server):
    """Saved while the other languages rebuild for the first save, the second edit does not
    wait for them: it reaches English while the last language has not even had the first
    (its rebuild was skipped), and then every language catches up, never a 404."""
    project, base = server
    english, last = base + "lessons/01-tensors/", f"{base}{LAST_LANGUAGE}/lessons/01-tensors/"
    first, second = f"first-save-{time.time_ns()}", f"second-save-{time.time_ns()}"
    add_to_snippet(project, first)
    wait_for(english, first)
    add_to_snippet(project, second)
    wait_for(english, second)
    status, body = fetch(last)
    assert status == 200 and first not in body, (
        f"the second save waited for {LAST_LANGUAGE} to be rebuilt for the first one")
    statuses = wait_for(last, second)
    assert set(statuses) == {200}, f"{LAST_LANGUAGE} page was not served while catching up: {statuses}"
