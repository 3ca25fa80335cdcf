"""Let hooks import the project's `tools` package from the checkout they live in.

MkDocs loads hook files by path, with only the hook folder on sys.path; the
repository root two levels up holds `tools/`, so a hook in a temporary copy of
the repository uses that copy's code.
"""

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def ensure() -> None:
    """Call before importing from `tools`: MkDocs restores sys.path after loading each hook,
    and this module is imported once, so a module-level insert would only serve the first hook."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))


ensure()
