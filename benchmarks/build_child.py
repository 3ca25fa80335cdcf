"""The environment of a `mkdocs build` child in the build benchmarks: this checkout's
plugin (not wherever the venv's editable install points), MkDocs' 2.0 banner off,
and only the given variant's settings (BUILD_ONLY_LOCALE, PARALLEL_LANGUAGES)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
VARIANT_SETTINGS = ("BUILD_ONLY_LOCALE", "PARALLEL_LANGUAGES")


def child_environment(**env: str) -> dict[str, str]:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for name in VARIANT_SETTINGS:
        environment.pop(name, None)
    environment.update(env)
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO_ROOT), os.environ.get("PYTHONPATH"))))
    return environment
