"""``rolreport new``: a skeleton report.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rolreport.commands.options import SCHEMA
from rolreport.commands.params import Command, argument, integer, option


def new(file: str, jurisdiction: str, year: int, issuer: str | None, script: str, schema: str) -> None:
    from rolreport import skeleton

    path = Path(file)
    skeleton.write_new(path, jurisdiction=jurisdiction, year=year, issuer=issuer, script=script, schema=schema)
    print(f"已创建 {path}", file=sys.stderr)
    if "://" not in schema and not (path.parent / schema).exists():
        print(f"编辑器补全和校验：rolreport schema -o {path.parent / schema}", file=sys.stderr)


COMMAND = Command(
    "new",
    "写出一份报告骨架",
    "写出一份可通过校验的报告骨架，包含全部法定内容；不会覆盖已有文件。",
    (
        argument("file", "FILE", "要创建的 YAML 文件。"),
        option("jurisdiction", "-j", "--jurisdiction", required=True, help="行政区域或部门，如“常州市”。"),
        option(
            "year", "-y", "--year", metavar="YEAR", required=True, value=integer(1990, 2100), help="报告年度，如 2024。"
        ),
        option("issuer", "--issuer", help="发文机关；默认“<行政区域>人民政府”。"),
        option(
            "script",
            "--script",
            metavar="SCRIPT",
            default="zh-Hans",
            show_default=True,
            help="文字：zh-Hans、zh-Hant、zh-Hant-TW、zh-Hant-HK。",
        ),
        SCHEMA,
    ),
    new,
)
