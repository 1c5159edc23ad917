"""``rolreport check``: read sources, fix if asked, report, choose the exit code."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from rolreport.check import output
from rolreport.check.engine import FileResult, check_source
from rolreport.check.findings import SEVERITY_RANK, Finding
from rolreport.check.fix import apply_fixes
from rolreport.config import ProjectConfig, load_config, unknown_rule_message
from rolreport.diagnostics import EXIT_INVALID, EXIT_OK, Diagnostic, RolreportError, UsageError
from rolreport.fsio import write_atomic, write_stdout
from rolreport.source import STDIN, SourceText, decode, read_bytes


@dataclass
class CheckOptions:
    output_format: str | None = None
    output_file: Path | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    exit_zero: bool = False
    strict: bool = False
    config: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    encoding: str | None = None


def _config_for(path: str, options: CheckOptions) -> ProjectConfig:
    start = Path.cwd() if path == STDIN else Path(path).parent
    config = load_config(start, options.config)
    updates = {}
    if options.select:
        updates["select"] = options.select
    if options.ignore:
        updates["ignore"] = [*config.ignore, *options.ignore]
    if updates:
        unknown = [
            m for rule in [*(options.select or []), *(options.ignore or [])] if (m := unknown_rule_message(rule))
        ]
        if unknown:
            raise UsageError([Diagnostic("rolreport", message=f"--select/--ignore：{m}") for m in unknown])
        config = config.model_copy(update=updates)
    return config


def _read(path: str, encoding: str | None) -> SourceText | Finding:
    name, data = read_bytes(path)  # a missing file is a usage error (exit 2)
    try:
        return decode(name, data, encoding)
    except UsageError:
        raise
    except RolreportError as exc:
        return _finding(exc.diagnostics[0])


def _finding(d: Diagnostic) -> Finding:
    """A source problem (encoding, a character that cannot be written back) as an RR000 finding."""
    return Finding("RR000", "error", d.message, d.file, d.line or 1, d.column or 1, d.line or 1, (d.column or 1) + 1)


def run(paths: list[str], options: CheckOptions) -> int:
    fmt = options.output_format
    auto_github = fmt is None and os.environ.get("GITHUB_ACTIONS") == "true"
    fmt = fmt or ("github" if auto_github else "full")
    if fmt not in output.FORMATS:
        raise UsageError(f"未知的输出格式 `{fmt}`；可选：{', '.join(output.FORMATS)} (unknown output format)")
    results: list[FileResult] = []
    fixed_notes: list[str] = []
    fail_on = "error"
    for path in paths:
        config = _config_for(path, options)
        fail_on = min(fail_on, config.fail_on, key=lambda s: SEVERITY_RANK[s])
        source = _read(path, options.encoding)
        if isinstance(source, Finding):
            results.append(FileResult(SourceText(source.file, ""), [source]))
            continue
        if not (options.fix or options.unsafe_fixes):
            results.append(check_source(source, config))
            continue
        # Fix, then report what remains (the last fix pass has checked the fixed text).
        report = apply_fixes(source, config, unsafe=options.unsafe_fixes)
        if report.text != source.text:
            try:
                fixed = source.encode(report.text)
            except RolreportError as exc:  # a fixed character the file's encoding cannot hold
                results.append(FileResult(source, [_finding(d) for d in exc.diagnostics]))
                continue
            if path == STDIN:
                write_stdout(fixed)
            else:
                write_atomic(Path(path), fixed, in_place=True)
            counts = "，".join(f"{rule}×{n}" for rule, n in sorted(report.applied.items()))
            fixed_notes.append(f"{source.name}: 已修复 {sum(report.applied.values())} 处（{counts}）(fixed)")
        results.append(report.result)

    findings = [f for r in results for f in r.findings]
    colour = fmt == "full" and options.output_file is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    text = output.render(fmt, results, colour=colour)
    stdout_taken = (options.fix or options.unsafe_fixes) and STDIN in paths
    if options.output_file is not None:
        write_atomic(options.output_file, text, paths)
    elif stdout_taken:
        sys.stderr.write(text)
    else:
        write_stdout(text)
    for note in fixed_notes:
        print(note, file=sys.stderr)
    if fmt in ("full", "concise") or auto_github or options.output_file is not None:
        print(output.summary(findings), file=sys.stderr)
    if auto_github and findings:
        # GitHub shows only the first annotations of a step: print the whole list as well.
        sys.stderr.write(output.render("concise", results))

    if options.exit_zero:
        return EXIT_OK
    threshold = SEVERITY_RANK["warning"] if options.strict else SEVERITY_RANK[fail_on]
    failing = [f for f in findings if SEVERITY_RANK[f.severity] >= threshold]
    return EXIT_INVALID if failing else EXIT_OK
