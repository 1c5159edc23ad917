"""``rolreport check``: lint sources (the rules live in :mod:`rolreport.check`).

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
from pathlib import Path
from typing import Annotated

import typer

from rolreport.commands.options import Encoding


def check(
    files: Annotated[list[str], typer.Argument(help="报告源文件（YAML）；“-”读标准输入。", metavar="FILE")],
    output_format: Annotated[
        str | None,
        typer.Option(
            "--output-format",
            metavar="FORMAT",
            help="full（默认，带源码行和标记）、concise、json、github、gitlab、rdjson、sarif；"
            "在 GitHub Actions 中默认 github。",
        ),
    ] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", metavar="FILE", help="把结果写入文件（原子写入）。")
    ] = None,
    fix: Annotated[
        bool, typer.Option("--fix", help="原地应用安全修复（标点宽度、全角字母数字、不可见字符等）。")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="同时应用不安全修复（如简繁用字更正），请复核结果。")
    ] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="有问题也以 0 退出（用法错误仍为 2）。")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="警告也视为失败。")] = False,
    config: Annotated[
        Path | None,
        typer.Option("--config", metavar="FILE", help="配置文件（默认自动查找 .rolreport.toml 或 pyproject.toml）。"),
    ] = None,
    select: Annotated[
        list[str], typer.Option("--select", metavar="RULES", help="只运行这些规则（可用前缀，如 RR3）。")
    ] = [],  # noqa: B006
    ignore: Annotated[list[str], typer.Option("--ignore", metavar="RULES", help="忽略这些规则。")] = [],  # noqa: B006
    encoding: Encoding = None,
) -> None:
    """按规则检查报告源文件（标点、简繁用字、书名号、年份、法定内容……），可自动修复。"""
    from rolreport.check.command import CheckOptions, run

    def split(values: list[str]) -> list[str]:
        return [v.strip() for value in values for v in value.split(",") if v.strip()]

    options = CheckOptions(
        output_format=output_format,
        output_file=output_file,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        exit_zero=exit_zero,
        strict=strict,
        config=config,
        select=split(select) or None,
        ignore=split(ignore) or None,
        encoding=encoding,
    )
    code = run(files, options)
    if code:
        raise typer.Exit(code)
