"""Run snippet files in a persistent worker that has imported the frameworks once.

A fresh interpreter per snippet would pay torch's and TensorFlow's import (seconds)
every time; a worker pays it once per device mode. Each snippet still gets fresh
globals, its own cwd and argv, and the process-wide state it may touch is reset
afterwards (see `worker._GlobalState`).

    with SnippetWorker("cpu") as worker:
        result = worker.run("01-tensors/create_torch.py")
        assert result.ok, result.describe()
"""
from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import REPO_ROOT, SNIPPETS_DIR
from .sections import section_at

FRAMEWORKS = ("torch", "tensorflow")
_ALIASES = {"tf": "tensorflow", "pytorch": "torch", "keras": "tensorflow"}
DEFAULT_TIMEOUT_S = float(os.environ.get("SNIPPET_TIMEOUT", "60"))
STARTUP_TIMEOUT_S = 300.0
GPU_MISSING = {"torch": "no CUDA GPU visible", "tensorflow": "no GPU device visible"}


def framework_of(snippet: str | Path) -> str | None:
    """The framework a snippet is written for, from its name (`*_torch.py`, `*_tf.py`)."""
    stem = Path(snippet).stem
    if stem.endswith("_torch"):
        return "torch"
    if stem.endswith("_tf"):
        return "tensorflow"
    return None


def selected_frameworks() -> tuple[str, ...]:
    """Frameworks to run, from SNIPPET_FRAMEWORKS (comma list); all of them by default."""
    raw = os.environ.get("SNIPPET_FRAMEWORKS", "").strip()
    if not raw:
        return FRAMEWORKS
    chosen = tuple(_ALIASES.get(name.strip().lower(), name.strip().lower()) for name in raw.split(",") if name.strip())
    unknown = set(chosen) - set(FRAMEWORKS)
    if unknown:
        raise ValueError(f"SNIPPET_FRAMEWORKS names unknown framework(s): {', '.join(sorted(unknown))}")
    return chosen


def snippet_environment(mode: str) -> dict[str, str]:
    """The environment a snippet (or a notebook kernel) runs in: quiet logs, no plot windows, and
    in "cpu" mode no visible accelerator (set before any import: frameworks read it once)."""
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    # The examples are tiny: torch's second thread only adds synchronisation, and on a busy
    # 2-core machine it made some 10x slower (same results with one thread or two).
    env.setdefault("OMP_NUM_THREADS", "1")
    env["MPLBACKEND"] = "Agg"
    if mode == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""
    else:
        # TensorFlow takes all GPU memory by default, which would starve torch in the same process.
        env.setdefault("TF_FORCE_GPU_ALLOW_GROWTH", "true")
    return env


def snippet_relpath(snippet: str | Path) -> str:
    """A snippet's path relative to snippets/, POSIX form; an absolute path elsewhere stays absolute."""
    path = Path(snippet)
    if path.is_absolute():
        if not path.resolve().is_relative_to(SNIPPETS_DIR):
            return path.resolve().as_posix()
        path = path.resolve().relative_to(SNIPPETS_DIR)
    elif path.parts and path.parts[0] == "snippets":
        path = Path(*path.parts[1:])
    return path.as_posix()


@dataclass
class RunResult:
    snippet: str  # relative to snippets/
    mode: str  # "cpu" or "gpu"
    status: str  # "ok", "error", "timeout" or "crashed"
    stdout: str = ""
    stderr: str = ""
    error: str | None = None
    line: int | None = None
    exec_s: float = 0.0  # the snippet's own run time inside the worker
    wall_s: float = 0.0  # request to reply, as the caller sees it
    where: str | None = None  # "section 'x'" or "checks after section 'x'"

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def path(self) -> Path:
        return SNIPPETS_DIR / self.snippet  # an absolute `snippet` stays itself

    @property
    def label(self) -> str:
        return self.snippet if Path(self.snippet).is_absolute() else f"snippets/{self.snippet}"

    def describe(self) -> str:
        """One message that names the file, the section and what went wrong."""
        place = self.label
        if self.line is not None:
            place += f", line {self.line}"
        if self.where:
            place += f" ({self.where})"
        head = {
            "ok": "ran",
            "error": "raised",
            "timeout": "timed out",
            "crashed": "crashed the worker",
        }[self.status]
        return f"[{self.mode}] {place} {head}:\n{self.error or ''}".rstrip() + "\n"


