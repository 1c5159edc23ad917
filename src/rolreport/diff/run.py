"""The diff command's pipeline: read, put in one script, compare, write; the exit code."""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass

from rolreport.diagnostics import UsageError
from rolreport.variants import DEFAULT_OPTIONS, ConversionOptions

FORMATS = ("text", "html", "docx", "json")


@dataclass(frozen=True)
class DiffOptions:
    output_format: str = "text"
    output: str | None = None
    import_any: bool = False
    year_over_year: bool = False
    author: str = "rolreport"
    date: str | None = None
    colour: bool | None = None  # None: on a terminal without NO_COLOR
    encoding: str | None = None
    conversion: ConversionOptions = DEFAULT_OPTIONS


def revision_date(value: str | None) -> str | None:
    """``--date`` as Word writes a revision's date (``2025-03-01T00:00:00Z``)."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            moment = datetime.datetime.combine(datetime.date.fromisoformat(value), datetime.time())
        else:
            moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise UsageError(f"--date 应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM:SS，而不是 `{value}` (invalid date)") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def run(old_path: str, new_path: str, options: DiffOptions) -> int:
    """Compare and write; 0 when the reports are the same, 1 when they differ."""
    from rolreport.diff.compare import compare
    from rolreport.diff.load import read_both, same_script
    from rolreport.fsio import write_atomic, write_stdout

    if options.output_format not in FORMATS:
        raise UsageError(f"未知的格式 `{options.output_format}`；可选：{', '.join(FORMATS)} (unknown format)")
    date = revision_date(options.date)
    to_stdout = options.output in (None, "-")
    if options.output_format == "docx" and to_stdout and sys.stdout.isatty():
        raise UsageError("Word 文件不能写到终端；请用 -o FILE.docx (a .docx needs -o FILE)")
    old, new = read_both(old_path, new_path, options.import_any, options.encoding)
    old = same_script(old, new, new_path, options.conversion)
    comparison = compare(old, new, years=options.year_over_year)
    old_name, new_name = _shown(old_path), _shown(new_path)
    content: str | bytes
    if options.output_format == "docx":
        from rolreport.diff.tracked import render_tracked

        content = render_tracked(comparison, options.author, date)
    elif options.output_format == "html":
        from rolreport.diff.text import render_html

        content = render_html(comparison, old_name, new_name)
    elif options.output_format == "json":
        from rolreport.diff.text import render_json

        content = render_json(comparison, old_name, new_name)
    else:
        from rolreport.diff.text import render_text

        colour = options.colour
        if colour is None:
            colour = to_stdout and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        content = render_text(comparison, old_name, new_name, colour)
    if to_stdout:
        write_stdout(content)
    else:
        assert options.output is not None
        from pathlib import Path

        write_atomic(Path(options.output), content, [old_path, new_path])
        if options.output_format != "text":
            from rolreport.diff.text import summary_lines

            print("\n".join(summary_lines(comparison.summary)), file=sys.stderr)
        print(f"已生成 {options.output}", file=sys.stderr)
    return 0 if comparison.equal else 1


def _shown(path: str) -> str:
    return "<stdin>" if path == "-" else path
