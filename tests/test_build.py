"""`rolreport build`: golden outputs, determinism, atomic writes, escaping, template overrides."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
from markdown_it import MarkdownIt

from conftest import EXAMPLE, GOLDEN

DATA = Path(__file__).parent / "data"
FEATURES = DATA / "features.yaml"
ESCAPING = DATA / "escaping.yaml"


@pytest.mark.parametrize("source", [EXAMPLE, FEATURES], ids=["example", "features"])
def test_golden_outputs(run, tmp_path, update_goldens, source):
    result = run("build", source, "--out", tmp_path)
    assert result.exit_code == 0, result.stderr
    stem = source.stem
    mismatched = []
    for fmt in ("md", "html", "txt"):
        built = (tmp_path / f"{stem}.{fmt}").read_bytes()
        golden = GOLDEN / f"{stem}.{fmt}"
        if update_goldens:
            golden.parent.mkdir(exist_ok=True)
            golden.write_bytes(built)
        elif not golden.exists() or golden.read_bytes() != built:
            mismatched.append(golden.name)
    assert not mismatched, f"outputs differ from {mismatched}; rerun with --update-goldens if intended"


def test_rebuild_is_byte_identical(run, tmp_path):
    assert run("build", EXAMPLE, "--out", tmp_path / "a").exit_code == 0
    assert run("build", EXAMPLE, "--out", tmp_path / "b").exit_code == 0
    for fmt in ("md", "html", "txt"):
        assert (tmp_path / "a" / f"changzhou-2024.{fmt}").read_bytes() == (
            tmp_path / "b" / f"changzhou-2024.{fmt}"
        ).read_bytes()


def test_default_output_folder_is_build(run, tmp_path, example_copy):
    result = run("build", example_copy.name, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == [
        "changzhou-2024.html",
        "changzhou-2024.md",
        "changzhou-2024.txt",
    ]


def test_failed_build_leaves_earlier_outputs_untouched(run, tmp_path, example_copy):
    out = tmp_path / "out"
    assert run("build", example_copy, "--out", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    example_copy.write_text(example_copy.read_text(encoding="utf-8").replace("year: 2024", "year: x"), "utf-8")
    result = run("build", example_copy, "--out", out)
    assert result.exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temp files left either


def test_one_bad_file_writes_nothing_for_the_good_one(run, tmp_path, example_copy):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: [\n", encoding="utf-8")
    result = run("build", example_copy, bad, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_stdout_output(run):
    result = run("build", EXAMPLE, "--format", "txt", "--out", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("常州市2024年法治政府建設年度報告\n2024年，在省委")


def test_stdout_needs_one_format(run):
    result = run("build", EXAMPLE, "--out", "-")
    assert result.exit_code == 2
    assert "--out -" in result.stderr


def test_stdin_input(run, monkeypatch, tmp_path):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes())))
    result = run("build", "-", "-f", "txt", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "常州市2024年法治政府建設年度報告"


def test_formats_option_forms(run, tmp_path):
    assert run("build", EXAMPLE, "-f", "md,txt", "-o", tmp_path / "a").exit_code == 0
    assert sorted(p.suffix for p in (tmp_path / "a").iterdir()) == [".md", ".txt"]
    assert run("build", EXAMPLE, "-f", "html", "-f", "txt", "-o", tmp_path / "b").exit_code == 0
    assert sorted(p.suffix for p in (tmp_path / "b").iterdir()) == [".html", ".txt"]
    bad = run("build", EXAMPLE, "-f", "pdfx", "-o", tmp_path / "c")
    assert bad.exit_code == 2 and "pdfx" in bad.stderr


def test_clashing_output_names_are_refused(run, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "changzhou-2024.yaml").write_bytes(EXAMPLE.read_bytes())
    result = run("build", EXAMPLE, tmp_path / "a" / "changzhou-2024.yaml", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "同名" in result.stderr


# ------------------------------------------------------------------------------------------
# The plain-text layout


def test_plain_text_reproduces_the_published_layout(run):
    lines = run("build", EXAMPLE, "-f", "txt", "-o", "-").stdout.split("\n")
    assert lines[-1] == ""  # ends with a newline
    lines = lines[:-1]
    assert len(lines) == 31  # title + the seed's 30 content lines
    assert lines[2] == "一、深入學習貫徹習近平法治思想，切實加強黨對法治政府建設的領導"
    assert lines[3].startswith("（一）持續深化習近平法治思想學習宣傳。持續深入學習貫徹黨的二十大精神")
    assert lines[22] == "六、存在的不足和原因"
    assert lines[24] == "七、下一年度的主要安排"
    assert lines[30].startswith("（六）持續提升法治督察實效。")
    assert all(line.strip() == line and line for line in lines)


def test_features_plain_text(run):
    text = run("build", FEATURES, "-f", "txt", "-o", "-").stdout
    assert text.splitlines()[:4] == [
        "某县人民政府关于2024年度法治政府建设情况的报告",
        "某政发〔2025〕3号",
        "某市人民政府：",  # the source's own colon is not doubled
        "2024年，某县坚持以习近平法治思想为指导，现将有关情况报告如下：",
    ]
    assert "（一）严格规范公正文明执法。全年办理行政处罚案件1180件，纠错率6.8%。\n另起一段的正文。\n" in text
    assert "（二）推进依法行政\n县政府主要负责人" in text
    assert (
        "1.健全制度。出台《某县行政规范性文件管理办法》。\n（1）细化备案审查程序。\n（2）强化监督。开展专项检查3次。\n2.开展法治培训12次。\n"
        in text
    )
    assert "（三）为什么要加强？以问句结尾" in text
    assert text.endswith("某县人民政府\n2025年3月8日\n")


def test_npc_frame(run, tmp_path, example_copy):
    text = example_copy.read_text(encoding="utf-8").replace(
        "section_heading: run-in",
        "section_heading: run-in\naudience: npc\nsession_note: ——2025年3月20日在市人大常委會會議上",
    )
    example_copy.write_text(text, encoding="utf-8")
    lines = run("build", example_copy, "-f", "txt", "-o", "-").stdout.splitlines()
    assert lines[1:3] == ["——2025年3月20日在市人大常委會會議上", "主任、副主任、秘書長、各位委員："]


# ------------------------------------------------------------------------------------------
# Escaping: content never becomes markup


def test_markdown_escapes_content(run):
    result = run("build", ESCAPING, "-f", "md", "-o", "-")
    assert result.exit_code == 0, result.stderr
    html = MarkdownIt("commonmark").enable("strikethrough").render(result.stdout)
    # One h1, one h2, no other block or inline markup than what the template writes.
    assert html.count("<h1>") == 1 and html.count("<h2>") == 1
    for tag in (
        "<script",
        "<ol",
        "<ul",
        "<blockquote",
        "<em>",
        "<code>",
        "<a ",
        "<img",
        "<b>",
        "<i>",
        "<s>",
        "<hr",
        "<!--",
    ):
        assert tag not in html, tag
    assert html.count("<strong>") == 1  # the run-in lead of the section, nothing from content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;正文中的标签。" in html
    assert "{{ 7*7 }} 和 {% raw %} 应原样显示。" in html
    assert "<p># 不是标题</p>" in html and "<p>1. 不是列表</p>" in html and "<p>===</p>" in html
    assert (
        "*星号* _下划线_ `代码` [链接](http://example.com) &lt;b&gt;粗&lt;/b&gt; &amp;amp; | 竖线 ~删除~ \\ 反斜杠"
        in html
    )


def test_markdown_run_in_leads_are_bold_before_cjk_text(run):
    """A closing ** after 。 and before a CJK letter is not right-flanking; the lead must still close."""
    html = MarkdownIt("commonmark").render(run("build", FEATURES, "-f", "md", "-o", "-").stdout)
    assert "<p><strong>（一）严格规范公正文明执法</strong>。全年办理" in html
    assert "<p><strong>（三）为什么要加强</strong>？以问句结尾" in html
    assert "<p><strong>1.健全制度</strong>。出台" in html
    assert "<h3>（二）推进依法行政</h3>" in html
    example = MarkdownIt("commonmark").render(run("build", EXAMPLE, "-f", "md", "-o", "-").stdout)
    assert example.count("<strong>") == 21  # every run-in section of the example (5 x 3 + 6)
    assert example.count("<h2>") == 7


def _parse_html(text: str):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(text)


def test_html_is_valid_and_escapes_content(run):
    result = run("build", ESCAPING, "-f", "html", "-o", "-")
    assert result.exit_code == 0
    doc = _parse_html(result.stdout)  # strict: raises on any HTML5 parse error
    assert doc.find(".//script") is None  # the only <script> is text
    assert doc.find(".//b") is None and doc.find(".//i") is None
    body_text = "".join(doc.find("body").itertext())
    assert '<script>alert("标题")</script> & **粗体**' in body_text
    assert "{{ 7*7 }} 和 {% raw %} 应原样显示。" in body_text
    assert doc.get("lang") == "zh-Hant-HK"


def test_html_of_the_example(run):
    text = run("build", EXAMPLE, "-f", "html", "-o", "-").stdout
    doc = _parse_html(text)
    assert doc.get("lang") == "zh-Hant-TW"
    assert doc.find(".//title").text == "常州市2024年法治政府建設年度報告"
    assert [h.text for h in doc.iter("h2")][5] == "六、存在的不足和原因"
    # Standalone: no external resources of any kind.
    assert not re.search(r"""(?:src|href)\s*=|@import|url\(""", text)
    # GB/T 9704-like typography with Noto CJK fallbacks (TC faces for a Traditional page).
    assert '"Noto Serif CJK TC"' in text and '"Noto Sans CJK TC"' in text
    assert "@page { size: A4; margin: 37mm 26mm 35mm 28mm; }" in text
    assert 'name="viewport"' in text
    assert "text-indent: 2em" in text
    leader = doc.find(".//section[@data-role='leader_duty']")
    assert leader is not None and "".join(leader.itertext()).strip().startswith("（三）全面壓緊壓實法治建設責任。")


# ------------------------------------------------------------------------------------------
# Templates


def test_templates_override_by_name_and_fall_back(run, tmp_path):
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "report.txt").write_text("{{ report.title }}|{{ report.parts | length }}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", EXAMPLE, "-f", "txt,md", "--templates", custom, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert (out / "changzhou-2024.txt").read_text(encoding="utf-8") == "常州市2024年法治政府建設年度報告|7\n"
    assert (out / "changzhou-2024.md").read_bytes() == (GOLDEN / "changzhou-2024.md").read_bytes()


def test_broken_template_is_a_located_usage_error(run, tmp_path):
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "report.txt").write_text("{{ report.title }}\n{% for x in %}\n", encoding="utf-8")
    result = run("build", EXAMPLE, "-f", "txt", "--templates", custom, "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert re.search(r"report\.txt:2:1: 模板语法错误", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_template_using_an_unknown_field_fails_instead_of_printing_nothing(run, tmp_path):
    custom = tmp_path / "tpl"
    custom.mkdir()
    (custom / "report.txt").write_text("{{ report.subtitle }}\n", encoding="utf-8")
    result = run("build", EXAMPLE, "-f", "txt", "--templates", custom, "-o", "-")
    assert result.exit_code == 2
    assert "subtitle" in result.stderr


def test_missing_templates_folder_is_a_usage_error(run, tmp_path):
    result = run("build", EXAMPLE, "--templates", tmp_path / "nope")
    assert result.exit_code == 2


def test_export_templates(run, tmp_path):
    folder = tmp_path / "mine"
    assert run("export-templates", folder).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "report.md", "report.txt"]
    again = run("export-templates", folder)
    assert again.exit_code == 2 and "未覆盖" in again.stderr
    assert run("build", EXAMPLE, "--templates", folder, "-o", tmp_path / "out", "-f", "txt").exit_code == 0


def test_out_pointing_at_a_file_is_a_usage_error(run, tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("keep me\n", encoding="utf-8")
    result = run("build", EXAMPLE, "-o", target)
    assert result.exit_code == 2 and "不是文件夹" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_compiled_templates_are_cached_and_never_stale(run, tmp_path, monkeypatch):
    """The template cache (render._bytecode_cache): an edited template is recompiled, a damaged
    entry or an unwritable cache folder only means compiling again."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    custom = tmp_path / "tpl"
    custom.mkdir()
    template = custom / "report.txt"
    template.write_text("一：{{ report.year }}\n", encoding="utf-8")
    for text, want in [("一：{{ report.year }}\n", "一：2024\n"), ("二：{{ report.jurisdiction }}\n", "二：常州市\n")]:
        template.write_text(text, encoding="utf-8")
        result = run("build", EXAMPLE, "-f", "txt", "--templates", custom, "-o", "-")
        assert result.exit_code == 0 and result.stdout == want, result.stderr
    entries = list(cache.rglob("*.cache"))
    assert entries  # the compiled template was kept
    for entry in entries:
        entry.write_bytes(b"j2\x00damaged")
    result = run("build", EXAMPLE, "-f", "txt", "--templates", custom, "-o", "-")
    assert result.exit_code == 0 and result.stdout == "二：常州市\n"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    result = run("build", EXAMPLE, "-f", "md", "-o", "-")
    assert result.exit_code == 0 and result.stdout.encode() == (GOLDEN / "changzhou-2024.md").read_bytes()


# -- Issue 13 §1: many sources at once -------------------------------------------------------------


def _corpus(tmp_path):
    import shutil

    root = tmp_path / "reports"
    for folder, name in (("city", "changzhou-2024"), ("city/district", "a"), ("county", "b")):
        (root / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(EXAMPLE, root / folder / f"{name}.yaml")
    (root / ".git").mkdir()
    shutil.copy(EXAMPLE, root / ".git" / "hidden.yaml")  # a hidden folder is never searched
    (root / "county" / "ci.yml").write_text("jobs:\n  test: {}\n", encoding="utf-8")  # not a report
    return root


def test_a_folder_is_searched_and_its_layout_kept_under_out(run, tmp_path):
    root = _corpus(tmp_path)
    out = tmp_path / "out"
    result = run("build", root, "-f", "md", "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    built = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert built == ["city/changzhou-2024.md", "city/district/a.md", "county/b.md"]
    assert (out / "county" / "b.md").read_bytes() == (GOLDEN / "changzhou-2024.md").read_bytes()


def test_parallel_builds_write_the_same_bytes(run, tmp_path):
    root = _corpus(tmp_path)
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", root, "-o", one, "--jobs", "1").exit_code == 0
    result = run("build", root, "-o", two, "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert len(files) == 9
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)


def test_keep_going_builds_the_valid_sources_and_lists_the_others(run, tmp_path):
    root = _corpus(tmp_path)
    (root / "county" / "broken.yaml").write_text("title: 某县\nparts:\n  - title: 一\n", encoding="utf-8")
    out = tmp_path / "out"
    strict = run("build", root, "-f", "md", "-o", out, "--jobs", "2")
    assert strict.exit_code == 1 and not out.exists()  # all or nothing, by default
    result = run("build", root, "-f", "md", "-o", out, "--jobs", "2", "--keep-going")
    assert result.exit_code == 1
    assert "broken.yaml:1:1:" in result.stderr and "issuer" in result.stderr
    assert len(list(out.rglob("*.md"))) == 3


def test_sources_that_would_write_the_same_output_are_refused_before_anything_is_written(run, tmp_path):
    root = _corpus(tmp_path)
    out = tmp_path / "out"
    result = run("build", root / "city" / "district" / "a.yaml", root / "county" / "b.yaml", root / "county", "-o", out)
    assert result.exit_code == 2 and "output names clash" in result.stderr and not out.exists()


def test_a_glob_pattern_is_expanded(run, tmp_path):
    root = _corpus(tmp_path)
    out = tmp_path / "out"
    result = run("build", str(root / "**" / "*.yaml"), "-f", "txt", "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.glob("*.txt")) == ["a.txt", "b.txt", "changzhou-2024.txt"]


def test_a_failed_corpus_build_leaves_the_earlier_outputs_and_nothing_else(run, tmp_path):
    root = _corpus(tmp_path)
    out = tmp_path / "out"
    assert run("build", root, "-f", "md", "-o", out, "--jobs", "2").exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (root / "county" / "b.yaml").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("常州", "某县"), encoding="utf-8"
    )
    (root / "new" / "deeper").mkdir(parents=True)
    (root / "new" / "deeper" / "broken.yaml").write_text("title: 某县\nparts:\n  - title: 一\n", encoding="utf-8")
    failed = run("build", root, "-f", "md", "-o", out, "--jobs", "2")
    assert failed.exit_code == 1 and "broken.yaml:1:1:" in failed.stderr
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # b.md not half-new, no temporary left
    assert not (out / "new").exists()  # the folders made for the run are gone again


def test_a_corpus_build_ends_with_a_summary(run, tmp_path):
    root = _corpus(tmp_path)
    (root / "county" / "broken.yaml").write_text("title: 某县\nparts:\n  - title: 一\n", encoding="utf-8")
    result = run("build", root, "-o", tmp_path / "out", "--keep-going", "--jobs", "2")
    assert result.exit_code == 1
    assert "已构建 3 份报告（9 个文件" in result.stderr and "1 份无效" in result.stderr and "用时" in result.stderr
