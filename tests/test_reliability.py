"""No internal error, no misleading message, no silent skip (issue 9)."""

from __future__ import annotations

import re
import unicodedata
import zipfile

import pytest

from conftest import EXAMPLE

HEAD = """title: 某县2024年法治政府建设年度报告
issuer: 某县人民政府
jurisdiction: 某县
script: zh-Hans
parts:
  - title: 一些工作
    role: measures
    paragraphs: [全县依法行政。]
"""


def report(tmp_path, extra: str = "", year: str = "year: 2024", name: str = "r.yaml"):
    path = tmp_path / name
    path.write_text(f"{HEAD}{year}\n{extra}\n", encoding="utf-8")
    return path


def located(stderr: str, path) -> list[tuple[int, int, str]]:
    return [
        (int(m[1]), int(m[2]), m[3]) for m in re.finditer(rf"^{re.escape(str(path))}:(\d+):(\d+): (.*)$", stderr, re.M)
    ]


CLEAN = ("内部错误", "Traceback", "internal error")

# -- 1. values YAML cannot construct ------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "year", "line", "words"),
    [
        ("published: 2025-02-29", "year: 2024", 10, "2 月没有 29 日"),
        ("published: 2025-04-31", "year: 2024", 10, "4 月没有 31 日"),
        ("published: 2025-13-01", "year: 2024", 10, "没有 13 月"),
        ("published: 2025-00-10", "year: 2024", 10, "没有 0 月"),
        ("closing: {issuer: 某县人民政府, date: 2023-02-29}", "year: 2024", 10, "2 月没有 29 日"),
        ("published: !!timestamp 2025-13-01", "year: 2024", 10, "日期不存在"),
        ("", "year: !!int 某县", 9, "不是整数"),
        ("", "year: !!bool maybe", 9, "不是真假值"),
        ("", "year: !!float 一千", 9, "不是数字"),
        ("", "year: " + "1" * 4301, 9, "数字太长"),
        ('x: "法治\\U00110000"', "year: 2024", 10, "超出 Unicode 范围"),
        ("", "year: .inf", 9, "有限的数字"),
        ("", "year: 2124", 9, "≤ 2100"),
        ("", "year: true", 9, "应当是整数"),
        ("1: x", "year: 2024", 10, "键必须是文字"),
    ],
)
def test_values_that_cannot_be_constructed_are_located(tmp_path, run, extra, year, line, words):
    path = report(tmp_path, extra, year)
    for args in (("build", path, "-o", tmp_path / "o"), ("convert", path, "--to", "zh-Hant")):
        result = run(*args)
        assert result.exit_code == 1, result.stderr
        assert not any(word in result.stderr for word in CLEAN)
        found = located(result.stderr, path)
        assert found and found[0][0] == line and words in found[0][2], result.stderr
    result = run("check", path, "--exit-zero", "--output-format", "concise")
    assert result.exit_code == 0 and f"{path}:{line}:" in result.stdout and "RR000" in result.stdout


def test_one_impossible_date_does_not_stop_check_of_the_other_files(tmp_path, run):
    bad = report(tmp_path, "published: 2025-02-29", name="bad.yaml")
    other = report(tmp_path, name="other.yaml")
    other.write_text(other.read_text(encoding="utf-8").replace("依法行政。", "依法行政,"), encoding="utf-8")
    result = run("check", bad, other, "--output-format", "concise")
    assert result.exit_code == 1
    assert f"{bad}:10:12: RR000" in result.stdout and f"{other}:" in result.stdout  # both files were checked
    assert not any(word in result.stderr for word in CLEAN)


# -- 2. what YAML accepts builds or is refused at its position ------------------------------------


def test_an_escaped_control_character_is_refused_at_its_scalar(tmp_path, run):
    path = tmp_path / "r.yaml"
    path.write_text(HEAD.replace("[全县依法行政。]", '["全县\\x0b依法行政。"]') + "year: 2024\n", encoding="utf-8")
    result = run("build", path, "-f", "docx", "-o", tmp_path / "o")
    assert result.exit_code == 1
    assert located(result.stderr, path)[0][:2] == (8, 18) and "\\x0b" in result.stderr


def test_a_very_long_title_builds_in_word(tmp_path, run):
    path = report(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "某县2024年法治政府建设年度报告", "某县" * 130 + "2024年法治政府建设年度报告"
        ),
        encoding="utf-8",
    )
    result = run("build", path, "-f", "docx", "-o", tmp_path / "o")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "o" / "r.docx").stat().st_size > 0


