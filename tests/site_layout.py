"""Where the build puts each page: derived from docs/ and mkdocs.yml, never listed by hand."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from coop_translations.config import load_site_config

REPO_ROOT = Path(__file__).resolve().parents[1]
SITE = load_site_config(REPO_ROOT)
LANGUAGES = SITE.languages
DEFAULT = SITE.default_language
SOURCE_DIR = REPO_ROOT / SITE.docs_dir / DEFAULT
PAGE_SUFFIXES = (".md", ".ipynb")


def source_pages() -> list[PurePosixPath]:
    """English pages and notebooks, relative to docs/en/."""
    return sorted(
        PurePosixPath(path.relative_to(SOURCE_DIR).as_posix())
        for path in SOURCE_DIR.rglob("*")
        if path.suffix in PAGE_SUFFIXES
    )


def language_root(site: Path, language: str) -> Path:
    return site if language == DEFAULT else site / language


def built_page(site: Path, language: str, page: PurePosixPath) -> Path:
    """docs/<lang>/a/index.md -> a/index.html; a/b.md or a/b.ipynb -> a/b/index.html."""
    folder = page.parent if page.stem in ("index", "README") else page.parent / page.stem
    return language_root(site, language) / folder / "index.html"
