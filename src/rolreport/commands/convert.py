"""``rolreport convert``: convert files between scripts.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
import sys
from typing import Annotated

import typer

from rolreport.commands.options import BuiltinFixes, Encoding, Quotes, Vocabulary, conversion_options


def convert(
    files: Annotated[
        list[str],
        typer.Argument(help="要转换的文件：报告源文件（.yaml）、.txt、.md、.html；“-”读标准输入。", metavar="FILE"),
    ],
    to: Annotated[
        str,
        typer.Option("--to", "-t", metavar="SCRIPT", help="目标文字：zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK。"),
    ],
    from_: Annotated[
        str | None,
        typer.Option("--from", metavar="SCRIPT", help="源文字；默认取报告的 script，文本文件自动识别。"),
    ] = None,
    in_place: Annotated[bool, typer.Option("--in-place", "-i", help="原地改写（原子写入）。")] = False,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", metavar="OUT", help="输出文件或文件夹；“-”为标准输出（默认，单个文件时）。"),
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--as", metavar="KIND", help="按此类型处理：yaml, text, html；默认看扩展名。")
    ] = None,
    encoding: Encoding = None,
    quotes: Quotes = None,
    builtin_fixes: BuiltinFixes = None,
    vocabulary: Vocabulary = False,
) -> None:
    """在简体、繁体（OpenCC 标准、台湾、香港）之间转换文件；只改文字，不改键、日期、数字、网址和文件名。"""
    from rolreport import convertfile

    options = conversion_options(builtin_fixes, vocabulary, quotes)
    results = convertfile.convert_paths(
        files, to=to, from_=from_, in_place=in_place, output=output, kind=kind, encoding=encoding, options=options
    )
    convertfile.write(results, in_place)
    for result in results:
        if result.target is not None:
            print(f"已转换 {result.path} → {result.target}", file=sys.stderr)
