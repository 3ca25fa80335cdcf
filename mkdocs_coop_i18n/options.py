"""The loaded options, for the feature modules (they are plain functions, not methods)."""

from __future__ import annotations

from pathlib import Path

_current: dict = {}


def set_options(config, config_file_path: str | None) -> None:
    _current.clear()
    _current.update(config)
    _current["config_dir"] = str(Path(config_file_path).parent) if config_file_path else "."


def option(name: str):
    return _current[name]