# -- 3. damaged Word files, PDF ---------------------------------------------------------------------


def _docx(tmp_path, run):
    assert run("build", EXAMPLE, "-f", "docx", "-o", tmp_path).exit_code == 0
    return tmp_path / "changzhou-2024.docx"


def test_damaged_word_files_are_named_damaged(tmp_path, run):
    good = _docx(tmp_path, run)
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(tmp_path / "badxml.docx", "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zin:
        info = zin.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for k in range(start + 100, start + 400):
        data[k] ^= 0x55
    (tmp_path / "deflate.docx").write_bytes(bytes(data))
    for name in ("badxml.docx", "deflate.docx"):
        result = run("import", tmp_path / name)
        assert result.exit_code == 1, result.stderr
        assert "文件已损坏" in result.stderr and "另存为" in result.stderr
        assert not any(word in result.stderr for word in CLEAN)


def test_pdf_gets_a_tailored_message(tmp_path, run):
    for name in ("x.pdf", "x.bin"):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.7\n\x00\x01\x02")
        result = run("import", path)
        assert result.exit_code == 2 and "不支持 PDF" in result.stderr and "pdftotext" in result.stderr


# -- 4. no control character on the terminal -----------------------------------------------------


def test_a_hostile_key_is_shown_escaped(tmp_path, run):
    path = report(tmp_path, '"\\e]0;PWNED\\a\\e[2J": x')
    result = run("build", path, "-o", tmp_path / "o")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b]0;PWNED\\x07\\x1b[2J" in result.stderr


# -- 6. unknown rule ids -------------------------------------------------------------------------------


def test_an_unknown_rule_id_is_a_usage_error_with_the_closest(run):
    result = run("check", EXAMPLE, "--select", "RR999")
    assert result.exit_code == 2
    assert "RR999" in result.stderr and "最接近的" in result.stderr and "pydantic" not in result.stderr


# -- 8. config errors --------------------------------------------------------------------------------------


def test_config_errors_are_on_the_right_line_in_chinese(tmp_path, run):
    (tmp_path / ".rolreport.toml").write_text(
        '[tool.rolreport]\nselect = ["RR1"]\nprofile = "official"\nallow_word = ["x"]\n\n[tool.rolreport.severity]\nRR102 = "eror"\n',
        encoding="utf-8",
    )
    path = report(tmp_path)
    result = run("check", path)
    assert result.exit_code == 2
    config = tmp_path / ".rolreport.toml"
    assert f"{config}:4:1: 配置错误：未知的配置项 `allow_word`；是不是 `allow_words`？" in result.stderr
    assert f"{config}:7:1: 配置错误：“eror”不是可选的值" in result.stderr


def test_the_readme_snippet_works_in_a_dedicated_config(tmp_path, run):
    (tmp_path / ".rolreport.toml").write_text('[tool.rolreport]\nignore = ["RR3"]\n', encoding="utf-8")
    path = report(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("依法行政。", "依法行政,"), encoding="utf-8")
    result = run("check", path, "--output-format", "concise")
    assert "RR301" not in result.stdout and result.exit_code in (0, 1), result.stderr


# -- 9, 10, 12. messages -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "hint"),
    [("做法: 县委高度重视", "半角冒号加空格"), ("现将有关情况报告如下:", "行尾的半角冒号")],
    ids=["colon-space-in-prose", "colon-at-the-end"],
)
def test_a_half_width_colon_in_a_paragraph_gets_the_colon_hint(tmp_path, run, paragraph, hint):
    path = tmp_path / "r.yaml"
    path.write_text(
        HEAD.replace("paragraphs: [全县依法行政。]", f"paragraphs:\n      - {paragraph}") + "year: 2024\n", "utf-8"
    )
    result = run("build", path, "-o", tmp_path / "o")
    assert result.exit_code == 1 and hint in result.stderr and "全角“：”" in result.stderr


def test_a_wrong_indentation_gets_the_indentation_hint(tmp_path, run):
    path = tmp_path / "r.yaml"
    path.write_text(
        HEAD.replace("paragraphs: [全县依法行政。]", "paragraphs:\n      - 第一段\n     - 第二段") + "year: 2024\n",
        "utf-8",
    )
    result = run("build", path, "-o", tmp_path / "o")
    assert result.exit_code == 1 and "缩进" in result.stderr and "冒号" not in result.stderr


