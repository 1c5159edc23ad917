"""``rolreport import``: a published text, page or Word file → a YAML source.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
import sys
from pathlib import Path
from typing import Annotated

import typer


def import_(
    file: Annotated[str, typer.Argument(help="已发布的报告：.txt、.md、.html、.docx；“-”读标准输入。", metavar="FILE")],
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="写入的 YAML 文件（默认标准输出）。")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="覆盖已有的输出文件。")] = False,
    kind: Annotated[
        str | None,
        typer.Option("--as", metavar="KIND", help="输入类型：text, markdown, html, docx；默认看扩展名。"),
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", metavar="ENCODING", help="文本编码；默认识别 UTF-8 和 GB18030。")
    ] = None,
    script: Annotated[str | None, typer.Option("--script", metavar="SCRIPT", help="原文的文字；默认自动识别。")] = None,
    title: Annotated[str | None, typer.Option("--title", help="报告标题（原文没有或识别错误时）。")] = None,
    issuer: Annotated[str | None, typer.Option("--issuer", help="发文机关。")] = None,
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="行政区域或部门。")] = None,
    year: Annotated[int | None, typer.Option("--year", help="报告年度。", min=1990, max=2100)] = None,
    schema: Annotated[str, typer.Option("--schema", help="模式行引用的 JSON Schema。")] = "rolreport.schema.json",
) -> None:
    """把已发布的报告（文本、Markdown、网页、Word）转为 YAML 源文件；列出丢弃和未能分类的行。"""
    from rolreport.importer.run import ImportOptions, import_report, summary, write

    if script is not None:
        from rolreport.variants import check_pair

        check_pair(script, script, False)
    options = ImportOptions(kind, encoding, script, title, issuer, jurisdiction, year, schema)
    if output not in (None, "-") and Path(output).exists() and not force:
        from rolreport.diagnostics import UsageError

        raise UsageError("文件已存在，未覆盖；用 --force 覆盖 (refusing to overwrite)", output)
    yaml_text, notes, report = import_report(file, options)
    write(yaml_text, output, force, file)
    print(summary(file if file != "-" else "<stdin>", report, notes), file=sys.stderr)
