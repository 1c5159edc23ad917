"""Run the rules over one source: positions, configuration, inline suppressions.

A source that is not valid YAML gets one RR000 finding; one that is YAML but not a valid report
gets RR000 findings for its schema errors *and* the text rules (the prose can still be checked).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rolreport.check.findings import RULES, Finding, Fix, Severity
from rolreport.check.report_rules import report_hits
from rolreport.check.script_rules import SCRIPT_RULE_IDS, script_hits
from rolreport.check.text_rules import TEXT_RULES, Context, Hit
from rolreport.config import ProjectConfig
from rolreport.diagnostics import RolreportError
from rolreport.lexicon.scripts import is_script
from rolreport.model import Report
from rolreport.scalars import LineTable, Scalar, prose_scalars
from rolreport.source import SourceText, compose_yaml, construct, walk_nodes


@dataclass
class FileResult:
    source: SourceText
    findings: list[Finding]
    scalars: list[Scalar] = field(default_factory=list)
    report: Report | None = None


def enabled(rule: str, config: ProjectConfig) -> Severity | None:
    """The severity a rule reports at under ``config``, or None when it is off."""
    default = RULES[rule].severity
    selected = config.select is None or any(rule.startswith(s) for s in config.select)
    explicitly = config.select is not None and rule in config.select
    if not selected or any(rule.startswith(i) for i in config.ignore):
        return None
    chosen = config.severity.get(rule)
    if chosen == "off":
        return None
    if chosen:
        return chosen
    if default == "off":
        # Off-by-default rules report as info when selected by id (RR103 also when a locale is set).
        return "info" if explicitly or (rule == "RR103" and config.locale) else None
    return default


def check_source(source: SourceText, config: ProjectConfig) -> FileResult:
    table = LineTable(source.text)
    try:
        constructor, root = compose_yaml(source)
    except RolreportError as exc:
        return FileResult(source, _invalid(exc, config))
    findings: list[Finding] = []
    report: Report | None = None
    data: Any = None
    from rolreport.validate import validate

    try:
        data = construct(source.name, constructor, root)
        report = validate(source.name, data)
    except RolreportError as exc:
        findings.extend(_invalid(exc, config))

    script = report.script if report else _declared_script(data) or config.locale or "zh-Hans"
    scalars = prose_scalars(source.text, root)
    allow = tuple(config.allow_words)
    severities = {rule_id: enabled(rule_id, config) for rule_id in RULES}
    # A check runs only when a rule it reports is on: switched-off rules cost nothing.
    checks = [check for ids, check in (*TEXT_RULES, (SCRIPT_RULE_IDS, script_hits)) if any(severities[i] for i in ids)]
    glossary = tuple(config.glossary.items()) if severities["RR502"] else ()
    for number, scalar in enumerate(scalars):
        ctx = Context(profile=config.profile, script=script, allow_words=allow, field=scalar.key, glossary=glossary)
        for check in checks:
            for hit in check(scalar.value, ctx):
                severity = severities[hit.rule]
                if severity is None or not RULES[hit.rule].applies_to(scalar.key):
                    continue
                if allow and _covered(scalar.value, hit, allow):
                    continue
                findings.append(_finding(source.name, table, scalar, number, hit, hit.rule, severity))
    if report is not None:
        from rolreport.validate import locate

        for rhit in report_hits(report, lambda rule: severities[rule] is not None):
            severity = enabled(rhit.rule, config)
            if severity is None:
                continue
            line, col, path = locate(data, rhit.loc)
            findings.append(Finding(rhit.rule, severity, rhit.message, source.name, line, col, line, col + 1, path))
    findings = _suppress(source.text, root, findings)
    findings.sort(key=lambda f: f.sort_key)
    return FileResult(source, findings, scalars, report)


def _covered(value: str, hit: Hit, words: tuple[str, ...]) -> bool:
    """Whether the hit lies inside an allowed word."""
    for word in words:
        for m in re.finditer(re.escape(word), value):
            if m.start() <= hit.start and hit.end <= m.end():
                return True
    return False


def _declared_script(data: Any) -> str | None:
    value = data.get("script") if isinstance(data, dict) else None
    return value if is_script(value) else None


def _invalid(exc: RolreportError, config: ProjectConfig) -> list[Finding]:
    """Source errors (YAML, schema, encoding) as RR000 findings."""
    if enabled("RR000", config) is None:
        return []
    return [
        Finding(
            "RR000", "error", d.message, d.file, d.line or 1, d.column or 1, d.line or 1, (d.column or 1) + 1, d.path
        )
        for d in exc.diagnostics
    ]


def _finding(
    name: str, table: LineTable, scalar: Scalar, number: int, hit: Hit, rule: str, severity: Severity
) -> Finding:
    start = scalar.source_index(hit.start)
    end = scalar.source_index(hit.end - 1) + 1 if hit.end > hit.start else start
    line, col = table.position(start)
    end_line, end_col = table.position(end)
    fix = Fix(hit.start, hit.end, hit.fix, hit.safe) if hit.fix is not None else None
    return Finding(
        rule,
        severity,
        hit.message,
        name,
        line,
        col,
        end_line,
        max(end_col, col + 1) if end_line == line else end_col,
        scalar.path,
        fix,
        number,
        (hit.start, hit.end),
        scalar.key_line,
    )


# ----------------------------------------------------------------------------------------------
# Inline suppression: `# rolreport: disable RR404` (this key's line), `disable-next` (the line
# below), `disable-file` (everything, or the ids given).  Only real comments count: a `#` inside
# a scalar — a line of a | block, say — is content.

_DIRECTIVE = re.compile(r"#\s*rolreport:\s*(disable-next|disable-file|disable)\b([^#\n]*)")


def _scalar_spans(root: Any) -> list[tuple[int, int]]:
    from ruamel.yaml.nodes import ScalarNode

    return [(n.start_mark.index, n.end_mark.index) for n in walk_nodes(root) if isinstance(n, ScalarNode)]


def directives(text: str, root: Any) -> tuple[dict[int, set[str] | None], set[str] | None, bool]:
    """Per-line suppressions (line → ids, None meaning all), file-level ids, and whether the
    whole file is disabled."""
    spans = _scalar_spans(root) if root is not None else []
    per_line: dict[int, set[str] | None] = {}
    file_ids: set[str] = set()
    whole_file = False
    for m in _DIRECTIVE.finditer(text):
        at = m.start()
        if at and text[at - 1] not in " \t\n":
            continue
        if any(a <= at < b for a, b in spans):
            continue
        ids = set(re.findall(r"RR\d{3}", m.group(2))) or None
        line = text.count("\n", 0, at) + 1
        kind = m.group(1)
        if kind == "disable-file":
            if ids is None:
                whole_file = True
            else:
                file_ids |= ids
            continue
        target = line + 1 if kind == "disable-next" else line
        previous = per_line.get(target, set())
        per_line[target] = None if ids is None or previous is None else previous | ids
    return per_line, file_ids, whole_file


def _suppress(text: str, root: Any, findings: list[Finding]) -> list[Finding]:
    per_line, file_ids, whole_file = directives(text, root)
    if whole_file:
        return [f for f in findings if f.rule == "RR000"]
    kept = []
    for finding in findings:
        if file_ids and finding.rule in file_ids:
            continue
        hidden = False
        for line in {finding.line, finding.key_line}:
            ids = per_line.get(line, set())
            if ids is None or finding.rule in ids:
                hidden = True
        if not hidden:
            kept.append(finding)
    return kept
