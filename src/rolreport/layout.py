"""The document's shape, computed once from the validated report, for every writer.

The frame (文号, session note, salutation or addressee), the title and where it may break, the
preamble, the numbered parts, standalone or run-in sections, items and sub-items, and the
closing block are decided here — labels (一、（一）1.（1）), run-in leads, heading styles,
frame lines — and the writers only typeset them: the three templates (``layout`` is passed
beside ``report``) and the Word writer.  Nothing here depends on private attributes of the
model, so a copied or converted report lays out the same.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, NamedTuple

from rolreport import numbering
from rolreport.titles import break_points

if TYPE_CHECKING:
    from rolreport.model import Item, Part, Report, Section, SubItem

# A run-in title ends the sentence it opens: 。 is added unless it already ends with one of these.
_SENTENCE_END = "。？！?!"


class RunIn(NamedTuple):
    """A run-in lead split for typesetting: ``strong`` is emphasised (bold, 楷体), ``tail`` is the
    closing mark after it.  Keeping the mark outside the emphasis is what lets CommonMark close
    ``**…**`` before CJK text (a closing ``**`` after 。 and before a letter is not right-flanking).
    """

    strong: str
    tail: str

    def __str__(self) -> str:
        return self.strong + self.tail


def run_in(label: str, title: str) -> RunIn:
    title = title.strip()
    if title and title[-1] in _SENTENCE_END:
        return RunIn(label + title[:-1], title[-1])
    return RunIn(label + title, "。" if title else "")


FrameKind = Literal["doc_number", "session_note", "salutation", "addressee"]


@dataclass(frozen=True)
class FrameLine:
    """A line between the title and the preamble; salutation and addressee end in ：."""

    kind: FrameKind
    text: str


@dataclass(frozen=True)
class Entry:
    """An item (1.) or sub-item (（1）): a run-in lead when it has a title, else the label
    leading its first paragraph."""

    level: int  # 3 item, 4 sub-item
    label: str
    lead: RunIn | None
    first: str  # the first paragraph ("" when there is none)
    rest: tuple[str, ...]
    items: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class SectionLayout:
    number: int  # 1-based within its part
    label: str
    title: str
    style: Literal["standalone", "run-in"]
    role: str | None
    lead: RunIn  # the run-in lead (used when style is run-in)
    paragraphs: tuple[str, ...]
    items: tuple[Entry, ...]

    @property
    def heading(self) -> str:
        return self.label + self.title


@dataclass(frozen=True)
class PartLayout:
    number: int
    label: str
    title: str
    role: str
    paragraphs: tuple[str, ...]
    sections: tuple[SectionLayout, ...]

    @property
    def heading(self) -> str:
        return self.label + self.title


@dataclass(frozen=True)
class Closing:
    issuer: str
    date: datetime.date


@dataclass(frozen=True)
class Layout:
    title: str
    title_lines: tuple[str, ...]  # the author's line breaks, or ()
    title_segments: tuple[str, ...]  # the title cut where it may break (rolreport.titles)
    frame: tuple[FrameLine, ...]
    preamble: tuple[str, ...]
    parts: tuple[PartLayout, ...]
    closing: Closing | None
    script: str
    lang: str
    has_frame: bool = field(default=False)


def _entries(nodes: list[Item] | list[SubItem], level: int) -> tuple[Entry, ...]:
    label_of = numbering.item_label if level == 3 else numbering.subitem_label
    out = []
    for number, node in enumerate(nodes, 1):
        label = label_of(number)
        paragraphs = list(node.paragraphs)
        children = getattr(node, "items", [])
        out.append(
            Entry(
                level=level,
                label=label,
                lead=run_in(label, node.title) if node.title else None,
                first=paragraphs[0] if paragraphs else "",
                rest=tuple(paragraphs[1:]),
                items=_entries(children, level + 1) if children else (),
            )
        )
    return tuple(out)


def _section(section: Section, number: int, default_style: str) -> SectionLayout:
    label = numbering.section_label(number)
    style = section.heading or default_style
    return SectionLayout(
        number=number,
        label=label,
        title=section.title,
        style=style,  # type: ignore[arg-type]
        role=section.role,
        lead=run_in(label, section.title),
        paragraphs=tuple(section.paragraphs),
        items=_entries(section.items, 3),
    )


def _part(part: Part, number: int, default_style: str) -> PartLayout:
    return PartLayout(
        number=number,
        label=numbering.part_label(number),
        title=part.title,
        role=part.role,
        paragraphs=tuple(part.paragraphs),
        sections=tuple(_section(s, n, default_style) for n, s in enumerate(part.sections, 1)),
    )


def _frame(report: Report) -> tuple[FrameLine, ...]:
    lines: list[FrameLine] = []
    if report.doc_number:
        lines.append(FrameLine("doc_number", report.doc_number))
    if report.audience == "npc":
        if report.session_note:
            lines.append(FrameLine("session_note", report.session_note))
        lines.append(FrameLine("salutation", f"{report.salutation_line}："))
    elif report.audience == "superior":
        lines.append(FrameLine("addressee", f"{report.addressee}："))
    return tuple(lines)


def layout(report: Report) -> Layout:
    """The report's layout (see the module docstring)."""
    cuts = [0, *break_points(report.title), len(report.title)]
    frame = _frame(report)
    return Layout(
        title=report.title,
        title_lines=tuple(report.title_lines),
        title_segments=tuple(report.title[a:b] for a, b in itertools.pairwise(cuts)),
        frame=frame,
        preamble=tuple(report.preamble),
        parts=tuple(_part(p, n, report.section_heading) for n, p in enumerate(report.parts, 1)),
        closing=Closing(report.closing.issuer, report.closing.date) if report.closing else None,
        script=report.script,
        lang=report.lang,
        has_frame=bool(frame),
    )


