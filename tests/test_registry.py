"""The rule registry is the one definition of every rule, and every rule is exercised.

* every rule id the code can report is registered (and every registered id is reported by some
  code);
* every rule fires on a case and stays quiet on a look-alike: for the rules on prose, the
  registry's own documented example and "use instead" text; for the report rules, a change to
  the example report that breaks the rule and one that keeps it;
* the README's rule table and ``rolreport rule`` come from the registry.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT
from rolreport.check.registry import RULES, rule_table

SRC = ROOT / "src" / "rolreport"
TEXT_SCOPES = ("prose", "words", "body", "paragraph")


def test_every_reported_id_is_registered_and_every_registered_id_is_reported():
    code = "".join(p.read_text(encoding="utf-8") for p in (SRC / "check").glob("*.py") if p.name != "registry.py")
    code += (SRC / "validate.py").read_text(encoding="utf-8")
    reported = set(re.findall(r'"(RR\d{3})"', code))
    assert reported <= set(RULES), reported - set(RULES)
    assert set(RULES) - reported <= {"RR000"}, set(RULES) - reported  # RR000 is every source error


def test_registry_entries_are_complete():
    for rule in RULES.values():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.id
        assert rule.what and rule.why and rule.example and rule.use_instead and rule.summary, rule.id
        assert (rule.fix_order is None) == (rule.fix == "none"), rule.id  # every fix has its place in the order
    assert len({r.name for r in RULES.values()}) == len(RULES)


def _report(tmp_path: Path, text: str, rule, name: str) -> Path:
    field = rule.field
    place, work = ("某縣", "主要舉措") if rule.script != "zh-Hans" else ("某县", "主要举措")
    report_title = "2024年法治政府建設年度報告" if rule.script != "zh-Hans" else "2024年法治政府建设年度报告"
    head = f"title: {place}{report_title}\nissuer: {place}人民政府\njurisdiction: {place}\nyear: 2024\nscript: {rule.script}\n"
    if field == "doc_number":
        head += f"doc_number: {text}\n"
        text = "全县推进依法行政。"
    body = f"parts:\n  - title: {work}\n    role: measures\n    paragraphs:\n      - '{text}'\n"
    path = tmp_path / f"{name}.yaml"
    path.write_text(head + body, encoding="utf-8")
    return path


def _rules_reported(run, path: Path, rule_id: str) -> set[str]:
    result = run("check", path, "--select", rule_id, "--output-format", "json", "--exit-zero")
    assert result.exit_code == 0, result.stderr
    return {f["rule"] for f in json.loads(result.stdout)["findings"]}


@pytest.mark.parametrize("rule_id", [r.id for r in RULES.values() if r.scope in TEXT_SCOPES])
def test_each_text_rules_example_fires_and_its_correction_does_not(run, tmp_path, rule_id):
    rule = RULES[rule_id]
    if rule_id == "RR502":
        (tmp_path / ".rolreport.toml").write_text('glossary = {"旧说法" = "规范说法"}\n', encoding="utf-8")
    if rule_id == "RR103":
        (tmp_path / ".rolreport.toml").write_text('locale = "zh-Hant-TW"\n', encoding="utf-8")
    assert rule_id in _rules_reported(run, _report(tmp_path, rule.example, rule, "bad"), rule_id)
    assert rule_id not in _rules_reported(run, _report(tmp_path, rule.use_instead, rule, "good"), rule_id)


EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
SHORTCOMINGS = EXAMPLE_TEXT[
    EXAMPLE_TEXT.index("  - title: 存在的不足和原因") : EXAMPLE_TEXT.index("  - title: 下一年度的主要安排")
]
FIRST_PREAMBLE = "  - 2024年，在省委、省政府的正確領導下"
PART_ONE = "  - title: 深入學習貫徹習近平法治思想"
PART_TWO = "  - title: 高質量立法制規"
PLANS = "  - title: 下一年度的主要安排"


SHORTCOMING_TEXT = "      - 2024年，常州市在推進法治政府建設上"


def _plans(text: str, shortcoming: str, plan: str) -> str:
    """The example with a one-paragraph shortcomings part and a one-paragraph plans part."""
    shortcomings = f"  - title: 存在的不足和原因\n    role: shortcomings\n    paragraphs:\n      - {shortcoming}\n"
    plans = f"  - title: 下一年度的主要安排\n    role: next_year\n    paragraphs:\n      - {plan}\n"
    return text[: text.index(SHORTCOMINGS)] + shortcomings + plans


def _cut_shortcomings_causes(text: str) -> str:
    thin = "  - title: 存在的不足\n    role: shortcomings\n    paragraphs:\n      - 學習還需加強。\n"
    return text.replace(SHORTCOMINGS, thin)


# For each report rule: (a change that breaks it, a look-alike change that keeps it).
REPORT_CASES = {
    "RR000": (lambda t: t.replace("year: 2024", "year: 2025-02-29", 1), lambda t: t.replace("year: 2024", "year: 2024 ", 1)),
    "RR403": (
        lambda t: t.replace(FIRST_PREAMBLE, "  - 2023年，在省委、省政府的正確領導下", 1),
        lambda t: t.replace(FIRST_PREAMBLE, "  - 2024年，對照2023年，在省委、省政府的正確領導下", 1),
    ),
    "RR405": (
        lambda t: t.replace(FIRST_PREAMBLE, "  - 辦理1,180件、辦結2350件。" + FIRST_PREAMBLE[4:], 1),
        lambda t: t.replace(FIRST_PREAMBLE, "  - 辦理1180件、辦結2350件。" + FIRST_PREAMBLE[4:], 1),
    ),
    "RR601": (
        lambda t: t.replace("    role: shortcomings\n", "    role: other\n", 1),
        lambda t: t.replace("  - title: 存在的不足和原因\n", "  - title: 存在的問題和原因\n", 1),
    ),
    "RR602": (
        lambda t: t.replace("        role: leader_duty\n", "", 1).replace("第一責任人", "責任人"),
        lambda t: t.replace("        role: leader_duty\n", "", 1),  # the words 第一责任人 + 主要负责人 remain
    ),
    "RR603": (
        lambda t: t.replace("  - title: 存在的不足和原因\n", "  - title: 存在的不足\n", 1).replace(
            SHORTCOMINGS.split("\n", 3)[3], SHORTCOMINGS.split("\n", 3)[3].replace("原因", "情形").replace("主要是", "在於")
        ),
        lambda t: t.replace("  - title: 存在的不足和原因\n", "  - title: 存在的不足及其原因\n", 1),
    ),
    "RR604": (_cut_shortcomings_causes, lambda t: t),
    "RR606": (
        lambda t: re.sub(r"《[^》\n]*》", "文件", t.replace("案例", "做法").replace("典型", "相關").replace("“", "").replace("”", "")),
        lambda t: re.sub(r"《[^》\n]*》", "《文件》", t),
    ),
    "RR608": (lambda t: t.replace("year: 2024\n", "year: 2024\npublished: 2025-04-15\n", 1),
              lambda t: t.replace("year: 2024\n", "year: 2024\npublished: 2025-03-31\n", 1)),
    "RR609": (lambda t: t.replace("title: 常州市2024年法治政府建設年度報告", "title: 法治工作總結", 1),
              lambda t: t.replace("title: 常州市2024年法治政府建設年度報告", "title: 常州市2024年度法治政府建設工作報告", 1)),
    "RR610": (
        lambda t: t.replace("preamble:\n", "preamble:\n  - 市委、市政府：\n", 1),
        lambda t: t.replace("preamble:\n", "preamble:\n  - 市委、市政府高度重視。具體如下：\n", 1),
    ),
    "RR605": (
        lambda t: t[: t.index(PART_ONE)] + re.sub(r"\d", "", t[t.index(PART_ONE) : t.index(PART_TWO)]) + t[t.index(PART_TWO) :],
        lambda t: t,
    ),
    "RR607": (
        lambda t: _plans(t, "基層執法力量不足，主要原因是編制偏少。", "持續推進各項工作。"),
        lambda t: _plans(t, "基層執法力量不足，主要原因是編制偏少。", "充實基層執法力量，新增編制20名。"),
    ),
    "RR612": (
        lambda t: t[: t.index(PART_TWO)] + SHORTCOMINGS + t[t.index(PLANS) :][:2000].rsplit("\n", 1)[0] + "\n",
        lambda t: t,
    ),
    "RR613": (
        lambda t: t.replace("section_heading: run-in", "section_heading: standalone").replace(
            "      - title: 提升公共法律服務水平\n", "      - title: 提升公共法律服務水平。\n"),
        lambda t: t.replace("section_heading: run-in", "section_heading: standalone"),
    ),
    "RR614": (
        lambda t: t.replace(SHORTCOMING_TEXT, "      - " + "全面推進依法行政" * 20 + "。" + SHORTCOMING_TEXT[8:], 1),
        lambda t: t.replace(SHORTCOMING_TEXT, "      - " + "全面推進依法行政，" * 20 + "。" + SHORTCOMING_TEXT[8:], 1),
    ),
}  # fmt: skip


@pytest.mark.parametrize("rule_id", sorted(REPORT_CASES))
def test_each_report_rule_fires_on_a_case_and_not_on_a_look_alike(run, tmp_path, rule_id):
    breaks, keeps = REPORT_CASES[rule_id]
    for change, expected in ((breaks, True), (keeps, False)):
        changed = change(EXAMPLE_TEXT)
        assert changed != EXAMPLE_TEXT or not expected
        path = tmp_path / f"{rule_id}-{expected}.yaml"
        path.write_text(changed, encoding="utf-8")
        assert (rule_id in _rules_reported(run, path, rule_id)) is expected, (rule_id, expected)


def test_every_report_rule_has_a_case():
    report_rules = {r.id for r in RULES.values() if r.scope not in TEXT_SCOPES} - {"RR611"}
    assert report_rules <= set(REPORT_CASES), report_rules - set(REPORT_CASES)


def test_readme_rule_table_is_generated_from_the_registry(update_goldens):
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start = text.index("<!-- rules:start")
    start = text.index("\n", start) + 1
    end = text.index("<!-- rules:end -->")
    if update_goldens:
        readme.write_text(text[:start] + rule_table() + text[end:], encoding="utf-8")
        return
    assert text[start:end] == rule_table(), "README rule table is stale: run pytest --update-goldens"


def test_rule_command_prints_documentation(run):
    result = run("rule", "rr301")
    assert result.exit_code == 0 and "# half-width-punctuation (RR301)" in result.stdout
    assert "2024年,全县依法行政" in result.stdout and "改为 (Use instead)" in result.stdout
    every = json.loads(run("rule", "--all", "--output-format", "json").stdout)
    assert [r["id"] for r in every] == list(RULES)
    missing = run("rule", "RR999")
    assert missing.exit_code == 2 and "RR999" in missing.stderr and "最接近的" in missing.stderr


def test_sarif_catalogue_carries_the_documentation(run):
    sarif = json.loads(run("check", EXAMPLE, "--output-format", "sarif", "--exit-zero").stdout)
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert all(r["fullDescription"]["text"] and r["help"]["markdown"].startswith("# ") for r in rules)


def test_each_check_reports_only_the_rules_it_declares():
    """The engine runs a check only when one of its declared rules is on: a check that reported
    an undeclared rule would report it even when switched off, or not at all."""
    from rolreport.check.report_rules import REPORT_RULES
    from rolreport.check.script_rules import SCRIPT_RULE_IDS, script_hits
    from rolreport.check.text_rules import TEXT_RULES, Context
    from rolreport.diagnostics import RolreportError
    from rolreport.source import SourceText, parse_yaml
    from rolreport.validate import validate

    checks = [*TEXT_RULES, (SCRIPT_RULE_IDS, script_hits)]
    for rule in RULES.values():
        for text in (rule.example, rule.use_instead):
            ctx = Context(script=rule.script, field=rule.field, glossary=(("旧说法", "规范说法"),))
            for ids, check in checks:
                assert {hit.rule for hit in check(text, ctx)} <= set(ids), (check.__name__, text)
    for case in REPORT_CASES.values():
        for change in case:
            try:
                report = validate("r", parse_yaml(SourceText("r", change(EXAMPLE_TEXT))))
            except RolreportError:  # the RR000 case does not validate
                continue
            for ids, report_check in REPORT_RULES:
                assert {hit.rule for hit in report_check(report)} <= set(ids), report_check.__name__
