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

from rolreport.lexicon import data_rows

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
    for code, name in data_rows("divisions.tsv"):
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


def _ending(candidate: str) -> tuple[str, str, tuple[str, ...]] | None:
    """The longest known division that ends ``candidate``: what stands before it, its name, and
    the codes of the divisions of that name."""
    codes = _divisions()[0]
    for start in range(len(candidate)):
        if candidate[start:] in codes:
            return candidate[:start], candidate[start:], codes[candidate[start:]]
    return None


def place_name(candidate: str) -> str | None:
    """The division ``candidate`` names, made whole (see the module's examples), or None.

    The longest known division that ends the candidate is the place; what stands before it is
    kept when it is that division's prefecture or province (天津市静海区, 江苏省南京市江宁区),
    completed when it is the end of one (京市 → 南京市), and dropped otherwise (关于)."""
    found = _ending(candidate)
    if found is None:
        return candidate if _TOWNSHIP.fullmatch(candidate) else None
    before, name, codes = found
    if not before:
        return name
    names = _divisions()[1]
    prefixes = []
    for code in codes:
        chain = _ancestors(code, names)
        prefixes += ["".join(chain[k:]) for k in range(len(chain))]
    fitting = sorted((p for p in prefixes if p.endswith(before)), key=len)
    return (fitting[0] if fitting else "") + name


Level = str  # "province" | "city" | "county" | "township" | "department"
# How a government's name ends after its place (常州市人民政府, 某街道办事处).
GOVERNMENT_ENDS = ("人民政府", "办事处", "行政公署", "政府")


def division(name: str) -> tuple[str, str] | None:
    """The division ``name`` is (常州市; 江苏省南京市江宁区; 京市, completed), as its code and
    name, or None when it is no division or several (朝阳区 alone is two)."""
    place = place_name(name)
    found = _ending(place) if place else None
    if found is None:
        return None
    before, suffix, codes = found
    names = _divisions()[1]
    fitting = [c for c in codes if not before or "".join(_ancestors(c, names)).endswith(before)]
    return (fitting[0], suffix) if len(fitting) == 1 else None


def division_level(code: str) -> Level:
    """GB/T 2260: 320000 a province (or a municipality), 320400 a prefecture, 320412 a county."""
    if code.endswith("0000"):
        return "province"
    return "city" if code.endswith("00") else "county"


def province_of(code: str) -> str:
    return _divisions()[1].get(code[:2] + "0000", "")


def government_level(issuer: str, jurisdiction: str) -> tuple[Level | None, tuple[str, str] | None]:
    """The level of government that issues a report, and its division when known.

    A government (…人民政府, …街道办事处) is at its place's level: a township when the place is
    one (镇, 乡, 街道), else the gazetteer's; any other issuer (…司法局, …委员会) is a department,
    placed where its name or its jurisdiction says.  Both in Simplified characters."""
    from rolreport.lexicon.chrome import PLACEHOLDER

    if not issuer or PLACEHOLDER.search(issuer):  # （待填写发文机关）: not known
        return None, None
    government = next((issuer[: -len(end)] for end in GOVERNMENT_ENDS if issuer.endswith(end)), None)
    if government is not None and government.endswith(TOWNSHIP_ENDS):
        # The county it lies in, when its name says (丰都县栗子乡); the township itself is below the list.
        county = PLACE_NAME.match(government)
        inside = division(county.group()) if county and county.group() != government else None
        return "township", inside
    start = PLACE_NAME.match(issuer)
    place = division(government) if government else (division(start.group()) if start else None)
    place = place or division(jurisdiction)
    if government is None:
        return "department", place
    if place:
        return division_level(place[0]), place
    # Several divisions of that name (朝阳区 in Beijing and in Changchun): the level when they agree.
    ending = _ending(place_name(government) or "")
    levels = {division_level(code) for code in (ending[2] if ending else ())}
    return (levels.pop() if len(levels) == 1 else None), None
