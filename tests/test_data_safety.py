"""Nothing lost, nothing clobbered: convert, --fix and every write (issue 16)."""

from __future__ import annotations

import os
import stat

import pytest

from conftest import EXAMPLE

HEAD = """title: 某县2024年法治政府建设年度报告
issuer: 某县人民政府
jurisdiction: 某县
year: 2024
script: zh-Hans
"""


def source(tmp_path, body: str, name: str = "r.yaml", head: str = HEAD):
    path = tmp_path / name
    path.write_text(head + body, encoding="utf-8")
    return path


# -- 1. convert writes what reads back ---------------------------------------------------------

OVERRIDES = """conversion:
  overrides:
    zh-Hant:
      取得: '取得 #'
      进展: '進展, 另一段'
      工作: '工作: 一'
      成效: "成效'\\""
"""


@pytest.mark.parametrize(
    "paragraphs",
    [
        "    paragraphs:\n      - 全县法治政府建设取得新进展。\n",
        "    paragraphs: [全县法治政府建设取得新进展。, 第二段工作成效]\n",
        "    paragraphs:\n      - '全县取得新进展。'\n      - \"工作成效\"\n",
        "    paragraphs:\n      - |\n        全县取得新进展，工作成效\n      - >-\n        全县取得新进展\n",
        "    paragraphs: {a: 1}\n",  # invalid: refused, nothing written
    ],
)
def test_convert_override_outputs_read_back_exactly(tmp_path, run, paragraphs):
    from rolreport.source import SourceText, parse_yaml
    from rolreport.validate import validate

    path = source(tmp_path, OVERRIDES + "parts:\n  - title: 一些工作\n    role: measures\n" + paragraphs)
    before = path.read_bytes()
    result = run("convert", path, "--to", "zh-Hant")
    if "{a: 1}" in paragraphs:
        assert result.exit_code == 1 and path.read_bytes() == before
        return
    assert result.exit_code == 0, result.stderr
    original = validate("r", parse_yaml(SourceText("r", path.read_text(encoding="utf-8"))))
    converted = validate("c", parse_yaml(SourceText("c", result.stdout)))
    want = [
        p.replace("取得", "取得 #").replace("进展", "進展, 另一段").replace("工作", "工作: 一")
        for p in original.parts[0].paragraphs
    ]
    want = [w.replace("成效", "成效'\"").replace("全县", "全縣").replace("建设", "建設") for w in want]
    assert converted.parts[0].paragraphs == want
    # Comments and untouched lines stay byte for byte.
    assert result.stdout.splitlines()[:5] == [
        "title: 某縣2024年法治政府建設年度報告",
        "issuer: 某縣人民政府",
        "jurisdiction: 某縣",
        "year: 2024",
        "script: zh-Hant",
    ]


def test_convert_keeps_escapes_it_does_not_need_to_touch_and_converts_escaped_characters(tmp_path, run):
    path = source(
        tmp_path,
        'parts:\n  - title: 一些工作\n    role: measures\n    paragraphs: ["\\u8fd9是\\x41段", "好 # 不是注释"]\n',
    )
    result = run("convert", path, "--to", "zh-Hant")
    assert result.exit_code == 0, result.stderr
    assert 'paragraphs: ["這是A段", "好 # 不是註釋"]' in result.stdout


# -- 2. --fix replaces whole escapes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ('"全县法治\\x2c政府建设"', '"全县法治，政府建设"'),
        ('"全县\\uff21\\uff22建设"', '"全县AB建设"'),
        ('"社会主义\\u2060思想"', '"社会主义思想"'),
        ("'它''s 好,不好'", "'它''s好，不好'"),
    ],
)
def test_fix_replaces_the_whole_escape(tmp_path, run, written, fixed):
    path = source(tmp_path, f"parts:\n  - title: 一些工作\n    role: measures\n    paragraphs:\n      - {written}\n")
    run("check", path, "--fix")
    text = path.read_text(encoding="utf-8")
    assert f"      - {fixed}\n" in text
    assert run("check", path, "--select", "RR000").exit_code == 0  # still a valid report


