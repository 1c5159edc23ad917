"""The quantities a report states: a number, Arabic or Chinese, with a unit (12次, 3萬餘件, 6.8%,
两百余人).  Not a year, a date or an ordinal (第八、九轮), and nothing inside quotation or title
marks, where numbers are names (“532”发展战略, 《…（2021—2025年）》); a numeral in a name that
counts nothing (三项制度, 一件事, 四个全面) is not one either, nor a lone 一 (一批, 一次: "a").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rolreport.lexicon.units import (
    AFTER_APPROXIMATE,
    BEFORE_APPROXIMATE,
    CHINESE_NUMERALS,
    MULTIPLIERS,
    NUMBERED_TERMS,
    UNITS,
    chinese_number,
)

_UNIT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_BEFORE = "|".join(BEFORE_APPROXIMATE)
_QUANTITY = re.compile(
    rf"(?P<before>{_BEFORE})?(?<![0-9.{CHINESE_NUMERALS}])"
    rf"(?P<number>[0-9]+(?:\.[0-9]+)?|[{CHINESE_NUMERALS}]+)"
    rf"(?P<multiplier>[{''.join(MULTIPLIERS)}])?(?P<after>[{''.join(AFTER_APPROXIMATE)}])?(?P<unit>{_UNIT})"
)
_QUOTED = re.compile(r"“[^“”]*”|《[^《》]*》|「[^「」]*」|『[^『』]*』|‘[^‘’]*’")
# What may stand between 第 and a number it makes an ordinal: 第八、九轮, 第3至5批.
_ENUMERATION = frozenset(f"0123456789{CHINESE_NUMERALS}、，,和至到—－-")
# A count a report states has at most this many digits (more is an identifier, or damage); times
# 亿 it still fits Parquet's int64.
MAX_DIGITS = 10
_SIMPLIFIED = {"餘": "余", "約": "约", "超過": "超过"}
_SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]?")


@dataclass(frozen=True)
class Quantity:
    value: float  # normalised: 1.2万 → 12000
    number: str  # as written: "1.2", "十二"
    unit: str  # in Simplified characters: 条, 个, %
    approximate: str  # "余", "多", "近", "约" … or ""
    text: str  # the whole expression as written: "240餘條"
    start: int  # where it stands in its text
    sentence: str

    @property
    def shown_value(self) -> int | float:
        return int(self.value) if self.value == int(self.value) else self.value


def _value(number: str, multiplier: str | None) -> float | None:
    if number[0].isdigit():
        value = float(number)
    else:
        parsed = chinese_number(number)
        if parsed is None:
            return None
        value = float(parsed)
    return value * MULTIPLIERS[multiplier] if multiplier else value


def _ordinal(text: str, start: int) -> bool:
    """Whether 第 stands before the number at ``start``, across an enumeration (第八、九轮)."""
    at = start
    while at > 0 and text[at - 1] in _ENUMERATION and start - at < 40:
        at -= 1
    return at > 0 and text[at - 1] == "第"


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group()]


class _Spans:
    """Stretches of a text, for asking in log time whether an offset lies in one."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a < merged[-1][1]:  # overlapping (touching ones stay apart: sentences)
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self.starts = [a for a, _ in merged]
        self.spans = merged

    def at(self, offset: int) -> tuple[int, int] | None:
        n = bisect.bisect_right(self.starts, offset) - 1
        return self.spans[n] if n >= 0 and offset < self.spans[n][1] else None


def quantities(text: str) -> list[Quantity]:
    names = [m.span() for m in _QUOTED.finditer(text)]
    names += [(m.start(), m.start() + len(term)) for term in NUMBERED_TERMS for m in re.finditer(re.escape(term), text)]
    excluded = _Spans(names)
    sentences: _Spans | None = None
    found: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        number = m.group("number")
        start = m.start("number")
        if excluded.at(start):
            continue
        if number == "一" or len(number.split(".")[0]) > MAX_DIGITS:
            continue
        if _ordinal(text, start):
            continue
        value = _value(number, m.group("multiplier"))
        if value is None:
            continue
        if sentences is None:
            sentences = _Spans(_sentences(text))
        span = sentences.at(start)
        sentence = text[span[0] : span[1]] if span else text
        found.append(
            Quantity(
                value=value,
                number=number,
                unit=UNITS[m.group("unit")],
                approximate=_SIMPLIFIED.get(approximate := m.group("before") or m.group("after") or "", approximate),
                text=m.group(),
                start=m.start(),
                sentence=sentence,
            )
        )
    return found
