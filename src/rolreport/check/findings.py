"""Findings and the rule catalogue.

Rule ids are a public contract (CI configurations and inline suppressions name them): never
renumber or reuse one.  See ../shared/docs/rules.md for the catalogue this implements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
FixKind = Literal["safe", "unsafe", "none"]
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity | Literal["off"]  # default, official profile
    fix: FixKind
    summary: str  # English, for SARIF rule metadata and --help texts


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
    def sort_key(self) -> tuple:
        return (self.file, self.line, self.column, self.rule)


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in [
        Rule("RR000", "invalid-source", "error", "none", "The source is not a valid report (YAML or schema error)."),
        Rule("RR101", "simplified-only-character", "error", "safe", "Simplified-only character in a Traditional report."),
        Rule("RR102", "ambiguous-character", "warning", "unsafe", "Character used in its Simplified sense (phrase-level OpenCC evidence)."),
        Rule("RR103", "regional-variant", "off", "unsafe", "Traditional regional variant differs from the report's locale."),
        Rule("RR104", "traditional-in-simplified", "error", "safe", "Traditional character in a Simplified report."),
        Rule("RR105", "over-conversion", "error", "unsafe", "Over-conversion by a per-character converter (全麵, 乾部)."),
        Rule("RR201", "unbalanced-pairs", "error", "none", "Unbalanced or crossed brackets, title marks or quotes."),
        Rule("RR202", "title-mark-levels", "error", "safe", "Title marks nested at the wrong level."),
        Rule("RR203", "quote-nesting", "warning", "safe", "Quotation marks nested or styled wrongly."),
        Rule("RR204", "document-number", "error", "safe", "Document number (文号) brackets or form."),
        Rule("RR301", "half-width-punctuation", "error", "safe", "Half-width punctuation in Chinese context."),
        Rule("RR302", "full-width-ascii", "error", "safe", "Full-width ASCII letters, digits or symbols."),
        Rule("RR303", "cjk-latin-spacing", "warning", "safe", "Space between Chinese and digits or Latin letters."),
        Rule("RR304", "stray-space", "error", "safe", "Space next to full-width punctuation or between Chinese characters."),
        Rule("RR305", "repeated-punctuation", "error", "safe", "Repeated or conflicting punctuation."),
        Rule("RR306", "duplicated-word", "warning", "none", "Duplicated word."),
        Rule("RR307", "ellipsis-dash-form", "warning", "safe", "Ellipsis or dash written in a wrong form."),
        Rule("RR308", "enumeration-comma-between-titles", "info", "safe", "顿号 between adjacent 《》 or “” items."),
        Rule("RR309", "law-name-without-title-marks", "off", "none", "A known law name outside 《》."),
        Rule("RR401", "numbering-sequence", "error", "none", "Numbering sequence (一是、二是…) with a gap or repeat."),
        Rule("RR402", "ordinal-form", "error", "safe", "Ordinal written in the wrong form for its level."),
        Rule("RR403", "year-consistency", "error", "none", "Year differs from the report's year."),
        Rule("RR404", "range-connector", "warning", "safe", "Year span with a hyphen, or numeric range missing a unit."),
        Rule("RR405", "mixed-number-style", "info", "none", "Numbers written in mixed styles."),
        Rule("RR501", "residue", "error", "safe", "Web-page chrome, invisible characters, entities or trailing spaces."),
        Rule("RR502", "glossary", "off", "unsafe", "Glossary of fixed expressions."),
        Rule("RR503", "placeholder", "error", "none", "Unfilled placeholder text (在此填写, ×××, 待补充) left from a skeleton or template."),
        Rule("RR601", "statutory-role-missing", "error", "none", "A statutory role is missing."),
        Rule("RR602", "leader-duty-missing", "error", "none", "No 第一责任人 content."),
        Rule("RR603", "shortcomings-without-causes", "warning", "none", "Shortcomings give no causes."),
        Rule("RR604", "shortcomings-thin", "warning", "none", "Shortcomings are thin or boilerplate."),
        Rule("RR605", "measures-without-data", "warning", "none", "A measures part has few quantities."),
        Rule("RR606", "measures-without-case", "info", "none", "A measures part names no concrete case."),
        Rule("RR607", "plans-do-not-answer-shortcomings", "off", "none", "A shortcoming has no echo in next year's plans."),
        Rule("RR608", "timeliness", "warning", "none", "Published or submitted late, or within the reporting year."),
        Rule("RR609", "title-form", "warning", "none", "Title lacks year or issuer, is too long, or has an unusual form."),
        Rule("RR610", "frame-mismatch", "warning", "none", "Frame does not match the audience."),
        Rule("RR611", "metadata-format", "error", "safe", "Metadata date or document number format."),
        Rule("RR612", "body-length", "info", "none", "Body length or balance unusual."),
        Rule("RR613", "heading-consistency", "warning", "none", "Headings of one level end inconsistently."),
        Rule("RR614", "run-on-sentence", "off", "none", "Run-on sentence without internal punctuation."),
    ]
}  # fmt: skip
