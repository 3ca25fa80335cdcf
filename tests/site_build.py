"""Build the project's site, or a throw-away copy of it, with the real MkDocs CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# What a copy of the project needs to build the site (tests that break a copy on purpose).
SITE_INPUTS = ("mkdocs.yml", "docs", "snippets", "tools", "overrides", "ui")


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
    quiet=False keeps MkDocs' INFO log (e.g. mkdocs-jupyter's cache hits and misses)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *(["-q"] if quiet else []), "-d", str(site_dir)],
        cwd=project,
        env=mkdocs_env(**env),
        capture_output=True,
        text=True,
        timeout=600,
    )


def copy_project(target: Path) -> Path:
    """A throw-away copy of everything the build reads."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_INPUTS:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        else:
            shutil.copy2(source, target / name)
    return target
