"""The conversion pass: a validated report in another script.

Every piece of prose is converted — titles, paragraphs, items, issuer, jurisdiction, frame and
closing text — and nothing else: keys, roles, heading styles, dates and numbers are not strings
of prose, and the report's own ``conversion`` settings are data about conversion, not text.
The converted model is validated again, so it is numbered and checked like any other.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from rolreport.convert import VOCABULARY_WARNING, Converter, QuoteStyle, chain_for
from rolreport.diagnostics import UsageError
from rolreport.model import ConversionSettings, Report

# Model fields that hold identifiers, not prose.
NOT_PROSE = frozenset({"script", "role", "heading", "section_heading", "audience", "conversion"})

# How each variant names itself in the language switcher: in its own script.


@dataclass(frozen=True)
class ConversionOptions:
    """What the command line says about conversion; ``None`` means "use the settings"."""

    builtin_fixes: bool | None = None
    vocabulary: bool = False
    quotes: str | None = None  # "keep" | "regional"


DEFAULT_OPTIONS = ConversionOptions()


def make_converter(
    source: str,
    target: str,
    *,
    project: ConversionSettings | None = None,
    report: ConversionSettings | None = None,
    options: ConversionOptions = DEFAULT_OPTIONS,
) -> Converter:
    """Merge built-in fixes < project config < report settings < command line into a converter."""
    layers = [s for s in (project, report) if s is not None]
    builtin = all(s.builtin_fixes for s in layers)
    if options.builtin_fixes is not None:
        builtin = options.builtin_fixes
    overrides: dict[str, str] = {}
    protect: list[str] = []
    quotes = "keep"
    for settings in layers:
        overrides.update(settings.overrides.get(target, {}))  # type: ignore[call-overload]  # target is a Script
        protect.extend(settings.protect)
        quotes = settings.quotes or quotes
    quotes = options.quotes or quotes
    style: QuoteStyle = (
        "keep" if quotes == "keep" else ("corner" if target in ("zh-Hant-TW", "zh-Hant-HK") else "curly")
    )
    try:
        converter = Converter(
            source,
            target,
            overrides=overrides,
            protect=protect,
            builtin_fixes=builtin,
            vocabulary=options.vocabulary,
            quotes=style,
        )
    except ValueError as exc:
        raise UsageError(f"无法转换 (cannot convert): {exc}") from None
    if options.vocabulary and converter.chain:
        print(VOCABULARY_WARNING.format(configs=", ".join(converter.chain)), file=sys.stderr)
    return converter


def _convert_value(value: Any, converter: Converter) -> Any:
    if isinstance(value, str):
        return converter.convert(value)
    if isinstance(value, list):
        return [_convert_value(v, converter) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in NOT_PROSE else _convert_value(v, converter)) for k, v in value.items()}
    return value


def convert_report(report: Report, converter: Converter) -> Report:
    """The same report in ``converter.target``'s script."""
    if converter.target == report.script and converter.identity:
        return report
    data = _convert_value(report.model_dump(exclude_unset=True), converter)
    if report.title_lines:  # keep the author's line breaks, each line converted
        data["title"] = [converter.convert(line) for line in report.title_lines]
    data["script"] = converter.target
    return Report.model_validate(data)


def check_pair(source: str, target: str, vocabulary: bool) -> None:
    try:
        chain_for(source, target, vocabulary)
    except ValueError as exc:
        raise UsageError(f"无法转换 (cannot convert): {exc}") from None
