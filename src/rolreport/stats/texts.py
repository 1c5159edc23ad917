"""A report's texts with their paths in the source and their statutory roles."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rolreport.model import Item, Report, SubItem


@dataclass(frozen=True)
class Text:
    path: str  # "parts[0].sections[2].paragraphs[0]", as `check` names a place
    text: str
    role: str | None  # the section's role, else its part's; None outside the parts
    heading: bool  # a title (of the report, a part, a section or an item)


def texts(report: Report) -> Iterator[Text]:
    """Every text of the report in order: title, frame, preamble, parts, closing."""
    yield Text("title", report.title, None, True)
    for key in ("doc_number", "addressee", "session_note", "salutation"):
        value = getattr(report, key)
        if value:
            yield Text(key, value, None, False)
    for n, paragraph in enumerate(report.preamble):
        yield Text(f"preamble[{n}]", paragraph, None, False)
    for p, part in enumerate(report.parts):
        at = f"parts[{p}]"
        yield Text(f"{at}.title", part.title, part.role, True)
        for n, paragraph in enumerate(part.paragraphs):
            yield Text(f"{at}.paragraphs[{n}]", paragraph, part.role, False)
        for s, section in enumerate(part.sections):
            sat = f"{at}.sections[{s}]"
            role = section.role or part.role
            yield Text(f"{sat}.title", section.title, role, True)
            for n, paragraph in enumerate(section.paragraphs):
                yield Text(f"{sat}.paragraphs[{n}]", paragraph, role, False)
            for i, item in enumerate(section.items):
                yield from _item(item, f"{sat}.items[{i}]", role)
    if report.closing:
        yield Text("closing.issuer", report.closing.issuer, None, False)


def _item(item: Item | SubItem, at: str, role: str) -> Iterator[Text]:
    if item.title:
        yield Text(f"{at}.title", item.title, role, True)
    for n, paragraph in enumerate(item.paragraphs):
        yield Text(f"{at}.paragraphs[{n}]", paragraph, role, False)
    for i, sub in enumerate(getattr(item, "items", [])):
        yield from _item(sub, f"{at}.items[{i}]", role)