# --- The document as printed paragraphs -------------------------------------------------------

UnitKey = tuple[str | int, ...]  # the source's path of a text: ("parts", 0, "sections", 1, "title")

PrintedKind = Literal["title", "frame", "body", "part_heading", "section_heading", "closing_issuer", "closing_date"]


@dataclass(frozen=True)
class Piece:
    """A stretch of a printed paragraph: a text of the source (``unit`` is its path) or a text
    the layout adds (``unit`` None: a label, the 。 after a run-in title, the ： after a salutation)."""

    text: str
    unit: UnitKey | None = None
    style: str | None = None  # a character style of the Word writer ("Run-in Lead")


@dataclass(frozen=True)
class Printed:
    """One paragraph as Word prints it.  ``breaks`` are the offsets in the paragraph's text where
    a line is broken inside it (only the title has them)."""

    kind: PrintedKind
    pieces: tuple[Piece, ...]
    frame: FrameKind | None = None
    breaks: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


def _lead_pieces(lead: RunIn, key: UnitKey, label: str, style: str | None) -> list[Piece]:
    title = lead.strong[len(label) :]
    return [Piece(label, None, style), Piece(title, key, style), Piece(lead.tail, None, style)]


def printed(page: Layout, title_lines: tuple[str, ...], closing_date: str) -> tuple[Printed, ...]:
    """The document as the Word writer prints it and as ``rolreport diff`` compares it: one
    entry per paragraph, in order, each piece tied to the source text it shows.  ``title_lines``
    is how the title is broken into lines; ``closing_date`` the date as printed."""
    out: list[Printed] = []
    breaks = tuple(itertools.accumulate(len(line) for line in title_lines[:-1]))
    out.append(Printed("title", (Piece(page.title, ("title",)),), breaks=breaks))
    for line in page.frame:
        pieces: tuple[Piece, ...]
        if line.kind in ("salutation", "addressee"):  # the ： is the layout's
            pieces = (Piece(line.text[:-1], (line.kind,)), Piece(line.text[-1:]))
        else:
            pieces = (Piece(line.text, (line.kind,), "Run-in Lead" if line.kind == "session_note" else None),)
        out.append(Printed("frame", pieces, frame=line.kind))
    out += [Printed("body", (Piece(text, ("preamble", n)),)) for n, text in enumerate(page.preamble)]

    def body(texts: tuple[str, ...], at: UnitKey, start: int = 0) -> None:
        out.extend(Printed("body", (Piece(t, (*at, "paragraphs", n)),)) for n, t in enumerate(texts, start))

    def entry(node: Entry, at: UnitKey) -> None:
        first: list[Piece] = [Piece(node.first, (*at, "paragraphs", 0))] if node.first or not node.lead else []
        if node.lead:
            out.append(Printed("body", (*_lead_pieces(node.lead, (*at, "title"), node.label, None), *first)))
        else:
            out.append(Printed("body", (Piece(node.label), *first)))
        body(node.rest, at, 1)
        for number, sub in enumerate(node.items):
            entry(sub, (*at, "items", number))

    for p, part in enumerate(page.parts):
        at: UnitKey = ("parts", p)
        out.append(Printed("part_heading", (Piece(part.label), Piece(part.title, (*at, "title")))))
        body(part.paragraphs, at)
        for s, section in enumerate(part.sections):
            sat: UnitKey = (*at, "sections", s)
            if section.style == "run-in":
                lead = _lead_pieces(section.lead, (*sat, "title"), section.label, "Run-in Lead")
                first = [Piece(section.paragraphs[0], (*sat, "paragraphs", 0))] if section.paragraphs else []
                out.append(Printed("body", (*lead, *first)))
                body(section.paragraphs[1:], sat, 1)
            else:
                out.append(Printed("section_heading", (Piece(section.label), Piece(section.title, (*sat, "title")))))
                body(section.paragraphs, sat)
            for i, item in enumerate(section.items):
                entry(item, (*sat, "items", i))
    if page.closing:
        out.append(Printed("closing_issuer", (Piece(page.closing.issuer, ("closing", "issuer")),)))
        out.append(Printed("closing_date", (Piece(closing_date, ("closing", "date")),)))
    return tuple(out)
