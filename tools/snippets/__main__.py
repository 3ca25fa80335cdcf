"""`python -m tools.snippets outputs [--check]` and `python -m tools.snippets notebooks [--check]`.

Without --check each command rewrites the derived files; with --check it only
compares them and exits 1 (listing them) when they are out of date.
"""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.snippets", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    outputs = commands.add_parser("outputs", help="regenerate the output files shown under code on pages")
    outputs.add_argument("--check", action="store_true", help="compare only; exit 1 when a file is out of date")
    outputs.add_argument("snippets", nargs="*", help="only these snippet files or lesson folders (e.g. snippets/01-tensors)")
    notebooks = commands.add_parser("notebooks", help="build docs/en/notebooks/*.ipynb from snippets/notebooks/*.md and the lesson notebooks from the lesson pages")
    notebooks.add_argument("--check", action="store_true", help="compare cells only; exit 1 when a notebook is out of date")
    args = parser.parse_args(argv)
    if args.command == "outputs":
        from .outputs import update_outputs

        try:
            return update_outputs(args.check, args.snippets or None)
        except ValueError as error:
            parser.error(str(error))
    from .notebooks import update_notebooks

    return update_notebooks(args.check)


if __name__ == "__main__":
    sys.exit(main())
