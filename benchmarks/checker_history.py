"""A git repository whose one source has a long history, for timing `diff`.

Built with `git fast-import` from one generated stream, so 1,000 commits take well
under a second to create. The translation's metadata names the oldest version,
so `diff` has to hash every version before it finds its base.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

SOURCE = "lesson.md"
TRANSLATION = "translations/sv/lesson.md"


def _version(number: int, sections: int = 20) -> bytes:
    """The page after `number` edits: each edit rewrites one line of one section."""
    parts = ["# Lesson\n"]
    for section in range(sections):
        edits = (number - section + sections - 1) // sections if number > section else 0
        parts.append(f"\n## Section {section}\n\nThis section explains idea {section}; "
                     f"revision {edits}.\n\n" + "Some steady prose that does not change. " * 12 + "\n")
    return "".join(parts).encode("utf-8")


def _stream(commits: int) -> bytes:
    chunks = []
    for number in range(commits):
        content = _version(number)
        message = f"edit {number}\n".encode()
        chunks.append(b"commit refs/heads/main\n")
        chunks.append(f"mark :{number + 1}\n".encode())
        chunks.append(f"committer Bench <bench@example.invalid> {1700000000 + number} +0000\n".encode())
        chunks.append(f"data {len(message)}\n".encode() + message)
        if number:
            chunks.append(f"from :{number}\n".encode())
        chunks.append(f"M 100644 inline {SOURCE}\ndata {len(content)}\n".encode() + content + b"\n")
    return b"".join(chunks)


def build_history(root: Path, commits: int = 1000) -> tuple[Path, str]:
    """A repository at `root` in co-op-translator's layout; returns (root, translation)."""
    root.mkdir(parents=True)
    git = ["git", "-C", str(root)]
    subprocess.run(git + ["init", "-q", "-b", "main"], check=True)
    subprocess.run(git + ["fast-import", "--quiet"], input=_stream(commits), check=True)
    subprocess.run(git + ["reset", "-q", "--hard", "main"], check=True)
    metadata = {"original_hash": hashlib.md5(_version(0)).hexdigest(),
                "translation_date": "2024-01-01T00:00:00+00:00",
                "source_file": SOURCE, "language_code": "sv"}
    page = root / TRANSLATION
    page.parent.mkdir(parents=True)
    page.write_text(f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{json.dumps(metadata, indent=2)}\n-->\n"
                    f"# Lektion\n", encoding="utf-8")
    return root, TRANSLATION
