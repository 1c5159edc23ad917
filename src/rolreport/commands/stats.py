"""``rolreport stats``: one row per report (and one per quantity with ``--facts``).

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
from typing import Annotated

import typer

from rolreport.commands.options import Encoding


def stats(
    files: Annotated[
        list[str],
        typer.Argument(
            help="报告源文件（YAML）、文件夹（递归查找）或通配符；“-”读标准输入。", metavar="FILE", show_default=False
        ),
    ],
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help="csv（默认）、jsonl（JSON Lines）、parquet（需 pyarrow）。"
        ),
    ] = "csv",
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="写入文件（默认标准输出）。")
    ] = None,
    facts: Annotated[
        str | None,
        typer.Option(
            "--facts", metavar="FILE", help="另写一张数据表：每个数量一行（数值、单位、所在句子、位置、职能）。"
        ),
    ] = None,
    keep_going: Annotated[
        bool, typer.Option("--keep-going", help="有源文件无效时仍输出其余报告的行，最后列出无效的（退出码 1）。")
    ] = False,
    check: Annotated[
        bool, typer.Option("--check/--no-check", help="统计 rolreport check 的结果（默认统计；--no-check 更快）。")
    ] = True,
    bom: Annotated[bool, typer.Option("--bom", help="CSV 开头写 UTF-8 BOM（Excel 需要它才能正确显示中文）。")] = False,
    encoding: Encoding = None,
) -> None:
    """每份报告一行的数据表（CSV、JSON Lines、Parquet）：发文机关、层级、年度、公开日期、各部分字数、法定内容、数量、引用的法规文件、检查结果。"""
    from rolreport.stats.run import StatsOptions, run

    options = StatsOptions(output_format.lower(), output, facts, keep_going, check, bom, encoding)
    run(files, options)
