"""Run, check and publish the lesson snippets.

One snippet file is the source of truth for the code on every page, the output
shown under it and the notebooks; this package keeps those derived things in
step with the code (see `python -m tools.snippets --help`).
"""
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
SNIPPETS_DIR = REPO_ROOT / "snippets"
