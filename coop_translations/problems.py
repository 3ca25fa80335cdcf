"""The checker's vocabulary: problem codes, one result per translation, the report.

These names and the JSON shape are a contract (DESIGN.md, "Checker contract"):
the CI gate, the site's status banner and other repositories' hooks read them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

STALE = "stale"
MISSING_METADATA = "missing-metadata"
MALFORMED_METADATA = "malformed-metadata"
SOURCE_MISMATCH = "source-mismatch"
LANGUAGE_MISMATCH = "language-mismatch"
UNSAFE_PATH = "unsafe-path"
ORPHAN = "orphan"
MISSING = "missing"
ENCODING = "encoding"
MOJIBAKE = "mojibake"
STRUCTURE_DRIFT = "structure-drift"

CODES = (
    STALE, MISSING_METADATA, MALFORMED_METADATA, SOURCE_MISMATCH, LANGUAGE_MISMATCH,
    UNSAFE_PATH, ORPHAN, MISSING, ENCODING, MOJIBAKE, STRUCTURE_DRIFT,
)

# Problems that a fresh `stamp` is meant to fix; any other one makes stamp refuse.
STAMPABLE = frozenset({STALE, MISSING_METADATA})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one translation. `line` (1-based, in the translation)
    is for annotations only and is not part of the JSON contract."""

    code: str
    message: str
    line: int | None = None

    def to_json(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass
class Result:
    """A translation (or the place a missing one should be) and what is wrong with it.

    `path` and `source` are POSIX paths relative to the checked root; `source` is
    None for an orphan. An empty `problems` list means the translation is fine."""

    path: str
    source: str | None
    language: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "source": self.source,
            "language": self.language,
            "problems": [p.to_json() for p in self.problems],
        }


@dataclass
class Report:
    """Every translation and every missing one, sorted by language then path."""

    results: list[Result]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def summary(self) -> dict:
        """Counts only: results, ok, with_problems, problems, then one count per code."""
        counts = {code: 0 for code in CODES}
        for result in self.results:
            for problem in result.problems:
                counts[problem.code] += 1
        with_problems = sum(1 for r in self.results if r.problems)
        return {
            "results": len(self.results),
            "ok": len(self.results) - with_problems,
            "with_problems": with_problems,
            "problems": sum(counts.values()),
            **counts,
        }

    def for_language(self, language: str) -> list[Result]:
        return [r for r in self.results if r.language == language]

    def to_json(self) -> dict:
        return {"summary": self.summary, "results": [r.to_json() for r in self.results]}
