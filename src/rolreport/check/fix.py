"""Apply fixes to the YAML source text, in place, keeping everything else byte for byte.

A fix replaces characters of a scalar's *value*; the position map of :mod:`.scalars` turns
that into a range of the source text.  A fix is applied only where that range is a contiguous,
one-to-one slice of the source (no escape sequence or folded line break inside it) and the
replacement needs no quoting in that scalar style.  Fixes run in the order of rules.md
(invisible characters first, script corrections last), never two on overlapping ranges in one
pass; passes repeat until nothing changes, so a second ``--fix`` finds nothing to do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rolreport.check.engine import FileResult, check_source
from rolreport.config import ProjectConfig
from rolreport.source import SourceText

ORDER = ["RR501", "RR302", "RR301", "RR304", "RR303", "RR305", "RR307", "RR308", "RR402", "RR404", "RR204",
         "RR611", "RR202", "RR203", "RR101", "RR104", "RR102", "RR105"]  # fmt: skip
MAX_PASSES = 12


@dataclass
class FixReport:
    text: str
    applied: Counter  # rule → number of fixes applied
    skipped: int  # fixes not applicable in place (escapes, folds) or left for overlaps


def _edits(result: FileResult, unsafe: bool) -> tuple[list[tuple[int, int, str, str]], int]:
    edits = []
    skipped = 0
    for finding in result.findings:
        fix = finding.fix
        if fix is None or (not fix.safe and not unsafe) or finding.scalar < 0:
            continue
        scalar = result.scalars[finding.scalar]
        if not scalar.exact:
            skipped += 1
            continue
        if fix.end > fix.start:
            span = scalar.index[fix.start : fix.end]
            a, b = span[0], span[-1] + 1
            if span != list(range(a, b)):
                skipped += 1
                continue
        else:
            a = b = scalar.source_index(fix.start)
        text = fix.text
        if (scalar.style == "'" and "'" in text) or (scalar.style == '"' and ('"' in text or "\\" in text)):
            skipped += 1
            continue
        if scalar.style is None and (": " in text or " #" in text or "\n" in text):
            skipped += 1
            continue
        edits.append((a, b, text, finding.rule))
    return edits, skipped


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Ranges that share a character, or an insertion at or inside another edit."""
    (a, b), (x, y) = one, other
    if a < y and x < b:
        return True
    if a == b:
        return x <= a <= y
    return x == y and a <= x <= b


def _rank(rule: str) -> int:
    return ORDER.index(rule) if rule in ORDER else len(ORDER)


def apply_fixes(source: SourceText, config: ProjectConfig, unsafe: bool = False) -> FixReport:
    text = source.text
    applied: Counter = Counter()
    skipped = 0
    for _ in range(MAX_PASSES):
        result = check_source(SourceText(source.name, text), config)
        edits, skipped = _edits(result, unsafe)
        chosen: list[tuple[int, int, str, str]] = []
        for edit in sorted(edits, key=lambda e: (_rank(e[3]), e[0])):
            a, b = edit[0], edit[1]
            if any(_overlap((a, b), (x, y)) for x, y, _, _ in chosen):
                continue
            chosen.append(edit)
        if not chosen:
            break
        for a, b, replacement, rule in sorted(chosen, key=lambda e: (e[0], e[1]), reverse=True):
            text = text[:a] + replacement + text[b:]
            applied[rule] += 1
    return FixReport(text, applied, skipped)
