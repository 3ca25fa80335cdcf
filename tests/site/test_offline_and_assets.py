"""The built site requests nothing outside itself and nothing that is missing."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes the browser fetches on its own (links a reader clicks are not requests).
FETCHED = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src")}
FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)|@import\s+['\"]([^'\"]+)['\"]")


class Requests(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.alternates: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href"):
            if (tag, name) in FETCHED and attrs.get(name):
                self.urls.append(attrs[name])
        if tag == "link" and attrs.get("href"):
            rels = set((attrs.get("rel") or "").split())
            if rels & FETCHED_LINK_RELS:
                self.urls.append(attrs["href"])
            if "alternate" in rels and attrs.get("hreflang"):
                self.alternates.append(attrs["href"])


def is_external(url: str) -> bool:
    return bool(urlsplit(url).scheme in ("http", "https") or url.startswith("//"))


def resolves(site: Path, page: Path, url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme == "data" or not parts.path:
        return True
    path = unquote(parts.path)
    target = (site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
    return target.is_file() or (target / "index.html").is_file()


def test_pages_fetch_only_local_files_that_exist(built_site):
    external, missing, alternates = [], [], []
    for page in sorted(built_site.rglob("*.html")):
        parser = Requests()
        parser.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(built_site)
        external += [f"{where}: {url}" for url in parser.urls if is_external(url)]
        missing += [f"{where}: {url}" for url in parser.urls if not is_external(url) and not resolves(built_site, page, url)]
        alternates += [f"{where}: {url}" for url in parser.alternates]
    assert not external, "fetched from outside the site:\n" + "\n".join(external[:20])
    assert not missing, "missing files:\n" + "\n".join(missing[:20])
    # Material fetches <href>/sitemap.xml for every hreflang alternate link: each one a 404.
    assert not alternates, "hreflang alternate links left in pages:\n" + "\n".join(alternates[:5])


def test_stylesheets_fetch_nothing_from_outside(built_site):
    external = []
    for sheet in built_site.rglob("*.css"):
        for match in CSS_URL.finditer(sheet.read_text(encoding="utf-8")):
            url = match.group(1) or match.group(2)
            if is_external(url):
                external.append(f"{sheet.relative_to(built_site)}: {url}")
    assert not external, external[:10]


def test_material_finds_its_sitemap_and_search_index_at_each_language_root(built_site):
    assert (built_site / "sitemap.xml").is_file()
    for index in [built_site / "search" / "search_index.json", *built_site.glob("*/search/search_index.json")]:
        assert index.stat().st_size > 100
