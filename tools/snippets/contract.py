"""The output contract: which printed numbers must match the stored output exactly, and which may vary.

By default every line of a stored output must come back as it is: the same text,
the same integers (shapes, counts, epochs), the same line count, and decimal
numbers equal up to the last printed digit (`EXACT`). That holds for tensor
arithmetic and closed-form fits on any CPU.

Numbers that legitimately depend on the hardware (results of long training,
where another instruction set or thread count changes the last bits and hundreds
of steps amplify them) are declared by the snippet itself, in a comment on or
just above the `print` that writes them, so the page shows the learner too:

    # varies ±0.03 or ±3% with the hardware: 300 Adam steps amplify last-bit differences
    print(f"epoch {epoch:3d}  train {train:.4f}  validation {val:.4f}")

    # varies ±40% on a GPU: CUDA draws other dropout masks than the CPU
    print(f"with dropout  train {train:.4f}")

`±N%` is a relative, `±N` an absolute tolerance; a number passes when it is
within either. "with the hardware" applies on every device, "on a GPU" only to
the [gpu] runs. The reason after the colon is required: no output is loosened
without one. Integers on a declared line stay exact unless the comment says
`integers too`. A declaration that matches no printed line is an error, so a
stale comment cannot silently loosen nothing, or something else.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

# "# varies ±0.03 or ±3% [integers too] with the hardware|on a GPU: reason"
_AMOUNT = r"(?:±|\+/-)\s*\d+(?:\.\d+)?\s*%?"
DECLARATION = re.compile(
    rf"#\s*varies\s+(?P<amounts>{_AMOUNT}(?:\s+or\s+{_AMOUNT})*)"
    r"(?P<integers>\s+integers too)?"
    r"\s+(?P<where>with the hardware|on a GPU)\s*:\s*(?P<why>\S.*)$"
)
_STARTS_DECLARATION = re.compile(r"#\s*varies\b")


@dataclass(frozen=True)
class Tolerance:
    rel: float
    abs: float
    integers: bool = False  # do integers get the tolerance too (else they stay exact)?
    origin: str = "exact"  # where the tolerance was declared, for messages

    def loosest(self, other: "Tolerance") -> "Tolerance":
        return Tolerance(max(self.rel, other.rel), max(self.abs, other.abs),
                         self.integers or other.integers, other.origin if other.origin != "exact" else self.origin)


# Exact: every digit as stored, except that the last printed digit may be one
# unit off (a value on a rounding boundary, 0.12345, prints 0.1234 or 0.1235).
EXACT = Tolerance(rel=0.0, abs=0.0)
# A GPU computes the same float32 sums in another order, and TensorFlow uses TF32
# (10-bit mantissa) for float32 matrix products on recent NVIDIA GPUs: about 1e-3 relative.
GPU_DEFAULT = Tolerance(rel=1e-2, abs=1e-3, origin="GPU default (TF32 matrix products)")


class ContractError(ValueError):
    """A `# varies` comment that cannot be used: says the file, the line and the fix."""


@dataclass(frozen=True)
class Declaration:
    """One `# varies` comment and the print it belongs to."""
    path: Path
    line: int  # of the comment
    template: re.Pattern  # matches the lines the print writes
    tolerance: Tolerance
    gpu_only: bool
    reason: str

    def applies(self, mode: str) -> bool:
        return mode == "gpu" or not self.gpu_only


def _parse_amounts(text: str, integers: bool, origin: str) -> Tolerance:
    rel = absolute = 0.0
    for amount in re.findall(r"\d+(?:\.\d+)?\s*%?", text):
        if amount.endswith("%"):
            rel = max(rel, float(amount.rstrip("% ")) / 100)
        else:
            absolute = max(absolute, float(amount))
    return Tolerance(rel, absolute, integers, origin)


def _print_template(call: ast.Call) -> re.Pattern | None:
    """A regex for the lines `print(...)` writes: literal text exact, every formatted value free."""
    if not (isinstance(call.func, ast.Name) and call.func.id == "print") or call.keywords:
        return None
    parts: list[str] = []
    for index, argument in enumerate(call.args):
        if index:
            parts.append(re.escape(" "))
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            parts.append(re.escape(argument.value))
        elif isinstance(argument, ast.JoinedStr):
            for piece in argument.values:
                if isinstance(piece, ast.Constant):
                    parts.append(re.escape(piece.value))
                else:
                    parts.append(r".*?")
        else:
            parts.append(r".*?")
    return re.compile("".join(parts).replace(r"\ ", " ") + r"\s*")


def declarations(path: Path) -> list[Declaration]:
    """The `# varies` comments of one snippet file, each tied to the print it describes."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text, filename=str(path))
    calls_by_line: dict[int, ast.Call] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            calls_by_line.setdefault(node.lineno, node.value)
    found = []
    for number, line in enumerate(lines, start=1):
        comment_at = line.find("#")
        if comment_at < 0 or not _STARTS_DECLARATION.match(line[comment_at:]):
            continue
        place = f"{path}:{number}"
        match = DECLARATION.match(line[comment_at:])
        if not match:
            raise ContractError(
                f"{place}: cannot read this `# varies` comment. Write it as "
                "`# varies ±0.03 or ±3% with the hardware: <why>` (or `on a GPU`); the reason is required")
        # On the print's own line, or on the line(s) just above it (comments may continue).
        target = number if line[:comment_at].strip() else next(
            (n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")),
            None)
        call = calls_by_line.get(target) if target else None
        template = _print_template(call) if call is not None else None
        if template is None:
            raise ContractError(f"{place}: a `# varies` comment must sit on or just above a print(...) call "
                                "whose arguments are strings or f-strings")
        found.append(Declaration(
            path, number, template,
            _parse_amounts(match.group("amounts"), bool(match.group("integers")), f"{path.name}:{number}"),
            gpu_only=match.group("where") == "on a GPU", reason=match.group("why").strip()))
    return found


def rules_for(lines: list[str], found: list[Declaration], mode: str) -> tuple[list[Tolerance], list[str]]:
    """Per stored line the tolerance it is compared with, and problems (declarations matching nothing)."""
    base = GPU_DEFAULT if mode == "gpu" else EXACT
    tolerances, used = [], set()
    for line in lines:
        tolerance = base
        for declaration in found:
            if declaration.template.fullmatch(line):
                used.add(declaration.line)
                if declaration.applies(mode):
                    tolerance = tolerance.loosest(declaration.tolerance)
        tolerances.append(tolerance)
    problems = [f"{d.path}:{d.line}: this `# varies` comment matches no line of the stored output; "
                "remove it or put it on the print it describes" for d in found if d.line not in used]
    return tolerances, problems
