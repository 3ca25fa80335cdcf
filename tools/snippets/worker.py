"""The child side of the snippet runner: import the frameworks once, then run snippets on request.

Started by `runner.SnippetWorker` as `python -m tools.snippets.worker FRAMEWORK...`.
Requests arrive as JSON lines on stdin; replies leave as JSON lines on a copy of
the original stdout, and fd 1 is pointed at stderr so that C-level prints from a
framework can never corrupt the protocol.
"""
from __future__ import annotations

import contextlib
import gc
import importlib
import io
import json
import os
import runpy
import sys
import time
import traceback
import warnings
from pathlib import Path

_PRELOAD = {
    "torch": ["torch"],
    # keras is imported lazily by tf.keras; importing it here moves that cost out of the first snippet.
    "tensorflow": ["tensorflow", "keras"],
}


def preload(frameworks: list[str]) -> dict[str, str | None]:
    """Import each framework; an import error is reported, not raised (its snippets will fail)."""
    errors: dict[str, str | None] = {}
    for name in frameworks:
        try:
            for module in _PRELOAD.get(name, [name]):
                importlib.import_module(module)
            errors[name] = None
        except Exception as error:  # noqa: BLE001 - any failure to import is a finding
            errors[name] = f"{type(error).__name__}: {error}"
    for optional in ("numpy", "matplotlib", "matplotlib.pyplot"):
        with contextlib.suppress(Exception):
            importlib.import_module(optional)
    return errors


def probe() -> dict:
    """What accelerators this process can see, per framework (only frameworks already imported)."""
    found: dict = {}
    if "torch" in sys.modules:
        torch = sys.modules["torch"]
        found["torch"] = bool(torch.cuda.is_available())
    if "tensorflow" in sys.modules:
        tf = sys.modules["tensorflow"]
        found["tensorflow"] = len(tf.config.list_physical_devices("GPU")) > 0
    return found


class _GlobalState:
    """Process-wide settings a snippet may change and a fresh interpreter would not inherit."""

    def __init__(self) -> None:
        self.environ = dict(os.environ)
        self.warning_filters = list(warnings.filters)
        numpy = sys.modules.get("numpy")
        self.numpy_print = numpy.get_printoptions() if numpy else None
        self.modules = set(sys.modules)

    def restore(self, snippet_dir: Path) -> None:
        os.environ.clear()
        os.environ.update(self.environ)
        warnings.filters[:] = self.warning_filters
        # Modules imported from the snippet's own folder must be re-imported next time.
        for name in set(sys.modules) - self.modules:
            origin = getattr(sys.modules[name], "__file__", None) or ""
            if origin.startswith(str(snippet_dir)):
                del sys.modules[name]
        numpy = sys.modules.get("numpy")
        if numpy and self.numpy_print is not None:
            numpy.set_printoptions(**self.numpy_print)
        if "matplotlib.pyplot" in sys.modules:
            sys.modules["matplotlib.pyplot"].close("all")
        if "torch" in sys.modules:
            torch = sys.modules["torch"]
            torch.set_grad_enabled(True)
            torch.set_default_dtype(torch.float32)
            torch.set_printoptions(profile="default")
        if "tensorflow" in sys.modules:
            tf = sys.modules["tensorflow"]
            tf.keras.backend.clear_session()
            tf.config.run_functions_eagerly(False)
        gc.collect()  # cheap: the frameworks' own objects were frozen out of collection at start-up
        # What survives a snippet (framework caches, interned graphs) is frozen too, so the
        # collections after later snippets stay as cheap as the first (they grew to 0.2 s).
        gc.freeze()


def _failing_line(tb, path: str) -> int | None:
    """The line of the snippet file nearest to where the exception was raised."""
    lines = [frame.lineno for frame in traceback.extract_tb(tb) if frame.filename == path]
    return lines[-1] if lines else None


def run_snippet(path: str, output_dir: str | None, state: _GlobalState) -> dict:
    """Run one file as `__main__` with fresh globals, its own cwd and argv, stdout captured."""
    snippet = Path(path)
    saved_cwd, saved_argv, saved_path = os.getcwd(), sys.argv[:], sys.path[:]
    out, err = io.StringIO(), io.StringIO()
    reply: dict = {"status": "ok", "error": None, "line": None}
    if output_dir:
        os.environ["SNIPPET_OUTPUT_DIR"] = output_dir
    os.chdir(snippet.parent)
    sys.argv = [path]
    sys.path.insert(0, str(snippet.parent))
    started = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            runpy.run_path(path, run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            reply.update(status="error", error=f"SystemExit: exit status {exit_.code!r}\n",
                         line=_failing_line(exit_.__traceback__, path))
    except BaseException as error:  # noqa: BLE001 - report every failure of the snippet
        reply.update(status="error", error="".join(traceback.format_exception(error)),
                     line=_failing_line(error.__traceback__, path))
    finished = time.perf_counter()
    reply["exec_s"] = finished - started
    os.chdir(saved_cwd)
    sys.argv, sys.path[:] = saved_argv, saved_path
    try:
        state.restore(snippet.parent)
    except Exception as error:  # noqa: BLE001 - a broken reset would taint the next snippet
        reply.update(status="error", error=f"resetting state after the snippet failed: {error!r}")
    reply["reset_s"] = time.perf_counter() - finished
    reply["stdout"], reply["stderr"] = out.getvalue(), err.getvalue()
    return reply


def main(frameworks: list[str]) -> None:
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", closefd=False), line_buffering=True)

    def send(message: dict) -> None:
        protocol.write(json.dumps(message) + "\n")
        protocol.flush()

    started = time.perf_counter()
    errors = preload(frameworks)
    # With torch and TensorFlow loaded a full collection takes ~0.4 s (clear_session runs one);
    # freezing what exists now makes later collections scan only what snippets create.
    gc.collect()
    gc.freeze()
    state = _GlobalState()
    send({"op": "ready", "import_errors": errors, "startup_s": time.perf_counter() - started})
    for line in sys.stdin:
        request = json.loads(line)
        if request["op"] == "run":
            send({"op": "run", **run_snippet(request["path"], request.get("output_dir"), state)})
        elif request["op"] == "probe":
            send({"op": "probe", "gpu": probe()})
        elif request["op"] == "quit":
            break


if __name__ == "__main__":
    main(sys.argv[1:])
