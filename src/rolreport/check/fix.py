"""Apply fixes to the YAML source text, in place, keeping everything else byte for byte.

A fix replaces characters of a scalar's *value*; the position map of :mod:`.scalars` turns that
into the range of the source text that writes them — an escape such as ``\\x2c`` or ``\\u2060``
is replaced whole, never only its backslash.  The replacement is written in the scalar's own
style (escaped in a double-quoted scalar, doubled quotes in a single-quoted one); a fix whose
range is not one contiguous piece of the source (a folded line break inside) or whose text that
style cannot hold in place is skipped.  After each pass every changed scalar is read back: a
fix whose scalar does not read back as the value it meant to write is undone and not tried again,
so a fix can never make a text worse.

Fixes run in the order of rules.md (invisible characters first, script corrections last), never
two on overlapping ranges in one pass; passes repeat until nothing changes, so a second ``--fix``
finds nothing to do.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rolreport.check.engine import FileResult, check_source
from rolreport.check.registry import fix_rank
from rolreport.config import ProjectConfig
from rolreport.scalars import encode_piece, splice
from rolreport.source import SourceText

MAX_PASSES = 12


@dataclass
class FixReport:
    text: str
    applied: Counter[str]  # rule → number of fixes applied
    skipped: int  # fixes not applicable in place (escapes, folds) or left for overlaps
    result: FileResult  # the check of the fixed text (what remains), computed by the last pass


@dataclass(frozen=True)
class _Edit:
    a: int  # source range replaced
    b: int
    text: str  # what is written there (encoded for the scalar's style)
    rule: str
    path: str  # the scalar's YAML path
    start: int  # value range replaced, and the value text that replaces it
    end: int
    value_text: str

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.path, self.rule, self.start, self.value_text)


def _edits(result: FileResult, unsafe: bool) -> tuple[list[_Edit], int]:
    edits = []
    skipped = 0
    for finding in result.findings:
        fix = finding.fix
        if fix is None or (not fix.safe and not unsafe) or finding.scalar < 0:
            continue
        scalar = result.scalars[finding.scalar]
        span = scalar.source_span(fix.start, fix.end)
        text = encode_piece(fix.text, scalar.style)
        if span is None or text is None:
            skipped += 1
            continue
        edits.append(_Edit(*span, text, finding.rule, scalar.path, fix.start, fix.end, fix.text))
    return edits, skipped


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Ranges that share a character, or an insertion at or inside another edit."""
    (a, b), (x, y) = one, other
    if a < y and x < b:
        return True
    if a == b:
        return x <= a <= y
    return x == y and a <= x <= b


def _non_overlapping(edits: Iterable[_Edit]) -> list[_Edit]:
    """The edits, in order, that overlap none chosen before them.  The chosen ranges are kept
    sorted, so each new one is compared only with its neighbours: a paragraph with ten thousand
    fixes costs n log n, not n²."""
    chosen: list[_Edit] = []
    ranges: list[tuple[int, int]] = []  # sorted (a, b) of chosen
    for edit in edits:
        at = bisect.bisect_left(ranges, (edit.a, edit.b))
        j = max(at - 1, 0)
        while j > 0 and ranges[j - 1][1] >= edit.a:
            j -= 1
        clash = False
        while j < len(ranges) and ranges[j][0] <= edit.b:
            if _overlap((edit.a, edit.b), ranges[j]):
                clash = True
                break
            j += 1
        if not clash:
            ranges.insert(at, (edit.a, edit.b))
            chosen.append(edit)
    return chosen


def _apply(text: str, edits: list[_Edit]) -> str:
    return splice(text, [(e.a, e.b, e.text) for e in edits])


def _expected(values: dict[str, str], edits: list[_Edit]) -> dict[str, str]:
    """The value each edited scalar must read back as."""
    by_path: dict[str, list[tuple[int, int, str]]] = {}
    for edit in edits:
        by_path.setdefault(edit.path, []).append((edit.start, edit.end, edit.value_text))
    return {path: splice(values[path], pieces) for path, pieces in by_path.items()}


def apply_fixes(source: SourceText, config: ProjectConfig, unsafe: bool = False) -> FixReport:
    text = source.text
    applied: Counter[str] = Counter()
    skipped = 0
    refused: set[tuple[str, str, int, str]] = set()
    result = check_source(replace(source, text=text), config)
    for _ in range(MAX_PASSES):
        edits, skipped = _edits(result, unsafe)
        chosen = _non_overlapping(
            e for e in sorted(edits, key=lambda e: (fix_rank(e.rule), e.a)) if e.key not in refused
        )
        if not chosen:
            break
        values = {s.path: s.value for s in result.scalars}
        candidate = _apply(text, chosen)
        after = check_source(replace(source, text=candidate), config)
        read_back = {s.path: s.value for s in after.scalars}
        wrong = {path for path, value in _expected(values, chosen).items() if read_back.get(path) != value}
        if len(after.scalars) != len(result.scalars):
            wrong = {e.path for e in chosen}
        if wrong:
            # Undo the pass; never try the fixes of the scalars that did not read back again.
            refused |= {e.key for e in chosen if e.path in wrong}
            skipped += sum(1 for e in chosen if e.path in wrong)
            continue
        text, result = candidate, after
        for edit in chosen:
            applied[edit.rule] += 1
    return FixReport(text, applied, skipped, result)
