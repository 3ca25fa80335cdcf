"""Render notebooks as pages in every language.

mkdocs-static-i18n rebuilds the file list with plain `File` objects, which
undoes mkdocs-jupyter's wrapper, so notebooks were copied as raw JSON or
dropped (static-i18n issue #198) and `--strict` never noticed. The cure is to
make MkDocs itself count `.ipynb` as a documentation page: then static-i18n
handles notebooks like any page (translation where one exists, the English
one as fallback, language selector, sitemap) and mkdocs-jupyter renders them.

Also here, because they are about notebooks too:
- a notebook that is not valid JSON stops the build with its path and line;
- the notebook cache is shared by all language sub-builds: mkdocs-jupyter
  evicts every cache entry its current build did not use, so each language
  evicted the others' and every build re-converted every notebook;
- the ~590 KB of JupyterLab CSS that mkdocs-jupyter inlines into every notebook
  page moves to one shared stylesheet: pages shrink from ~700 KB to ~130 KB and
  the search indexer no longer parses half a megabyte of CSS per notebook and
  language (it was the largest cost of the build);
- nbconvert drops non-ASCII letters from heading ids, so a Chinese or Bulgarian
  notebook had headings with `id=""` and a table of contents pointing at `#_1`:
  headings get the site's own Unicode slugs, and the TOC is rebuilt from them.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import mkdocs.utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from pymdownx.slugs import slugify

from .coop_layout import coop_files
from .internals import mark_notebooks_used

NOTEBOOK_SUFFIX = ".ipynb"


def on_config(config: MkDocsConfig) -> None:
    if NOTEBOOK_SUFFIX not in mkdocs.utils.markdown_extensions:
        mkdocs.utils.markdown_extensions = (*mkdocs.utils.markdown_extensions, NOTEBOOK_SUFFIX)


def _notebooks(config: MkDocsConfig) -> list[Path]:
    presented = coop_files()
    if presented is not None:  # a co-op-translator tree: the notebooks found there, wherever they are
        return sorted(Path(real) for real in presented.values() if real.endswith(NOTEBOOK_SUFFIX))
    return sorted(Path(config.docs_dir).rglob(f"*{NOTEBOOK_SUFFIX}"))


def validate_notebook(path: Path) -> None:
    """Raise a PluginError naming the file, the line and the fix."""
    try:
        data = json.loads(path.read_bytes())
    except UnicodeDecodeError as err:
        raise PluginError(f"{path}: notebook is not UTF-8 (byte {err.start}). Re-save it as UTF-8.") from None
    except json.JSONDecodeError as err:
        raise PluginError(
            f"{path}:{err.lineno}:{err.colno}: notebook is not valid JSON ({err.msg}). "
            "Fix the JSON there, or restore the file from git (`git checkout -- <file>`) and redo the edit in Jupyter."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise PluginError(f"{path}: not a Jupyter notebook (no top-level \"cells\" list). Save it from Jupyter as .ipynb.")


@event_priority(-110)  # after static-i18n (-100) has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        if file.src_uri.endswith(NOTEBOOK_SUFFIX) and file.abs_src_path:
            validate_notebook(Path(file.abs_src_path))
    return files


@event_priority(-10)  # after mkdocs-jupyter's own on_pre_build reset its set
def on_pre_build(config: MkDocsConfig) -> None:
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not jupyter.config["cache"]:
        return
    # Every notebook of every language counts as used, so no sub-build evicts
    # another's entry; entries of deleted or edited notebooks still go.
    mark_notebooks_used(jupyter, _notebooks(config))


STYLESHEET_DIR = "assets/stylesheets"


def _inline_styles(html: str):
    """(start, end, css) of each `<style ...>css</style>`, as re.finditer(r"<style[^>]*>(.*?)</style>",
    re.S) finds them, with str.find: the lazy `.*?` crawled through 590 KB of CSS per notebook."""
    pos = 0
    while True:
        start = html.find("<style", pos)
        opened = html.find(">", start + 6) if start >= 0 else -1
        close = html.find("</style>", opened + 1) if opened >= 0 else -1
        if close < 0:
            return
        yield start, close + len("</style>"), html[opened + 1:close]
        pos = close + len("</style>")


def externalize_styles(html: str, page_url: str, site_dir: str) -> str:
    """Replace each inline <style> with a link to a content-addressed copy of it, in place."""
    parts, pos = [], 0
    for start, end, css in _inline_styles(html):
        name = f"{STYLESHEET_DIR}/notebook-{hashlib.md5(css.encode('utf-8')).hexdigest()[:12]}.css"
        target = Path(site_dir, name)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, encoding="utf-8")
        parts += [html[pos:start], f'<link rel="stylesheet" href="{get_relative_url(name, page_url)}">']
        pos = end
    if not parts:
        return html
    parts.append(html[pos:])
    return "".join(parts)


_HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="[^"]*">(?P<title>.*?)<a class="anchor-link" href="#[^"]*">(?P<mark>.*?)</a></h(?P=level)>', re.S
)
_TAG = re.compile(r"<[^>]+>")
SLUGIFY = slugify(case="lower")  # as markdown_extensions > toc > slugify in mkdocs.yml


def reslug_headings(html: str) -> tuple[str, list[dict]]:
    """Give notebook headings Unicode ids (unique per page) and return TOC tokens for them."""
    used: dict[str, int] = {}
    flat: list[dict] = []

    def reslug(match: re.Match) -> str:
        name = _TAG.sub("", match.group("title")).strip()
        base = SLUGIFY(name, "-") or "section"
        count = used.get(base, 0)
        used[base] = count + 1
        anchor = base if not count else f"{base}_{count}"
        flat.append({"level": int(match.group("level")), "id": anchor, "name": name, "children": []})
        return (f'<h{match.group("level")} id="{anchor}">{match.group("title")}'
                f'<a class="anchor-link" href="#{anchor}">{match.group("mark")}</a></h{match.group("level")}>')

    html = _HEADING.sub(reslug, html)
    tokens: list[dict] = []
    stack: list[dict] = []
    for token in flat:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
    return html, tokens


@event_priority(50)  # before the search plugin indexes page.content (page_context)
def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(NOTEBOOK_SUFFIX):
        return html
    html, tokens = reslug_headings(html)
    if tokens:
        page.toc = get_toc(tokens)
    return externalize_styles(html, page.url, config.site_dir)
