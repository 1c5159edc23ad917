"""``rolreport diff``: what changed between two reports.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

from rolreport.commands.options import CONVERSION, ENCODING, conversion_options
from rolreport.commands.params import Command, argument, flag, option


def diff(
    old: str,
    new: str,
    output_format: str,
    output: str | None,
    import_any: bool,
    year_over_year: bool,
    author: str,
    date: str | None,
    colour: bool | None,
    encoding: str | None,
    quotes: str | None,
    builtin_fixes: bool | None,
    vocabulary: bool,
) -> int:
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
    return run(old, new, options)


COMMAND = Command(
    "diff",
    "比较两份报告：结构、段落、字句；Word 修订",
    "比较两份报告：先对结构（部分、小节按职能和标题匹配，移动、改名都能识别），再对段落和字句。"
    "两稿文字不同时先把旧稿转为新稿的文字。相同退出码 0，不同 1。",
    (
        argument("old", "OLD", "旧稿：报告源文件（YAML）；“-”读标准输入。"),
        argument("new", "NEW", "新稿：报告源文件（YAML）。"),
        option(
            "output_format",
            "-f",
            "--format",
            metavar="FORMAT",
            default="text",
            show_default=True,
            help="text（默认，终端上带颜色）、html（一个网页：宽屏左右对照，手机上逐段）、"
            "docx（新稿的 Word 版式，改动为 Word 修订，可接受或拒绝）、json（供程序使用）。",
        ),
        option("output", "-o", "--output", metavar="FILE", help="写入文件（默认标准输出）。"),
        flag(
            "import_any",
            "--import",
            help="OLD 或 NEW 不是 YAML 时按 rolreport import 读入（已发布的文本、网页、Word 文件）。",
        ),
        flag(
            "year_over_year",
            "--year-over-year",
            help="两年报告对比：旧稿的年度（及其前后一年）与新稿的相应年份视为相同，只改了年份的句子算作沿用。",
        ),
        option("author", "--author", metavar="NAME", default="rolreport", show_default=True, help="docx 修订的作者。"),
        option(
            "date", "--date", metavar="DATE", help="docx 修订的日期，YYYY-MM-DD 或 YYYY-MM-DDTHH:MM:SS（默认不写）。"
        ),
        flag(
            "colour",
            "--color",
            negative="--no-color",
            default=None,
            help="text 格式是否用颜色（默认：终端上且未设 NO_COLOR 时用）。",
        ),
        ENCODING,
        *CONVERSION,
    ),
    diff,
)
