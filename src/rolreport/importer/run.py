"""The import pipeline: read, extract lines, classify, guess, emit, validate, summarise."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rolreport.diagnostics import RolreportError, UsageError
from rolreport.importer import classify, emit, extract
from rolreport.source import SourceText, parse_yaml, read_bytes


@dataclass
class ImportOptions:
    kind: str | None = None
    encoding: str | None = None
    script: str | None = None
    title: str | None = None
    issuer: str | None = None
    jurisdiction: str | None = None
    year: int | None = None
    schema: str = "rolreport.schema.json"


def import_report(path: str, options: ImportOptions) -> tuple[str, classify.Notes, dict[str, Any]]:
    name, data = read_bytes(path)
    kind = extract.kind_of(name, data, options.kind)
    lines, how = extract.extract(name, data, kind, options.encoding)
    notes = classify.Notes()
    report = classify.classify(lines, notes)
    if not any(classify.clean(line) for line in lines) or (not report.get("parts") and not report.get("preamble")):
        dropped = f"（丢弃了 {len(notes.dropped)} 行网页残留）" if notes.dropped else ""
        raise RolreportError([_diag(name, f"没有可导入的正文{dropped} (nothing to import)")])
    text = "\n".join(lines)
    from rolreport.convertfile import script_evidence

    script, how = (options.script, "") if options.script else script_evidence(text)
    if not options.script:
        notes.guesses.append(f"文字 {script}（自动识别：{how}；可用 --script 指定）")
    report["script"] = script
    classify.guess_roles(report, notes)
    classify.settle_headings(report)
    if options.title:
        report["title"] = options.title
    classify.guess_metadata(report, text, notes)
    for key in ("issuer", "jurisdiction", "year"):
        if getattr(options, key):
            report[key] = getattr(options, key)
    if "title" not in report and report.get("jurisdiction") and report.get("year"):
        derived = f"{report['jurisdiction']}{report['year']}年法治政府建设年度报告"
        if script != "zh-Hans":
            from rolreport.convert import Converter

            derived = Converter("zh-Hans", script).convert(derived)
        report["title"] = derived
        notes.guesses.append(f"标题“{derived}”（原文没有标题，由地区和年度推定）")
    if not report.get("year"):
        raise UsageError("无法从原文识别报告年度；请用 --year 指定 (could not recognise the year)", name)
    _fill_placeholders(report, script, notes)
    if not report.get("parts"):
        raise RolreportError([_diag(name, "没有找到“一、”这样的部分标题，无法分部分 (no top-level parts found)")])
    yaml_text = emit.to_yaml(report, options.schema, f"{Path(name).name}（{how}）")
    # The result must be a valid report.  Validating the data is fast; only when it fails is
    # the emitted YAML parsed, to report the problems with their positions in it.
    from pydantic import ValidationError

    from rolreport.model import Report

    try:
        Report.model_validate(report)
    except ValidationError:
        from rolreport.validate import validate

        validate(f"{name} → YAML", parse_yaml(SourceText(f"{name} → YAML", yaml_text)))
    return yaml_text, notes, report


# What a page does not show (a department report that says only 市人社局, a page without a
# title) is written as a placeholder that the validator accepts and `rolreport check` reports
# (RR503), rather than refusing the whole import: the text is there, one field is to be filled.
_PLACEHOLDERS = {"title": "（待填写标题）", "issuer": "（待填写发文机关）", "jurisdiction": "（待填写地区或部门）"}
_FLAGS = {"title": "--title", "issuer": "--issuer", "jurisdiction": "--jurisdiction"}


def _fill_placeholders(report: dict[str, Any], script: str, notes: classify.Notes) -> None:
    for key, placeholder in _PLACEHOLDERS.items():
        if report.get(key):
            continue
        if script != "zh-Hans":
            from rolreport.convert import Converter

            placeholder = Converter("zh-Hans", script).convert(placeholder)
        report[key] = placeholder
        notes.guesses.append(
            f"原文没有可识别的 {key}：已写入占位“{placeholder}”，请补写或用 {_FLAGS[key]} 指定 (placeholder written)"
        )


def _diag(name: str, message: str) -> Any:
    from rolreport.diagnostics import Diagnostic

    return Diagnostic(name, 1, 1, message)


def summary(name: str, report: dict[str, Any], notes: classify.Notes) -> str:
    parts = report.get("parts", [])
    sections = sum(len(p.get("sections", [])) for p in parts)
    items = sum(len(s.get("items", [])) for p in parts for s in p.get("sections", []))
    lines = [f"{name}: {len(parts)} 部分，{sections} 小节，{items} 条目 (parts, sections, items)"]
    lines += [f"  推定 (guess): {g}" for g in notes.guesses]
    lines += [f"  丢弃 (dropped) 第 {n} 行: {text}" for n, text in notes.dropped]
    lines += [f"  未能分类 (unclassified) 第 {n} 行: {text[:40]} — {why}" for n, text, why in notes.unclassified]
    if not notes.dropped:
        lines.append("  没有丢弃任何行 (nothing dropped)")
    return "\n".join(lines)


def write(yaml_text: str, output: str | None, force: bool, source: str = "-") -> None:
    from rolreport.fsio import write_atomic, write_stdout

    if output in (None, "-"):
        write_stdout(yaml_text)
        return
    target = Path(output)
    if target.exists() and not force:
        raise UsageError("文件已存在，未覆盖；用 --force 覆盖 (refusing to overwrite)", str(target))
    write_atomic(target, yaml_text, [source])
