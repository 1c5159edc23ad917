"""``rolreport rule``: a rule's documentation.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
from typing import Annotated

import typer

from rolreport.fsio import write_stdout


def rule(
    rule_id: Annotated[
        str | None, typer.Argument(help="规则编号，如 RR301。", show_default=False, metavar="ID")
    ] = None,
    all_rules: Annotated[bool, typer.Option("--all", help="显示全部规则。")] = False,
    output_format: Annotated[
        str, typer.Option("--output-format", metavar="FORMAT", help="text（默认）或 json。")
    ] = "text",
) -> None:
    """显示一条规则（或 --all 全部规则）的说明：作用、原因、示例、修复是否安全（如 ruff rule）。"""
    from rolreport.check.rule_command import show

    write_stdout(show(rule_id, all_rules, output_format))
