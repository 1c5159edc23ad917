"""The gazetteer: China's administrative divisions to county level, and what a name in a text is.

The list is the official division code list as a data file (``data/divisions.tsv``: 3,219
provinces, prefectures and counties with their GB/T 2260 codes), not a hand-typed list.  Import
uses it so that a place read out of a title or a first sentence is a real one, whole: 京市江宁区
(a character lost at a boundary) becomes 南京市江宁区, 关于杭州市 becomes 杭州市, and 照中央和省 or
确领导和区 (words that only end like a place) are no place at all.  Townships (镇, 乡, 街道) are
below the list's level: a name of that form is taken as it stands.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

# How a division's name ends, both scripts: what a place written out in a text ends with.
TOWNSHIP_ENDS = ("街道", "苏木", "蘇木", "镇", "鎮", "乡", "鄉")
PLACE_ENDS = ("特别行政区", "自治区", "自治區", "省", "市", "区", "區", "县", "縣", "旗", "盟", "州", *TOWNSHIP_ENDS)
# A name of that form (match: at the start of a longer name, 呼中区 of 呼中区教育局; fullmatch: whole).
PLACE_NAME = re.compile("[\u4e00-\u9fff]{1,12}?(?:" + "|".join(PLACE_ENDS) + ")")
_TOWNSHIP = re.compile("[\u4e00-\u9fff]{1,10}(?:" + "|".join(TOWNSHIP_ENDS) + ")")


@cache
def _divisions() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(name → its codes, code → name)."""
    codes: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    text = (files("rolreport") / "data" / "divisions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t")
        names[code] = name
        codes.setdefault(name, []).append(code)
    return {name: tuple(found) for name, found in codes.items()}, names


def _ancestors(code: str, names: dict[str, str]) -> list[str]:
    """The province and prefecture above a division, outermost first (江苏省, 南京市)."""
    chain = []
    for parent in (code[:2] + "0000", code[:4] + "00"):
        if parent != code and parent in names:
            chain.append(names[parent])
    return chain


def is_division(name: str) -> bool:
    return name in _divisions()[0]


def place_name(candidate: str) -> str | None:
    """The division ``candidate`` names, made whole (see the module's examples), or None.

    The longest known division that ends the candidate is the place; what stands before it is
    kept when it is that division's prefecture or province (天津市静海区, 江苏省南京市江宁区),
    completed when it is the end of one (京市 → 南京市), and dropped otherwise (关于)."""
    codes, names = _divisions()
    for start in range(len(candidate)):
        suffix = candidate[start:]
        if suffix not in codes:
            continue
        before = candidate[:start]
        if not before:
            return suffix
        prefixes = []
        for code in codes[suffix]:
            chain = _ancestors(code, names)
            prefixes += ["".join(chain[k:]) for k in range(len(chain))]
        fitting = sorted((p for p in prefixes if p.endswith(before)), key=len)
        return (fitting[0] if fitting else "") + suffix
    township = _TOWNSHIP.fullmatch(candidate)
    return candidate if township else None
