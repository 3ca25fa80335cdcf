"""Compare printed outputs line by line under the output contract (see `contract`).

Text, integers and the line count must match; decimal numbers match to the last
printed digit unless the snippet declares that a line varies with the hardware.
On a GPU, lines that talk about devices are normalized first (the stored outputs
come from a CPU run).
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from .contract import Declaration, Tolerance, declarations, rules_for

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])|(?<![\w.])[-+]?(?:nan|inf)(?![\w])")
# Words that mark a line as describing a device; only such lines are normalized.
_DEVICE_LINE = re.compile(r"cuda|gpu|device", re.IGNORECASE)
_DEVICE_TOKENS = re.compile(
    r"/job:\S*?device:(?:CPU|GPU):\d+|\bcuda(?::\d+)?\b|\bcpu(?::\d+)?\b|\b(?:GPU|CPU)(?::\d+)?\b|\bTrue\b|\bFalse\b",
    re.IGNORECASE,
)


def normalize_device_line(line: str) -> str:
    return _DEVICE_TOKENS.sub("<device>", line) if _DEVICE_LINE.search(line) else line


def _split(line: str) -> tuple[list[str], list[str]]:
    texts, numbers, last = [], [], 0
    for match in NUMBER.finditer(line):
        texts.append(line[last:match.start()])
        numbers.append(match.group())
        last = match.end()
    texts.append(line[last:])
    return texts, numbers


def _is_integer(token: str) -> bool:
    return re.fullmatch(r"[-+]?\d+", token) is not None


def last_place(token: str) -> float:
    """One unit of the last digit printed: 0.0209 -> 0.0001, 18.08 -> 0.01, 1.5e-03 -> 1e-04."""
    mantissa, _, exponent = token.lower().partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def numbers_close(expected: str, actual: str, tolerance: Tolerance) -> bool:
    if _is_integer(expected) and _is_integer(actual) and not tolerance.integers:
        return int(expected) == int(actual)
    a, b = float(expected), float(actual)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    allowed = max(tolerance.abs, tolerance.rel * max(abs(a), abs(b)), last_place(expected) * 1.000001)
    return abs(a - b) <= allowed


def line_matches(expected: str, actual: str, tolerance: Tolerance) -> bool:
    expected_text, expected_numbers = _split(expected.rstrip())
    actual_text, actual_numbers = _split(actual.rstrip())
    if expected_text != actual_text or len(expected_numbers) != len(actual_numbers):
        return False
    return all(numbers_close(a, b, tolerance) for a, b in zip(expected_numbers, actual_numbers))


def describe(tolerance: Tolerance) -> str:
    if tolerance.origin == "exact":
        return "exact"
    parts = [f"±{tolerance.abs:g}"] if tolerance.abs else []
    parts += [f"±{tolerance.rel * 100:g}%"] if tolerance.rel else []
    return f"{' or '.join(parts)} declared at {tolerance.origin}"


def differences(expected: str, actual: str, mode: str = "cpu", snippet: Path | None = None,
                found: list[Declaration] | None = None) -> list[str]:
    """Human-readable differences (empty when the outputs match), each naming the rule it broke.

    The tolerance of each line comes from the `# varies` comments of `snippet`
    (or the `found` declarations); in "gpu" mode device names are normalized.
    """
    expected_lines = expected.rstrip("\n").splitlines()
    actual_lines = actual.rstrip("\n").splitlines()
    if found is None:
        found = declarations(snippet) if snippet is not None else []
    tolerances, problems = rules_for(expected_lines, found, mode)
    if mode == "gpu":
        expected_lines = [normalize_device_line(line) for line in expected_lines]
        actual_lines = [normalize_device_line(line) for line in actual_lines]
    for number, (want, got, tolerance) in enumerate(zip(expected_lines, actual_lines, tolerances), start=1):
        if not line_matches(want, got, tolerance):
            problems.append(f"line {number} ({describe(tolerance)}): expected {want!r}, got {got!r}")
    if len(expected_lines) != len(actual_lines):
        problems.append(f"expected {len(expected_lines)} lines, got {len(actual_lines)} (line counts are exact)")
    return problems
