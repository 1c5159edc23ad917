"""The example holds the whole seed report: nothing lost, added or reordered.

Both sides are normalised before comparing — punctuation width folded, hyphenated year ranges
folded to the dash, OpenCC t2s applied — so that only the seed's *defects*, which the example
corrects, are allowed to differ.  The two web-page chrome lines of the seed are dropped.
"""

from __future__ import annotations

import re
import unicodedata

import opencc
import pytest

from conftest import EXAMPLE, SEED

_T2S = opencc.OpenCC("t2s")
_SECTION_NUMBER = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
CHROME = {"掃一掃在手機打開當前頁", "|"}
# The one correction that moves a character rather than changing its form (seed-notes.md §3,
# "needs a human"): the crossed 《〈(〉)》 of the first paragraph.  Applied to the seed side only.
HUMAN_CORRECTIONS = {"綱要(2021-2025年〉實施方案)》": "綱要(2021-2025年)〉實施方案》"}


def normalise(line: str) -> str:
    line = unicodedata.normalize("NFKC", line)  # full-width punctuation → ASCII: ，→,  （→(
    line = re.sub(r"(\d{4})[-—](\d{4})", r"\1-\2", line)
    line = _SECTION_NUMBER.sub("(n)", line)
    return _T2S.convert(line).strip()


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    for wrong, right in HUMAN_CORRECTIONS.items():
        assert text.count(wrong) == 1
        text = text.replace(wrong, right)
    return [line for line in text.split("\n") if line.strip() not in CHROME]


def test_seed_has_the_expected_shape(seed_lines):
    assert len(seed_lines) == 30


def test_every_seed_paragraph_reappears_in_order(run, seed_lines):
    result = run("build", EXAMPLE, "-f", "txt", "-o", "-")
    assert result.exit_code == 0, result.stderr
    built = result.stdout.rstrip("\n").split("\n")
    title, content = built[0], built[1:]
    assert title == "常州市2024年法治政府建設年度報告"  # the only line the seed lacks
    assert [normalise(line) for line in content] == [normalise(line) for line in seed_lines]


def test_the_example_corrects_the_seed_defects(run):
    text = run("build", EXAMPLE, "-f", "txt", "-o", "-").stdout
    # Full-width punctuation only; no stray Simplified forms listed in seed-notes.md.
    assert not re.search(r"[\u4e00-\u9fff][,;:()]|[,;:()][\u4e00-\u9fff]", text)
    for stray in ("并", "先后", "后評估", "干部", "規范", "防范", "余條", "余項", "余份", "余場次", "關于",
                  "關系", "征集", "云上", "扎實", "巡回"):  # fmt: skip
        assert stray not in text, stray
    assert "《常州市貫徹落實〈法治政府建設實施綱要（2021—2025年）〉實施方案》" in text
    assert "（2023—2027年）" in text and "2023—2024年度" in text
    # The two OpenCC mistakes are not introduced; the seed's correct forms stay.
    assert "編發《常州市首違不罰指導案例》" in text and "編髮" not in text
    assert "“雲上復議”" in text and "覆議" not in text
    assert "規範性文件" in text and "檔案" not in text


# SHA-256 of ../shared/seed/changzhou-2024.txt, the published text (verbatim, defects included).
SEED_SHA256 = "e674dd52b63ad2dd6b8a7a492c0420d4a4d5e7760dae56ea2967d61d241b78e4"


def test_the_seed_copy_is_verbatim():
    import hashlib

    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256
    shared = EXAMPLE.parents[2] / "shared" / "seed" / "changzhou-2024.txt"
    if shared.exists():  # beside a checkout in the project's workspace and in CI
        assert SEED.read_bytes() == shared.read_bytes()
