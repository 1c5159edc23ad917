"""Options shared by several commands, and the conversion options they build."""

# No `from __future__ import annotations`: typer reads the annotations at run time.
from enum import StrEnum
from typing import Annotated, Any

import typer


class QuotesChoice(StrEnum):
    keep = "keep"
    regional = "regional"


QUOTES_HELP = "引号：keep 保留原样（默认）；regional 台湾、香港版用「」『』，简体和 OpenCC 繁体版用“”‘’。"
FIXES_HELP = "是否应用内置的 OpenCC 错误修正（编发→編發、云上复议→雲上複議 等）；默认应用。"
VOCABULARY_HELP = "使用 OpenCC 词汇转换（s2twp 等）。会改写法律用语（规范性文件→規範性檔案），仅在明确需要时使用。"

Encoding = Annotated[
    str | None, typer.Option("--encoding", metavar="ENCODING", help="源文件编码（默认 UTF-8），如 gb18030。")
]
Quotes = Annotated[QuotesChoice | None, typer.Option("--quotes", help=QUOTES_HELP)]
BuiltinFixes = Annotated[bool | None, typer.Option("--builtin-fixes/--no-builtin-fixes", help=FIXES_HELP)]
Vocabulary = Annotated[bool, typer.Option("--vocabulary", help=VOCABULARY_HELP)]


def conversion_options(builtin_fixes: bool | None, vocabulary: bool, quotes: QuotesChoice | None) -> Any:
    from rolreport.variants import ConversionOptions

    return ConversionOptions(builtin_fixes, vocabulary, quotes.value if quotes else None)
