"""Tiny project trees for the translation checker tests (a uniquely named module, so
test files can import it without clashing with other folders' conftest.py)."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from coop_translations import Checker, Layout, Report, Result

# Tags that yaml.safe_load rejects, as in the real mkdocs.yml.
MKDOCS_YML = """\
site_name: Test site
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
docs_dir: docs
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: en
          default: true
          name: English
        - locale: sv
          name: Svenska
        - locale: zh
          name: 中文
"""

SOURCE = "docs/en/lessons/01-tensors/index.md"

SOURCE_PAGE = """\
# Tensors { #tensors }

A tensor is an array. See the [next lesson](../02-autograd/index.md) and
![a tensor](../../assets/tensor.png).

## Shapes { #shapes }

=== "PyTorch"

    ```python
    --8<-- "01-tensors/shapes_torch.py:make"
    ```

=== "TensorFlow"

    ```python
    --8<-- "01-tensors/shapes_tf.py:make"
    ```

```python
x = 1
# a comment, not a heading
```

## Summary

Read the [glossary](../../glossary.md#tensor).
"""

SWEDISH_PAGE = """\
# Tensorer { #tensors }

En tensor är en matris. Se [nästa lektion](../02-autograd/index.md) och
![en tensor](../../assets/tensor.png).

## Former { #shapes }

=== "PyTorch"

    ```python
    --8<-- "01-tensors/shapes_torch.py:make"
    ```

=== "TensorFlow"

    ```python
    --8<-- "01-tensors/shapes_tf.py:make"
    ```

```python
x = 1
# a comment, not a heading
```

## Sammanfattning

Läs [ordlistan](../../glossary.md#tensor).
"""


def console_script() -> Path:
    """The installed `coop-translations` script beside this Python; fails (never skips)
    where it is missing."""
    script = Path(sys.executable).with_name("coop-translations")
    if not script.exists():
        pytest.fail(f"{script} is missing: `pip install -e .` installs the console script")
    return script


def md5(data: bytes | str) -> str:
    return hashlib.md5(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def metadata_comment(original_hash: str, source: str, language: str,
                     date: str = "2025-01-30T13:02:53+00:00") -> str:
    body = json.dumps({"original_hash": original_hash, "translation_date": date,
                       "source_file": source, "language_code": language}, indent=2)
    return f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{body}\n-->\n"


class Tree:
    """A project (mkdocs.yml layout) or co-op-translator tree under `root`."""

    def __init__(self, root: Path, coop: bool = False):
        self.root = root
        self.coop = coop

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return path

    def read(self, rel: str) -> bytes:
        return (self.root / rel).read_bytes()

    def translation_path(self, source: str, language: str) -> str:
        if self.coop:
            return f"translations/{language}/{source}"
        return source.replace("docs/en/", f"docs/{language}/", 1)

    def translate(self, source: str, language: str, body: str, *, original_hash: str | None = None,
                  source_file: str | None = None, language_code: str | None = None,
                  metadata: bool = True) -> str:
        """Write a translation of `source` with inline metadata (fresh unless told otherwise)."""
        rel = self.translation_path(source, language)
        text = body
        if metadata:
            text = metadata_comment(original_hash or md5(self.read(source)), source_file or source,
                                    language_code or language) + body
        self.write(rel, text)
        return rel

    def layout(self) -> Layout:
        return Layout.coop(self.root) if self.coop else Layout.project(self.root)

    def check(self) -> Report:
        return Checker(self.layout()).run()

    def result(self, rel: str) -> Result:
        matches = [r for r in self.check().results if r.path == rel]
        assert len(matches) == 1, f"no single result for {rel}"
        return matches[0]

    def codes(self, rel: str) -> list[str]:
        return self.result(rel).codes


SITE_BUILD_LANGUAGES = ("sv", "da", "pl", "bg", "zh")


def site_build_project(root: Path, pages: int = 60) -> Tree:
    """This project's layout with a few hundred translations, the size the site build
    checks on every build: SITE_BUILD_LANGUAGES x `pages` lessons of about 6 KB, each
    translation fresh. Shared by the test that each file is read once and by
    benchmarks/bench_checker.py, which times it."""
    tree = Tree(root)
    languages = SITE_BUILD_LANGUAGES
    tree.write("mkdocs.yml", MKDOCS_YML.replace(
        "        - locale: zh\n", "".join(f"        - locale: {code}\n" for code in languages[:-1])
        + "        - locale: zh\n"))
    page, translated = SOURCE_PAGE * 8, SWEDISH_PAGE * 8
    for number in range(pages):
        source = f"docs/en/lessons/{number:02d}/index.md"
        tree.write(source, page)
        for language in languages:
            tree.write(source.replace("/en/", f"/{language}/"),
                       metadata_comment(md5(page), source, language) + translated)
    return tree
