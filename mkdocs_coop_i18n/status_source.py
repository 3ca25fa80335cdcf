"""The translation checker's view of this site, for either layout."""

from __future__ import annotations

from pathlib import Path

from coop_translations.status import ProjectStatus, project_status

from . import coop_layout


def status_of(config) -> ProjectStatus:
    root = coop_layout.coop_root()
    if root is not None:
        return project_status(root, coop=True, source_language=config.plugins["i18n"].default_language)
    return project_status(Path(config.config_file_path).parent)
