"""``rolreport import``: a published text, page or Word file → a YAML source.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rolreport.commands.options import SCHEMA
from rolreport.commands.params import Command, argument, flag, integer, option


def import_(
    file: str,
    output: str | None,
    force: bool,
    kind: str | None,
    encoding: str | None,
    script: str | None,
    title: str | None,
    issuer: str | None,
    jurisdiction: str | None,
    year: int | None,
    schema: str,
) -> None:
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


COMMAND = Command(
    "import",
    "把已发布的报告转为 YAML 源文件",
    "把已发布的报告（文本、Markdown、网页、Word）转为 YAML 源文件；列出丢弃和未能分类的行。",
    (
        argument("file", "FILE", "已发布的报告：.txt、.md、.html、.docx；“-”读标准输入。"),
        option("output", "-o", "--output", metavar="FILE", help="写入的 YAML 文件（默认标准输出）。"),
        flag("force", "--force", help="覆盖已有的输出文件。"),
        option("kind", "--as", metavar="KIND", help="输入类型：text, markdown, html, docx；默认看扩展名。"),
        option("encoding", "--encoding", metavar="ENCODING", help="文本编码；默认识别 UTF-8 和 GB18030。"),
        option("script", "--script", metavar="SCRIPT", help="原文的文字；默认自动识别。"),
        option("title", "--title", help="报告标题（原文没有或识别错误时）。"),
        option("issuer", "--issuer", help="发文机关。"),
        option("jurisdiction", "--jurisdiction", help="行政区域或部门。"),
        option("year", "--year", metavar="YEAR", value=integer(1990, 2100), help="报告年度。"),
        SCHEMA,
    ),
    import_,
)
