"""The stats command's pipeline: sources → validated reports (+ ``check`` findings) → tables → files."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rolreport.diagnostics import Diagnostic, RolreportError, UsageError

if TYPE_CHECKING:
    from rolreport.config import ProjectConfig
    from rolreport.model import Report
    from rolreport.stats.table import Facts


@dataclass(frozen=True)
class StatsOptions:
    output_format: str = "csv"
    output: str | None = None  # None or "-": standard output
    facts: str | None = None  # the facts table's file
    keep_going: bool = False
    check: bool = True
    bom: bool = False
    encoding: str | None = None


def read_one(
    path: str, options: StatsOptions, configs: dict[Path, ProjectConfig] | None = None
) -> tuple[Facts | None, Report | None, list[Diagnostic]]:
    """One source's row and facts, its report, or its problems (located).  ``configs`` keeps
    the project configs read so far in a run, by folder (a corpus has many sources a folder)."""
    from rolreport.stats.table import row
    from rolreport.validate import load_report

    try:
        loaded = load_report(path, options.encoding)
    except UsageError:
        raise
    except RolreportError as exc:
        return None, None, exc.diagnostics
    findings = None
    if options.check:
        from rolreport.check.engine import check_source
        from rolreport.config import load_config

        folder = Path(path).parent if path != "-" else Path.cwd()
        configs = {} if configs is None else configs
        if folder not in configs:
            configs[folder] = load_config(folder)
        findings = check_source(loaded.source, configs[folder]).findings
    return row(path, loaded.report, findings), loaded.report, []


def run(paths: list[str], options: StatsOptions) -> int:
    from rolreport.build import expand_sources
    from rolreport.fsio import write_files, write_stdout
    from rolreport.stats.output import FORMATS, table
    from rolreport.stats.table import COLUMNS, FACT_COLUMNS

    if options.output_format not in FORMATS:
        raise UsageError(f"未知的格式 `{options.output_format}`；可选：{', '.join(FORMATS)} (unknown format)")
    to_stdout = options.output in (None, "-")
    if options.output_format == "parquet" and to_stdout and sys.stdout.isatty():
        raise UsageError("Parquet 文件不能写到终端；请用 -o FILE.parquet (parquet needs -o FILE)")
    sources = expand_sources(paths)
    if not sources:
        raise UsageError("没有找到报告源文件 (no report sources found)")
    results: list[Facts] = []
    configs: dict[Path, ProjectConfig] = {}
    problems: list[Diagnostic] = []
    usage: list[Diagnostic] = []
    for source in sources:
        try:
            found, _, errors = read_one(source.path, options, configs)
        except UsageError as exc:  # a missing or unreadable file
            usage += exc.diagnostics
            continue
        problems += errors
        if found is not None:
            results.append(found)
    if usage and not options.keep_going:
        raise UsageError(usage + problems)
    if problems and not options.keep_going:
        raise RolreportError(problems)
    fmt = options.output_format
    main = table([r.row for r in results], COLUMNS, fmt, options.bom)
    files: list[tuple[Path, bytes]] = []
    if options.facts:
        facts = table([f for r in results for f in r.facts], FACT_COLUMNS, fmt, options.bom)
        files.append((Path(options.facts), facts))
    if not to_stdout:
        assert options.output is not None
        files.insert(0, (Path(options.output), main))
    write_files(files, [s.path for s in sources])
    if to_stdout:
        write_stdout(main)
    for path, _ in files:
        print(f"已生成 {path}", file=sys.stderr)
    print(
        f"{len(results)} 份报告 (reports)"
        + (f"，{len(sources) - len(results)} 份无效 (invalid)" if problems or usage else ""),
        file=sys.stderr,
    )
    if problems or usage:
        raise (UsageError if usage else RolreportError)(usage + problems)
    return 0
