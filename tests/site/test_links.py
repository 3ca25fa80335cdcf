"""Every link, anchor and image on every page of every language of the built site resolves.

No browser and no network: the built HTML is parsed. An internal link must
name a file of the site (a folder means its index.html), and a #fragment an id
on the target page. External links are not fetched, only checked for form.
The language selector's links must lead to the same page in each language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from site_layout import DEFAULT, LANGUAGES, language_root

EXTERNAL_SCHEMES = {"http", "https", "mailto"}
HOST = re.compile(r"^(localhost|[a-z0-9-]+(\.[a-z0-9-]+)+)$", re.I)


class PageLinks(HTMLParser):
    """Links (<a href>), images (<img src/srcset>, <source srcset>), ids and the canonical URL of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.images: list[str] = []
        self.ids: set[str] = set()
        self.language_links: dict[str, str] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
            if "md-select__link" in (attrs.get("class") or "").split() and attrs.get("hreflang"):
                self.language_links[attrs["hreflang"]] = attrs["href"]
        if tag == "img" and attrs.get("src") is not None:
            self.images.append(attrs["src"])
        if tag in ("img", "source") and attrs.get("srcset"):
            self.images += [candidate.split()[0] for candidate in attrs["srcset"].split(",") if candidate.strip()]
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")


@lru_cache(maxsize=None)
def parse(page: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def site_url(site: Path) -> str:
    """The URL the site was built for (mkdocs.yml site_url), read from the home page's canonical link."""
    canonical = parse(site / "index.html").canonical
    assert canonical, "the home page has no <link rel=canonical>: cannot tell internal links from external ones"
    return canonical


def page_url(site: Path, base: str, page: Path) -> str:
    relative = page.relative_to(site).as_posix()
    return base + relative.removesuffix("index.html")


def target_file(site: Path, path: str) -> Path | None:
    """The file a URL path below the site root names, or None."""
    target = site / unquote(path)
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def external_problem(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in EXTERNAL_SCHEMES:
        return f"unexpected scheme {parts.scheme!r}"
    if re.search(r"\s", url):
        return "whitespace in URL"
    if parts.scheme == "mailto":
        return None if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", parts.path) else "malformed address"
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "malformed port"
    if not parts.hostname or not HOST.match(parts.hostname):
        return "malformed host"
    return None


def link_problems(site: Path, page: Path, base: str, href: str, *, image: bool = False) -> str | None:
    """What is wrong with one href/src on a page, or None."""
    if href.startswith("data:") and image:
        return None
    if href == "" or href == "#":
        return None if not image else "empty image source"
    absolute = urljoin(page_url(site, base, page), href)
    if not absolute.startswith(base):
        return external_problem(absolute)
    parts = urlsplit(absolute[len(base):])
    target = target_file(site, parts.path)
    if target is None:
        return "missing target"
    if parts.fragment and not image and target.suffix == ".html":
        if unquote(parts.fragment) not in parse(target).ids:
            return f"no id {unquote(parts.fragment)!r} on {target.relative_to(site).as_posix()}"
    return None


def pages_of(site: Path, language: str) -> list[Path]:
    root = language_root(site, language)
    others = {code for code in LANGUAGES if code != DEFAULT} if language == DEFAULT else set()
    return [page for page in sorted(root.rglob("*.html")) if page.relative_to(root).parts[0] not in others]


def check_pages(site: Path, pages: list[Path]) -> list[str]:
    base = site_url(site)
    problems = []
    for page in pages:
        links = parse(page)
        where = page.relative_to(site).as_posix()
        for href, image in [*((h, False) for h in links.links), *((s, True) for s in links.images)]:
            problem = link_problems(site, page, base, href, image=image)
            if problem:
                problems.append(f"{where}: {'image' if image else 'link'} {href!r}: {problem}")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_anchor_and_image_resolves(built_site, language):
    pages = pages_of(built_site, language)
    assert pages, f"no pages built for {language}"
    problems = check_pages(built_site, pages)
    assert not problems, f"{len(problems)} broken in {language}:\n" + "\n".join(problems[:40])


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_selector_leads_to_the_same_page(built_site, language):
    root = language_root(built_site, language)
    base = site_url(built_site)
    wrong = []
    for page in pages_of(built_site, language):
        if page.name != "index.html":
            continue  # 404.html: not a page of the language tree
        here = page.relative_to(root).as_posix()
        offered = parse(page).language_links
        if sorted(offered) != sorted(LANGUAGES):
            wrong.append(f"{here}: selector offers {sorted(offered)}")
            continue
        for target, href in offered.items():
            absolute = urljoin(page_url(built_site, base, page), href)
            expected = page_url(built_site, base, language_root(built_site, target) / here)
            if absolute != expected:
                wrong.append(f"{language}/{here}: {target} link goes to {absolute}, not {expected}")
    assert not wrong, "\n".join(wrong[:40])


SAMPLE_PAGE = """<html><head><link rel="canonical" href="https://example.org/docs/"></head><body>
<h2 id="here">Here</h2>
<a href="#here">ok</a> <a href="other/#there">ok</a> <a href="https://example.org/docs/other/">ok</a>
<a href="#nowhere">bad anchor</a> <a href="missing/">bad page</a> <a href="other/#gone">bad anchor elsewhere</a>
<a href="/docs/other/">ok</a> <a href="/docs/absent/">bad page</a>
<img src="img/ok.png"> <img src="img/missing.png"> <img src="data:image/png;base64,AA==">
<a href="https://python.org/">ok</a> <a href="https://bad host/">bad</a> <a href="http://:80/">bad</a>
<a href="mailto:someone@example.org">ok</a> <a href="mailto:nobody">bad</a> <a href="javascript:void(0)">bad</a>
</body></html>"""


def test_the_checker_finds_what_is_broken(tmp_path):
    """The checker itself: each kind of breakage on a small hand-made site is reported, nothing else."""
    (tmp_path / "other").mkdir()
    (tmp_path / "img").mkdir()
    (tmp_path / "index.html").write_text(SAMPLE_PAGE, encoding="utf-8")
    (tmp_path / "other" / "index.html").write_text('<p id="there">x</p>', encoding="utf-8")
    (tmp_path / "img" / "ok.png").write_bytes(b"png")
    parse.cache_clear()
    problems = check_pages(tmp_path, [tmp_path / "index.html"])
    parse.cache_clear()
    reported = {problem.split("'")[1] for problem in problems}
    assert reported == {
        "#nowhere", "missing/", "other/#gone", "/docs/absent/", "img/missing.png",
        "https://bad host/", "http://:80/", "mailto:nobody", "javascript:void(0)",
    }, problems
