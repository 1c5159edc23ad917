"""``rolreport stats``: one row per report (and one per quantity with ``--facts``).

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

from rolreport.commands.options import ENCODING
from rolreport.commands.params import Command, argument, flag, option


def stats(
    files: list[str],
    output_format: str,
    output: str | None,
    facts: str | None,
    keep_going: bool,
    check: bool,
    bom: bool,
    encoding: str | None,
) -> None:
    from rolreport.stats.run import StatsOptions, run

    options = StatsOptions(output_format.lower(), output, facts, keep_going, check, bom, encoding)
    run(files, options)


COMMAND = Command(
    "stats",
    "每份报告一行的数据表：字数、法定内容、数量、引用、检查结果",
    "每份报告一行的数据表（CSV、JSON Lines、Parquet）：发文机关、层级、年度、公开日期、各部分字数、法定内容、"
    "数量、引用的法规文件、检查结果。",
    (
        argument("files", "FILE", "报告源文件（YAML）、文件夹（递归查找）或通配符；“-”读标准输入。", many=True),
        option(
            "output_format",
            "-f",
            "--format",
            metavar="FORMAT",
            default="csv",
            help="csv（默认）、jsonl（JSON Lines）、parquet（需 pyarrow）。",
        ),
        option("output", "-o", "--output", metavar="FILE", help="写入文件（默认标准输出）。"),
        option(
            "facts",
            "--facts",
            metavar="FILE",
            help="另写一张数据表：每个数量一行（数值、单位、所在句子、位置、职能）。",
        ),
        flag("keep_going", "--keep-going", help="有源文件无效时仍输出其余报告的行，最后列出无效的（退出码 1）。"),
        flag(
            "check",
            "--check",
            negative="--no-check",
            default=True,
            help="统计 rolreport check 的结果（默认统计；--no-check 更快）。",
        ),
        flag("bom", "--bom", help="CSV 开头写 UTF-8 BOM（Excel 需要它才能正确显示中文）。"),
        ENCODING,
    ),
    stats,
)
