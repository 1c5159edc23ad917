"""``rolreport convert``: convert files between scripts.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

import sys

from rolreport.commands.options import CONVERSION, ENCODING, conversion_options
from rolreport.commands.params import Command, argument, flag, option


def convert(
    files: list[str],
    to: str,
    from_: str | None,
    in_place: bool,
    output: str | None,
    kind: str | None,
    encoding: str | None,
    quotes: str | None,
    builtin_fixes: bool | None,
    vocabulary: bool,
) -> None:
    from rolreport import convertfile

    options = conversion_options(builtin_fixes, vocabulary, quotes)
    results = convertfile.convert_paths(
        files, to=to, from_=from_, in_place=in_place, output=output, kind=kind, encoding=encoding, options=options
    )
    convertfile.write(results, in_place)
    for result in results:
        if result.target is not None:
            print(f"已转换 {result.path} → {result.target}", file=sys.stderr)


COMMAND = Command(
    "convert",
    "在简体和繁体之间转换文件",
    "在简体、繁体（OpenCC 标准、台湾、香港）之间转换文件；只改文字，不改键、日期、数字、网址和文件名。",
    (
        argument("files", "FILE", "要转换的文件：报告源文件（.yaml）、.txt、.md、.html；“-”读标准输入。", many=True),
        option(
            "to",
            "-t",
            "--to",
            metavar="SCRIPT",
            required=True,
            help="目标文字：zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK。",
        ),
        option("from_", "--from", metavar="SCRIPT", help="源文字；默认取报告的 script，文本文件自动识别。"),
        flag("in_place", "-i", "--in-place", help="原地改写（原子写入）。"),
        option("output", "-o", "--output", metavar="OUT", help="输出文件或文件夹；“-”为标准输出（默认，单个文件时）。"),
        option("kind", "--as", metavar="KIND", help="按此类型处理：yaml, text, html；默认看扩展名。"),
        ENCODING,
        *CONVERSION,
    ),
    convert,
)
