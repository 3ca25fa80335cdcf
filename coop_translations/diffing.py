"""What changed in a source since its translation was made, from the stored hash alone.

The metadata stores an MD5 of the source's bytes, not a commit id, so we walk the
source's history (renames followed), stream each version's blob through one
`git cat-file --batch` process, and stop at the first whose MD5 matches. That
version, diffed against the current file, is what the translator has to catch up on.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import subprocess
from dataclasses import dataclass, field

from .structure import markdown_structure


class GitError(Exception):
    """git is missing or the root is not inside a git work tree."""


@dataclass(frozen=True)
class DiffResult:
    """`text` is a unified diff (empty when there is none to show); `base_commit` is
    the commit whose version of the source was translated, or None when no version
    matched; `message` says in a sentence what happened, for people; `current` is True
    when the source has not changed since the translation (nothing to diff)."""

    text: str
    changed_headings: list[str] = field(default_factory=list)
    base_commit: str | None = None
    message: str = ""
    current: bool = False


def _git(root, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from exc
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout.decode("utf-8", "replace")


def source_versions(root, source: str) -> list[tuple[str, str]]:
    """(commit, blob id) for each commit that changed `source`, newest first."""
    _git(root, "rev-parse", "--git-dir")            # raises GitError outside a repository
    try:
        _git(root, "rev-parse", "--verify", "-q", "HEAD")
    except GitError:
        return []                                   # a repository without commits yet
    out = _git(root, "log", "--format=%H", "--raw", "--no-abbrev", "--follow", "--", source)
    versions, commit = [], None
    for line in out.splitlines():
        if line.startswith(":"):
            fields = line.split("\t", 1)[0].split()
            blob, status = fields[3], fields[4]
            if commit and not status.startswith("D") and set(blob) != {"0"}:
                versions.append((commit, blob))
        elif len(line) == 40:
            commit = line
    return versions


def find_version(root, versions: list[tuple[str, str]], original_hash: str) -> tuple[str, bytes] | None:
    """The newest (commit, content) whose MD5 is `original_hash`. A blob is also tried
    with CRLF line endings, as a checkout with core.autocrlf would have had them."""
    seen = set()
    process = subprocess.Popen(["git", "-C", str(root), "cat-file", "--batch"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        for commit, blob in versions:
            if blob in seen:
                continue
            seen.add(blob)
            process.stdin.write(blob.encode() + b"\n")
            process.stdin.flush()
            header = process.stdout.readline().split()
            if len(header) < 3 or header[1] != b"blob":
                continue
            content = process.stdout.read(int(header[2]) + 1)[:-1]
            for candidate in (content, content.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")):
                if hashlib.md5(candidate).hexdigest() == original_hash:
                    return commit, candidate
        return None
    finally:
        process.stdin.close()
        process.stdout.close()
        process.kill()
        process.wait()


def _headings(text: str) -> list[tuple[int, str]]:
    """(0-based line, heading text) of the page's headings outside code blocks."""
    data = text.encode("utf-8")
    found = []
    for position in markdown_structure(data).headings:
        end = data.find(b"\n", position)
        line = data[position:end if end >= 0 else len(data)].decode("utf-8", "replace").strip()
        found.append((data.count(b"\n", 0, position), line))
    return found


def _heading_at(headings: list[tuple[int, str]], line: int) -> str | None:
    current = None
    for number, text in headings:
        if number > line:
            break
        current = text
    return current


def _range(start: int, stop: int) -> str:
    """A hunk range as diff writes it (an empty range names the line before it)."""
    length = stop - start
    first = start + 1 if length else start
    return f"{first}" if length == 1 else f"{first},{length}"


def unified_diff(old: str, new: str, old_name: str, new_name: str) -> tuple[str, list[str]]:
    """A unified diff whose hunk headers name the section of their first change (as
    git names a function), and the changed sections' headings in order."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_headings, new_headings = _headings(old), _headings(new)
    out = [f"--- {old_name}\n", f"+++ {new_name}\n"]
    changed: list[str] = []

    def note(heading):
        if heading and heading not in changed:
            changed.append(heading)

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(3):
        i1, i2, j1, j2 = group[0][1], group[-1][2], group[0][3], group[-1][4]
        first_change = next(op for op in group if op[0] != "equal")
        section = _heading_at(new_headings, first_change[3]) or ""
        out.append(f"@@ -{_range(i1, i2)} +{_range(j1, j2)} @@ {section}".rstrip() + "\n")
        for tag, s1, s2, t1, t2 in group:
            if tag == "equal":
                out.extend(" " + line for line in a[s1:s2])
                continue
            note(_heading_at(new_headings, t1) or _heading_at(old_headings, s1)
                 or "(before the first heading)")
            for number, text in new_headings:
                if t1 <= number < t2:
                    note(text)
            kept = {text for _, text in new_headings}
            for number, text in old_headings:
                if s1 <= number < s2 and text not in kept:
                    note(f"{text} (removed)")
            out.extend("-" + line for line in a[s1:s2])
            out.extend("+" + line for line in b[t1:t2])
    text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in out)
    return text, changed


def readable(source: str, data: bytes) -> str:
    """A page as a translator reads it. A notebook becomes its cells in order, markdown as
    it is and code in fences, outputs left out: they are copied from the English notebook
    with the code cells, never translated, and as raw JSON they buried the prose changes."""
    text = data.decode("utf-8", "replace")
    if not source.endswith(".ipynb"):
        return text
    try:
        cells = json.loads(text)["cells"]
        parts = []
        for number, cell in enumerate(cells, start=1):
            body = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            if cell["cell_type"] == "code":
                parts.append(f"<!-- cell {number}: code, copy it from the English notebook -->\n```python\n{body}\n```\n")
            else:
                parts.append(f"<!-- cell {number}: {cell['cell_type']} -->\n{body}\n")
        return "\n".join(parts)
    except (ValueError, KeyError, TypeError):
        return text  # not a readable notebook: the raw text is still a diff


def diff_since(root, source: str, current: bytes, original_hash: str) -> DiffResult:
    """Diff of `source` (root-relative) from the version hashed `original_hash` to `current`."""
    if hashlib.md5(current).hexdigest() == original_hash:
        return DiffResult("", [], None,
                          f"{source} has not changed since the translation: nothing to do.",
                          current=True)
    versions = source_versions(root, source)
    match = find_version(root, versions, original_hash) if versions else None
    if match is None:
        if not versions:
            why = f"{source} has no committed history (is it committed?)"
        elif _git(root, "rev-parse", "--is-shallow-repository").strip() == "true":
            why = "this is a shallow clone; fetch the full history (git fetch --unshallow) and retry"
        else:
            why = (f"none of the {len(versions)} committed versions of {source} has MD5 "
                   f"{original_hash}: the translated version was never committed, or history was "
                   f"rewritten")
        return DiffResult("", [], None, f"No version of the source matches the translation's "
                          f"hash: {why}. Compare the translation with {source} by hand.")
    commit, base = match
    text, changed = unified_diff(readable(source, base), readable(source, current),
                                 f"{source} (translated version, commit {commit[:12]})",
                                 f"{source} (now)")
    where = ", ".join(changed) if changed else "no heading"
    return DiffResult(text, changed, commit,
                      f"{source} changed since commit {commit[:12]}, the version this translation "
                      f"was made from. Changed sections: {where}.")
