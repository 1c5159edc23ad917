"""``rolreport new``: a skeleton report.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
import sys
from pathlib import Path
from typing import Annotated

import typer


def new(
    file: Annotated[Path, typer.Argument(help="要创建的 YAML 文件。", show_default=False, metavar="FILE")],
    jurisdiction: Annotated[str, typer.Option("--jurisdiction", "-j", help="行政区域或部门，如“常州市”。")],
    year: Annotated[int, typer.Option("--year", "-y", help="报告年度，如 2024。", min=1990, max=2100)],
    issuer: Annotated[str | None, typer.Option("--issuer", help="发文机关；默认“<行政区域>人民政府”。")] = None,
    script: Annotated[
        str, typer.Option("--script", metavar="SCRIPT", help="文字：zh-Hans、zh-Hant、zh-Hant-TW、zh-Hant-HK。")
    ] = "zh-Hans",
    schema: Annotated[
        str,
        typer.Option("--schema", help="模式行（modeline）引用的 JSON Schema 路径或网址。"),
    ] = "rolreport.schema.json",
) -> None:
    """写出一份可通过校验的报告骨架，包含全部法定内容；不会覆盖已有文件。"""
    from rolreport import skeleton

    skeleton.write_new(file, jurisdiction=jurisdiction, year=year, issuer=issuer, script=script, schema=schema)
    print(f"已创建 {file}", file=sys.stderr)
    if "://" not in schema and not (file.parent / schema).exists():
        print(f"编辑器补全和校验：rolreport schema -o {file.parent / schema}", file=sys.stderr)
