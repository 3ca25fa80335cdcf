"""A report in the three forms people and machines read: a text table for a
translator, the JSON contract, and GitHub workflow annotations."""
from __future__ import annotations

import json

from .problems import CODES, MISSING, STALE, Report, Result

# A translation lagging behind is expected while work goes on; the rest is broken.
_WARNINGS = frozenset({STALE, MISSING})


def render(report: Report, fmt: str) -> str:
    return {"json": to_json, "text": to_text, "github": to_github}[fmt](report)


def to_json(report: Report) -> str:
    """One result per line: readable, and json's C encoder (indent= would use the slow
    pure-Python one, which costs more than checking for thousands of results)."""
    data = report.to_json()
    results = ",\n  ".join(json.dumps(r, ensure_ascii=False) for r in data["results"])
    summary = json.dumps(data["summary"], ensure_ascii=False)
    return f'{{"summary": {summary},\n "results": [\n  {results}\n]}}\n' if results else \
        f'{{"summary": {summary}, "results": []}}\n'



def _counts(summary: dict) -> str:
    parts = [f"{code} {summary[code]}" for code in CODES if summary[code]]
    return f" ({', '.join(parts)})" if parts else ""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def summary_line(report: Report) -> str:
    s = report.summary
    if not s["results"]:
        return "Summary: no translation languages or sources found."
    if report.ok:
        return f"Summary: all {s['results']} translations are fine."
    return (f"Summary: {_plural(s['results'], 'translation')}: {s['ok']} fine, "
            f"{s['with_problems']} with {_plural(s['problems'], 'problem')}{_counts(s)}.")


def _short(result: Result, message: str) -> str:
    """Messages name their file for JSON readers; the table already shows it."""
    prefix = result.path + ": "
    return message[len(prefix):] if message.startswith(prefix) else message


def to_text(report: Report) -> str:
    lines = []
    languages = sorted({r.language for r in report.results})
    for language in languages:
        results = report.for_language(language)
        bad = [r for r in results if r.problems]
        lines.append(f"{language}: {_plural(len(results), 'translation')}, "
                     f"{len(results) - len(bad)} fine, {len(bad)} with problems")
        for result in bad:
            for problem in result.problems:
                lines.append(f"  {problem.code:<19} {result.path}")
                lines.append(f"  {'':<19} {_short(result, problem.message)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def to_github(report: Report) -> str:
    """`::error file=...::` lines; a missing translation is annotated on its source."""
    lines = []
    for result in report.results:
        for problem in result.problems:
            level = "warning" if problem.code in _WARNINGS else "error"
            file = result.source if problem.code == MISSING else result.path
            props = f"file={_escape(file, True)}"
            if problem.line:
                props += f",line={problem.line}"
            props += f",title={_escape('translation ' + problem.code, True)}"
            lines.append(f"::{level} {props}::{_escape(problem.message)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"
