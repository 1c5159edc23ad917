"""``rolreport rule [ID] [--all] [--output-format text|json]``: a rule's documentation, like ``ruff rule``."""

from __future__ import annotations

import json

from rolreport.check.registry import RULES, as_json
from rolreport.config import unknown_rule_message
from rolreport.diagnostics import UsageError


def show(rule_id: str | None, all_rules: bool, output_format: str) -> str:
    if output_format not in ("text", "json"):
        raise UsageError(f"未知的输出格式 `{output_format}`；可选：text, json (unknown output format)")
    if all_rules == (rule_id is not None):
        raise UsageError("请给出一个规则编号，或用 --all (give one rule id, or --all)")
    if rule_id is not None:
        rule_id = rule_id.upper()
        if rule_id not in RULES:
            raise UsageError((unknown_rule_message(rule_id) or "").replace("未知的规则", "没有这条规则", 1))
    chosen = list(RULES.values()) if all_rules else [RULES[rule_id]]  # type: ignore[index]
    if output_format == "json":
        payload = [as_json(rule) for rule in chosen]
        return json.dumps(payload if all_rules else payload[0], ensure_ascii=False, indent=2) + "\n"
    return "\n".join(rule.markdown() for rule in chosen)
