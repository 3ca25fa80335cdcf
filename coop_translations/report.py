"""A report in the three forms people and machines read: a text table for a
translator, the JSON contract, and GitHub workflow annotations."""
from __future__ import annotations

import json

from .problems import CODES, FAIL_BY_DEFAULT, MISSING, Report, Result


def render(report: Report, fmt: str, failing: frozenset[str] = FAIL_BY_DEFAULT) -> str:
    return {"json": to_json, "text": to_text, "github": to_github}[fmt](report, failing)


_ENCODER = json.JSONEncoder(ensure_ascii=False)
_STRING = json.encoder.encode_basestring        # what _ENCODER writes a str with (C)


def to_json(report: Report, failing: frozenset[str] = FAIL_BY_DEFAULT) -> str:
    """One result per line: readable, and built fast: the summary through json's C
    encoder (indent= would use the slow pure-Python one), each result written out
    with the encoder's own string function, as the encoder writes it (a test compares
    them), where encoding each result alone made the encoder anew every time and
    cost more than a quarter of a large check, after its parallel part.

    Beyond the contract's counts, the summary says which codes fail under the policy
    used (`fail_on`), how many problems failed (`failing`) and whether the check did."""
    summary = report.summary
    summary.update(fail_on=[code for code in CODES if code in failing],
                   failing=report.failing(failing))
    summary["failed"] = bool(summary["failing"])
    summary = _ENCODER.encode(summary)
    if not report.results:
        return f'{{"summary": {summary}, "results": []}}\n'
    # Languages, sources and codes recur: each is written once, and each result's line
    # is made from its source's and language's written forms.
    strings: dict[str, str] = {None: "null"}

    def string(text: str) -> str:
        written = strings.get(text)
        if written is None:
            written = strings[text] = _STRING(text)
        return written

    lines = []
    append, encode = lines.append, _STRING
    for result in report.results:
        source, language = strings.get(result.source), strings.get(result.language)
        if source is None:
            source = string(result.source)
        if language is None:
            language = string(result.language)
        problems = ", ".join([f'{{"code": {string(p.code)}, "message": {encode(p.message)}}}'
                              for p in result.problems]) if result.problems else ""
        append(f'{{"path": {encode(result.path)}, "source": {source}, '
               f'"language": {language}, "problems": [{problems}]}}')
    results = ",\n  ".join(lines)
    return f'{{"summary": {summary},\n "results": [\n  {results}\n]}}\n'


def _counts(summary: dict) -> str:
    parts = [f"{code} {summary[code]}" for code in CODES if summary[code]]
    return f" ({', '.join(parts)})" if parts else ""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def summary_line(report: Report, failing: frozenset[str] = FAIL_BY_DEFAULT) -> str:
    s = report.summary
    if not s["results"]:
        return "Summary: no translation languages or sources found."
    if report.ok:
        return f"Summary: all {s['results']} translations are fine."
    failed = report.failing(failing)
    verdict = (f"{_plural(failed, 'problem')} fail{'s' if failed == 1 else ''}" if failed else
               "nothing fails (warnings only)")
    return (f"Summary: {_plural(s['results'], 'translation')}: {s['ok']} fine, "
            f"{s['with_problems']} with {_plural(s['problems'], 'problem')}{_counts(s)}; "
            f"{verdict}.")


def _short(result: Result, message: str) -> str:
    """Messages name their file for JSON readers; the table already shows it."""
    prefix = result.path + ": "
    return message[len(prefix):] if message.startswith(prefix) else message


def to_text(report: Report, failing: frozenset[str] = FAIL_BY_DEFAULT) -> str:
    lines = []
    languages = sorted({r.language for r in report.results})
    for language in languages:
        results = report.for_language(language)
        bad = [r for r in results if r.problems]
        lines.append(f"{language}: {_plural(len(results), 'translation')}, "
                     f"{len(results) - len(bad)} fine, {len(bad)} with problems")
        for result in bad:
            for problem in result.problems:
                level = "error" if problem.code in failing else "warning"
                lines.append(f"  {level:<7} {problem.code:<19} {result.path}")
                lines.append(f"  {'':<7} {'':<19} {_short(result, problem.message)}")
    lines.append(summary_line(report, failing))
    return "\n".join(lines) + "\n"


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def to_github(report: Report, failing: frozenset[str] = FAIL_BY_DEFAULT) -> str:
    """`::error file=...::` for failing problems, `::warning` for the others; a missing
    translation is annotated on its source."""
    lines = []
    for result in report.results:
        for problem in result.problems:
            level = "error" if problem.code in failing else "warning"
            file = result.source if problem.code == MISSING else result.path
            props = f"file={_escape(file, True)}"
            if problem.line:
                props += f",line={problem.line}"
            props += f",title={_escape('translation ' + problem.code, True)}"
            lines.append(f"::{level} {props}::{_escape(problem.message)}")
    lines.append(summary_line(report, failing))
    return "\n".join(lines) + "\n"
