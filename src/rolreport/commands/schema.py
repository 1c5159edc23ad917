"""``rolreport schema``: the JSON Schema of report sources.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
from pathlib import Path
from typing import Annotated

import typer

from rolreport.fsio import write_stdout


def schema(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件（默认标准输出）。")] = None,
) -> None:
    """输出报告源文件的 JSON Schema（draft-07，供编辑器补全和校验）。"""
    from rolreport.schema import schema_text

    text = schema_text()
    if output is None:
        write_stdout(text)
    else:
        from rolreport.fsio import write_atomic

        write_atomic(output, text)
