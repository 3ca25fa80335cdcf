"""`python -m coop_translations`: the same program as the `coop-translations` script."""
from .cli import console

console()