def test_fix_never_makes_a_value_read_differently(tmp_path, run):
    """A control character written as an escape is an error, and --fix leaves the file valid YAML."""
    path = source(
        tmp_path, 'parts:\n  - title: 一些工作\n    role: measures\n    paragraphs: ["2024\\x0b年", "好,好"]\n'
    )
    run("check", path, "--fix")
    from rolreport.source import SourceText, parse_yaml

    data = parse_yaml(SourceText("r", path.read_text(encoding="utf-8")))
    assert list(data["parts"][0]["paragraphs"]) in (["2024年", "好，好"], ["2024\x0b年", "好，好"])


# -- 3. all or nothing ---------------------------------------------------------------------------


def test_a_failed_build_leaves_every_output_as_it_was(tmp_path, run):
    out = tmp_path / "out"
    assert run("build", EXAMPLE, "--out", out).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    edited = tmp_path / "changzhou-2024.yaml"
    edited.write_text(EXAMPLE.read_text(encoding="utf-8").replace("常州市坚持", "常州市始终坚持", 1), encoding="utf-8")
    (out / "changzhou-2024.html").unlink()
    (out / "changzhou-2024.html").mkdir()
    result = run("build", edited, "--out", out)
    assert result.exit_code == 2
    assert "changzhou-2024.html" in result.stderr
    assert (out / "changzhou-2024.md").read_bytes() == before["changzhou-2024.md"]
    assert (out / "changzhou-2024.txt").read_bytes() == before["changzhou-2024.txt"]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_convert_in_place_with_a_proc_file_changes_nothing(tmp_path, run):
    a = tmp_path / "a.txt"
    a.write_text("法治政府建设\n", encoding="utf-8")
    result = run("convert", a, "/proc/version", "--in-place", "--to", "zh-Hant", "--from", "zh-Hans")
    assert result.exit_code in (1, 2)
    assert a.read_text(encoding="utf-8") == "法治政府建设\n"


# -- 4. what sits at the target ----------------------------------------------------------------


def test_output_file_that_is_a_fifo_is_written_through(tmp_path, run):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("check", EXAMPLE, "--output-file", fifo, "--output-format", "json", "--exit-zero")
    reader.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert b'"findings"' in received[0]


def test_a_link_stays_a_link_and_no_setuid_bit_is_copied(tmp_path, run):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    real.chmod(0o4755)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert run("check", EXAMPLE, "--output-file", link, "--output-format", "json", "--exit-zero").exit_code == 0
    assert link.is_symlink()
    assert '"findings"' in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o755


def test_an_output_that_is_an_input_is_refused(tmp_path, run):
    copy = tmp_path / "r.yaml"
    copy.write_bytes(EXAMPLE.read_bytes())
    result = run("check", copy, "--output-file", copy)
    assert result.exit_code == 2 and "输出文件就是输入文件" in result.stderr
    assert copy.read_bytes() == EXAMPLE.read_bytes()
    txt = tmp_path / "r.txt"
    txt.write_text("常州市2024年法治政府建设年度报告\n", encoding="utf-8")
    result = run("convert", txt, "-o", txt, "--to", "zh-Hant")
    assert result.exit_code == 2 and txt.read_text(encoding="utf-8") == "常州市2024年法治政府建设年度报告\n"


def test_writing_to_a_full_stdout_is_a_clear_error(tmp_path):
    import subprocess
    import sys

    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "rolreport", "build", str(EXAMPLE), "--out", "-", "--format", "txt"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 2
    assert "无法写入" in done.stderr and "Traceback" not in done.stderr and "内部错误" not in done.stderr


# -- 5. line ends and encodings -------------------------------------------------------------------

BODY = (
    "parts:\n  - title: 一些工作\n    role: measures\n    paragraphs:\n      - 全县依法行政,成效明显\n      - 第二段\n"
)


@pytest.mark.parametrize("ends", [["\r\n", "\n", "\r\n"], ["\r"], ["\n", "\r"]])
def test_fix_and_convert_keep_each_lines_ending(tmp_path, run, ends):
    lines = (HEAD + BODY).split("\n")[:-1]
    data = "".join(line + ends[i % len(ends)] for i, line in enumerate(lines)).encode("utf-8")
    path = tmp_path / "r.yaml"
    path.write_bytes(data)
    run("check", path, "--fix")
    fixed = path.read_bytes()
    assert fixed == data.replace("行政,成效".encode(), "行政，成效".encode())
    run("convert", path, "--in-place", "--to", "zh-Hant")
    converted = path.read_bytes()
    assert [m for m in converted.splitlines(keepends=True)] != []
    assert [line[len(line.rstrip(b"\r\n")) :] for line in converted.splitlines(keepends=True)] == [
        line[len(line.rstrip(b"\r\n")) :] for line in data.splitlines(keepends=True)
    ]


