"""OLD and NEW read, validated and put in one script.

A source is read as ``build`` reads it; with ``import_any``, a file that is not YAML (a published
text, page or Word file) is read as ``rolreport import`` reads it.  The problems of both files
are reported together.  When the scripts differ, OLD is converted to NEW's script by the pass
``build --script`` uses, with NEW's conversion settings (the overrides that made NEW's wording),
so that what differs is the text, not the script.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rolreport.diagnostics import Diagnostic, RolreportError, UsageError

if TYPE_CHECKING:
    from rolreport.model import Report
    from rolreport.variants import ConversionOptions

_YAML = (".yaml", ".yml")


def read(path: str, import_any: bool, encoding: str | None) -> Report:
    if import_any and path != "-" and Path(path).suffix.lower() not in _YAML:
        from rolreport.importer.run import ImportOptions, import_report
        from rolreport.model import Report

        _, _, data = import_report(path, ImportOptions(encoding=encoding))
        return Report.model_validate(data)
    from rolreport.validate import load_report

    return load_report(path, encoding).report


def read_both(old: str, new: str, import_any: bool, encoding: str | None) -> tuple[Report, Report]:
    if old == "-" and new == "-":
        raise UsageError("OLD 和 NEW 不能都是标准输入 (only one of OLD and NEW may be stdin)")
    reports: list[Report] = []
    problems: list[Diagnostic] = []
    usage = False
    for path in (old, new):
        try:
            reports.append(read(path, import_any, encoding))
        except UsageError as exc:
            problems += exc.diagnostics
            usage = True
        except RolreportError as exc:
            problems += exc.diagnostics
    if problems:
        raise UsageError(problems) if usage else RolreportError(problems)
    return reports[0], reports[1]


def same_script(old: Report, new: Report, new_path: str, options: ConversionOptions) -> Report:
    """OLD in NEW's script (OLD itself when they agree)."""
    if old.script == new.script:
        return old
    from rolreport.config import load_config
    from rolreport.variants import convert_report, make_converter

    where = Path(new_path).parent if new_path != "-" else Path.cwd()
    project = load_config(where)
    converter = make_converter(
        old.script, new.script, project=project.conversion, report=new.conversion, options=options
    )
    return convert_report(old, converter)
