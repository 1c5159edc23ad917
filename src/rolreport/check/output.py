"""Finding writers: full, concise, json, github, gitlab, rdjson, sarif.

Columns are 1-based code points everywhere except rdjson (1-based UTF-8 bytes, as reviewdog
expects) and SARIF (code points, declared with ``columnKind``); end columns are exclusive.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable

from rolreport import __version__
from rolreport.check.engine import FileResult
from rolreport.check.findings import RULES, Finding
from rolreport.diagnostics import json_safe, printable, visible
from rolreport.lexicon.width import display_width
from rolreport.scalars import Scalar

_CONTEXT = 24  # characters of context either side of a finding in the full format
FORMATS = ("full", "concise", "json", "github", "gitlab", "rdjson", "sarif")
_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def _lines(results: Iterable[FileResult]) -> dict[str, list[str]]:
    return {r.source.name: r.source.text.split("\n") for r in results}


def _fix_payload(finding: Finding) -> dict[str, object] | None:
    if finding.fix is None:
        return None
    return {"replacement": finding.fix.text, "safe": finding.fix.safe}


def summary(findings: list[Finding]) -> str:
    if not findings:
        return "没有发现问题 (no findings)"
    counts: Counter[str] = Counter(f.severity for f in findings)
    parts = [
        f"{counts[s]} {name}" for s, name in (("error", "错误"), ("warning", "警告"), ("info", "提示")) if counts[s]
    ]
    fixable = sum(1 for f in findings if f.fix and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix and not f.fix.safe)
    text = f"共 {len(findings)} 处：{'，'.join(parts)}"
    if fixable:
        text += f"；{fixable} 处可用 --fix 修复"
    if unsafe:
        text += f"；{unsafe} 处可用 --unsafe-fixes 修复（请复核）"
    return text + f" ({len(findings)} finding{'' if len(findings) == 1 else 's'})"


def render(fmt: str, results: list[FileResult], colour: bool = False) -> str:
    """The report in ``fmt``.  No control character of the input reaches the reader raw (a
    hostile source could otherwise retitle or clear a terminal): text formats show them as
    ``\\x1b``, JSON formats as ``\\u001b``."""
    findings = [f for r in results for f in r.findings]
    if fmt == "full":
        return _full(results, findings, colour)
    text = _render(fmt, results, findings)
    return json_safe(text) if fmt in ("json", "gitlab", "rdjson", "sarif") else printable(text, keep_lines=True)


def _render(fmt: str, results: list[FileResult], findings: list[Finding]) -> str:
    if fmt == "concise":
        return "".join(f"{f.file}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}\n" for f in findings)
    if fmt == "json":
        return _json(findings)
    if fmt == "github":
        return "".join(_github(f) for f in findings)
    if fmt == "gitlab":
        return _gitlab(findings)
    if fmt == "rdjson":
        return _rdjson(results, findings)
    if fmt == "sarif":
        return _sarif(findings)
    raise ValueError(fmt)


def _full(results: list[FileResult], findings: list[Finding], colour: bool) -> str:
    lines = _lines(results)
    scalars = {r.source.name: r.scalars for r in results}
    out = []
    for f in findings:
        sev = f"{_COLOURS[f.severity]}{f.severity}{_RESET}" if colour else f.severity
        rule = f"{_BOLD}{f.rule}{_RESET}" if colour else f.rule
        path = f" [{printable(f.path)}]" if f.path else ""
        out.append(f"{printable(f.file)}:{f.line}:{f.column}: {rule} {sev} {printable(f.message)}{path}")
        source_lines = lines.get(f.file, [])
        if 0 < f.line <= len(source_lines):
            text = source_lines[f.line - 1]
            end = f.end_column if f.end_line == f.line else len(text) + 1
            # Report paragraphs are long lines: show a window around the finding.
            lo = max(0, f.column - 1 - _CONTEXT)
            hi = min(len(text), max(end - 1, f.column) + _CONTEXT)
            prefix = ("…" if lo else "") + text[lo : f.column - 1]
            span = text[f.column - 1 : max(end - 1, f.column)]
            text = prefix + text[f.column - 1 : hi] + ("…" if hi < len(text) else "")
            gutter = f"{f.line:>5} | "
            prefix, span, text = printable(prefix), printable(span), printable(text)
            out.append(f"{_DIM if colour else ''}{gutter}{_RESET if colour else ''}{text}")
            caret = " " * display_width(prefix) + "^" * max(display_width(span), 1)
            out.append(" " * (len(gutter) - 2) + "| " + (f"{_COLOURS[f.severity]}{caret}{_RESET}" if colour else caret))
            if f.fix is not None:
                label = "修复" if f.fix.safe else "建议（不安全，需复核）"
                out.append(" " * (len(gutter) - 2) + f"= {label}：{_fix_hint(f, scalars.get(f.file, []))}")
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def _fix_hint(f: Finding, scalars: list[Scalar]) -> str:
    """What the fix does in words: a deletion must not read like "replace with quotes"."""
    assert f.fix is not None
    old = scalars[f.scalar].value[f.fix.start : f.fix.end] if 0 <= f.scalar < len(scalars) else ""
    new = visible(f.fix.text)
    if not f.fix.text:
        return f"删除“{visible(old)}”(delete)" if old else "删除 (delete)"
    if not old:
        return f"插入“{new}”(insert)"
    return f"改为“{new}”(replace with)"


def _json(findings: list[Finding]) -> str:
    payload = {
        "tool": {"name": "rolreport", "version": __version__},
        "findings": [
            {
                "rule": f.rule,
                "severity": f.severity,
                "file": f.file,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "path": f.path,
                "message": f.message,
                "fix": _fix_payload(f),
            }
            for f in findings
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(f: Finding) -> str:
    command = {"error": "error", "warning": "warning", "info": "notice"}[f.severity]
    props = (
        f"file={_escape_property(f.file)},line={f.line},col={f.column},"
        f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.rule)}"
    )
    return f"::{command} {props}::{_escape_data(f'{f.rule} {f.message}')}\n"


def _fingerprint(f: Finding) -> str:
    return hashlib.sha1(f"{f.file}:{f.rule}:{f.line}:{f.column}:{f.message}".encode()).hexdigest()


def _gitlab(findings: list[Finding]) -> str:
    severity = {"error": "major", "warning": "minor", "info": "info"}
    issues = [
        {
            "description": f"{f.rule} {f.message}",
            "check_name": f.rule,
            "fingerprint": _fingerprint(f),
            "severity": severity[f.severity],
            "location": {"path": f.file, "lines": {"begin": f.line, "end": f.end_line}},
        }
        for f in findings
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def _byte_column(lines: list[str], line: int, column: int) -> int:
    if not 0 < line <= len(lines):
        return column
    return len(lines[line - 1][: column - 1].encode("utf-8")) + 1


def _rdjson(results: list[FileResult], findings: list[Finding]) -> str:
    lines = _lines(results)
    diagnostics = []
    for f in findings:
        source = lines.get(f.file, [])
        rng = {
            "start": {"line": f.line, "column": _byte_column(source, f.line, f.column)},
            "end": {"line": f.end_line, "column": _byte_column(source, f.end_line, f.end_column)},
        }
        diagnostic: dict[str, object] = {
            "message": f.message,
            "location": {"path": f.file, "range": rng},
            "severity": {"error": "ERROR", "warning": "WARNING", "info": "INFO"}[f.severity],
            "code": {"value": f.rule},
        }
        if f.fix is not None and f.fix.safe:
            diagnostic["suggestions"] = [{"range": rng, "text": f.fix.text}]
        diagnostics.append(diagnostic)
    payload = {
        "source": {"name": "rolreport", "url": "https://pypi.org/project/rolreport/"},
        "diagnostics": diagnostics,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _sarif(findings: list[Finding]) -> str:
    level = {"error": "error", "warning": "warning", "info": "note"}
    rules = [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.what},
            "help": {"text": f"{rule.why} Example: {rule.example} → {rule.use_instead}", "markdown": rule.markdown()},
            "defaultConfiguration": {"level": level.get(rule.severity, "none"), "enabled": rule.severity != "off"},
            "properties": {"fix": rule.fix, "family": rule.family, "tags": [rule.family]},
        }
        for rule in RULES.values()
    ]
    index = {rule["id"]: n for n, rule in enumerate(rules)}
    results = []
    for f in findings:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": level[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.file}, "region": region}}],
            "partialFingerprints": {"rolreport/v1": _fingerprint(f)},
        }
        if f.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": "safe fix" if f.fix.safe else "unsafe fix (review)"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": f.file},
                            "replacements": [{"deletedRegion": region, "insertedContent": {"text": f.fix.text}}],
                        }
                    ],
                }
            ]
        results.append(result)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "rolreport",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
