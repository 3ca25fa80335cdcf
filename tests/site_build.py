"""Build the project's site, or a throw-away copy of it, with the real MkDocs CLI.

The test suite runs in several processes (pytest-xdist, `make test`): a build that
many tests read is made once per run (`build_once`), and whatever reads or writes
the repository's own notebook cache (.cache/, beside mkdocs.yml) holds one file lock,
so two workers never write it at the same time or copy it half-written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock

REPO_ROOT = Path(__file__).resolve().parents[1]
# What a copy of the project needs to build the site (tests that break a copy on purpose).
SITE_INPUTS = ("mkdocs.yml", "docs", "snippets", "tools", "overrides", "ui")
# mkdocs-jupyter's cache of converted notebooks, keyed by each notebook's content.
NOTEBOOK_CACHE = Path(".cache") / "mkdocs-jupyter"


def mkdocs_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    env.pop("BUILD_ONLY_LOCALE", None)
    env.pop("PARALLEL_LANGUAGES", None)
    env.update(extra)
    # A build run in a copy (or a generated course) imports the plugin from this checkout,
    # not from wherever the virtual environment's editable install points (another worktree).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO_ROOT), env.get("PYTHONPATH"))))
    return env


def build_site(project: Path, site_dir: Path, *, quiet: bool = True, **env: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` in `project`; never raises, the caller asserts.
    quiet=False keeps MkDocs' INFO log (e.g. mkdocs-jupyter's cache hits and misses).
    A build of the repository itself holds the repository cache's lock."""
    def run() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", *(["-q"] if quiet else []), "-d", str(site_dir)],
            cwd=project,
            env=mkdocs_env(**env),
            capture_output=True,
            text=True,
            timeout=600,
        )

    if Path(project).resolve() == REPO_ROOT:
        with repository_cache_lock():
            return run()
    return run()


COOP_FIXTURE = REPO_ROOT / "tests" / "fixtures" / "coop-course"


def coop_course(target: Path, *options: str) -> Path:
    """A copy of the co-op course fixture with da and fi added (copies of its Swedish
    translations: five languages besides English), coop-i18n given `options`
    (YAML lines such as "parallel_languages: false")."""
    shutil.copytree(COOP_FIXTURE, target)
    for code in ("da", "fi"):
        shutil.copytree(target / "translations" / "sv", target / "translations" / code)
    config = target / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    plugin_line = "  - coop-i18n\n"
    assert text.count(plugin_line) == 1
    lines = "".join(f"      {option}\n" for option in options)
    config.write_text(text.replace(plugin_line, f"  - coop-i18n:\n{lines}"), encoding="utf-8")
    return target


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site: two builds compare equal
    only if they made the same files, byte for byte."""
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def repository_cache_lock() -> FileLock:
    """Held by whatever builds in the repository (and so writes its .cache/) or copies that cache."""
    (REPO_ROOT / ".cache").mkdir(exist_ok=True)
    return FileLock(str(REPO_ROOT / ".cache" / "tests.lock"))


def copy_project(target: Path) -> Path:
    """A throw-away copy of everything the build reads.

    The repository's notebook cache comes along (warm once the
    session's own build has run): a copy then converts only the notebooks it changed,
    not all of them again. Its entries are keyed by content, so a warm cache cannot
    make a copy's pages differ: test_notebook_cache compares a cold build with a warm
    one, byte for byte. Without it, a copy converts every notebook (minutes)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_INPUTS:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy2(source, target / name)
    with repository_cache_lock():
        if (REPO_ROOT / NOTEBOOK_CACHE).is_dir():
            shutil.copytree(REPO_ROOT / NOTEBOOK_CACHE, target / NOTEBOOK_CACHE)
    return target


def build_once(tmp_path_factory, name: str, make: Callable[[Path], str | None]) -> Path:
    """`make(folder)` run once per test run, however many pytest-xdist workers need it:
    the first one builds while the others wait on a file lock, then all read the same
    folder. `make` returns None, or what went wrong; a failure is kept, so every test
    that needs the build fails with that message instead of building again."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent          # shared by the workers of one run
    folder, done, failed = base / name, base / f"{name}.done", base / f"{name}.failed"
    with FileLock(str(base / f"{name}.lock")):
        if not done.exists() and not failed.exists():
            try:
                problem = make(folder)
            except Exception as error:      # noqa: BLE001 (kept and reported by every worker)
                problem = f"{type(error).__name__}: {error}"
            (failed if problem else done).write_text(problem or "", encoding="utf-8")
    if failed.exists():
        pytest.fail(f"{name}: {failed.read_text(encoding='utf-8')}", pytrace=False)
    return folder
