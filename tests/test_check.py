"""`rolreport check`: findings on real defects, exact positions, fixes, formats, exit codes."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import EXAMPLE
from rolreport.source import SourceText, parse_yaml
from rolreport.validate import load_report, validate

DATA = Path(__file__).parent / "data"
FIXTURE = DATA / "seed-published.yaml"

SKELETON = """\
title: 某县2024年法治政府建设年度报告
issuer: 某县人民政府
jurisdiction: 某县
year: 2024
script: {script}
parts:
  - title: 主要举措和成效
    role: measures
    paragraphs:
      - {paragraph}
"""


def findings(run, *args: str | Path) -> list[dict]:
    result = run("check", *args, "--output-format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


def one_paragraph(tmp_path: Path, paragraph: str, script: str = "zh-Hans") -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(SKELETON.format(script=script, paragraph=paragraph), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------
# Acceptance


def test_the_example_is_clean(run):
    result = run("check", EXAMPLE)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "没有发现问题" in result.stderr


def test_the_published_seed_defects_are_all_found(run):
    found = findings(run, FIXTURE)
    counts = Counter(f["rule"] for f in found)
    # 140 commas + 3 semicolons + 1 colon + 19 pairs of parentheses (the 21 section numbers of the
    # published text are not in a source: numbering is generated).
    assert counts["RR301"] == 182
    assert counts["RR101"] == 3  # 并 ×3
    assert counts["RR102"] == 30  # the other stray Simplified forms of seed-notes.md §4
    assert counts["RR404"] == 3  # 2021-2025年, 2023-2027年, 2023-2024年度
    assert counts["RR201"] == 1  # 《…〈…(…〉…)》
    text = FIXTURE.read_text(encoding="utf-8").split("\n")
    seen = Counter()
    for f in found:
        if f["rule"] in ("RR101", "RR102"):
            seen[text[f["line"] - 1][f["column"] - 1]] += 1
    assert seen == Counter(
        {"范": 17, "余": 4, "并": 3, "后": 2, "干": 1, "于": 1, "系": 1, "征": 1, "云": 1, "扎": 1, "回": 1}
    )
    marks = Counter(text[f["line"] - 1][f["column"] - 1] for f in found if f["rule"] == "RR301")
    assert marks == Counter({",": 140, "(": 19, ")": 19, ";": 3, ":": 1})
    [crossed] = [f for f in found if f["rule"] == "RR201"]
    line = text[crossed["line"] - 1]
    assert line[crossed["column"] - 1 : crossed["end_column"] - 1] == "〈法治政府建設實施綱要(2021-2025年〉"


def test_fix_then_unsafe_fixes_turns_the_seed_into_the_example(run, tmp_path):
    work = tmp_path / "seed.yaml"
    work.write_bytes(FIXTURE.read_bytes())
    first = run("check", work, "--fix")
    assert "已修复 188 处" in first.stderr and "RR301×182" in first.stderr
    assert first.exit_code == 1  # the crossed bracket and the RR102 suggestions remain
    second = run("check", work, "--unsafe-fixes")
    assert "RR102×30" in second.stderr
    fixed = validate("a", parse_yaml(SourceText("a", work.read_text(encoding="utf-8")))).model_dump()
    example = load_report(str(EXAMPLE)).report.model_dump()
    assert fixed["parts"] == example["parts"]
    assert {k: v for k, v in fixed.items() if k != "preamble"} == {k: v for k, v in example.items() if k != "preamble"}
    # What needs a human (seed-notes.md §6): the crossed bracket of the first paragraph.
    assert fixed["preamble"][0].replace("年〉實施方案）》", "年）〉實施方案》") == example["preamble"][0]
    remaining = findings(run, work)
    assert [f["rule"] for f in remaining] == ["RR201"]


def test_fixing_is_idempotent(run, tmp_path):
    work = tmp_path / "seed.yaml"
    work.write_bytes(FIXTURE.read_bytes())
    run("check", work, "--unsafe-fixes")
    once = work.read_bytes()
    again = run("check", work, "--unsafe-fixes")
    assert work.read_bytes() == once
    assert "已修复" not in again.stderr
    assert not [f for f in findings(run, work) if f["fix"]]


def test_fix_keeps_comments_quoting_and_line_ends(run, tmp_path):
    path = tmp_path / "r.yaml"
    text = SKELETON.format(script="zh-Hans", paragraph="'全年办理案件1180件,纠错率6.8%。'  # 注释").replace(
        "\n", "\r\n"
    )
    path.write_bytes(text.encode("utf-8"))
    assert run("check", path, "--fix", "--select", "RR301").exit_code == 0
    assert path.read_bytes() == text.replace("件,纠", "件，纠").encode("utf-8")


# ------------------------------------------------------------------------------------------
# Positions in every scalar style


STYLES = """\
title: 某县2024年法治政府建设年度报告
issuer: 某县人民政府
jurisdiction: 某县
year: 2024
script: zh-Hans
preamble:
  - 普通标量,一
  - '单引号''内,二'
  - "双引号\\t转义\\u4e2d,三"
  - "折行的双引号
    第二行,四"
  - |
    字面块
    第二行,五
  - |-
    去尾字面块,六
  - >
    折叠块
    第二行,七

    段,八
  - 多行普通
    标量,九