def _has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize(
    "args",
    [
        ("build", "--nope", "x.yaml"),
        ("build",),
        ("nope",),
        ("import", "x.txt", "--year", "abc"),
        ("build", "x.yaml", "--out"),
        ("check", EXAMPLE, "--output-format", "xml"),
        ("build", EXAMPLE, "--out", "/etc/passwd/sub"),
    ],
)
def test_every_message_is_chinese_with_an_english_gist(run, args):
    result = run(*args)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and all(_has_han(line) and re.search(r"\([A-Za-z][^)]*\)", line) for line in lines), result.stderr


def test_a_deletion_reads_as_a_deletion(tmp_path, run):
    path = tmp_path / "r.yaml"
    path.write_text(HEAD.replace("[全县依法行政。]", '["全县依法\\u200b行政。"]') + "year: 2024\n", "utf-8")
    result = run("check", path)
    assert "= 修复：删除“\\u200b”(delete)" in result.stdout  # an invisible character, shown
    assert "修复：“”" not in result.stdout


def test_summary_counts_in_english_grammar(tmp_path, run):
    path = tmp_path / "r.yaml"
    path.write_text(HEAD.replace("[全县依法行政。]", '["全县依法行政,"]') + "year: 2024\n", "utf-8")
    result = run("check", path, "--select", "RR301")
    assert "(1 finding)" in result.stderr


# -- 11. help ---------------------------------------------------------------------------------------------------


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


@pytest.mark.parametrize("columns", [60, 80, 120])
@pytest.mark.parametrize("command", ["", "build", "check", "convert", "import", "new", "schema", "export-templates"])
def test_help_wraps_and_never_truncates(run, monkeypatch, columns, command):
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run(*([command] if command else []), "--help")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(_display_width(line) for line in lines) <= columns
    assert "…" not in result.stdout.replace("……", "") and "<bool>" not in result.stdout
    assert "Show this message and exit." not in result.stdout
    if command == "build":
        assert "zh-Hans" in result.stdout and "zh-Hant-HK" in result.stdout


def test_a_flag_given_a_value_gets_a_hint(run):
    result = run("check", "--fix", "true")
    assert result.exit_code == 2 and "开关选项不带值" in result.stderr


# -- 14. skeletons do not pass CI -------------------------------------------------------------------------------


def test_a_fresh_skeleton_fails_check(tmp_path, run):
    path = tmp_path / "new.yaml"
    assert run("new", path, "--jurisdiction", "某县", "--year", "2024").exit_code == 0
    assert run("build", path, "-o", tmp_path / "o").exit_code == 0  # it builds, to preview
    result = run("check", path, "--output-format", "concise")
    assert result.exit_code == 1 and "RR503" in result.stdout


@pytest.mark.parametrize("text", ["×××县人民政府", "XX月XX日", "○○○项", "（待补充）", "TODO 数据"])
def test_drafting_placeholders_are_findings(tmp_path, run, text):
    path = tmp_path / "r.yaml"
    path.write_text(HEAD.replace("[全县依法行政。]", f"[全县依法行政，{text}。]") + "year: 2024\n", "utf-8")
    assert "RR503" in run("check", path, "--output-format", "concise").stdout


@pytest.mark.parametrize("text", ["X光机", "Windows XP", "TODOS", "○表示", "待遇补充"])
def test_look_alikes_are_not_placeholders(tmp_path, run, text):
    path = tmp_path / "r.yaml"
    path.write_text(HEAD.replace("[全县依法行政。]", f"[全县依法行政，{text}。]") + "year: 2024\n", "utf-8")
    assert "RR503" not in run("check", path, "--output-format", "concise").stdout


# -- 20. --debug is per call -------------------------------------------------------------------------------------


def test_debug_does_not_stick_between_calls(run, monkeypatch):
    from rolreport import cli

    monkeypatch.delenv("ROLREPORT_DEBUG", raising=False)
    assert cli._debug_requested(["--debug", "build", "x"])
    assert not cli._debug_requested(["build", "x"])
    assert not cli._debug_requested(["build", "--debug"])  # a file or value after the command
    assert not hasattr(cli, "_debug")


# -- 18. CI does not hide skips --------------------------------------------------------------------


@pytest.mark.parametrize(("ci", "outcome"), [("1", {"errors": 1}), ("", {"skipped": 1})])
def test_a_missing_system_package_fails_in_ci_and_skips_elsewhere(pytester, monkeypatch, ci, outcome):
    from pathlib import Path

    pytester.makeconftest((Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(
        test_needs="""
from conftest import needs

@needs(None, "Chromium")
def test_uses_the_browser():
    pass
"""
    )
    monkeypatch.setenv("CI", ci)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(**outcome)
