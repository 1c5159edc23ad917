"""Bad input: every problem reported as FILE:LINE:COL, all at once, in source order, no traceback."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE

DIAG = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def position(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column (code points) of the n-th occurrence of needle."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def diagnostics(stderr: str) -> list[tuple[int, int, str]]:
    found = []
    for line in stderr.splitlines():
        m = DIAG.match(line)
        if m:
            found.append((int(m["line"]), int(m["col"]), m["message"]))
    return found


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> tuple[Path, str]:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    text = text.replace(old, new, count)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def check_one(run, path: Path, expected: tuple[int, int], *fragments: str) -> str:
    result = run("build", path, "--out", path.parent / "out")
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr
    found = diagnostics(result.stderr)
    assert found, result.stderr
    line, col, _ = found[0]
    assert (line, col) == expected, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert not (path.parent / "out").exists()
    return result.stderr


def test_unknown_key_points_at_the_key_and_suggests(run, tmp_path):
    path, text = broken(
        tmp_path, "        paragraphs:\n          - 持續深入學習", "        paragraph:\n          - 持續深入學習"
    )
    check_one(
        run,
        path,
        position(text, "paragraph:"),
        "未知的键 `paragraph`",
        "`paragraphs`",
        "parts[0].sections[0].paragraph",
    )


def test_chinese_key_gets_an_english_suggestion(run, tmp_path):
    path, text = broken(tmp_path, "issuer: 常州市人民政府", "發文機關: 常州市人民政府")
    check_one(run, path, position(text, "發文機關"), "`issuer`")


def test_wrong_type_points_at_the_value(run, tmp_path):
    path, text = broken(tmp_path, "year: 2024", "year: 二〇二四")
    check_one(run, path, position(text, "二〇二四"), "应当是整数", "[year]")


def test_hand_written_numbering_in_a_title(run, tmp_path):
    path, text = broken(tmp_path, "- title: 不斷提升立法質效", "- title: （一）不斷提升立法質效")
    check_one(run, path, position(text, "（一）不斷提升"), "手写编号“（一）”", "parts[1].sections[0].title")


def test_invalid_role_suggests_the_nearest(run, tmp_path):
    path, text = broken(tmp_path, "role: shortcomings", "role: shortcoming")
    check_one(run, path, position(text, "shortcoming\n"), "是不是 shortcomings", "parts[5].role")


def test_missing_required_key_points_at_its_mapping(run, tmp_path):
    path, text = broken(tmp_path, "    role: next_year\n", "")
    stderr = check_one(run, path, position(text, "title: 下一年度的主要安排"), "缺少必填的键 `role`", "parts[6].role")
    assert "（法定内容）" in stderr


def test_list_expected(run, tmp_path):
    path, text = broken(tmp_path, "preamble:\n  - 2024年", "preamble: 2024年")
    check_one(run, path, position(text, "2024年，在省委"), "应当是列表")


def test_line_break_inside_a_paragraph(run, tmp_path):
    path, text = broken(tmp_path, "  - 2024年，在省委", "  - |\n    2024年\n    ，在省委")
    check_one(run, path, position(text, "|\n    2024年"), "不能换行")


def test_all_errors_in_one_run_in_source_order(run, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("year: 2024", "year: 二〇二四")
    text = text.replace("role: shortcomings", "role: weakness")
    text = text.replace("- title: 不斷提升立法質效", "- titel: 不斷提升立法質效")
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("build", path)
    assert result.exit_code == 1
    found = diagnostics(result.stderr)
    assert [(line, col) for line, col, _ in found] == [
        position(text, "二〇二四"),
        position(text, "titel"),
        position(text, "weakness"),
    ]
    assert all(line.startswith(f"{path}:") for line in result.stderr.splitlines() if DIAG.match(line))


@pytest.mark.parametrize(
    ("source", "needle", "fragment"),
    [
        ("title: 報告\nissuer: 如下: 一是\n", "如下: 一是", "全角“："),
        ("title: 報告\nparts:\n\t- x\n", "\t", "Tab"),
        ('title: "報告\\q"\n', "\\q", "转义"),
        ("title: [報告\n", None, "方括号"),
        ("title: a\n---\ntitle: b\n", "---", "只能有一个 YAML 文档"),
    ],
)
def test_yaml_syntax_errors_are_located_and_explained(run, tmp_path, source, needle, fragment):
    path = tmp_path / "syntax.yaml"
    path.write_text(source, encoding="utf-8")
    result = run("build", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    [(line, col, message)] = diagnostics(result.stderr)
    assert fragment in message
    assert "YAML" in message
    if needle == "如下: 一是":
        # ruamel points at the colon that cannot start a value
        assert (line, col) == (2, len("issuer: 如下") + 1)
    elif needle is not None:
        assert line == position(source, needle)[0]


def test_duplicate_keys_are_all_reported(run, tmp_path):
    path = tmp_path / "dup.yaml"
    source = EXAMPLE.read_text(encoding="utf-8").replace("year: 2024\n", "year: 2024\nyear: 2025\nissuer: 常州\n")
    path.write_text(source, encoding="utf-8")
    result = run("build", path)
    assert result.exit_code == 1
    found = diagnostics(result.stderr)
    assert [(line, col) for line, col, _ in found] == [
        position(source, "year: 2025"),
        position(source, "issuer: 常州\n"),
    ]
    assert "重复的键 `year`" in found[0][2]


def test_alias_bomb_is_refused_quickly(run, tmp_path):
    lines = ["a0: &a0 [報告, 報告, 報告, 報告, 報告, 報告, 報告, 報告, 報告]"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    lines.append("title: *a11")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = run("build", path)
    elapsed = time.perf_counter() - started
    assert result.exit_code == 1
    assert "别名" in result.stderr
    # 9**12 strings if expanded; a refusal takes milliseconds.  (A generous bound, not a benchmark.)
    assert elapsed < 10


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "文件是空的"),
        (b"# only a comment\n", "文件是空的"),
        ("- title: 報告\n- year: 2024\n".encode(), "不是列表"),
        ("就是一句話".encode(), "不是单个值"),
        (b"\xff\xfet\x00i\x00", "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "不是文本文件"),
    ],
)
def test_unusable_files(run, tmp_path, content, fragment):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    result = run("build", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    [(line, col, message)] = diagnostics(result.stderr)
    assert (line, col) == (1, 1)
    assert fragment in message


def test_gb18030_is_recognised_and_explained(run, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "gbk.yaml"
    path.write_bytes(text.encode("gb18030"))
    result = run("build", path, "--out", tmp_path / "out")
    assert result.exit_code == 1
    [(line, col, message)] = diagnostics(result.stderr)
    assert (line, col) == (2, 3)  # first non-ASCII character: the comment on line 2
    assert "GB18030" in message and "--encoding gb18030" in message and "iconv" in message

    ok = run("build", path, "--encoding", "gb18030", "--out", tmp_path / "out", "-f", "txt")
    assert ok.exit_code == 0, ok.stderr
    reference = run("build", EXAMPLE, "--out", tmp_path / "ref", "-f", "txt")
    assert reference.exit_code == 0
    assert (tmp_path / "out" / "gbk.txt").read_bytes() == (tmp_path / "ref" / "changzhou-2024.txt").read_bytes()


def test_unknown_encoding_is_a_usage_error(run):
    result = run("build", EXAMPLE, "--encoding", "klingon")
    assert result.exit_code == 2
    assert "klingon" in result.stderr


def test_bom_and_crlf_are_accepted(run, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert run("build", path, "--out", tmp_path / "a", "-f", "txt").exit_code == 0
    assert run("build", EXAMPLE, "--out", tmp_path / "b", "-f", "txt").exit_code == 0
    assert (tmp_path / "a" / "windows.txt").read_bytes() == (tmp_path / "b" / "changzhou-2024.txt").read_bytes()


def test_bom_crlf_file_errors_keep_their_positions(run, tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8").replace("year: 2024", "year: 二〇二四")
    path = tmp_path / "windows.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = run("build", path)
    assert diagnostics(result.stderr)[0][:2] == position(text, "二〇二四")


def test_missing_file_is_a_usage_error(run, tmp_path):
    result = run("build", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "找不到文件" in result.stderr
    assert "Traceback" not in result.stderr


def test_frame_rules_point_at_the_key(run, tmp_path):
    path, text = broken(tmp_path, "section_heading: run-in", "section_heading: run-in\naudience: superior")
    check_one(run, path, position(text, "superior"), "addressee")
    path, text = broken(tmp_path, "section_heading: run-in", "section_heading: run-in\naddressee: 江蘇省人民政府")
    check_one(run, path, position(text, "江蘇省人民政府"), "audience: superior")