parts:
  - title: 主要举措和成效
    role: measures
    paragraphs: ["流式,十"]
"""


def test_positions_are_exact_in_every_scalar_style(run, tmp_path):
    path = tmp_path / "styles.yaml"
    path.write_text(STYLES, encoding="utf-8")
    found = [f for f in findings(run, path, "--select", "RR301")]
    lines = STYLES.split("\n")
    expected = []
    for number in "一二三四五六七八九十":
        [(i, line)] = [(i, line) for i, line in enumerate(lines) if f",{number}" in line]
        expected.append((i + 1, line.index(f",{number}") + 1))
    assert len(expected) == 10  # one comma in each of the ten scalar styles of STYLES
    assert [(f["line"], f["column"]) for f in found] == expected
    assert all(f["end_column"] == f["column"] + 1 for f in found)


def test_fixes_apply_in_every_scalar_style(run, tmp_path):
    path = tmp_path / "styles.yaml"
    path.write_text(STYLES, encoding="utf-8")
    run("check", path, "--fix", "--select", "RR301")
    fixed = path.read_text(encoding="utf-8")
    assert fixed == re.sub(r",(?=[一二三四五六七八九十])", "，", STYLES)
    assert run("check", path, "--select", "RR301").exit_code == 0


# ------------------------------------------------------------------------------------------
# Rules, one defect each


@pytest.mark.parametrize(
    ("rule", "paragraph", "fixed"),
    [
        ("RR302", "全年办理案件１１８０件，ＡＰＰ上线。", "全年办理案件1180件，APP上线。"),
        ("RR303", "全年办理案件 1180 件。", "全年办理案件1180件。"),
        ("RR304", "推进法治 政府建设 ，成效明显。", "推进法治政府建设，成效明显。"),
        ("RR305", "成效明显，，群众满意。。", "成效明显，群众满意。"),
        ("RR307", "开展普法、宣讲...", "开展普法、宣讲……"),
        ("RR202", "印发《关于贯彻《纲要》的意见》。", "印发《关于贯彻〈纲要〉的意见》。"),
        ("RR203", "“他说“好””。", "“他说‘好’”。"),
        ("RR204", "印发某政发[2024]01号文件。", "印发某政发〔2024〕1号文件。"),
        ("RR402", "1、加强学习。", "1.加强学习。"),
        ("RR404", "实施（2021-2025年）规划。", "实施（2021—2025年）规划。"),
        ("RR501", "依法行政\u200b。", "依法行政。"),
        ("RR104", "贯彻中央關於深化改革的部署。", "贯彻中央关于深化改革的部署。"),
    ],
)
def test_safe_fixes(run, tmp_path, rule, paragraph, fixed):
    path = one_paragraph(tmp_path, paragraph)
    found = findings(run, path, "--select", rule)
    assert found and all(f["rule"] == rule for f in found), found
    run("check", path, "--fix", "--select", rule)
    assert load_report(str(path)).report.parts[0].paragraphs == [fixed]


def test_the_disputed_enumeration_comma_is_removed_only_with_unsafe_fixes(run, tmp_path):
    """RR308 is disputed (a note between the titles makes the 顿号 right): --fix keeps it."""
    path = one_paragraph(tmp_path, "印发《纲要》、《方案》。")
    run("check", path, "--fix", "--select", "RR308")
    assert load_report(str(path)).report.parts[0].paragraphs == ["印发《纲要》、《方案》。"]
    run("check", path, "--fix", "--unsafe-fixes", "--select", "RR308")
    assert load_report(str(path)).report.parts[0].paragraphs == ["印发《纲要》《方案》。"]


@pytest.mark.parametrize(
    ("rule", "paragraph", "script"),
    [
        ("RR306", "推进法治政府法治政府建设。", "zh-Hans"),
        ("RR306", "完善的的制度。", "zh-Hans"),
        ("RR401", "一是加强学习；三是完善制度。", "zh-Hans"),
        ("RR105", "全麵推進依法行政。", "zh-Hant-TW"),
        ("RR102", "領導干部帶頭學法。", "zh-Hant-TW"),
        ("RR101", "匯報并審議。", "zh-Hant-TW"),
        ("RR501", "掃一掃在手機打開當前頁", "zh-Hant-TW"),
        ("RR501", "扫一扫在手机打开当前页", "zh-Hans"),
        ("RR201", "（未闭合的括号。", "zh-Hans"),
    ],
)
def test_rules_that_need_a_human_or_review(run, tmp_path, rule, paragraph, script):
    path = one_paragraph(tmp_path, paragraph, script)
    assert rule in {f["rule"] for f in findings(run, path)}


@pytest.mark.parametrize(
    "paragraph",
    [
        "调解成功率98.63%，升级打造2.0版，共1,180件，时间10:30。",  # decimals, thousands, times
        "《常州市贯彻落实〈法治政府建设实施纲要（2021—2025年）〉实施方案》",  # correct nesting and span
        "组织部部长、委员会会议、学习习近平法治思想",  # not duplicated words
        "详见 https://www.gov.cn/a,b(c) 的说明",  # URL
        "“互联网+监管”和“法律顾问+N名法律明白人”",
        "若干措施，干涉，挣扎",
    ],
)
def test_no_false_positives(run, tmp_path, paragraph):
    path = one_paragraph(tmp_path, paragraph)
    text_rules = [f for f in findings(run, path) if f["rule"] < "RR600"]
    assert text_rules == []


def test_regional_forms_are_not_script_errors(run, tmp_path):
    path = one_paragraph(tmp_path, "為群眾公布、發布依托全周期的秘密審核，彙報與匯報。", "zh-Hant-TW")
    in_paragraph = [f for f in findings(run, path) if f["path"] == "parts[0].paragraphs[0]"]
    assert [f for f in in_paragraph if f["rule"].startswith("RR1")] == []


def test_mixed_numbers_frame_and_regional_variants(run, tmp_path):
    path = one_paragraph(tmp_path, "共1,180件，另有2355件，三十余项和30余项。")
    messages = [f["message"] for f in findings(run, path, "--select", "RR405")]
    assert len(messages) == 2 and "1,180" in messages[0] and "三十余项" in messages[1]
    framed = tmp_path / "framed.yaml"
    framed.write_text(
        SKELETON.format(script="zh-Hans", paragraph="开展工作。").replace(
            "parts:", "preamble:\n  - 市委、市政府：\nparts:"
        ),
        "utf-8",
    )
    [frame] = findings(run, framed, "--select", "RR610")
    assert "audience: superior" in frame["message"] and frame["path"] == "preamble[0]"
    tw = one_paragraph(tmp_path, "整治危污亂散企業。", "zh-Hant-TW")
    # RR103 is off by default: neither the defaults nor a prefix selection report it.
    assert all(f["rule"] != "RR103" for f in findings(run, tw))
    assert all(f["rule"] != "RR103" for f in findings(run, tw, "--select", "RR1"))
    [variant] = findings(run, tw, "--select", "RR103")
    assert variant["severity"] == "info" and variant["fix"] == {"replacement": "汙", "safe": False}


def test_off_by_default_rules_when_selected(run, tmp_path):
    law = one_paragraph(tmp_path, "贯彻实施新的行政复议法，开展“学宪法讲宪法”活动，落实《中华人民共和国行政处罚法》。")
    assert findings(run, law) == [] or "RR309" not in {f["rule"] for f in findings(run, law)}
    [hit] = findings(run, law, "--select", "RR309")
    assert "行政复议法" in hit["message"] and hit["severity"] == "info"
    (tmp_path / ".rolreport.toml").write_text('[glossary]\n"依法治市办" = "市委依法治市办"\n', encoding="utf-8")
    glossary = one_paragraph(tmp_path, "依法治市办牵头。")
    [term] = findings(run, glossary, "--select", "RR502")
    assert term["fix"] == {"replacement": "市委依法治市办", "safe": False}
    (tmp_path / ".rolreport.toml").unlink()
    plans = tmp_path / "plans.yaml"
    plans.write_text(
        SKELETON.format(script="zh-Hans", paragraph="开展工作。")
        + "  - title: 存在的不足和原因\n    role: shortcomings\n    paragraphs:\n      - 一是信访积案化解缓慢；二是执法人员培训不足。\n"
        + "  - title: 2025年工作安排\n    role: next_year\n    paragraphs:\n      - 加强执法人员培训。\n",
        encoding="utf-8",
    )
    messages = [f["message"] for f in findings(run, plans, "--select", "RR607")]
    assert any("信访积案化解缓慢" in m for m in messages) and not any("执法人员培训不足" in m for m in messages)
    assert any("没有可衡量的目标" in m for m in messages)


def test_report_rules(run, tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        SKELETON.format(script="zh-Hans", paragraph="开展工作。").replace(
            "year: 2024", "year: 2024\npublished: 2025-05-06"
        ),
        encoding="utf-8",
    )
    rules = {f["rule"] for f in findings(run, path)}
    assert {"RR601", "RR602", "RR608"} <= rules
    messages = " ".join(f["message"] for f in findings(run, path) if f["rule"] == "RR601")
    assert "存在的不足和原因" in messages and "下一年度的主要安排" in messages


# ------------------------------------------------------------------------------------------
# Formats


def test_output_formats(run, tmp_path):
    path = one_paragraph(tmp_path, "年度报告,依法行政。")
    col = "      - 年度报告,".index(",") + 1

    data = json.loads(run("check", path, "--output-format", "json", "--select", "RR301").stdout)
    [f] = data["findings"]
    assert (f["rule"], f["severity"], f["line"], f["column"], f["end_column"]) == ("RR301", "error", 10, col, col + 1)
    assert f["path"] == "parts[0].paragraphs[0]" and f["fix"] == {"replacement": "，", "safe": True}

    concise = run("check", path, "--output-format", "concise", "--select", "RR301").stdout
    assert concise == f"{path}:10:{col}: RR301 [error] 中文中用了半角“,”，应为全角“，” (half-width punctuation)\n"

    github = run("check", path, "--output-format", "github", "--select", "RR301").stdout
    assert github.startswith(
        f"::error file={path},line=10,col={col},endLine=10,endColumn={col + 1},title=RR301::RR301 "
    )

    gitlab = json.loads(run("check", path, "--output-format", "gitlab", "--select", "RR301").stdout)
    assert gitlab[0]["check_name"] == "RR301" and gitlab[0]["location"] == {
        "path": str(path),
        "lines": {"begin": 10, "end": 10},
    }
    assert gitlab[0]["severity"] == "major" and len(gitlab[0]["fingerprint"]) == 40

    rdjson = json.loads(run("check", path, "--output-format", "rdjson", "--select", "RR301").stdout)
    start = rdjson["diagnostics"][0]["location"]["range"]["start"]
    assert start == {"line": 10, "column": len("      - 年度报告".encode()) + 1}  # UTF-8 bytes
    assert rdjson["diagnostics"][0]["suggestions"][0]["text"] == "，"

    sarif = json.loads(run("check", path, "--output-format", "sarif", "--select", "RR301").stdout)
    assert sarif["version"] == "2.1.0"
    run0 = sarif["runs"][0]
    assert run0["columnKind"] == "unicodeCodePoints"
    result = run0["results"][0]
    assert result["ruleId"] == "RR301" and run0["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "RR301"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 10, "startColumn": col, "endLine": 10, "endColumn": col + 1,
    }  # fmt: skip


def test_github_escaping_and_automatic_choice(run, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    path = tmp_path / "a,b:c%.yaml"
    path.write_text(SKELETON.format(script="zh-Hans", paragraph="年度报告,依法行政。"), encoding="utf-8")
    result = run("check", path, "--select", "RR301")
    assert result.stdout.startswith("::error file=")
    assert "a%2Cb%3Ac%25.yaml" in result.stdout
    assert "RR301" in result.stderr  # the full list as well (GitHub shows only the first annotations)


def test_full_format_shows_the_line_and_a_caret(run, tmp_path):
    path = one_paragraph(tmp_path, "年度报告,依法行政。")
    out = run("check", path, "--select", "RR301").stdout
    lines = out.split("\n")
    assert lines[0].endswith("[parts[0].paragraphs[0]]")
    assert lines[1].endswith("- 年度报告,依法行政。")
    caret_line = lines[2]
    prefix_width = len("   10 |       - ") + 2 * 4  # four wide characters before the comma
    assert caret_line.index("^") == prefix_width


def test_output_file(run, tmp_path):
    path = one_paragraph(tmp_path, "年度报告,依法行政。")
    report = tmp_path / "out" / "report.sarif"
    result = run("check", path, "--output-format", "sarif", "--output-file", report)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"


# ------------------------------------------------------------------------------------------
# Exit codes and configuration


def test_exit_codes(run, tmp_path):
    warning_only = one_paragraph(tmp_path, "推进法治政府法治政府建设。")  # RR306 (warning) + report rules
    assert run("check", warning_only, "--select", "RR306").exit_code == 0
    assert run("check", warning_only, "--select", "RR306", "--strict").exit_code == 1
    error = one_paragraph(tmp_path, "年度报告,依法行政。")
    assert run("check", error).exit_code == 1
    assert run("check", error, "--exit-zero").exit_code == 0
    assert run("check", tmp_path / "missing.yaml").exit_code == 2
    assert run("check", error, "--output-format", "xml").exit_code == 2
    assert run("check", error, "--select", "RR999").exit_code == 2


def test_invalid_source_is_reported_as_findings(run, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("title: [\n", encoding="utf-8")
    result = run("check", path, "--output-format", "json")
    assert result.exit_code == 1
    [f] = json.loads(result.stdout)["findings"]
    assert f["rule"] == "RR000" and "YAML" in f["message"]
    broken = one_paragraph(tmp_path, "年度报告,依法行政。")
    broken.write_text(broken.read_text(encoding="utf-8").replace("year: 2024", "year: x"), encoding="utf-8")
    rules = {f["rule"] for f in findings(run, broken)}
    assert "RR000" in rules and "RR301" in rules  # the prose is still checked


def test_config_select_ignore_severity_and_allow_words(run, tmp_path):
    path = one_paragraph(tmp_path, "推进法治政府法治政府建设,依法行政。")
    (tmp_path / ".rolreport.toml").write_text(
        'ignore = ["RR6"]\nallow_words = ["法治政府法治政府"]\n[severity]\nRR301 = "warning"\n', encoding="utf-8"
    )
    found = findings(run, path)
    assert [(f["rule"], f["severity"]) for f in found] == [("RR301", "warning")]
    assert run("check", path).exit_code == 0  # warnings do not fail by default
    (tmp_path / ".rolreport.toml").write_text('ignore = ["RR6"]\nfail_on = "warning"\n', encoding="utf-8")
    assert run("check", path).exit_code == 1


def test_technical_profile_wants_spaces(run, tmp_path):
    path = one_paragraph(tmp_path, "全年办理案件1180件。")
    (tmp_path / "pyproject.toml").write_text('[tool.rolreport]\nprofile = "technical"\nselect = ["RR303"]\n', "utf-8")
    run("check", path, "--fix")
    assert load_report(str(path)).report.parts[0].paragraphs == ["全年办理案件 1180 件。"]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("select = [\n", 1),
        ('select = ["RR999"]\n', 1),
        ('profile = "loose"\n', 1),
        ("[severity]\nRR301 = 'fatal'\n", 2),
    ],
)
def test_bad_config_is_exit_2_with_its_location(run, tmp_path, content, line):
    path = one_paragraph(tmp_path, "依法行政。")
    (tmp_path / ".rolreport.toml").write_text(content, encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 2
    assert re.search(rf"\.rolreport\.toml:{line}:\d+: ", result.stderr), result.stderr


def test_inline_disable(run, tmp_path):
    text = SKELETON.format(script="zh-Hans", paragraph="年度报告,依法行政。")
    path = tmp_path / "r.yaml"
    path.write_text(
        text.replace("      - 年度", "      - 年度", 1).replace("依法行政。", "依法行政。  # rolreport: disable RR301"),
        "utf-8",
    )
    assert "RR301" not in {f["rule"] for f in findings(run, path)}
    path.write_text(
        text.replace("    paragraphs:\n", "    paragraphs:\n      # rolreport: disable-next RR301\n"), "utf-8"
    )
    assert "RR301" not in {f["rule"] for f in findings(run, path)}
    path.write_text("# rolreport: disable-file RR301 RR601\n" + text, "utf-8")
    rules = {f["rule"] for f in findings(run, path)}
    assert "RR301" not in rules and "RR601" not in rules and "RR602" in rules


def test_a_hash_inside_a_block_scalar_is_not_a_directive(run, tmp_path):
    text = SKELETON.format(
        script="zh-Hans", paragraph="|\n        # rolreport: disable-file\n        年度报告,依法行政。"
    )
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    assert "RR301" in {f["rule"] for f in findings(run, path)}


def test_stdin_check_and_fix(run, monkeypatch, tmp_path):
    import io
    import sys

    text = SKELETON.format(script="zh-Hans", paragraph="年度报告,依法行政。")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    result = run("check", "-", "--fix", "--select", "RR301")
    assert result.stdout == text.replace("报告,依法", "报告，依法")
