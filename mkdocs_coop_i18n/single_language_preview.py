"""Give a BUILD_ONLY_LOCALE preview of a translation the English images and styles.

With `build_only_locale: sv`, static-i18n makes Swedish the only (and default)
language, so nothing under docs/en/ is built: the lesson images (kept once,
beside the English page) and the site's extra CSS went missing, and
`mkdocs build --strict` stopped on the image links. Here the English media
files the language lacks are added at the same paths, as the full build does.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from coop_translations.config import load_site_config

from .coop_layout import coop_root


@event_priority(-110)  # after static-i18n (-100) chose this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    locale = config.plugins["i18n"].config.build_only_locale
    if not locale or coop_root() is not None:
        return files
    source = load_site_config(Path(config.config_file_path).parent).default_language
    if not locale or locale == source:
        return files
    source_root = Path(config.docs_dir) / source
    present = {file.dest_uri for file in files}
    for path in sorted(p for p in source_root.rglob("*") if p.is_file()):
        relative = path.relative_to(source_root).as_posix()
        if relative in present:
            continue
        # Presented at the translation's own path, so its links (checked by source path) find it.
        media = File.generated(config, f"{locale}/{relative}", abs_src_path=str(path))
        if media.is_media_file():
            media.dest_uri = relative
            files.append(media)
    return files
