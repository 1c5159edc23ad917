"""No input of any kind produces a traceback or an internal error (exit 2): random sources."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLE

TOKENS = [
    "title: ", "parts:\n", "  - ", "    ", "role: measures\n", "paragraphs:\n", "sections:\n", "script: zh-Hans\n",
    "year: 2024\n", ": ", "- ", "\n", "\t", "'", '"', "|", ">", "&a ", "*a", "!!str ", "!!binary ", "{", "}", "[", "]",
    ",", "#", "---\n", "...\n", "%YAML 1.2\n", "？", "规范性文件", "（一）", "一、", "\\", "\ufeff", "\x85", "\u2028",
    "\r\n", "\x00", "\x1b", "?", "@", "`", "~", "null", "2024-02-30", "1e9", "0x1F", ".inf",
]  # fmt: skip
SOURCES = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


def _mutations():
    """The example with a random span replaced by random tokens."""
    return st.tuples(st.integers(0, len(EXAMPLE_TEXT)), st.integers(0, 200), SOURCES).map(
        lambda t: EXAMPLE_TEXT[: t[0]] + t[2] + EXAMPLE_TEXT[t[0] + t[1] :]
    )


def _assert_clean(run, source: str, *commands: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.yaml"
        path.write_bytes(source.encode("utf-8", "surrogatepass"))
        for command in commands:
            result = (
                run(*command[:1], path, *command[1:], "-o", Path(folder) / "out")
                if command[0] == "build"
                else run(*command[:1], path, *command[1:])
            )
            assert result.exit_code in (0, 1), (command, source, result.stderr)
            assert "Traceback" not in result.stderr and "内部错误" not in result.stderr, (
                command,
                source,
                result.stderr,
            )


@given(source=st.one_of(SOURCES, _mutations()))
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_sources_never_crash_build_or_check(run, source):
    _assert_clean(run, source, ("build", "-f", "txt"), ("check", "--output-format", "concise"))


@given(
    text=st.text(
        alphabet=st.sampled_from("一二三、（）()1.。，：\n 常州市2024年报告规范是〔〕号|扫一掃\t<p>"), max_size=120
    )
)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_texts_never_crash_import(run, text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.txt"
        path.write_text(text, encoding="utf-8")
        result = run("import", path, "--year", "2024", "--jurisdiction", "某县", "--issuer", "某县人民政府")
        assert result.exit_code in (0, 1, 2), result.stderr
        assert "Traceback" not in result.stderr and "内部错误" not in result.stderr, (text, result.stderr)
