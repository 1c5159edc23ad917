"""Script rules (RR1xx): characters of the wrong script, found with phrase-level OpenCC evidence.

For a Traditional report, the text T is taken to Simplified (``t2s``) and back with *both*
regional configs (``s2tw`` and ``s2hk``).  Where both give the same character X and T has
another character c, OpenCC's phrase dictionaries say c is wrong here:

* RR101 — c is a Simplified-only character (并): an error, with a safe fix to X.
* RR102 — c is valid in both scripts but used in its Simplified sense (干部, 规范, 240余条):
  ``t2s(X) == c``.  A warning with an unsafe fix: OpenCC's phrases are evidence, not proof
  (it writes 編髮 for 编发).
* RR105 — c is a Traditional character that a per-character converter chose wrongly (全麵, 乾部):
  ``t2s(c) == t2s(X)``, all three configs (s2t, s2tw, s2hk) agree on X, and c is one of the
  characters such converters are known to over-produce.

Requiring s2tw and s2hk to agree is the tiering that keeps regional standards out: 為/爲,
群/羣, 匯/彙 differ between the configs and are never reported.  The neutral ``s2t`` is never used
alone (it would "correct" 為, 群, 秘, 核).  For a Simplified report, RR104 reports characters
that ``t2s`` changes, phrase-aware (乾隆 and 著作 stay).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rolreport.check.data import simplified_only
from rolreport.check.text_rules import Context, Hit
from rolreport.convert import opencc_converter
from rolreport.lexicon.chars import HAN as CJK
from rolreport.lexicon.forms import accepted_pairs, accepted_words

# Characters that per-character converters produce where the Simplified character should have
# stayed or become another one (全麵, 製度 for 制度?, 乾部, 頭髮 vs 發展 …).  RR105 only reports
# these: the same test would also flag accepted regional forms such as 標桿 (OpenCC: 標杆).
OVER_CONVERTED = frozenset("麵製乾髮鬆鬥衝隻纔甦瞭薑鍾硃捨颳颱鬍鬚閤蘋佔彆儘藉噁")
_CLAUSE = re.compile(f"[{CJK}]+")


def _allowed_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for word in words:
        spans.extend(m.span() for m in re.finditer(re.escape(word), text))
    return spans


def _aligned(text: str) -> Iterator[tuple[int, str]]:
    """Runs of Chinese characters with their offsets (conversion is compared run by run, so a
    length change in one run cannot shift the others)."""
    for m in _CLAUSE.finditer(text):
        yield m.start(), m.group(0)


def _convert_runs(config: str, runs: list[str]) -> list[str]:
    """Each run converted as OpenCC converts it alone, in one call: a line feed, in no
    dictionary phrase, keeps OpenCC from forming a phrase across two runs."""
    if not runs:
        return []
    out: list[str] = opencc_converter(config).convert("\n".join(runs)).split("\n")
    if len(out) != len(runs):  # pragma: no cover - OpenCC never adds or drops a line feed
        return [opencc_converter(config).convert(run) for run in runs]
    return out


SCRIPT_RULE_IDS = ("RR101", "RR102", "RR103", "RR104", "RR105")


def script_hits(text: str, ctx: Context) -> Iterator[Hit]:
    if ctx.script == "zh-Hans":
        yield from _traditional_in_simplified(text, ctx)
    else:
        yield from _simplified_in_traditional(text, ctx)


def _simplified_in_traditional(text: str, ctx: Context) -> Iterator[Hit]:
    only = simplified_only()
    allowed = _allowed_spans(text, accepted_words(ctx.script) + tuple(ctx.allow_words))
    locale = accepted_pairs(ctx.script)  # both standard here: OpenCC's choice is no evidence
    t2s = opencc_converter("t2s")
    aligned = list(_aligned(text))
    runs = [run for _, run in aligned]
    simplified_runs = _convert_runs("t2s", runs)
    # A run that the report's own region (Taiwan for zh-Hant) writes as it stands has nothing to
    # report; only the others are taken to the second region, a third of OpenCC's work saved.
    first, second = ("s2hk", "s2tw") if ctx.script == "zh-Hant-HK" else ("s2tw", "s2hk")
    first_runs = _convert_runs(first, simplified_runs)
    open_runs = [k for k, (run, out) in enumerate(zip(runs, first_runs, strict=True)) if out != run]
    second_runs = dict(zip(open_runs, _convert_runs(second, [simplified_runs[k] for k in open_runs]), strict=True))
    for k in open_runs:
        (offset, run), simplified = aligned[k], simplified_runs[k]
        tw, hk = (second_runs[k], first_runs[k]) if first == "s2hk" else (first_runs[k], second_runs[k])
        if tw == run and hk == run:
            continue  # both regions write the run as it stands: nothing to report
        if not (len(simplified) == len(tw) == len(hk) == len(run)):
            continue  # a phrase changed length: no position-by-position evidence
        neutral = None
        regional = tw if ctx.script == "zh-Hant-TW" else hk if ctx.script == "zh-Hant-HK" else None
        for j, seen in enumerate(run):
            want = tw[j]
            if (seen, want) in locale or (regional is not None and (seen, regional[j]) in locale):
                continue
            if want == seen or hk[j] != want:
                if regional is not None and regional[j] != seen and seen not in only:
                    i = offset + j
                    if not any(a <= i < b for a, b in allowed) and t2s.convert(seen) == simplified[j]:
                        yield Hit(
                            "RR103",
                            i,
                            i + 1,
                            f"“{seen}”与{ctx.script}的常用字形“{regional[j]}”不同 (regional variant)",
                            regional[j],
                            safe=False,
                        )
                continue
            i = offset + j
            if any(a <= i < b for a, b in allowed):
                continue
            if seen in only:
                # Safe only when the character has one Traditional form: for 发 (發/髮), 后 (後/后),
                # 里 (裡/里) the phrase dictionaries choose, and they err (编发 → 編髮).
                one_form = opencc_converter("s2tw").convert(seen) == want == opencc_converter("s2hk").convert(seen)
                yield Hit(
                    "RR101",
                    i,
                    i + 1,
                    f"繁体文本中的简体字“{seen}”，应为“{want}” (Simplified-only character)",
                    want,
                    safe=one_form,
                )
            elif simplified[j] == seen and t2s.convert(want) == seen:
                word = run[max(0, j - 1) : j + 2]
                yield Hit(
                    "RR102",
                    i,
                    i + 1,
                    f"“{seen}”在“{word}”中是简体用法，繁体应为“{want}” (ambiguous character in its Simplified sense)",
                    want,
                    safe=False,
                )
            elif simplified[j] != seen or t2s.convert(want) != seen:
                neutral = neutral if neutral is not None else opencc_converter("s2t").convert(simplified)
                if seen in OVER_CONVERTED and neutral[j] == want and t2s.convert(seen) == simplified[j]:
                    yield Hit(
                        "RR105",
                        i,
                        i + 1,
                        f"“{seen}”是逐字转换造成的错字，应为“{want}” (over-conversion)",
                        want,
                        safe=False,
                    )


def _traditional_in_simplified(text: str, ctx: Context) -> Iterator[Hit]:
    allowed = _allowed_spans(text, tuple(ctx.allow_words))
    aligned = list(_aligned(text))
    for (offset, run), simplified in zip(aligned, _convert_runs("t2s", [r for _, r in aligned]), strict=True):
        if simplified == run or len(simplified) != len(run):
            continue
        for j, (seen, want) in enumerate(zip(run, simplified, strict=True)):
            i = offset + j
            if seen != want and not any(a <= i < b for a, b in allowed):
                yield Hit("RR104", i, i + 1, f"简体文本中的繁体字“{seen}”，应为“{want}” (Traditional character)", want)
