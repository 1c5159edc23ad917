"""NEW as ``build --format docx`` prints it, with the changes from OLD as Word tracked changes.

Word keeps a document as runs and paragraph marks, and a revision is an inserted or deleted run
(``w:ins``/``w:del``) or paragraph mark (``w:pPr/w:rPr/w:ins|w:del``).  The two reports are
laid out in printed paragraphs, each text of the source tied to its place
(:func:`rolreport.layout.printed`).  The units of both are merged into one sequence that keeps
the order of each: the aligned pairs that keep their order in both (a longest such chain)
print once, with their character changes; every other unit of OLD prints deleted and of NEW
inserted (a moved section is deleted where it was and inserted where it is: accepting gives
NEW, rejecting gives OLD).  After each unit comes the paragraph mark that ends it in OLD, in NEW,
or in both: a mark only OLD has is a deleted mark (accepting joins the paragraphs: a run-in
title whose first paragraph was deleted runs on into the next), one only NEW has an inserted
mark.  Labels are printed as a change from OLD's to NEW's, so the rejected document is OLD.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rolreport.diff.chars import Op, diff
from rolreport.diff.compare import Comparison, Unit, kept_in_order

if TYPE_CHECKING:
    from rolreport.docx_writer import Writer
    from rolreport.layout import Printed, UnitKey


@dataclass(frozen=True)
class _Place:
    """Where a unit is printed: its paragraph, the layout's text before and after it, its style,
    and whether its paragraph ends after it."""

    paragraph: Printed
    prefix: str
    prefix_style: str | None
    style: str | None
    suffix: str
    suffix_style: str | None
    ends: bool
    offset: int  # where the unit's text starts in its paragraph


def _places(paragraphs: tuple[Printed, ...]) -> dict[UnitKey, _Place]:
    places: dict[UnitKey, _Place] = {}
    for paragraph in paragraphs:
        pieces = paragraph.pieces
        units = [n for n, piece in enumerate(pieces) if piece.unit is not None]
        offset = 0
        starts = []
        for piece in pieces:
            starts.append(offset)
            offset += len(piece.text)
        for position, n in enumerate(units):
            first, last = position == 0, position == len(units) - 1
            before = pieces[:n] if first else []
            after = pieces[n + 1 : units[position + 1]] if not last else pieces[n + 1 :]
            key = pieces[n].unit
            assert key is not None
            places[key] = _Place(
                paragraph,
                "".join(p.text for p in before),
                before[0].style if before else None,
                pieces[n].style,
                "".join(p.text for p in after),
                after[0].style if after else None,
                last,
                starts[n],
            )
    return places


class _Tracked:
    """Paragraphs and runs of the redline, with numbered revisions."""

    def __init__(self, writer: Writer, author: str, date: str | None) -> None:
        self.writer = writer
        self.author = author
        self.date = date
        self.number = 0
        self.runs: list[tuple[str, str | None, str | None, bool]] = []  # text, style, change, line break

    def change(self, kind: str | None) -> Any:
        if kind is None:
            return None
        self.number += 1
        return (kind, self.number, self.author, self.date)

    def add(self, text: str, style: str | None, kind: str | None, breaks: tuple[int, ...] = (), at: int = 0) -> None:
        """Text in runs; a line break before each offset in ``breaks`` (relative to ``at``)."""
        if not text:
            return
        cuts = [0, *sorted(b - at for b in breaks if at < b < at + len(text)), len(text)]
        for a, b in itertools.pairwise(cuts):
            self.runs.append((text[a:b], style, kind, (at + a) in breaks))

    def end(self, entry: Printed, mark: str | None) -> None:
        """The paragraph so far, ended by a mark (None: in both; "ins"/"del": in one)."""
        p = self.writer.paragraph(entry)
        for text, style, kind, line_break in self.runs:
            self.writer.run(p, text, style, self.change(kind), line_break=line_break)
        if mark:
            from rolreport.docx_writer import revision

            ppr = p._p.get_or_add_pPr()
            rpr = ppr.makeelement(_qn("w:rPr"), {})
            rpr.append(revision(rpr, self.change(mark)))
            ppr.append(rpr)
        self.runs = []


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _ops_runs(tracked: _Tracked, ops: tuple[Op, ...], style: str | None, place: _Place | None) -> None:
    """A unit's operations as runs: kept text plain, a year moved on as deleted and inserted."""
    at = place.offset if place else 0
    breaks = place.paragraph.breaks if place else ()
    for op in ops:
        if op.kind == "equal" and op.old == op.new:
            tracked.add(op.new, style, None, breaks, at)
        else:
            tracked.add(op.old, style, "del")
            tracked.add(op.new, style, "ins", breaks, at)
        at += len(op.new)


