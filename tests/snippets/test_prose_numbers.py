"""A number that a lesson's prose quotes from an output is the one the stored output shows, or is called "about".

A stored output may only vary within its contract, so prose that quotes a
training result exactly would be wrong on the next machine; "about 0.0094" is
honest, "0.0094" must be printed somewhere in that lesson's stored outputs.
"""
import re
from pathlib import Path

import pytest

from tools.snippets import REPO_ROOT, SNIPPETS_DIR

LESSONS = sorted((REPO_ROOT / "docs" / "en" / "lessons").glob("*/index.md"))
# Decimals with three or more digits: the precision of printed results, not of settings like 0.01.
QUOTED = re.compile(r"(?<![\w.])\d+\.\d{3,}(?![\w.])")
HEDGES = ("about", "around", "roughly", "approximately", "≈", "~")


def prose_lines(page: Path):
    fenced = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or "--8<--" in line:
            continue
        yield number, re.sub(r"`[^`]*`", "", line)  # inline code is code, not a quoted result


@pytest.mark.parametrize("page", LESSONS, ids=lambda page: page.parent.name)
def test_quoted_results_match_the_stored_outputs(page):
    outputs = "\n".join(path.read_text(encoding="utf-8")
                        for path in (SNIPPETS_DIR / page.parent.name / "outputs").glob("*.txt"))
    wrong = []
    for number, line in prose_lines(page):
        for match in QUOTED.finditer(line):
            before = line[max(0, match.start() - 16):match.start()].lower()
            if any(hedge in before for hedge in HEDGES) or re.search(rf"(?<![\d.]){re.escape(match.group())}(?!\d)", outputs):
                continue
            wrong.append(f"{page.relative_to(REPO_ROOT)}:{number}: {match.group()} is not in this lesson's "
                         "stored outputs; quote the output, or write 'about'")
    assert not wrong, "\n".join(wrong)
