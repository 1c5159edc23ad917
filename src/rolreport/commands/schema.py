"""``rolreport schema``: the JSON Schema of report sources.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path

from rolreport.commands.params import Command, option


def schema(output: Path | None) -> None:
    from rolreport.fsio import write_atomic, write_stdout
    from rolreport.schema import schema_text

    text = schema_text()
    if output is None:
        write_stdout(text)
    else:
        write_atomic(output, text)


COMMAND = Command(
    "schema",
    "输出报告源文件的 JSON Schema",
    "输出报告源文件的 JSON Schema（draft-07，供编辑器补全和校验）。",
    (option("output", "-o", "--output", metavar="FILE", value=Path, help="写入文件（默认标准输出）。"),),
    schema,
)
