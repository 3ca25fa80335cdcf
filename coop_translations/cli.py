"""`coop-translations check|diff|stamp` (also `python -m coop_translations`).

Exit status: 0 nothing fails; 1 failing problems found (by default the broken ones;
`stale` and `missing` are warnings unless `--fail-on` names them), or a diff/stamp
refused for a reason in the translation; 2 the tool could not do its job (usage,
I/O, a folder it could not list, any unexpected exception): one line on stderr,
the traceback only with --debug.
"""
from __future__ import annotations

import argparse
import gc
import os
import sys

from .checker import Checker, CheckerIOError
from .config import ConfigError
from .layout import Layout
from .problems import fail_on
from .report import render

OK, PROBLEMS, TOOL_ERROR = 0, 1, 2
PARALLEL_FROM = 1000      # expected translations from which `check` uses all CPUs


def _help_formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's own formatter, as wide as the terminal. argparse makes one for every
    argument added (to test its metavar), and one left to find the width itself
    imports shutil for it, and with shutil zlib, bz2 and lzma: 8 ms of every run.
    The width is argparse's own: the terminal's as shutil.get_terminal_size finds it
    (COLUMNS, else the terminal of stdout, else 80 columns), less 2."""
    return argparse.HelpFormatter(prog, width=_columns() - 2)


def _columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coop-translations", formatter_class=_help_formatter,
        description="Check translations against their sources (co-op-translator metadata).")
    parser.add_argument("--debug", action="store_true",
                        help="on an error of the tool itself, print the traceback too")
    commands = parser.add_subparsers(dest="command", required=True)
    debug = argparse.ArgumentParser(add_help=False, formatter_class=_help_formatter)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                       help="on an error of the tool itself, print the traceback too")
    root_help = ("a tree in co-op-translator's layout (sources under DIR, translations in "
                 "DIR/translations/<lang>/); without it, this project per mkdocs.yml")

    subcommand = {"parents": [debug], "formatter_class": _help_formatter}
    check = commands.add_parser("check", **subcommand, help="report stale, broken and missing translations")
    check.add_argument("--root", metavar="DIR", help=root_help)
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text: a table by language; json: the contract; github: annotations")
    check.add_argument("--fail-on", metavar="CODES", default="",
                       help="also fail on these problem codes, comma-separated (e.g. stale,missing), "
                            "or all; by default stale and missing are warnings")
    check.add_argument("--jobs", type=int, metavar="N",
                       help="processes to check languages in (default: one per CPU for large trees)")

    diff = commands.add_parser("diff", **subcommand, help="what changed in the source since PATH was translated")
    diff.add_argument("--root", metavar="DIR", help=root_help)
    diff.add_argument("path", metavar="PATH", help="a translated page or notebook")

    stamp = commands.add_parser("stamp", **subcommand, help="write fresh metadata after re-translating")
    stamp.add_argument("--root", metavar="DIR", help=root_help)
    stamp.add_argument("--force", action="store_true",
                       help="stamp even with problems other than stale or missing-metadata")
    stamp.add_argument("paths", metavar="PATH", nargs="+", help="translated pages or notebooks")
    return parser


def _project_root() -> "Path":
    """The nearest folder, from here upwards, that holds mkdocs.yml."""
    from pathlib import Path

    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ConfigError(f"no mkdocs.yml in {here} or above; run from the project, or pass --root DIR "
                      f"for a co-op-translator tree")


def _layout(root: str | None) -> Layout:
    if root is None:
        return Layout.project(_project_root())
    return Layout.coop(root)


def _translation(layout: Layout, arg: str) -> tuple[str, str]:
    """(root-relative path, language) of a PATH argument, given from here or from the root."""
    from pathlib import Path

    path = Path(arg)
    if not path.is_absolute() and not os.path.lexists(path) and os.path.lexists(layout.root / path):
        path = layout.root / path
    if not os.path.lexists(path):
        raise CheckerIOError(f"{arg}: no such file")
    try:
        rel = layout.relative(path.absolute())
    except ValueError:
        raise CheckerIOError(f"{arg} is outside {layout.root}") from None
    language = layout.language_of(rel)
    if language is None:
        folders = ", ".join(layout.translation_dirs.values()) or "none found"
        raise CheckerIOError(f"{arg} is not in a translation folder ({folders})")
    return rel, language


def run_check(args) -> int:
    failing = fail_on(args.fail_on)
    layout = _layout(args.root)
    checker = Checker(layout)
    jobs = args.jobs
    if jobs is None:      # forking pays off only for thousands of pages
        large = len(checker.sources) * len(layout.languages) >= PARALLEL_FROM
        jobs = _usable_cpus() if large else 1
    report = checker.run(jobs=max(jobs, 1))
    sys.stdout.write(render(report, args.format, failing))
    return PROBLEMS if report.failing(failing) else OK


def _usable_cpus() -> int:
    """The CPUs this process may run on (1 to 8), as `make -j$(nproc)` or ripgrep count
    them. Not fewer when the load average is high: it lags a minute behind, so a check
    run just after other work (or after another check) went single-process on an idle
    machine, and on a busy one the forked processes only take their share."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(8, cpus))


