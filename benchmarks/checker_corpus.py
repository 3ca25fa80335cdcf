"""A generated co-op-translator tree for bench_checker.py: sources at the root,
translations/<lang>/ mirroring them, inline metadata, some stale, some without.

Prose is drawn from per-script vocabularies so byte sizes and decoding work look
like real translations (Latin with diacritics, Cyrillic, Greek, CJK, Arabic, ...).
"""
from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

# 54 language folders, as co-op-translator names them, each with a script to write in.
SCRIPTS = {
    # Mostly ASCII, with 19 of the 159 letters accented: about 12 % of the letters drawn, more
    # than most real Latin-script prose has (Swedish about 4 %), so a harder case for the
    # checker's mojibake scan. (This comment said 3 %; the corpus is unchanged.)
    "latin": "etaoinshrdlucmfwygpbvkxqjz" * 4 + "etaoinshr" * 4 + "åäöéèüßñçłśźżąęćńøæ",
    "cyrillic": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "greek": "αβγδεζηθικλμνξοπρστυφχψω",
    "cjk": "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长",
    "kana": "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
    "hangul": "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호",
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "hebrew": "אבגדהוזחטיכלמנסעפצקרשת",
    "devanagari": "अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह",
    "thai": "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ",
    "bengali": "অআইঈউঊএঐওঔকখগঘচছজঝটঠডঢণতথদধনপফবভমযরলশষসহ",
    "tamil": "அஆஇஈஉஊஎஏஐஒஓகஙசஞடணதநபமயரலவழளறன",
}
LANGUAGES = {
    "ar": "arabic", "bg": "cyrillic", "bn": "bengali", "cs": "latin", "da": "latin", "de": "latin",
    "el": "greek", "es": "latin", "et": "latin", "fa": "arabic", "fi": "latin", "fr": "latin",
    "he": "hebrew", "hi": "devanagari", "hr": "latin", "hu": "latin", "id": "latin", "it": "latin",
    "ja": "kana", "ko": "hangul", "lt": "latin", "mr": "devanagari", "ms": "latin", "my": "thai",
    "ne": "devanagari", "nl": "latin", "no": "latin", "pa": "devanagari", "pl": "latin",
    "pt-BR": "latin", "pt-PT": "latin", "ro": "latin", "ru": "cyrillic", "sk": "latin",
    "sl": "latin", "sr": "cyrillic", "sv": "latin", "sw": "latin", "ta": "tamil", "th": "thai",
    "tl": "latin", "tr": "latin", "uk": "cyrillic", "ur": "arabic", "vi": "latin",
    "zh-CN": "cjk", "zh-TW": "cjk", "zh-HK": "cjk", "zh-MO": "cjk", "kn": "tamil", "ml": "tamil",
    "te": "tamil", "lo": "thai", "km": "thai",
}
assert len(LANGUAGES) == 54


def _words(rng: random.Random, alphabet: str, count: int = 400) -> list[str]:
    return ["".join(rng.choices(alphabet, k=rng.randint(2, 9))) for _ in range(count)]


def _paragraphs(rng: random.Random, words: list[str], count: int = 60) -> list[str]:
    return [" ".join(rng.choices(words, k=rng.randint(40, 110))) + "." for _ in range(count)]


def _page(rng: random.Random, paragraphs: list[str], number: int, target_bytes: int) -> str:
    """A lesson page: headings with anchors, prose, tabs with snippet includes, code, links."""
    parts = [f"# Lesson {number} {{ #lesson-{number} }}\n"]
    section = 0
    while sum(len(p.encode()) for p in parts) < target_bytes:
        section += 1
        parts.append(f"## Section {section} {{ #s{number}-{section} }}\n")
        parts.extend(rng.sample(paragraphs, 3))
        parts.append(f"See [the previous lesson](../lesson-{number - 1:02d}/README.md#s{section}) and "
                     f"![diagram {section}](../../images/lesson-{number}-{section}.png).\n")
        parts.append('=== "PyTorch"\n\n    ```python\n'
                     f'    --8<-- "lesson_{number}/train_torch.py:step{section}"\n    ```\n\n'
                     '=== "TensorFlow"\n\n    ```python\n'
                     f'    --8<-- "lesson_{number}/train_tf.py:step{section}"\n    ```\n')
        parts.append(f"```python\nx = torch.randn({section}, {number})\n# shape check\n"
                     f"assert x.shape == ({section}, {number})\n```\n")
    return "\n".join(parts)


