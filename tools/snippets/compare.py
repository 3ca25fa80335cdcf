"""Compare printed outputs line by line, numbers within a tolerance.

Text must match exactly; every number is compared with math.isclose, so a change
in the last printed digit on another machine is not a failure while a changed
word, shape or line count is. On a GPU, lines that talk about devices are
normalized first (the stored outputs come from a CPU run).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])|(?<![\w.])[-+]?(?:nan|inf)(?![\w])")
# Words that mark a line as describing a device; only such lines are normalized.
_DEVICE_LINE = re.compile(r"cuda|gpu|device", re.IGNORECASE)
_DEVICE_TOKENS = re.compile(
    r"/job:\S*?device:(?:CPU|GPU):\d+|\bcuda(?::\d+)?\b|\bcpu(?::\d+)?\b|\b(?:GPU|CPU)(?::\d+)?\b|\bTrue\b|\bFalse\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Tolerance:
    rel: float
    abs: float


CPU_TOLERANCE = Tolerance(rel=1e-4, abs=1e-6)
# Printed values are rounded to 4 decimals, so near zero the absolute part matters most.
GPU_TOLERANCE = Tolerance(rel=1e-2, abs=1e-3)


def normalize_device_line(line: str) -> str:
    return _DEVICE_TOKENS.sub("<device>", line) if _DEVICE_LINE.search(line) else line


def _split(line: str) -> tuple[list[str], list[float]]:
    texts, numbers, last = [], [], 0
    for match in NUMBER.finditer(line):
        texts.append(line[last:match.start()])
        numbers.append(float(match.group()))
        last = match.end()
    texts.append(line[last:])
    return texts, numbers


def _numbers_close(a: float, b: float, tolerance: Tolerance) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=tolerance.rel, abs_tol=tolerance.abs)


def line_matches(expected: str, actual: str, tolerance: Tolerance) -> bool:
    expected_text, expected_numbers = _split(expected.rstrip())
    actual_text, actual_numbers = _split(actual.rstrip())
    if expected_text != actual_text or len(expected_numbers) != len(actual_numbers):
        return False
    return all(_numbers_close(a, b, tolerance) for a, b in zip(expected_numbers, actual_numbers))


def differences(expected: str, actual: str, tolerance: Tolerance = CPU_TOLERANCE,
                normalize_devices: bool = False) -> list[str]:
    """Human-readable differences (empty when the outputs match)."""
    expected_lines = expected.rstrip("\n").splitlines()
    actual_lines = actual.rstrip("\n").splitlines()
    if normalize_devices:
        expected_lines = [normalize_device_line(line) for line in expected_lines]
        actual_lines = [normalize_device_line(line) for line in actual_lines]
    found = []
    for number, (want, got) in enumerate(zip(expected_lines, actual_lines), start=1):
        if not line_matches(want, got, tolerance):
            found.append(f"line {number}: expected {want!r}, got {got!r}")
    if len(expected_lines) != len(actual_lines):
        found.append(f"expected {len(expected_lines)} lines, got {len(actual_lines)}")
    return found
