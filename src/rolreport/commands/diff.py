"""``rolreport diff``: what changed between two reports.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
from typing import Annotated

import typer

from rolreport.commands.options import BuiltinFixes, Encoding, Quotes, Vocabulary, conversion_options


def diff(
    old: Annotated[str, typer.Argument(help="旧稿：报告源文件（YAML）；“-”读标准输入。", metavar="OLD")],
    new: Annotated[str, typer.Argument(help="新稿：报告源文件（YAML）。", metavar="NEW")],
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text（默认，终端上带颜色）、html（一个网页：宽屏左右对照，手机上逐段）、"
            "docx（新稿的 Word 版式，改动为 Word 修订，可接受或拒绝）、json（供程序使用）。",
        ),
    ] = "text",
    output: Annotated[
        str | None, typer.Option("--output", "-o", metavar="FILE", help="写入文件（默认标准输出）。")
    ] = None,
    import_any: Annotated[
        bool,
        typer.Option(
            "--import", help="OLD 或 NEW 不是 YAML 时按 rolreport import 读入（已发布的文本、网页、Word 文件）。"
        ),
    ] = False,
    year_over_year: Annotated[
        bool,
        typer.Option(
            "--year-over-year",
            help="两年报告对比：旧稿的年度（及其前后一年）与新稿的相应年份视为相同，只改了年份的句子算作沿用。",
        ),
    ] = False,
    author: Annotated[str, typer.Option("--author", metavar="NAME", help="docx 修订的作者。")] = "rolreport",
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="docx 修订的日期，YYYY-MM-DD 或 YYYY-MM-DDTHH:MM:SS（默认不写）。"),
    ] = None,
    colour: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="text 格式是否用颜色（默认：终端上且未设 NO_COLOR 时用）。"),
    ] = None,
    encoding: Encoding = None,
    quotes: Quotes = None,
    builtin_fixes: BuiltinFixes = None,
    vocabulary: Vocabulary = False,
) -> None:
    """比较两份报告：先对结构（部分、小节按职能和标题匹配，移动、改名都能识别），再对段落和字句。两稿文字不同时先把旧稿转为新稿的文字。相同退出码 0，不同 1。"""
    from rolreport.diff.run import DiffOptions, run

    options = DiffOptions(
        output_format=output_format.lower(),
        output=output,
        import_any=import_any,
        year_over_year=year_over_year,
        author=author,
        date=date,
        colour=colour,
        encoding=encoding,
        conversion=conversion_options(builtin_fixes, vocabulary, quotes),
    )
    code = run(old, new, options)
    if code:
        raise typer.Exit(code)
