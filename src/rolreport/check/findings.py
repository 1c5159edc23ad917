"""Findings: what a rule reports, where, and the fix it offers.

The rules themselves are defined once, in :mod:`rolreport.check.registry`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rolreport.check.registry import RULES as REGISTRY
from rolreport.check.registry import FixKind, Rule, Severity

__all__ = ["RULES", "SEVERITY_RANK", "Finding", "Fix", "FixKind", "Rule", "Severity"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class Fix:
    """Replace value characters [start, end) of the finding's scalar with ``text``."""

    start: int
    end: int
    text: str
    safe: bool


@dataclass
class Finding:
    rule: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    path: str = ""
    fix: Fix | None = None
    # Where the finding sits in its scalar (for fixes and suppression); -1 when not in a scalar.
    scalar: int = -1
    offsets: tuple[int, int] = (0, 0)
    key_line: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


RULES = REGISTRY
