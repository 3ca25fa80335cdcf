"""Languages checked in forked processes (Linux): this process takes a share itself and
each forked child one more, and a child's results come back through a pipe.

No multiprocessing pool: importing multiprocessing and concurrent.futures, a third
process that only waits, and results pickled as objects one language at a time cost
about a fifth of a large check in CPU. Forking is only safe in a process without
threads (the command line; a site build calls with jobs=1).
"""
from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Sequence

from .problems import Problem, Result
from .safeio import CheckerIOError


def split(check: Callable[[str], list[Result]], languages: Sequence[str], jobs: int) -> list[Result]:
    """The results of `check` for every language, over `jobs` processes. Shares are
    every jobs-th language (scripts alternate in a sorted list, so the shares' sizes
    are alike). An exception in a child is raised here, as it would be in one process."""
    shares = [list(languages[number::jobs]) for number in range(jobs)]
    children = [_fork(check, share) for share in shares[1:]]
    results = []
    try:
        for language in shares[0]:
            results += check(language)
    finally:
        # Every child is waited for, even when this share failed: no zombies left
        # (and this share's own exception is the one raised).
        collected = [_collect(pid, fd) for pid, fd in children]
    for ok, value in collected:
        if not ok:
            raise value
        results += [Result(path, source, language, [Problem(*problem) for problem in problems])
                    for path, source, language, problems in value]
    return results


def _fork(check: Callable[[str], list[Result]], share: list[str]) -> tuple[int, int]:
    """A child that checks `share` and writes (True, results as tuples) or (False, the
    exception) to a pipe, then exits without running this process's cleanup."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    status = 1
    try:
        os.close(read_end)
        try:
            # Tuples of strings pickle several times faster than the objects.
            plain = [(r.path, r.source, r.language, [(p.code, p.message, p.line) for p in r.problems])
                     for language in share for r in check(language)]
            payload = pickle.dumps((True, plain), pickle.HIGHEST_PROTOCOL)
            status = 0
        except BaseException as exc:       # noqa: BLE001 - reported by the parent
            payload = _pickled_error(exc)
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
    finally:
        os._exit(status)


def _pickled_error(exc: BaseException) -> bytes:
    """The exception for the parent to raise, with the child's traceback as a note
    (shown by --debug; a traceback itself does not pickle)."""
    import traceback

    exc.add_note("".join(["In a forked checker process:\n", *traceback.format_tb(exc.__traceback__)]))
    try:
        return pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
    except Exception:       # noqa: BLE001 - an exception that does not pickle
        return pickle.dumps((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


def _collect(pid: int, fd: int) -> tuple[bool, object]:
    """(True, a child's results as tuples) or (False, its exception)."""
    with os.fdopen(fd, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    if not payload:
        return False, CheckerIOError("a forked checker process ended without a result (killed?)")
    return pickle.loads(payload)
