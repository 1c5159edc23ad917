"""Heading numbers, written by the renderer and never by the author.

GB/T 9704-2012 §7.3.3 fixes four levels: ``一、`` → ``（一）`` → ``1.`` → ``（1）``.  The source
holds no numbers, so inserting or moving a part can never leave a gap or a duplicate.
"""

from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as used in official numbering)."""
    if n <= 0 or n >= 10000:
        raise ValueError(f"cannot number {n}")
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out = ""
    rest = n
    zero_pending = False
    for value, name in units:
        digit, rest = divmod(rest, value)
        if digit:
            if zero_pending:
                out += "零"
                zero_pending = False
            # 十二, not 一十二, when ten is the leading unit.
            out += ("" if (value == 10 and digit == 1 and not out) else _DIGITS[digit]) + name
        elif out:
            zero_pending = True
    if rest:
        if zero_pending:
            out += "零"
        out += _DIGITS[rest]
    return out


def part_label(n: int) -> str:
    return f"{chinese_numeral(n)}、"


def section_label(n: int) -> str:
    return f"（{chinese_numeral(n)}）"


def item_label(n: int) -> str:
    return f"{n}."


def subitem_label(n: int) -> str:
    return f"（{n}）"


# A title that starts with any numbering a drafter might type by hand: 一、 一. 一，(一) （一）
# 1. 1、 1． (1) （1） ① 第一部分/第一章 …  The renderer numbers headings itself, so such a title
# would be printed twice numbered ("一、一、…").
_CN = "一二三四五六七八九十百零〇"
HAND_NUMBERING = re.compile(
    rf"""^\s*(
        [{_CN}]+\s*[、.．,，:：]           # 一、  一.  一，
      | [(（]\s*[{_CN}\d]+\s*[)）]       # (一) （一） (1) （1）
      | \d+\s*[、.．)）](?!\d)            # 1、 1. 1) — but not 5.0版 or 2024.
      | [①-⑳]                           # ①
      | 第[{_CN}\d]+(部分|章|节|節|條|条)  # 第一部分
    )""",
    re.VERBOSE,
)


def hand_numbering(title: str) -> str | None:
    """The hand-written number a title starts with, or None."""
    m = HAND_NUMBERING.match(title)
    return m.group(1) if m else None
