"""check on the shapes of real report text (issue 12): correct text that looks wrong gets no
finding, fixes restore the intended text, and the misses are found."""

from __future__ import annotations

import pytest

from rolreport.check.text_rules import Context, rr301, rr303, rr304, rr306, rr307, rr404, rr501


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("开展“学习贯彻党的二十大精神 深入践行习近平法治思想”主题活动", "paragraphs"),  # a quoted slogan's halves
        ("印发《关于优化营商环境 培育和激发市场主体活力的实施方案》", "paragraphs"),  # a document title's halves
        ("绍兴创新监管服务模式 护航平台经济发展", "title"),  # a two-clause headline
        ("中共中央 国务院印发《法治政府建设实施纲要（2021—2025年）》", "paragraphs"),  # joint issuers
        ("省委 省政府高度重视法治政府建设", "paragraphs"),
        ("中共中央辦公廳 國務院辦公廳印發", "paragraphs"),  # Traditional
    ],
)
def test_a_conventional_separator_space_is_not_a_stray_space(text, field):
    assert list(rr304(text, Context(field=field))) == []


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("全县推进法治 政府建设", "paragraphs"),  # a space inside running text
        ("开展“学习  深入”活动", "paragraphs"),  # two spaces are not a separator
        ("推进 法治", "title"),  # a title's halves must be clauses
        ("全县 依法行政", "paragraphs"),
    ],
)
def test_a_stray_space_is_still_reported(text, field):
    assert [h.rule for h in rr304(text, Context(field=field))] == ["RR304"]


@pytest.mark.parametrize("text", ["全年访问量达1200万次", "累计浏览次数超过十万", "典型经验分享到全市", "下一篇章"])
def test_chrome_labels_inside_prose_are_words(text):
    assert list(rr501(text, Context())) == []


@pytest.mark.parametrize(
    "text",
    [
        "浏览次数：1234",
        "分享到：",
        "上一篇：关于印发",
        "发布时间：2024 浏览次数 12",
        "瀏覽次數：88",
        "扫一扫在手机上查看当前页面",
    ],
)
def test_chrome_in_chrome_position_is_reported(text):
    assert [h.rule for h in rr501(text, Context())] == ["RR501"]


def _report_with(text: str):
    from rolreport.model import Report

    return Report.model_validate(
        {"title": "某县2024年法治政府建设年度报告", "issuer": "某县人民政府", "jurisdiction": "某县", "year": 2024,
         "script": "zh-Hans", "parts": [{"title": "主要举措", "role": "measures", "paragraphs": [text]}]}
    )  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "坚持“十一个坚持”，办理案件30件。",  # a name in quotes
        "召开第十二次党代会，办理案件30件。",  # an ordinal
        "落实第十四个五年规划，办结案件30件。",
        "落实《某市十条措施》，办结案件30件。",
        "落实（2021—2025年）规划，办结1,180件。",  # a year is not a four-digit quantity
    ],
)
def test_names_ordinals_and_years_are_not_mixed_number_styles(text):
    from rolreport.check.report_rules import _numbers

    assert list(_numbers(_report_with(text))) == []


@pytest.mark.parametrize("text", ["办结1,180件，另有2350件。", "办结三十余项，另办30余项。"])
def test_mixed_number_styles_are_still_reported(text):
    from rolreport.check.report_rules import _numbers

    assert [h.rule for h in _numbers(_report_with(text))] == ["RR405"]


# -- Fixes that must not damage text (issue 12, second group) ---------------------------------------

FIX_HEAD = (
    "title: 某县2024年法治政府建设年度报告\nissuer: 某县人民政府\njurisdiction: 某县\nyear: 2024\nscript: zh-Hans\n"
)


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("加强普法宣传。。。", "加强普法宣传……"),  # an ellipsis, not a repeated full stop
        ("加强普法宣传．．．", "加强普法宣传……"),  # not three ASCII full stops
        ("加强宣传--深入推进", "加强宣传——深入推进"),  # a doubled hyphen between Chinese is a dash
        ("落实《纲要(2021—2022)》", "落实《纲要（2021—2022）》"),  # both halves of the pair
        ("学习《宪法》、《民法典》", "学习《宪法》、《民法典》"),  # disputed: never a safe fix
        ("字号：大 中 小", "字号：大 中 小"),  # chrome is reported, its spaces are not squeezed
        ("'??2024年，全县推进依法行政。'", "'2024年，全县推进依法行政。'"),  # a lost indent: deleted
        ("全县??推进依法行政。", "全县??推进依法行政。"),  # lost characters: never turned into ？
    ],
)
def test_safe_fixes_restore_the_intended_text(run, tmp_path, written, fixed):
    path = tmp_path / "r.yaml"
    path.write_text(
        FIX_HEAD + f"parts:\n  - title: 主要举措\n    role: measures\n    paragraphs:\n      - {written}\n", "utf-8"
    )
    run("check", path, "--fix", "--exit-zero")
    assert path.read_text(encoding="utf-8").endswith(f"      - {fixed}\n")
    remaining = run("check", path, "--select", "RR201,RR305", "--output-format", "concise").stdout
    assert "RR201" not in remaining and "RR305" not in remaining