def run_diff(args) -> int:
    from . import history_diff

    layout = _layout(args.root)
    rel, _language = _translation(layout, args.path)
    result = history_diff(layout.root, rel, coop=layout.kind == "co-op")
    print(result.message)
    if result.text:
        sys.stdout.write("\n" + result.text)
    return OK if result.base_commit is not None or result.current else PROBLEMS


def run_stamp(args) -> int:
    from .stamping import StampRefused, stamp

    layout = _layout(args.root)
    status = OK
    for arg in args.paths:
        rel, _language = _translation(layout, arg)
        try:
            done = stamp(layout, rel, force=args.force)
        except StampRefused as refused:
            print(f"refused: {refused}", file=sys.stderr)
            status = PROBLEMS
            continue
        print(f"stamped {rel}: hash {done.metadata.original_hash} of {done.metadata.source_file}, "
              f"{done.metadata.translation_date} (wrote {', '.join(done.written)})")
    return status


class UsageError(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)      # exits 2 itself on a usage error
    command = {"check": run_check, "diff": run_diff, "stamp": run_stamp}[args.command]
    try:
        if getattr(args, "root", None) == "":
            raise UsageError("--root '' names no folder; use --root . for the current one")
        return command(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return TOOL_ERROR
    except BaseException as error:      # noqa: BLE001 - every failure of the tool is exit 2
        if isinstance(error, SystemExit):
            raise
        if args.debug:
            import traceback
            traceback.print_exc()
        print(f"error: {_one_line(error)}", file=sys.stderr)
        return TOOL_ERROR


def console() -> None:
    """The program (the `coop-translations` script and `python -m coop_translations`):
    main(), then, once the output is flushed, exit without the interpreter's teardown
    (so it never returns).
    Collecting and freeing every object and module cost about a quarter of what a large
    check does after its processes finish, and nothing is left to write or close by
    then (stamp's writes and locks end inside main). A failed flush (a closed pipe)
    still goes through sys.exit, which reports it as Python always does.

    The cyclic garbage collector is off: a run builds a few objects per page that
    hold no reference cycles, and the collections that traversed them cost a
    check's processes about 1 % of their time."""
    gc.disable()
    status = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:       # noqa: BLE001 - e.g. a closed pipe: reported as it always was
        sys.exit(status)
    os._exit(status)


def _one_line(error: BaseException) -> str:
    known = (ConfigError, CheckerIOError, OSError, UsageError, ValueError)
    diffing = sys.modules.get(f"{__package__}.diffing")     # loaded if diff ran
    if diffing is not None:
        known += (diffing.GitError,)
    text = str(error) if isinstance(error, known) else (
        f"unexpected {type(error).__name__}: {error} (a bug in the checker; run with --debug "
        f"for the traceback and report it)")
    if isinstance(error, OSError) and error.filename and str(error.filename) not in text:
        text += f" ({error.filename})"
    return " ".join(text.split())