class SnippetWorker:
    """One worker process for one device mode ("cpu" hides accelerators, "gpu" leaves them visible)."""

    def __init__(self, mode: str = "cpu", frameworks: tuple[str, ...] | None = None,
                 timeout_s: float = DEFAULT_TIMEOUT_S, extra_env: dict[str, str] | None = None) -> None:
        if mode not in ("cpu", "gpu"):
            raise ValueError(f"mode must be 'cpu' or 'gpu', not {mode!r}")
        self.mode = mode
        self.frameworks = tuple(frameworks) if frameworks is not None else selected_frameworks()
        self.timeout_s = timeout_s
        # e.g. another CPU's instruction set or thread count (tests/snippets/test_other_cpus.py)
        self.extra_env = dict(extra_env or {})
        self.import_errors: dict[str, str | None] = {}
        self.startup_s = 0.0
        self._process: subprocess.Popen | None = None
        self._log = None
        self._buffer = b""
        self._gpu: dict | None = None
        self._ready = False

    # -- process management -------------------------------------------------
    def environment(self) -> dict[str, str]:
        env = snippet_environment(self.mode)
        env.update(self.extra_env)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def launch(self) -> None:
        """Start the process without waiting for its imports, so two workers can warm up together."""
        if self._process is not None and self._process.poll() is None:
            return
        self._log = tempfile.TemporaryFile()
        self._buffer = b""
        self._ready = False
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tools.snippets.worker", *self.frameworks],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
            cwd=REPO_ROOT, env=self.environment(), start_new_session=True,
        )

    def start(self) -> None:
        """Launch if needed and wait until the frameworks are imported."""
        self.launch()
        if self._ready:
            return
        try:
            ready = self._receive(time.monotonic() + STARTUP_TIMEOUT_S)
        except EOFError:
            ready = None
        if ready is None or ready.get("op") != "ready":
            tail = self._stderr_tail()
            self.close()
            raise RuntimeError(f"snippet worker ({self.mode}) did not start:\n{tail}")
        self._ready = True
        self.import_errors = ready["import_errors"]
        self.startup_s = ready["startup_s"]

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                try:
                    self._send_to(process, {"op": "quit"})
                    process.wait(timeout=10)
                except (OSError, subprocess.TimeoutExpired):
                    self._kill(process)
            for stream in (process.stdin, process.stdout):
                stream.close()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> "SnippetWorker":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @staticmethod
    def _kill(process: subprocess.Popen) -> None:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()

    # -- protocol ---------------------------------------------------------------
    @staticmethod
    def _send_to(process: subprocess.Popen, message: dict) -> None:
        process.stdin.write((json.dumps(message) + "\n").encode())
        process.stdin.flush()

    def _receive(self, deadline: float) -> dict | None:
        """The next reply, or None on timeout; EOFError when the worker died."""
        fd = self._process.stdout.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            readable, _, _ = select.select([fd], [], [], remaining)
            if not readable:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise EOFError("the snippet worker closed its reply pipe")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def _stderr_tail(self, limit: int = 4000) -> str:
        if self._log is None:
            return ""
        self._log.flush()
        self._log.seek(0, os.SEEK_END)
        size = self._log.tell()
        self._log.seek(max(0, size - limit))
        return self._log.read().decode(errors="replace")

    # -- public -----------------------------------------------------------------
    def gpu_visible(self) -> dict[str, bool]:
        """Per framework: does this worker see a GPU? (Always empty-handed in "cpu" mode.)"""
        if self._gpu is None:
            self.start()
            self._send_to(self._process, {"op": "probe"})
            try:
                reply = self._receive(time.monotonic() + 120)
            except EOFError:
                reply = None
            if reply is None:
                raise RuntimeError(f"snippet worker ({self.mode}) did not answer the probe:\n{self._stderr_tail()}")
            self._gpu = reply["gpu"]
        return self._gpu

    def gpu_missing_reason(self, framework: str) -> str | None:
        """The skip reason when `framework` sees no GPU here, or None when it sees one."""
        if self.import_errors.get(framework):
            return None  # let the run fail with the import error: a missing framework is a failure
        return None if self.gpu_visible().get(framework) else GPU_MISSING[framework]

    def run(self, snippet: str | Path, timeout_s: float | None = None,
            output_dir: str | Path | None = None) -> RunResult:
        """Run one snippet (path relative to snippets/, or absolute) and return what happened."""
        relpath = snippet_relpath(snippet)
        path = SNIPPETS_DIR / relpath
        if not path.is_file():
            return RunResult(relpath, self.mode, "error", error=f"no such snippet file: {path}")
        self.start()
        timeout = self.timeout_s if timeout_s is None else timeout_s
        started = time.monotonic()
        request = {"op": "run", "path": str(path), "output_dir": str(output_dir) if output_dir else None}
        crashed = False
        try:
            self._send_to(self._process, request)
            reply = self._receive(started + timeout)
        except (OSError, EOFError):
            reply, crashed = None, True
        wall = time.monotonic() - started
        if reply is None:
            tail = self._stderr_tail()
            self._kill(self._process)
            self.close()  # the next run starts a fresh worker
            if crashed:
                return RunResult(relpath, self.mode, "crashed", error=f"the worker process died:\n{tail}", wall_s=wall)
            message = f"no result after {timeout:.0f} s (per-snippet timeout); the worker was restarted"
            return RunResult(relpath, self.mode, "timeout", error=message, wall_s=wall)
        result = RunResult(relpath, self.mode, reply["status"], reply["stdout"], reply["stderr"],
                           reply["error"], reply["line"], reply["exec_s"], wall)
        if result.line is not None:
            try:
                result.where = section_at(path, result.line)
            except ValueError as error:
                result.where = str(error)
        return result


class WorkerPool:
    """At most one lazily started worker per device mode, shared by a whole test session."""

    def __init__(self, frameworks: tuple[str, ...] | None = None) -> None:
        self.frameworks = frameworks
        self._workers: dict[str, SnippetWorker] = {}
        self._gpu_reasons: dict[str, str | None] = {}

    def launch(self, *modes: str) -> None:
        for mode in modes:
            self.get(mode).launch()

    def get(self, mode: str) -> SnippetWorker:
        if mode not in self._workers:
            self._workers[mode] = SnippetWorker(mode, self.frameworks)
        return self._workers[mode]

    def gpu_missing_reason(self, framework: str) -> str | None:
        """Probe once per framework; a gpu worker that sees no GPU at all is closed to free memory."""
        if framework not in self._gpu_reasons:
            worker = self.get("gpu")
            worker.start()
            for name in worker.frameworks:
                self._gpu_reasons[name] = worker.gpu_missing_reason(name)
            if all(self._gpu_reasons.get(name) for name in worker.frameworks):
                worker.close()
        return self._gpu_reasons.get(framework)

    def close(self) -> None:
        for worker in self._workers.values():
            worker.close()
        self._workers.clear()
