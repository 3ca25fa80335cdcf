"""`python -m coop_translations.write_tables`: (re)write encoding_tables.py, the
mojibake detector's tables derived from the code pages; with --check, exit 1 if the
file is stale (a test runs the same comparison)."""
import sys

from .encoding import tables_main

sys.exit(tables_main(sys.argv[1:]))
