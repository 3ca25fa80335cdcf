"""`python -m coop_translations check|diff|stamp`.

Exit status: 0 all fine, 1 problems found (or a diff/stamp that could not be done
for a reason in the translation), 2 usage or I/O errors of the tool itself.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .checker import Checker, CheckerIOError
from .config import ConfigError
from .diffing import GitError
from .layout import Layout
from .report import render

OK, PROBLEMS, TOOL_ERROR = 0, 1, 2
PARALLEL_FROM = 1000      # expected translations from which `check` uses all CPUs


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m coop_translations",
        description="Check translations against their sources (co-op-translator metadata).")
    commands = parser.add_subparsers(dest="command", required=True)
    root_help = ("a tree in co-op-translator's layout (sources under DIR, translations in "
                 "DIR/translations/<lang>/); without it, this project per mkdocs.yml")

    check = commands.add_parser("check", help="report stale, broken and missing translations")
    check.add_argument("--root", metavar="DIR", help=root_help)
    check.add_argument("--format", choices=("text", "json", "github"), default="text",
                       help="text: a table by language; json: the contract; github: annotations")
    check.add_argument("--jobs", type=int, metavar="N",
                       help="processes to check languages in (default: one per CPU for large trees)")

    diff = commands.add_parser("diff", help="what changed in the source since PATH was translated")
    diff.add_argument("--root", metavar="DIR", help=root_help)
    diff.add_argument("path", metavar="PATH", help="a translated page or notebook")

    stamp = commands.add_parser("stamp", help="write fresh metadata after re-translating")
    stamp.add_argument("--root", metavar="DIR", help=root_help)
    stamp.add_argument("--force", action="store_true",
                       help="stamp even with problems other than stale or missing-metadata")
    stamp.add_argument("paths", metavar="PATH", nargs="+", help="translated pages or notebooks")
    return parser


def _project_root() -> Path:
    """The nearest folder, from here upwards, that holds mkdocs.yml."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise ConfigError(f"no mkdocs.yml in {here} or above; run from the project, or pass --root DIR "
                      f"for a co-op-translator tree")


def _layout(root: str | None) -> Layout:
    return Layout.coop(Path(root)) if root else Layout.project(_project_root())


def _translation(layout: Layout, arg: str) -> tuple[str, str]:
    """(root-relative path, language) of a PATH argument, given from here or from the root."""
    path = Path(arg)
    if not path.is_absolute() and not path.exists() and (layout.root / path).exists():
        path = layout.root / path
    if not path.exists():
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
    layout = _layout(args.root)
    checker = Checker(layout)
    jobs = args.jobs
    if jobs is None:      # forking pays off only for thousands of pages
        large = len(checker.sources) * len(layout.languages) >= PARALLEL_FROM
        jobs = min(os.cpu_count() or 1, 8) if large else 1
    report = checker.run(jobs=max(jobs, 1))
    sys.stdout.write(render(report, args.format))
    return OK if report.ok else PROBLEMS


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
    from .stamp import StampRefused, stamp

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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = {"check": run_check, "diff": run_diff, "stamp": run_stamp}[args.command]
    try:
        return command(args)
    except (ConfigError, CheckerIOError, GitError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return TOOL_ERROR
