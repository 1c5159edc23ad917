"""The rows of ``rolreport stats``: one per report, and one per quantity (``--facts``).

Every column is documented in the README ("Working with many reports"); ``COLUMNS`` and
``FACT_COLUMNS`` are their order.  Characters are counted over the texts of the source as
printed (title, frame lines, preamble, headings, paragraphs, closing issuer), labels and the
closing date left out; a text belongs to its section's role, else its part's.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rolreport.stats.quantities import Quantity, quantities
from rolreport.stats.texts import Text, texts

if TYPE_CHECKING:
    from rolreport.check.findings import Finding
    from rolreport.model import Report

ROLES = ("measures", "leader_duty", "shortcomings", "next_year", "other")
FAMILY_COLUMNS = {"RR0": "source", "RR1": "script", "RR2": "pairs", "RR3": "punctuation", "RR4": "numbers",
                  "RR5": "residue", "RR6": "structure"}  # fmt: skip
COLUMNS = (
    "file", "title", "issuer", "jurisdiction", "level", "division_code", "province", "year", "script",
    "audience", "published", "deadline_met", "characters", "characters_preamble",
    *(f"characters_{role}" for role in ROLES), *(f"has_{role}" for role in ROLES), "missing_roles",
    "parts", "sections", "items", "quantities", "quantities_per_1000_measures", "citations",
    "citations_distinct", "findings_error", "findings_warning", "findings_info",
    *(f"findings_{name}" for name in FAMILY_COLUMNS.values()),
)  # fmt: skip
FACT_COLUMNS = ("file", "path", "role", "value", "number", "unit", "approximate", "expression", "sentence")
# Each column's type, for outputs that keep types (Parquet): a column that is empty in every row
# (published, deadline_met, findings_* with --no-check) still has its type there.  Unlisted: text.
TYPES: dict[str, str] = {
    **dict.fromkeys(("year", "characters", "characters_preamble", "parts", "sections", "items", "quantities",
                     "citations", "citations_distinct"), "int"),
    **{f"characters_{role}": "int" for role in ROLES},
    **{c: "int" for c in COLUMNS if c.startswith("findings_")},
    **{f"has_{role}": "bool" for role in ROLES},
    "deadline_met": "bool",
    "published": "date",
    "quantities_per_1000_measures": "float",
    "value": "float",
}  # fmt: skip

# A title of a law or document: 《…》 (an inner title in 〈〉 belongs to it).
_CITATION = re.compile(r"《([^《》]{1,200})》")


@dataclass
class Facts:
    row: dict[str, Any]
    facts: list[dict[str, Any]] = field(default_factory=list)


def simplified(text: str, script: str) -> str:
    if script == "zh-Hans":
        return text
    from rolreport.convert import Converter

    return Converter(script, "zh-Hans").convert(text)


def _items(report: Report) -> int:
    return sum(len(item.items) + 1 for part in report.parts for section in part.sections for item in section.items)


def row(file: str, report: Report, findings: list[Finding] | None) -> Facts:
    """The report's row, and its quantities as facts.  ``findings`` None: not checked
    (``--no-check``), and the findings columns say "not known", not 0."""
    from rolreport.lexicon.places import government_level, province_of

    all_texts = list(texts(report))
    characters = Counter[str]()
    found: list[tuple[Text, Quantity]] = []
    for text in all_texts:
        characters["all"] += len(text.text)
        if text.path.startswith("preamble"):
            characters["preamble"] += len(text.text)
        elif text.role:
            characters[text.role] += len(text.text)
        if not text.heading:
            found += [(text, q) for q in quantities(text.text)]
    roles_present = {part.role for part in report.parts} | {
        section.role for part in report.parts for section in part.sections if section.role
    }
    level, place = government_level(
        simplified(report.issuer, report.script), simplified(report.jurisdiction, report.script)
    )
    citations = [m.group(1) for text in all_texts for m in _CITATION.finditer(text.text)]
    measures_quantities = sum(1 for text, _ in found if text.role == "measures")
    severities = Counter(f.severity for f in findings or ())
    families = Counter(FAMILY_COLUMNS[f.rule[:3]] for f in findings or () if f.rule[:3] in FAMILY_COLUMNS)
    checked = findings is not None
    published = report.published
    values: dict[str, Any] = {
        "file": file,
        "title": report.title,
        "issuer": report.issuer,
        "jurisdiction": report.jurisdiction,
        "level": level,
        "division_code": place[0] if place else None,
        "province": province_of(place[0]) if place else None,
        "year": report.year,
        "script": report.script,
        "audience": report.audience,
        "published": published.isoformat() if published else None,
        # The statute: published by the end of March of the following year (before 1 April).
        "deadline_met": (published < datetime.date(report.year + 1, 4, 1)) if published else None,
        "characters": characters["all"],
        "characters_preamble": characters["preamble"],
        **{f"characters_{role}": characters[role] for role in ROLES},
        **{f"has_{role}": role in roles_present for role in ROLES},
        "missing_roles": ";".join(role for role in ROLES[:4] if role not in roles_present),
        "parts": len(report.parts),
        "sections": sum(len(part.sections) for part in report.parts),
        "items": _items(report),
        "quantities": len(found),
        "quantities_per_1000_measures": (
            round(measures_quantities * 1000 / characters["measures"], 2) if characters["measures"] else None
        ),
        "citations": len(citations),
        "citations_distinct": len(set(citations)),
        "findings_error": severities["error"] if checked else None,
        "findings_warning": severities["warning"] if checked else None,
        "findings_info": severities["info"] if checked else None,
        **{f"findings_{name}": families[name] if checked else None for name in FAMILY_COLUMNS.values()},
    }
    facts = [
        {
            "file": file,
            "path": text.path,
            "role": text.role,
            "value": q.shown_value,
            "number": q.number,
            "unit": q.unit,
            "approximate": q.approximate,
            "expression": q.text,
            "sentence": q.sentence,
        }
        for text, q in found
    ]
    return Facts({key: values[key] for key in COLUMNS}, facts)
