"""co-op-translator repositories as they are (stub)."""
from __future__ import annotations

_state: dict = {}


def coop_root():
    return _state.get("root")
