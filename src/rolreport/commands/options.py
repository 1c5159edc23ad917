"""Options shared by several commands, and the conversion options they build."""

from __future__ import annotations

from typing import Any

from rolreport.commands.params import choice, flag, option

QUOTES_HELP = "引号：keep 保留原样（默认）；regional 台湾、香港版用「」『』，简体和 OpenCC 繁体版用“”‘’。"
FIXES_HELP = "是否应用内置的 OpenCC 错误修正（编发→編發、云上复议→雲上複議 等）；默认应用。"
VOCABULARY_HELP = "使用 OpenCC 词汇转换（s2twp 等）。会改写法律用语（规范性文件→規範性檔案），仅在明确需要时使用。"

ENCODING = option("encoding", "--encoding", metavar="ENCODING", help="源文件编码（默认 UTF-8），如 gb18030。")
SCHEMA = option(
    "schema",
    "--schema",
    metavar="PATH",
    default="rolreport.schema.json",
    show_default=True,
    help="模式行（modeline）引用的 JSON Schema 路径或网址。",
)
CONVERSION = (
    option("quotes", "--quotes", metavar="keep|regional", value=choice("keep", "regional"), help=QUOTES_HELP),
    flag("builtin_fixes", "--builtin-fixes", negative="--no-builtin-fixes", default=None, help=FIXES_HELP),
    flag("vocabulary", "--vocabulary", help=VOCABULARY_HELP),
)


def conversion_options(builtin_fixes: bool | None, vocabulary: bool, quotes: str | None) -> Any:
    from rolreport.variants import ConversionOptions

    return ConversionOptions(builtin_fixes, vocabulary, quotes)


def split_commas(values: list[str]) -> list[str]:
    """``--select RR1,RR2 --select RR3`` → the three ids (repeated and comma-separated alike)."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]
