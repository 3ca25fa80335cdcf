"""The checker's vocabulary: problem codes, one result per translation, the report.

These names and the JSON shape are a contract (DESIGN.md, "Checker contract"):
the CI gate, the site's status banner and other repositories' hooks read them.
"""
from __future__ import annotations

from .records import FRESH, Frozen, Record

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

# The default policy: a translation lagging behind (stale, missing) is expected while
# work goes on, and the site shows readers a banner for it, so it is a warning; a
# broken one fails. `--fail-on` adds codes to FAIL_BY_DEFAULT.
WARN_BY_DEFAULT = frozenset({STALE, MISSING})
FAIL_BY_DEFAULT = frozenset(CODES) - WARN_BY_DEFAULT


def fail_on(names: str | None) -> frozenset[str]:
    """The codes that fail: the default ones plus a comma-separated list ("all": every
    code). Raises ValueError naming an unknown code."""
    failing = set(FAIL_BY_DEFAULT)
    for name in (names or "").split(","):
        name = name.strip()
        if not name:
            continue
        if name == "all":
            failing.update(CODES)
        elif name in CODES:
            failing.add(name)
        else:
            raise ValueError(f"--fail-on: unknown problem code {name!r} (codes: "
                             f"{', '.join(CODES)}, or all)")
    return frozenset(failing)




class Problem(Frozen):
    """One thing wrong with one translation. `line` (1-based, in the translation)
    is for annotations only and is not part of the JSON contract."""

    _fields = ("code", "message", "line")
    code: str
    message: str
    line: int | None

    def __init__(self, code: str, message: str, line: int | None = None):
        fields = self.__dict__
        fields["code"], fields["message"], fields["line"] = code, message, line

    def to_json(self) -> dict:
        return {"code": self.code, "message": self.message}


class Result(Record):
    """A translation (or the place a missing one should be) and what is wrong with it.

    `path` and `source` are POSIX paths relative to the checked root; `source` is
    None for an orphan. An empty `problems` list means the translation is fine."""

    _fields = ("path", "source", "language", "problems")
    path: str
    source: str | None
    language: str
    problems: list[Problem]

    def __init__(self, path: str, source: str | None, language: str,
                 problems: list[Problem] = FRESH):
        self.path, self.source, self.language = path, source, language
        self.problems = [] if problems is FRESH else problems

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


class Report(Record):
    """Every translation and every missing one, sorted by language then path."""

    _fields = ("results",)
    results: list[Result]

    def __init__(self, results: list[Result]):
        self.results = results

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

    def failing(self, codes: frozenset[str] = FAIL_BY_DEFAULT) -> int:
        """How many problems fail under a policy (the codes that fail)."""
        return sum(1 for r in self.results for p in r.problems if p.code in codes)

    def for_language(self, language: str) -> list[Result]:
        return [r for r in self.results if r.language == language]

    def to_json(self) -> dict:
        return {"summary": self.summary, "results": [r.to_json() for r in self.results]}
