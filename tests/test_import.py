"""`rolreport import`: published texts in, valid and faithful YAML sources out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EXAMPLE, SEED
from rolreport.model import Report
from rolreport.source import SourceText, parse_yaml
from rolreport.validate import load_report, validate

DATA = Path(__file__).parent / "data"
FEATURES = DATA / "features.yaml"


def imported(run, source: Path | str, *args: str) -> tuple[Report, str, str]:
    result = run("import", source, *args)
    assert result.exit_code == 0, result.stderr
    report = validate("imported", parse_yaml(SourceText("imported", result.stdout)))
    return report, result.stdout, result.stderr


def content(report: Report) -> dict:
    """The report's content: effective heading styles, no conversion settings or dates the text lacks."""
    data = report.model_dump(exclude={"conversion", "published", "section_heading"})
    for pi, part in enumerate(report.parts):
        for si, section in enumerate(part.sections):
            data["parts"][pi]["sections"][si]["heading"] = section.style
    return data


# ------------------------------------------------------------------------------------------
# Acceptance


def test_the_seed_imports_and_builds_back_byte_for_byte(run, tmp_path):
    target = tmp_path / "seed.yaml"
    result = run("import", SEED, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert "第 31 行: 掃一掃在手機打開當前頁" in result.stderr and "第 32 行: |" in result.stderr
    assert "未能分类" not in result.stderr
    built = run("build", target, "-f", "txt", "-o", "-").stdout.rstrip("\n").split("\n")
    seed = SEED.read_text(encoding="utf-8").split("\n")
    assert built[0] == "常州市2024年法治政府建設年度報告"  # the title the build adds (derived)
    renumbered = [re.sub(r"^\(([一二三四五六七])\)", r"（\1）", line) for line in seed[:30]]
    assert built[1:] == renumbered
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=rolreport.schema.json\n")
    assert "  - |-\n    2024年,在省委" in text  # long paragraphs in literal block style, Chinese unescaped
    report = load_report(str(target)).report
    assert [p.role for p in report.parts] == ["measures"] * 5 + ["shortcomings", "next_year"]
    assert report.parts[0].sections[2].role == "leader_duty"
    assert (report.year, report.jurisdiction, report.issuer, report.script) == (
        2024,
        "常州市",
        "常州市人民政府",
        "zh-Hant-TW",
    )


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
@pytest.mark.parametrize("source", [EXAMPLE, FEATURES], ids=["example", "features"])
def test_own_builds_import_back_to_the_same_content(run, tmp_path, source, fmt):
    assert run("build", source, "-f", fmt, "-o", tmp_path).exit_code == 0
    report, _, _ = imported(run, tmp_path / f"{source.stem}.{fmt}")
    assert content(report) == content(load_report(str(source)).report)


def test_fixing_the_imported_seed_leaves_only_what_needs_a_human(run, tmp_path):
    target = tmp_path / "seed.yaml"
    run("import", SEED, "-o", target)
    run("check", target, "--fix")
    run("check", target, "--unsafe-fixes")
    fixed = load_report(str(target)).report.model_dump()
    example = load_report(str(EXAMPLE)).report.model_dump()
    differing = sorted(k for k in example if fixed[k] != example[k])
    # seed-notes.md §6: the crossed bracket of the first paragraph, and the OpenCC overrides
    # (the example's conversion settings), are for a human.
    assert differing == ["conversion", "preamble"]
    assert fixed["preamble"][0].replace("年〉實施方案）》", "年）〉實施方案》") == example["preamble"][0]
    remaining = run("check", target, "--output-format", "concise").stdout.splitlines()
    assert remaining and all(" RR201 " in line for line in remaining), remaining  # only the crossed bracket


# ------------------------------------------------------------------------------------------
# Layouts seen in published reports (domain.md §3–6)

ADDRESSEE = """\
常州市人民政府关于2024年度法治政府
建设情况的报告
常政发〔2025〕12号
江苏省人民政府：
2024年，我市深入贯彻习近平法治思想，现将有关情况报告如下：
一、 2024年法治政府建设主要举措和成效
(一)加强党的领导
市政府常务会议专题学法12次。
1、健全制度。出台《常州市行政规范性文件管理办法》。
2、强化监督。开展专项督察3次。
(二)推进依法决策
公布重大行政决策事项目录。
二. 存在的不足和原因
一是基层力量不足；二是培训不够，主要是经费有限。
三、党政主要负责人履行推进法治建设第一责任人职责情况
市政府主要负责人带头学法。
四、2025年工作安排
持续推进法治政府建设。
常州市人民政府
2025年3月28日
"""


def test_addressee_split_title_standalone_sections_and_half_width_numbering(run, tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(ADDRESSEE, encoding="utf-8")
    report, _, stderr = imported(run, source)
    assert report.title == "常州市人民政府关于2024年度法治政府建设情况的报告"
    assert "标题由两行合并" in stderr
    assert (report.audience, report.addressee, report.doc_number) == (
        "superior",
        "江苏省人民政府",
        "常政发〔2025〕12号",
    )
    assert report.issuer == "常州市人民政府" and report.jurisdiction == "常州市" and report.year == 2024
    assert [p.title for p in report.parts] == [
        "2024年法治政府建设主要举措和成效", "存在的不足和原因", "党政主要负责人履行推进法治建设第一责任人职责情况", "2025年工作安排",
    ]  # fmt: skip
    assert [p.role for p in report.parts] == ["measures", "shortcomings", "leader_duty", "next_year"]
    first = report.parts[0]
    assert [s.style for s in first.sections] == ["standalone", "standalone"]
    assert [(i.title, i.paragraphs) for i in first.sections[0].items] == [
        ("健全制度", ["出台《常州市行政规范性文件管理办法》。"]),
        ("强化监督", ["开展专项督察3次。"]),
    ]
    assert report.parts[1].paragraphs == ["一是基层力量不足；二是培训不够，主要是经费有限。"]  # 一是 stays prose
    assert report.closing is not None and str(report.closing.date) == "2025-03-28"


NPC = """\
关于常州市2024年法治政府建设情况的报告
——2025年4月20日在常州市第十七届人民代表大会常务委员会第十五次会议上
主任、副主任、秘书长、各位委员：
我受市人民政府委托，报告2024年法治政府建设情况，请予审议。
一、主要工作
（一）深化法治宣传教育。开展普法活动4100余场次。
二、存在的问题
基层力量不足，主要是编制有限。
三、下一步工作打算
持续推进。
"""


def test_peoples_congress_version(run, tmp_path):
    source = tmp_path / "npc.txt"
    source.write_text(NPC, encoding="utf-8")
    report, _, _ = imported(run, source)
    assert report.audience == "npc"
    assert report.session_note == "——2025年4月20日在常州市第十七届人民代表大会常务委员会第十五次会议上"
    assert report.salutation_line == "主任、副主任、秘书长、各位委员"
    assert report.preamble == ["我受市人民政府委托，报告2024年法治政府建设情况，请予审议。"]
    assert [p.role for p in report.parts] == ["measures", "shortcomings", "next_year"]
    assert report.parts[0].sections[0].style == "run-in"


CHROME = """\
首页 > 政务公开 > 法治政府建设
發布時間：2025-03-28 來源：常州市司法局
瀏覽次數：1234
【字體：大 中 小】
{body}
分享到：
打印本頁 關閉窗口
掃一掃在手機打開當前頁
"""


def test_chrome_in_both_scripts_is_dropped_and_listed(run, tmp_path):
    body = "常州市2024年法治政府建設年度報告\n2024年，常州市推進法治政府建設。\n一、主要舉措\n開展工作。\n二、存在的不足和原因\n力量不足。\n三、下一年度的主要安排\n持續推進。"
    for text in (
        CHROME.format(body=body),
        CHROME.format(body=body).replace("發布時間", "发布时间").replace("瀏覽次數", "浏览次数"),
    ):
        source = tmp_path / "page.txt"
        source.write_text(text, encoding="utf-8")
        report, _, stderr = imported(run, source)
        assert report.title == "常州市2024年法治政府建設年度報告"
        assert len(re.findall("丢弃 \\(dropped\\)", stderr)) == 7
        assert "未能分类" not in stderr
        # No form that tells Taiwan from Hong Kong: generic Traditional, no region claimed
        # (issue 11: mainland portals' Traditional copies were labelled zh-Hant-TW), and said so.
        assert report.script == "zh-Hant"
        assert "没有区分" in stderr


def test_unclassified_lines_are_kept_and_listed(run, tmp_path):
    source = tmp_path / "odd.txt"
    source.write_text(
        "某县2024年法治政府建设年度报告\n导语。\n一、主要举措和成效\n开展工作。\n附件清单\n"
        "二、存在的不足和原因\n不足。\n三、2025年工作安排\n推进。\n",
        encoding="utf-8",
    )
    report, _, stderr = imported(run, source)
    assert report.parts[0].paragraphs == ["开展工作。", "附件清单"]
    assert "未能分类 (unclassified) 第 5 行: 附件清单" in stderr


def test_gb18030_markdown_html_docx_and_stdin(run, tmp_path, monkeypatch):
    text = ADDRESSEE
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(text.encode("gb18030"))
    assert imported(run, gbk)[0].addressee == "江苏省人民政府"

    page = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    page.write_text(
        "<!DOCTYPE html><html><head><title>x</title><script>var a='一、不是正文';</script><style>p{}</style></head>"
        '<body><div class="nav"><a href="/">首页</a> 一、导航</div><div class="share">分享到：微信</div>'
        f'<div class="TRS_Editor">{paragraphs}</div><footer>版权所有 一、页脚</footer></body></html>',
        encoding="utf-8",
    )
    report, _, _ = imported(run, page)
    assert len(report.parts) == 4 and "导航" not in str(report.model_dump())

    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    word = tmp_path / "report.docx"
    document.save(str(word))
    assert content(imported(run, word)[0]) == content(imported(run, gbk)[0])

    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert imported(run, "-")[0].doc_number == "常政发〔2025〕12号"


def test_never_overwrites_without_force(run, tmp_path):
    target = tmp_path / "out.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = run("import", SEED, "-o", target)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert run("import", SEED, "-o", target, "--force").exit_code == 0
    assert load_report(str(target)).report.year == 2024


def test_missing_year_asks_for_it(run, tmp_path):
    source = tmp_path / "noyear.txt"
    source.write_text("某县法治政府建设情况报告\n一、主要工作\n开展工作。\n", encoding="utf-8")
    result = run("import", source)
    assert result.exit_code == 2 and "--year" in result.stderr
    report, _, _ = imported(run, source, "--year", "2024")
    assert report.year == 2024


def test_text_without_parts_is_refused(run, tmp_path):
    source = tmp_path / "flat.txt"
    source.write_text("某县2024年法治政府建设报告\n全年开展工作。\n", encoding="utf-8")
    result = run("import", source)
    assert result.exit_code == 1 and "部分" in result.stderr and "Traceback" not in result.stderr


def test_binary_and_legacy_doc_are_refused(run, tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01")
    assert run("import", binary).exit_code == 1
    legacy = tmp_path / "x.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    result = run("import", legacy)
    assert result.exit_code == 2 and ".docx" in result.stderr


@pytest.mark.parametrize(
    ("content", "fragment"), [("", "没有可导入的正文"), ("掃一掃在手機打開當前頁\n|\n", "丢弃了 2 行")]
)
def test_nothing_to_import(run, tmp_path, content, fragment):
    source = tmp_path / "empty.txt"
    source.write_text(content, encoding="utf-8")
    result = run("import", source)
    assert result.exit_code == 1 and fragment in result.stderr


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("规范性文件的合法性审核，政府部门着力推进。", "zh-Hans"),
        ("在這裡，政府部門著力推進群眾的衛生健康事業，為人民群眾提供服務。", "zh-Hant-TW"),
        ("在這裏，政府部門着力推進群眾的衞生健康事業，為人民羣眾提供服務。", "zh-Hant-HK"),
    ],
)
def test_the_script_of_an_imported_text_is_detected_with_its_region(run, tmp_path, text, script):
    source = tmp_path / "r.txt"
    source.write_text(f"某县2024年法治政府建设年度报告\n一、主要举措\n{text}\n", encoding="utf-8")
    report, _, stderr = imported(run, source)
    assert report.script == script, stderr


# -- Issue 11: header fields from real page shapes (tests/test_import_pages.py holds the pages) --

BODY = "一、主要举措和成效\n（一）加强组织领导\n召开常务会议专题学法4次。\n"


@pytest.mark.parametrize(
    ("head", "title", "issuer", "jurisdiction", "year"),
    [
        # a place that only the gazetteer makes whole: the 南 of 南京市 lost at a line's edge
        (
            "京市江宁区2023年法治政府建设情况报告\n",
            "京市江宁区2023年法治政府建设情况报告",
            "南京市江宁区人民政府",
            "南京市江宁区",
            2023,
        ),
        # 关于 before the place is no part of it
        ("关于杭州市2023年度法治政府建设情况的报告\n", None, "杭州市人民政府", "杭州市", 2023),
        # a department keeps its own name, and its place is its jurisdiction
        ("武汉市市场监督管理局2023年度法治政府建设情况报告\n", None, "武汉市市场监督管理局", "武汉市", 2023),
        # the page's date is not the report's year; the title under the masthead is the title
        (
            "某县人民政府 2019年10月31日 星期四\n栏目：工作报告\n2020年某县法治政府建设情况报告\n",
            "2020年某县法治政府建设情况报告",
            None,
            None,
            2020,
        ),
        # no title: the first sentence's subject, never words that only end like a place
        (
            "2022年，在市委、市政府的正确领导下，确山县认真贯彻习近平法治思想。\n",
            None,
            "确山县人民政府",
            "确山县",
            2022,
        ),
        # a plan period is not the year
        (
            "根据《法治政府建设实施纲要（2021—2025年）》要求，现将2022年法治政府建设情况报告如下。\n",
            None,
            None,
            None,
            2022,
        ),
    ],
)
def test_header_fields_from_titles_and_first_sentences(run, tmp_path, head, title, issuer, jurisdiction, year):
    source = tmp_path / "page.txt"
    source.write_text(head + BODY, encoding="utf-8")
    report, _, _ = imported(run, source)
    if title:
        assert report.title == title
    assert report.year == year
    if issuer:
        assert report.issuer == issuer
    if jurisdiction:
        assert report.jurisdiction == jurisdiction
    assert "2019" not in report.title


def test_page_header_lines_are_not_an_addressee(run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(
        "时间:2018-05-03 浏览次数:\n某县2017年法治政府建设情况报告\n签发人：张三\n市人民政府：\n" + BODY,
        encoding="utf-8",
    )
    report, _, stderr = imported(run, source)
    assert report.addressee == "市人民政府" and report.audience == "superior"
    assert "时间:2018-05-03 浏览次数:" in stderr  # listed among the dropped lines


def test_what_a_page_does_not_show_becomes_a_placeholder_that_check_reports(run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text("2022年，市人社局坚持以习近平法治思想为指导。\n" + BODY, encoding="utf-8")
    report, out, _ = imported(run, source)
    assert report.issuer == "（待填写发文机关）" and "待填写" in report.title
    yaml_path = tmp_path / "page.yaml"
    yaml_path.write_text(out, encoding="utf-8")
    result = run("check", yaml_path)
    assert "RR503" in result.stdout


# -- Issue 11: damaged texts that a reader parses easily -------------------------------------------

RUN_ON = (
    "2023年，某县坚持以习近平法治思想为指导，现将有关情况报告如下。"
    "一、主要举措和成效（一）加强组织领导。召开常务会议专题学法4次，" + "开展法治培训3次，" * 20 + "成效明显。"
    "（二）推进依法决策。公布重大行政决策事项目录。二、存在的不足和原因（一）基层执法力量不足。"
    "人员少、任务重。三、下一年度的主要安排（一）持续推进法治政府建设。落实年度工作要点。"
)


def test_a_text_without_line_breaks_is_split_at_its_numbering(run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(RUN_ON, encoding="utf-8")
    report, _, stderr = imported(run, source, "--jurisdiction", "某县")
    assert [p.title for p in report.parts][:1] == ["主要举措和成效"] and len(report.parts) == 3
    assert [s.title for s in report.parts[0].sections] == ["加强组织领导", "推进依法决策"]
    assert "没有换行" in stderr


def test_a_part_heading_without_a_body_is_kept_and_the_yaml_is_valid(run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(
        "某县2023年法治政府建设情况报告\n一、主要举措和成效\n召开常务会议专题学法4次。\n二、存在的不足和原因\n",
        encoding="utf-8",
    )
    report, _, stderr = imported(run, source)
    assert report.parts[-1].paragraphs[-1] == "二、存在的不足和原因"  # never lost
    assert "没有正文" in stderr


def test_lost_indents_mangled_headings_and_bare_item_numbers(run, tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(
        "某县2023年法治政府建设情况报告\n??2023年，某县坚持以习近平法治思想为指导。\n"
        "一、主要举措和成效\n（一）加强组织领导。\n1履行第一责任人职责。\n2.健全制度。\n"
        "?。ㄒ唬┥钊雽W習貫徹黨的二十大精神。\n（二）推进依法决策\n3.公布事项目录。\n",
        encoding="utf-8",
    )
    report, _, stderr = imported(run, source)
    assert report.preamble == ["2023年，某县坚持以习近平法治思想为指导。"]
    section = report.parts[0].sections[0]
    assert section.title == "加强组织领导。"  # a standalone heading keeps its 。
    assert [i.paragraphs[0] for i in section.items][:2] == ["履行第一责任人职责。", "健全制度。"]
    assert "?。ㄒ唬┥钊雽W習貫徹黨的二十大精神。" in str(report.model_dump())  # kept, never dropped
    assert "乱码" in stderr and "重新编号" in stderr and "缩进" in stderr
