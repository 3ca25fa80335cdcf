"""BUILD_ONLY_LOCALE=<lang> builds one translation alone, at the root, for quick editing."""

from __future__ import annotations

import re

from site_build import REPO_ROOT, build_site
from site_layout import DEFAULT, LANGUAGES

PREVIEW = next(code for code in LANGUAGES if code != DEFAULT)


def test_one_language_preview_builds_strict_with_the_english_images(tmp_path):
    site = tmp_path / "site"
    result = build_site(REPO_ROOT, site, BUILD_ONLY_LOCALE=PREVIEW)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{PREVIEW}"' in home
    assert not (site / PREVIEW).exists(), "the previewed language belongs at the root"
    images = []
    for page in site.rglob("*.html"):
        for source in re.findall(r'<img[^>]* src="([^"]+)"', page.read_text(encoding="utf-8")):
            if not source.startswith(("data:", "http")):
                images.append((page, source))
    assert images, "the lessons show images"
    missing = [f"{page.relative_to(site)}: {src}" for page, src in images if not (page.parent / src).resolve().is_file()]
    assert not missing, missing