# -- Misses (issue 12, third group) ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "check", "found", "fix"),
    [
        ("2022\u3000年完成", rr303, "\u3000", ""),  # an ideographic space between a number and Chinese
        ("实施规划（2021-2025）", rr404, "2021-2025", "2021—2025"),  # a year span in brackets
        ("落实2021年-2025年规划", rr404, "2021年-2025", "2021年—2025"),
        ("开展，...，活动", rr307, "...", "……"),  # ASCII ellipsis beside full-width punctuation
        ("他说“...”", rr307, "...", "……"),
    ],
)
def test_misses_are_found(text, check, found, fix):
    hits = list(check(text, Context()))
    assert [(text[h.start : h.end], h.fix) for h in hits] == [(found, fix)]


def test_a_half_width_parenthesis_after_a_digit_is_found_with_its_partner():
    text = "落实《纲要(2021—2022)》"
    assert [(text[h.start], h.fix) for h in rr301(text, Context())] == [("(", "（"), (")", "）")]


@pytest.mark.parametrize("text", ["Hello... world", "version 1.2.3", "2021—2025年"])
def test_look_alikes_of_the_misses_are_not_reported(text):
    assert [h for check in (rr307, rr404) for h in check(text, Context())] == []


@pytest.mark.parametrize(
    "text", ["实实在在地推进", "不了了之", "为了了解情况", "的的确确", "以营利为目的的行为", "委员会会议", "是是非非"]
)
def test_words_that_meet_are_not_duplicated_words(text):
    assert list(rr306(text, Context())) == []


@pytest.mark.parametrize("text", ["完善的的制度", "在在推进", "工作的的方法", "推进法治政府法治政府建设"])
def test_duplicated_words_are_still_reported(text):
    assert [h.rule for h in rr306(text, Context())] == ["RR306"]


def test_characters_lost_in_a_conversion_are_named():
    hits = list(rr501("全县??推进依法行政。", Context()))
    assert [(h.rule, h.fix) for h in hits] == [("RR501", None)] and "丢失" in hits[0].message
    assert list(rr501("what?? ok", Context())) == []


# RR501 and import share one classifier of page furniture (lexicon.chrome.is_chrome_line).
@pytest.mark.parametrize(
    "text",
    [
        "来源：某县司法局 发布时间：2024-03-28 09:18",
        "當前位置：首頁 > 政務公開 > 工作報告",
        "无障碍 简体| 繁体",
        "[ 发布机构 ] 丰都县栗子乡人民政府 [ 有效性 ]",
        "今天是：2019年10月31日 星期三 农历十月初七",
    ],
)
def test_a_value_that_is_a_page_furniture_line_is_residue(text):
    assert [h.rule for h in rr501(text, Context(field="paragraphs"))] == ["RR501"]


@pytest.mark.parametrize(
    "text",
    [
        "2024年3月28日，县司法局召开全县法治政府建设推进会。",
        "时间紧、任务重，全县上下形成合力。",
        "日期：2025年3月1日召开常务会议，审议通过年度报告。",
        "出台《行政规范性文件管理办法》/《实施细则》。",
    ],
)
def test_prose_that_mentions_dates_or_sources_is_not_furniture(text):
    assert [h for h in rr501(text, Context(field="paragraphs")) if "页眉" in h.message] == []


# -- RR102/RR103: evidence that holds for the report's own locale --------------------------------------------


def _script_rules(text: str, script: str) -> list[tuple[str, str]]:
    from rolreport.check.script_rules import script_hits

    return [(h.rule, text[h.start : h.end]) for h in script_hits(text, Context(field="paragraphs", script=script))]


@pytest.mark.parametrize(
    "text",
    [
        "事事有回音，件件有落實",
        "慶祝建校40周年",
        "優化區域布局",
        "公布實施《條例》",
        "全市分布著12個服務站",
        "回響熱烈，周末不休",
    ],
)
def test_forms_standard_in_taiwan_are_not_simplified_usage(text):
    assert _script_rules(text, "zh-Hant-TW") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("加強領導干部法治培訓", ("RR102", "干")),  # 幹部: no locale writes 干部
        ("提出建議240余條", ("RR102", "余")),  # 餘
        ("全面优化布局", ("RR101", "优")),  # a Simplified-only character stays an error beside an accepted form
    ],
)
def test_simplified_usage_is_still_reported_in_taiwan(text, found):
    assert found in _script_rules(text, "zh-Hant-TW")


def test_the_locale_forms_are_taiwans_only():
    # zh-Hant follows OpenCC's standard forms: there 布局 is still evidence of the Simplified sense
    assert ("RR102", "布") in _script_rules("優化區域布局", "zh-Hant")
