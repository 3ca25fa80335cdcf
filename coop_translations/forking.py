"""Languages checked in forked processes (Linux): this process and each forked child
take the languages one at a time from a shared pipe, and a child's results come back
through another pipe.

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
    """The results of `check` for every language, over `jobs` processes.

    The languages are handed out one at a time, in order, to whichever process is
    free (it reads the next number from a pipe filled before forking), so the
    processes finish within about one language of each other however unequal the
    languages are (a page of accented Latin costs more than twice a page of CJK to
    check). An exception is raised as it would be in one process: each process stops
    at its first failing language, and the failure first in order is raised (every
    language before it was taken, so none of them failed). With more languages than
    a pipe surely holds, every jobs-th language goes to each process instead."""
    count = len(languages)
    read_end = None
    if count * _SIZE <= _PIPE_SAFE:
        read_end, write_end = os.pipe()
        try:
            os.write(write_end, b"".join(n.to_bytes(_SIZE, "little") for n in range(count)))
        finally:
            os.close(write_end)
        shares = [read_end] * jobs
    else:
        shares = [range(number, count, jobs) for number in range(jobs)]
    children = []
    try:
        children = [_fork(check, languages, share) for share in shares[1:]]
        results, failures = _take(check, languages, shares[0])
    finally:
        # Every child is waited for, even when this process failed: no zombies left.
        if read_end is not None:
            os.close(read_end)
        collected = [_collect(pid, fd) for pid, fd in children]
    for ok, value in collected:
        if not ok:          # the child itself broke (killed, an error outside any language)
            raise value
        child_results, child_failures = value
        results += child_results
        failures += child_failures
    if failures:
        raise min(failures, key=lambda failure: failure[0])[1]
    return results


_SIZE = 4               # bytes per language number in the pipe
_PIPE_SAFE = 4096       # bytes a pipe holds unread on any Linux (64 KiB by default)


def _numbers(share):
    """The language numbers of a share: read one at a time from the shared pipe (a
    pipe read of a few bytes is atomic, so each number goes to one process), or a range."""
    if isinstance(share, range):
        yield from share
        return
    while taken := os.read(share, _SIZE):
        yield int.from_bytes(taken, "little")


def _take(check, languages, share) -> tuple[list[Result], list[tuple[int, Exception]]]:
    """(results, [] or [(number, exception)]): the share's languages checked until
    the first that fails."""
    results = []
    for number in _numbers(share):
        try:
            results += check(languages[number])
        except Exception as exc:        # noqa: BLE001 - raised by the parent
            return results, [(number, exc)]
    return results, []


def _fork(check: Callable[[str], list[Result]], languages: Sequence[str], share) -> tuple[int, int]:
    """A child that checks its share (_take) and writes (True, (results as tuples,
    failures)) or (False, an exception outside any language) to a pipe, then exits
    without running this process's cleanup."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    status = 1
    try:
        os.close(read_end)
        try:
            results, failures = _take(check, languages, share)
            # Tuples of strings pickle several times faster than the objects.
            plain = [(r.path, r.source, r.language, [(p.code, p.message, p.line) for p in r.problems])
                     for r in results]
            failures = [(number, _with_traceback(exc)) for number, exc in failures]
            payload = pickle.dumps((True, (plain, failures)), pickle.HIGHEST_PROTOCOL)
            status = 0
        except BaseException as exc:       # noqa: BLE001 - reported by the parent
            payload = _pickled_error(exc)
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
    finally:
        os._exit(status)


def _with_traceback(exc: Exception) -> Exception:
    """The exception with the child's traceback as a note (shown by --debug), or, if
    it does not pickle, a RuntimeError that says what it was."""
    import traceback

    exc.add_note("".join(["In a forked checker process:\n", *traceback.format_tb(exc.__traceback__)]))
    try:
        pickle.dumps(exc, pickle.HIGHEST_PROTOCOL)
        return exc
    except Exception:       # noqa: BLE001 - an exception that does not pickle
        return RuntimeError(f"{type(exc).__name__}: {exc}")


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
    """(True, (a child's results, its failures)) or (False, its exception). The
    results are made before the child is waited for: it has closed the pipe, but its
    exit (the kernel freeing its memory) takes a few milliseconds more."""
    with os.fdopen(fd, "rb") as pipe:
        payload = pipe.read()
    try:
        if not payload:
            return False, CheckerIOError("a forked checker process ended without a result (killed?)")
        ok, value = pickle.loads(payload)
        if ok:
            plain, failures = value
            value = ([Result(path, source, language, [Problem(*problem) for problem in problems])
                      for path, source, language, problems in plain], failures)
        return ok, value
    finally:
        os.waitpid(pid, 0)