def _generated(tracked: _Tracked, old: str, new: str, style: str | None) -> None:
    """A label or mark of the layout: plain when the same, else a change from OLD's to NEW's."""
    if old == new:
        tracked.add(new, style, None)
        return
    for op in diff(old, new):
        _ops_runs(tracked, (op,), style, None)


def render_tracked(comparison: Comparison, author: str = "rolreport", date: str | None = None) -> bytes:
    from rolreport.docx_writer import Writer, printed_page
    from rolreport.layout import layout

    writer = Writer(comparison.new)
    new_places = _places(writer.printed())
    old_places = _places(printed_page(layout(comparison.old)))
    tracked = _Tracked(writer, author, date)

    pairs = [row for row in comparison.rows if row.old is not None and row.new is not None]
    kept = kept_in_order([(row.old.index, row.new.index) for row in pairs])  # type: ignore[union-attr]
    by_new = {row.new.index: row for row in pairs if (row.old.index, row.new.index) in kept}  # type: ignore[union-attr]
    kept_old = {old for old, _ in kept}
    old_units, new_units = comparison.old_units, comparison.new_units
    # For each unit of NEW, OLD's index of the next pair printed once: OLD's units before it that
    # are not printed once are printed (deleted) first, deletions before insertions in a gap.
    next_kept = [len(old_units)] * (len(new_units) + 1)
    for unit in reversed(new_units):
        row = by_new.get(unit.index)
        next_kept[unit.index] = row.old.index if row and row.old else next_kept[unit.index + 1]
    pending = 0  # OLD's first unit not yet printed
    for unit in new_units:
        while pending < next_kept[unit.index]:
            if pending not in kept_old:
                old_unit = old_units[pending]
                _one_side(tracked, old_unit, old_places[old_unit.key], "del")
            pending += 1
        row = by_new.get(unit.index)
        if row is None or row.old is None:
            _one_side(tracked, unit, new_places[unit.key], "ins")
            continue
        old_place, new_place = old_places[row.old.key], new_places[unit.key]
        _generated(tracked, old_place.prefix, new_place.prefix, new_place.prefix_style)
        _ops_runs(tracked, row.ops, new_place.style, new_place)
        _generated(tracked, old_place.suffix, new_place.suffix, new_place.suffix_style)
        _mark(tracked, old_place, new_place)
        pending = row.old.index + 1
    for old_unit in old_units[pending:]:
        if old_unit.index not in kept_old:
            _one_side(tracked, old_unit, old_places[old_unit.key], "del")
    return writer.save()


def _one_side(tracked: _Tracked, unit: Unit, place: _Place, kind: str) -> None:
    tracked.add(place.prefix, place.prefix_style, kind)
    if kind == "ins":
        tracked.add(unit.text, place.style, kind, place.paragraph.breaks, place.offset)
    else:
        tracked.add(unit.text, place.style, kind)
    tracked.add(place.suffix, place.suffix_style, kind)
    if place.ends:
        tracked.end(place.paragraph, kind)


def _mark(tracked: _Tracked, old: _Place, new: _Place) -> None:
    if old.ends and new.ends:
        tracked.end(new.paragraph, None)
    elif new.ends:
        tracked.end(new.paragraph, "ins")
    elif old.ends:
        tracked.end(old.paragraph, "del")
