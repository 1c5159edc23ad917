"""Quantities in report prose: the units counts are given in, both scripts, and the numerals.

What a report counts (案件、次、人次、件、项、%、万元 …) after a number, Arabic (240, 6.8) or Chinese
(十二, 两百), with a multiplier (万, 亿) and an approximation (余, 多; 近, 约, 超过 before it).
Used by ``rolreport stats`` for its quantity columns and facts table.
"""

from __future__ import annotations

# Unit → its Simplified form (the facts table's unit column is one script).  Longer units come
# first where one begins another (人次 before 人, 个百分点 and 个月 before 个, 万元 is 万 + 元).
UNITS: dict[str, str] = {
    "个百分点": "个百分点", "個百分點": "个百分点", "人次": "人次", "场次": "场次", "場次": "场次",
    "批次": "批次", "件次": "件次", "户次": "户次", "戶次": "户次", "个月": "个月", "個月": "个月",
    "课时": "课时", "課時": "课时", "小时": "小时", "小時": "小时", "平方米": "平方米", "公里": "公里",
    "件": "件", "次": "次", "人": "人", "名": "名", "个": "个", "個": "个", "项": "项", "項": "项",
    "家": "家", "场": "场", "場": "场", "条": "条", "條": "条", "篇": "篇", "份": "份", "户": "户",
    "戶": "户", "起": "起", "批": "批", "期": "期", "所": "所", "座": "座", "台": "台", "臺": "台",
    "套": "套", "类": "类", "類": "类", "宗": "宗", "笔": "笔", "筆": "笔", "支": "支", "处": "处",
    "處": "处", "轮": "轮", "輪": "轮", "册": "册", "冊": "册", "例": "例", "位": "位", "天": "天",
    "亩": "亩", "畝": "亩", "倍": "倍", "元": "元", "%": "%", "％": "%",
}  # fmt: skip

MULTIPLIERS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
AFTER_APPROXIMATE = ("余", "餘", "多")  # 240余条: at least
BEFORE_APPROXIMATE = ("超过", "超過", "近", "约", "約", "逾")

CHINESE_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                  "七": 7, "八": 8, "九": 9}  # fmt: skip
CHINESE_TENS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERALS = "".join(CHINESE_DIGITS) + "".join(CHINESE_TENS)

# Names that hold a numeral and a unit but count nothing: a programme's, a reform's or a
# political formula's name.
NUMBERED_TERMS = ("三项制度", "三項制度", "一件事", "一网通办", "一網通辦", "一站式", "一次性", "一把手",
                  "四个全面", "四個全面", "两个维护", "兩個維護", "两个确立", "兩個確立", "四个意识", "四個意識",
                  "四个自信", "四個自信", "两个一百年", "兩個一百年")  # fmt: skip


def chinese_number(text: str) -> int | None:
    """十二 → 12, 两百三十 → 230, 一〇五 → 105; None when it is not a number."""
    if not text or any(c not in CHINESE_DIGITS and c not in CHINESE_TENS for c in text):
        return None
    if not any(c in CHINESE_TENS for c in text):  # digit by digit: 一〇五
        return int("".join(str(CHINESE_DIGITS[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in CHINESE_DIGITS:
            if digit is not None:
                return None  # two digits in a row in a 十/百/千 numeral
            digit = CHINESE_DIGITS[c]
        else:
            scale = CHINESE_TENS[c]
            total += (1 if digit is None else digit) * scale
            digit = None
    return total + (digit or 0)
