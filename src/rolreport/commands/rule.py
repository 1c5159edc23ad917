"""``rolreport rule``: a rule's documentation.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

from rolreport.commands.params import Command, argument, flag, option


def rule(rule_id: str | None, all_rules: bool, output_format: str) -> None:
    from rolreport.check.rule_command import show
    from rolreport.fsio import write_stdout

    write_stdout(show(rule_id, all_rules, output_format))


COMMAND = Command(
    "rule",
    "显示规则的说明",
    "显示一条规则（或 --all 全部规则）的说明：作用、原因、示例、修复是否安全（如 ruff rule）。",
    (
        argument("rule_id", "ID", "规则编号，如 RR301。", required=False),
        flag("all_rules", "--all", help="显示全部规则。"),
        option("output_format", "--output-format", metavar="FORMAT", default="text", help="text（默认）或 json。"),
    ),
    rule,
)
