"""``--fix`` and ``convert`` change the characters they mean to change and no other byte (issue 16).

Random report sources — every scalar style (plain, '…', "…" with escapes, |, >), a random mix of
line ends (LF, CRLF, CR) and an encoding (UTF-8, UTF-8 with BOM, GB18030) — are fixed and
converted in place.  Outside the prose values, every byte must be what it was: keys, comments,
indentation, quoting, each line's own ending, the BOM and the encoding; and the result must
read back as a valid report whose values are the intended ones.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rolreport.convert import Converter
from rolreport.scalars import prose_scalars
from rolreport.source import SourceText, compose_yaml, decode

# Prose with the defects the fixes touch: half-width punctuation between Chinese, full-width
# ASCII, stray spaces, repeated punctuation, Simplified and Traditional characters, quotes.
PIECES = ["依法行政", "规范性文件", "規範性文件", ",", "，", ";", "Ａ", "１２", " ", "。。", "“", "”", "'", "干部",
          "2024年", "云上复议", "编发", "、", "#", ":", "（", "）", "x"]  # fmt: skip
PROSE = (
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=8)
    .map("".join)
    .filter(lambda s: s.strip() and not s.strip().startswith(("#", ":", "'", "“")))
)


def _plain(text: str) -> str | None:
    if any(ch in text for ch in "#:'\"") or text != text.strip() or text[:1] in "-?,[]{}&*!|>%@`":
        return None
    return text


def _double(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "，":
            out.append("\\uff0c")  # an escape the fixes and conversion must keep or replace whole
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def scalar(text: str, style: str, indent: str) -> str:
    if style == "plain" and (plain := _plain(text)):
        return plain
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "literal":
        return "|-\n" + indent + "  " + text
    if style == "folded":
        return ">-\n" + indent + "  " + text
    return _double(text)


STYLES = st.sampled_from(["plain", "single", "double", "literal", "folded"])
ENDS = st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=4)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])


@st.composite
def sources(draw) -> tuple[bytes, str]:
    paragraphs = draw(st.lists(st.tuples(PROSE, STYLES), min_size=1, max_size=5))
    title = draw(PROSE)
    lines = [
        "# 注释：保持原样",
        f"title: {scalar('某县2024年法治政府建设年度报告' + title.strip(), draw(STYLES), '')}",
        "issuer: 某县人民政府   # 发文机关",
        "jurisdiction: 某县",
        "year: 2024",
        "script: zh-Hans",
        "parts:",
        "  - title: 主要举措",
        "    role: measures",
        "    paragraphs:",
    ]
    lines += [f"      - {scalar(text, style, '      ')}" for text, style in paragraphs]
    ends = draw(ENDS)
    text = "".join(line + ends[i % len(ends)] for i, line in enumerate("\n".join(lines).split("\n")))
    encoding = draw(ENCODINGS)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # pragma: no cover - every piece is in GB18030
        data = text.encode("utf-8")
        encoding = "utf-8"
    return data, encoding


def _skeleton(text: str) -> str:
    """The source with every prose value's span replaced by a marker."""
    _, root = compose_yaml(SourceText("s", text))
    out, last = [], 0
    for found in prose_scalars(text, root):
        out.append(text[last : found.start])
        out.append("\x00")
        last = found.end
    out.append(text[last:])
    return "".join(out)


def _line_ends(data: bytes) -> list[bytes]:
    return re.findall(rb"\r\n|\r|\n", data)


def _check_preserved(before: bytes, after: bytes, encoding: str, converted: bool) -> tuple[list[str], list[str]]:
    if encoding == "utf-8-sig":
        assert after.startswith(b"\xef\xbb\xbf")
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    old = decode("s", before, codec if codec != "utf-8" else None)
    new = decode("s", after, codec if codec != "utf-8" else None)
    assert _line_ends(after) == _line_ends(before)
    assert new.text.count("\n") == old.text.count("\n")
    skeleton_old, skeleton_new = _skeleton(old.text), _skeleton(new.text)
    if converted:  # the one non-prose change convert makes
        skeleton_new = skeleton_new.replace("script: zh-Hant", "script: zh-Hans", 1)
    assert skeleton_new == skeleton_old
    return _values(old.text), _values(new.text)


def _values(text: str) -> list[str]:
    _, root = compose_yaml(SourceText("s", text))
    return [found.value for found in prose_scalars(text, root)]


def _written(folder: Path, data: bytes, encoding: str) -> tuple[Path, list[str]]:
    """The source on disk, and the --encoding option it needs (UTF-8, BOM or not, needs none)."""
    path = folder / "r.yaml"
    path.write_bytes(data)
    return path, ([] if encoding in ("utf-8", "utf-8-sig") else ["--encoding", encoding])


@given(source=sources())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fix_changes_only_the_characters_it_fixes(run, source):
    data, encoding = source
    with tempfile.TemporaryDirectory() as folder:
        path, codec = _written(Path(folder), data, encoding)
        result = run("check", path, "--fix", "--unsafe-fixes", "--exit-zero", *codec)
        assert result.exit_code == 0, result.stderr
        fixed = path.read_bytes()
        _check_preserved(data, fixed, encoding, converted=False)
        assert run("check", path, "--select", "RR000", *codec).exit_code == 0  # still valid
        run("check", path, "--fix", "--unsafe-fixes", "--exit-zero", *codec)
        assert path.read_bytes() == fixed  # idempotent: nothing left that a fix would change


@given(source=sources())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_convert_changes_only_the_text(run, source):
    data, encoding = source
    with tempfile.TemporaryDirectory() as folder:
        path, codec = _written(Path(folder), data, encoding)
        result = run("convert", path, "--to", "zh-Hant", "--in-place", *codec)
        if result.exit_code == 1:  # a converted character GB18030 cannot hold: refused, file untouched
            assert path.read_bytes() == data and "无法用" in result.stderr
            return
        assert result.exit_code == 0, result.stderr
        old, new = _check_preserved(data, path.read_bytes(), encoding, converted=True)
        converter = Converter("zh-Hans", "zh-Hant")
        assert new == [converter.convert(value) for value in old]