def _translate(rng: random.Random, english: str, paragraphs: list[str]) -> str:
    """Same structure, prose replaced by target-language paragraphs of similar length."""
    out, in_code = [], False
    for block in english.split("\n"):
        if block.lstrip().startswith("```"):
            in_code = not in_code
        if in_code or not block or block.lstrip().startswith(("```", "===", "--8<--", "#", "See ")):
            out.append(block)
        else:
            out.append(rng.choice(paragraphs))
    return "\n".join(out)


def _notebook(text: str) -> str:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": [text[:2000]]},
             {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": ["import torch\n", "x = torch.ones(3)\n"]},
             {"cell_type": "markdown", "metadata": {}, "source": [text[2000:4000]]}]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
                      indent=1, ensure_ascii=False) + "\n"


def _with_metadata(text: str, metadata: dict, notebook: bool) -> str:
    if notebook:
        nb = json.loads(text)
        nb["metadata"]["coopTranslator"] = metadata
        return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
    comment = json.dumps(metadata, indent=2, ensure_ascii=False)
    return f"<!--\nCO_OP_TRANSLATOR_METADATA:\n{comment}\n-->\n{text}"


def build(root: Path, languages: int = 54, sources: int = 70, page_bytes: int = 12000,
          seed: int = 4, sidecar: bool = False) -> dict:
    """Write the tree; returns counts (stale, without metadata, files, bytes).

    Metadata goes inline (the comment, notebook metadata) or, with sidecar=True, into
    translations/<lang>/.co-op-translator.json as co-op-translator 0.16+ writes it."""
    rng = random.Random(seed)
    english = _paragraphs(rng, _words(rng, SCRIPTS["latin"][:26]))
    sources_text = {}
    for number in range(1, sources + 1):
        notebook = number % 14 == 0
        rel = f"lessons/lesson-{number:02d}/" + ("notebook.ipynb" if notebook else "README.md")
        text = _page(rng, english, number, page_bytes)
        sources_text[rel] = _notebook(text) if notebook else text
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sources_text[rel], encoding="utf-8")
    counts = {"stale": 0, "without_metadata": 0, "files": 0, "bytes": 0}
    for code in list(LANGUAGES)[:languages]:
        entries = {}
        script = LANGUAGES[code]
        prose = _paragraphs(rng, _words(rng, SCRIPTS[script]))
        for rel, text in sources_text.items():
            notebook = rel.endswith(".ipynb")
            translated = _notebook(_translate(rng, _page_text(text, notebook), prose)) if notebook \
                else _translate(rng, text, prose)
            digest = hashlib.md5(text.encode("utf-8")).hexdigest()
            roll = rng.random()
            if roll < 0.03:
                counts["without_metadata"] += 1
            else:
                if roll < 0.13:
                    digest = hashlib.md5(f"older {rel}".encode()).hexdigest()
                    counts["stale"] += 1
                metadata = {"original_hash": digest, "translation_date": "2025-06-01T12:00:00+00:00",
                            "source_file": rel, "language_code": code}
                if sidecar:
                    entries[rel] = metadata
                else:
                    translated = _with_metadata(translated, metadata, notebook)
            path = root / "translations" / code / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            data = translated.encode("utf-8")
            path.write_bytes(data)
            counts["files"] += 1
            counts["bytes"] += len(data)
        if sidecar:
            (root / "translations" / code / ".co-op-translator.json").write_text(
                json.dumps(dict(sorted(entries.items())), indent=2, ensure_ascii=False), encoding="utf-8")
    return counts


def _page_text(notebook_text: str, notebook: bool) -> str:
    if not notebook:
        return notebook_text
    cells = json.loads(notebook_text)["cells"]
    return "".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