def test_fix_keeps_the_files_encoding(tmp_path, run):
    path = tmp_path / "r.yaml"
    path.write_bytes((HEAD + BODY).encode("gb18030"))
    assert run("check", path, "--fix", "--encoding", "gb18030").exit_code in (0, 1)
    assert path.read_bytes() == (HEAD + BODY).replace("行政,成效", "行政，成效").encode("gb18030")


def test_convert_refuses_a_character_the_encoding_cannot_hold(tmp_path, run):
    path = tmp_path / "r.txt"
    path.write_bytes("规范性文件\n第二行干部\n".encode("gb2312"))
    result = run("convert", path, "--in-place", "--encoding", "gb2312", "--to", "zh-Hant", "--from", "zh-Hans")
    assert result.exit_code == 1
    assert f"{path}:1:1:" in result.stderr and "gb2312" in result.stderr
    assert path.read_bytes() == "规范性文件\n第二行干部\n".encode("gb2312")


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "no-such-codec"])
def test_a_non_text_encoding_is_a_usage_error(tmp_path, run, encoding):
    path = source(tmp_path, BODY)
    for args in (["check", path], ["convert", path, "--to", "zh-Hant"], ["build", path, "--out", tmp_path / "o"]):
        result = run(*args, "--encoding", encoding)
        assert result.exit_code == 2, (args, result.stderr)
        assert "编码" in result.stderr and "内部错误" not in result.stderr


# -- 6. control characters -------------------------------------------------------------------------


def test_control_characters_never_reach_outputs_or_the_terminal(tmp_path, run):
    path = source(
        tmp_path,
        'parts:\n  - title: 一些工作\n    role: measures\n    paragraphs: ["好\\e[2J", "好\\x00"]\n"\\e]0;PWNED\\a\\e[2J": x\n',
    )
    result = run("build", path, "--out", tmp_path / "o")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\\x1b" in result.stderr
    assert not (tmp_path / "o").exists()
    for fmt in ("full", "concise", "json", "github", "gitlab", "rdjson", "sarif"):
        result = run("check", path, "--output-format", fmt)
        assert result.exit_code == 1
        assert not any(ch in result.stdout + result.stderr for ch in "\x1b\x07\x00"), fmt


# -- 9. HTML ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p title="规范>执法">规范执法</p>', '<p title="规范>执法">規範執法</p>'),
        ("<p>规范</p><script>var a = '规范';", "<p>規範</p><script>var a = '规范';"),
        (
            "<p>规范<!-- 规范 --></p><style>p::after{content:'规范'}</style>",
            "<p>規範<!-- 规范 --></p><style>p::after{content:'规范'}</style>",
        ),
        ("<p>a < b 规范</p>", "<p>a < b 規範</p>"),
        ("<textarea>规范</textarea><p data-x='规范'>规范", "<textarea>规范</textarea><p data-x='规范'>規範"),
    ],
)
def test_html_conversion_touches_only_text_nodes(tmp_path, run, html, expected):
    path = tmp_path / "p.html"
    path.write_text(html, encoding="utf-8")
    result = run("convert", path, "--to", "zh-Hant", "--from", "zh-Hans")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected


def test_output_file_dev_stdout_reaches_the_reader(tmp_path):
    import subprocess
    import sys

    copy = tmp_path / "r.yaml"
    copy.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("在省委、省政府的正確領導下，", "在省委、省政府的正確領導下,", 1),
        "utf-8",
    )
    for to_file in (False, True):
        target = tmp_path / "seen.txt"
        with open(target, "wb") if to_file else open(os.devnull, "wb") as sink:
            done = subprocess.run(
                [sys.executable, "-m", "rolreport", "check", str(copy), "--output-file", "/dev/stdout",
                 "--output-format", "concise", "--exit-zero"],
                stdout=sink if to_file else subprocess.PIPE, stderr=subprocess.PIPE,
            )  # fmt: skip
        assert done.returncode == 0, done.stderr
        seen = target.read_bytes() if to_file else done.stdout
        assert b"RR301" in seen
    assert os.path.exists("/dev/stdout") and os.path.islink("/dev/stdout")
