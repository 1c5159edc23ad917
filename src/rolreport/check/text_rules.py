"""Text rules (RR2xx–RR5xx): punctuation, pairs, spacing, numbering and residue in prose.

Each rule looks at one prose value and yields :class:`Hit` objects: value offsets, a message
(Chinese, with the English gist in brackets) and, where one exists, the replacement text.
Thresholds and word lists are chosen from the seed report (see rules.md) and documented inline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from rolreport.lexicon import chrome
from rolreport.lexicon.chars import CLOSERS, FULL_PUNCT, is_han
from rolreport.lexicon.chars import HAN as CJK
from rolreport.lexicon.laws import LAW_NAMES
from rolreport.lexicon.roles import ORGAN_ENDS, ORGAN_STARTS
from rolreport.lexicon.words import ENDING, STARTING

URL = re.compile(
    r"(?:https?|ftp)://[^\s<>\"“”‘’，。；：、（）《》]+|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>\"“”，。；：、（）《》]*"
)


@dataclass
class Context:
    profile: str = "official"  # or "technical"
    script: str = "zh-Hans"
    allow_words: tuple[str, ...] = ()
    field: str = ""  # the key holding the value: paragraphs, title, issuer …
    glossary: tuple[tuple[str, str], ...] = ()  # (wrong, right) pairs from the project config


@dataclass
class Hit:
    rule: str
    start: int
    end: int
    message: str
    fix: str | None = None
    safe: bool = True
    extra: dict[str, str] = field(default_factory=dict)


def is_cjk(ch: str) -> bool:
    return is_han(ch)


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text:
        return []  # most values hold no address: skip the scan
    return [m.span() for m in URL.finditer(text)]


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


# ----------------------------------------------------------------------------------------------
# RR301 half-width punctuation in Chinese context

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}


def _paren_partners(text: str) -> dict[int, int]:
    """Each ASCII parenthesis with its partner, so a fix changes both halves or neither."""
    partners: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            opening = stack.pop()
            partners[opening], partners[i] = i, opening
    return partners


def rr301(text: str, ctx: Context) -> Iterator[Hit]:
    """Half-width marks beside Chinese; a parenthesis pair is converted whole: (2021—2022)》 gets
    both halves full-width, never one (which would cross the pair)."""
    found = dict(_half_width(text))
    partners = _paren_partners(text) if "(" in text or ")" in text else {}
    for i in [i for i in found if i in partners]:
        found.setdefault(partners[i], _HALF_TO_FULL[text[partners[i]]])
    for i in sorted(found):
        ch, full = text[i], found[i]
        yield Hit("RR301", i, i + 1, f"中文中用了半角“{ch}”，应为全角“{full}” (half-width punctuation)", full)


_HALF_MARK = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")


def _half_width(text: str) -> Iterator[tuple[int, str]]:
    urls = _url_spans(text)
    for m in _HALF_MARK.finditer(text):
        i, ch = m.start(), m.group(0)
        if urls and _inside(urls, i):
            continue
        if ch == "?" and "??" in text[max(i - 1, 0) : i + 2]:
            continue  # ?? is what a lossy conversion left of characters (RR501), not a question
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        chinese = is_cjk(prev) or is_cjk(nxt) or prev in CLOSERS or nxt in FULL_PUNCT
        if ch in "([":
            chinese = is_cjk(nxt) or is_cjk(prev) or prev in FULL_PUNCT
        elif ch == ")":
            chinese = is_cjk(prev) or prev in FULL_PUNCT or is_cjk(nxt) or (nxt in FULL_PUNCT and bool(nxt))
        elif ch == ".":
            # Only a sentence-final full stop: after Chinese, not a decimal point or abbreviation.
            chinese = is_cjk(prev) and (not nxt.isascii() or nxt in ("", " "))
        if ch in ",:" and prev.isdigit() and nxt.isdigit():
            continue  # 1,180  10:30
        if chinese:
            yield i, _HALF_TO_FULL[ch]


# ----------------------------------------------------------------------------------------------
# RR302 full-width ASCII

_KEEP_FULL = set("！（），：；？～")


_FULL_ASCII = re.compile("[\uff01-\uff5e]+")


def rr302(text: str, ctx: Context) -> Iterator[Hit]:
    for m in _FULL_ASCII.finditer(text):
        run = m.group(0)
        for j, ch in enumerate(run):
            if ch in _KEEP_FULL or (ch == "．" and "．．．" in run):
                continue  # ．．． is an ellipsis (RR307), not three full stops
            ascii_ch = chr(ord(ch) - 0xFEE0)
            i = m.start() + j
            yield Hit("RR302", i, i + 1, f"全角字符“{ch}”应写作半角“{ascii_ch}” (full-width ASCII)", ascii_ch)


# ----------------------------------------------------------------------------------------------
# RR303 spacing between Chinese and digits/Latin; RR304 stray spaces

_SPACES = " \u3000\t"


def _is_chrome(text: str) -> bool:
    """A value holding web-page chrome (字号：大 中 小): its spaces are the page's, and squeezing
    them while the chrome stays would only hide it; RR501 names the line instead."""
    return (
        chrome.PHRASE.search(text) is not None or chrome.LABEL.search(text) is not None or chrome.is_chrome_line(text)
    )


_SEAM = re.compile(f"(?<=[{CJK}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{CJK}])")
_SEAM_SPACE = re.compile(f"(?<=[{CJK}])[ \u00a0\u3000]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])[ \u00a0\u3000]+(?=[{CJK}])")


def rr303(text: str, ctx: Context) -> Iterator[Hit]:
    if _is_chrome(text):
        return
    if ctx.profile == "technical":
        for m in _SEAM.finditer(text):
            yield Hit("RR303", m.start(), m.start(), "中文与数字、西文之间应有一个空格 (technical profile)", " ")
        return
    urls = _url_spans(text)
    for m in _SEAM_SPACE.finditer(text):
        if _inside(urls, m.end()) or _inside(urls, m.start() - 1):
            continue  # a space that delimits a URL is needed
        yield Hit(
            "RR303", m.start(), m.end(), "公文中中文与数字、西文之间不加空格 (no space between Chinese and digits)", ""
        )


_RR304 = re.compile(
    f"(?<=[{CJK}])[ \u3000]+(?=[{CJK}])"  # between two Chinese characters
    f"|(?<=[{re.escape(FULL_PUNCT)}])[ \u3000]+"  # after full-width punctuation
    f"|(?<![ \u3000])[ \u3000]+(?=[{re.escape(FULL_PUNCT)}])"  # before full-width punctuation
)


def rr304(text: str, ctx: Context) -> Iterator[Hit]:
    if _is_chrome(text):
        return
    depth: list[int] | None = None
    for m in _RR304.finditer(text):
        if m.end() == len(text) or m.start() == 0:
            continue  # leading/trailing spaces are RR501
        if m.group(0) == " " and is_cjk(text[m.start() - 1]) and is_cjk(text[m.end()]):
            depth = depth if depth is not None else _quote_depths(text)
            headline = ctx.field == "title" and _run(text, m.start(), -1) >= 4 and _run(text, m.end(), 1) >= 4
            if depth[m.start()] or headline or _between_organs(text, m.start(), m.end()):
                continue  # the separator of a quoted slogan or title, a two-clause headline, joint issuers
        yield Hit("RR304", m.start(), m.end(), "多余的空格 (stray space next to Chinese text)", "")


def _run(text: str, at: int, step: int) -> int:
    """How many Chinese characters stand next to ``at`` going in ``step``'s direction."""
    count, i = 0, at - 1 if step < 0 else at
    while 0 <= i < len(text) and is_cjk(text[i]):
        count, i = count + 1, i + step
    return count


def _quote_depths(text: str) -> list[int]:
    """How deep in “” 《》 「」 each position stands (a slogan or a document title)."""
    depth, level = [0] * (len(text) + 1), 0
    for i, ch in enumerate(text):
        level += ch in "“《「〈"
        level -= ch in "”》」〉" and level > 0
        depth[i + 1] = level
    return depth


def _between_organs(text: str, start: int, end: int) -> bool:
    """中共中央 国务院, 省委 省政府: one issuing body ends before the space and another begins after."""
    return text[:start].endswith(ORGAN_ENDS) and text[end:].startswith(ORGAN_STARTS)


# ----------------------------------------------------------------------------------------------
# RR305 repeated punctuation; RR307 ellipsis and dash forms; RR308 顿号 between titles

_REPEATABLE = "，。、；：？！"


_REPEATED = re.compile(f"([{_REPEATABLE}])\\1+")
_CONFLICT = re.compile("[，、；：][。？！]|[。？！][，、；：]|[，、；：][，、；：]")
_ELLIPSIS = re.compile(r"\.{3,}|。{3,}|．{3,}|·{3,}|…+")
_DASH = re.compile(r"(?<![-－─—])(?:--+|－－+|──+|—)(?![-－─—])")
_TITLES_COMMA = re.compile("(?<=[》”])、(?=[《“])")


def rr305(text: str, ctx: Context) -> Iterator[Hit]:
    for m in _REPEATED.finditer(text):
        if m.group(0)[0] in "。．" and len(m.group(0)) >= 3:
            continue  # 。。。 is an ellipsis written wrongly (RR307 makes it ……), not a repeat
        yield Hit("RR305", m.start() + 1, m.end(), f"重复的标点“{m.group(0)}” (repeated punctuation)", "")
    for m in _CONFLICT.finditer(text):
        if m.group(0)[0] == m.group(0)[1]:
            continue
        yield Hit("RR305", m.start(), m.end(), f"标点冲突“{m.group(0)}” (conflicting punctuation)", None, safe=False)


def rr307(text: str, ctx: Context) -> Iterator[Hit]:
    for m in _ELLIPSIS.finditer(text):
        if m.group(0) == "……":
            continue
        around = text[m.start() - 1 : m.start()] + text[m.end() : m.end() + 1]
        if m.group(0)[0] == "." and not any(is_cjk(ch) or ch in FULL_PUNCT for ch in around):
            continue  # Latin text
        yield Hit("RR307", m.start(), m.end(), f"省略号应为“……”（现为“{m.group(0)}”）(ellipsis form)", "……")
    for m in _DASH.finditer(text):
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        if m.group(0) == "—" and (before.isdigit() or after.isdigit() or not (is_cjk(before) or is_cjk(after))):
            continue  # a span 2021—2025 (RR404), not a dash
        if m.group(0) == "—" and (before in "“（" or after in "”）"):
            continue
        # -- or ── between Chinese characters can only be a dash; a lone — may be a range.
        doubled = m.group(0) != "—" and is_cjk(before) and is_cjk(after)
        yield Hit("RR307", m.start(), m.end(), f"破折号应为“——”（现为“{m.group(0)}”）(dash form)", "——", safe=doubled)


def rr308(text: str, ctx: Context) -> Iterator[Hit]:
    for m in _TITLES_COMMA.finditer(text):
        yield Hit(
            "RR308",
            m.start(),
            m.end(),
            "相邻书名号或引号之间一般不用顿号（GB/T 15834 4.5.3.5）(comma between titles)",
            "",
            safe=False,  # disputed: a note between the titles makes the 顿号 right
        )


# ----------------------------------------------------------------------------------------------
# RR306 duplicated words

_FUNCTION_WORDS = "的了在和是"


def _two_words(text: str, i: int) -> bool:
    """Whether the doubled character at ``i``, ``i + 1`` belongs to two words (目的|的, 为了|了解,
    不了|了之) or to a reduplicated form (实实在在, 是是非非, 的的确确: AABB)."""
    ch = text[i]
    before, after = text[i - 1 : i], text[i + 2 : i + 3]
    if before + ch in ENDING or ch + after in STARTING:
        return True
    preceded = i >= 2 and text[i - 2] == text[i - 1] != ch  # 实实|在在
    followed = i + 3 < len(text) and text[i + 2] == text[i + 3] != ch  # 是是|非非
    return preceded or followed


_DOUBLED_FUNCTION = re.compile(f"([{_FUNCTION_WORDS}])\\1")
_DOUBLED_WORD = re.compile(f"([{CJK}]{{2,8}})\\1")


def rr306(text: str, ctx: Context) -> Iterator[Hit]:
    for m in _DOUBLED_FUNCTION.finditer(text):
        if not _two_words(text, m.start()):
            yield Hit("RR306", m.start(), m.end(), f"重复的字“{m.group(0)}” (duplicated word)", None, safe=False)
    # Whole words repeated back to back; single characters other than function words are not
    # flagged (學習習近平, 委員會會議, 組織部部長 are correct).
    for m in _DOUBLED_WORD.finditer(text):
        yield Hit("RR306", m.start(), m.end(), f"重复的词“{m.group(1)}” (duplicated word)", None, safe=False)


# ----------------------------------------------------------------------------------------------
# RR201 pairs; RR202 title-mark levels; RR203 quotes

_PAIRS = {
    "(": ")",
    "（": "）",
    "[": "]",
    "【": "】",
    "〔": "〕",
    "《": "》",
    "〈": "〉",
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
}
_CLOSE = {v: k for k, v in _PAIRS.items()}


_PAIR_MARK = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_CLOSE)) + "]")
_TITLE_MARK = re.compile("[《〈》〉]")
_QUOTE_MARK = re.compile("[“‘”’]")


def _pair_tokens(text: str) -> Iterator[tuple[int, str]]:
    urls = _url_spans(text)
    for m in _PAIR_MARK.finditer(text):
        i, ch = m.start(), m.group(0)
        if urls and _inside(urls, i):
            continue
        prev, nxt = text[i - 1 : i], text[i + 1 : i + 2]
        if ch == "’" and prev.isascii() and prev.isalpha() and nxt.isascii() and nxt.isalpha():
            continue  # apostrophe: Xi’an
        if ch == ")" and i <= 3 and text[:i].isdigit():
            continue  # "1)" list marker
        yield i, ch


def rr201(text: str, ctx: Context) -> Iterator[Hit]:
    stack: list[tuple[int, str]] = []
    for i, ch in _pair_tokens(text):
        if ch in _PAIRS:
            stack.append((i, ch))
            continue
        opener = _CLOSE[ch]
        if stack and stack[-1][1] == opener:
            stack.pop()
            continue
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][1] == opener), None)
        if depth is None:
            yield Hit("RR201", i, i + 1, f"“{ch}”没有对应的“{opener}” (unmatched closing mark)", None, safe=False)
            continue
        start, _ = stack[depth]
        inner = stack[depth + 1 :]
        open_marks = "".join(c for _, c in inner)
        yield Hit(
            "RR201",
            start,
            i + 1,
            f"标号交叉：“{ch}”关闭了“{opener}”，但其中的“{open_marks}”尚未关闭 (crossed pairs; needs a human)",
            None,
            safe=False,
        )
        del stack[depth]
    for i, ch in stack:
        yield Hit("RR201", i, i + 1, f"“{ch}”没有关闭，缺少“{_PAIRS[ch]}” (unclosed mark)", None, safe=False)


def _matching(text: str) -> dict[int, int] | None:
    """Positions of matching pairs, or None when the text's pairs are not balanced."""
    stack: list[tuple[int, str]] = []
    match: dict[int, int] = {}
    for i, ch in _pair_tokens(text):
        if ch in _PAIRS:
            stack.append((i, ch))
        elif stack and stack[-1][1] == _CLOSE[ch]:
            j, _ = stack.pop()
            match[j] = i
        else:
            return None
    return None if stack else match


def rr202(text: str, ctx: Context) -> Iterator[Hit]:
    if "《" not in text and "〈" not in text:
        return
    if text.count("《") + text.count("〈") != text.count("》") + text.count("〉"):
        return  # an unclosed title mark (RR201 names it) leaves the levels unknowable
    match = _matching(text)
    level = 0
    stack: list[int] = []
    for m in _TITLE_MARK.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch in "《〈":
            want = "《" if level % 2 == 0 else "〈"
            if ch != want:
                closing = match.get(i) if match else None
                fix = None
                if closing is not None:
                    fix = want + text[i + 1 : closing] + ("》" if want == "《" else "〉")
                    yield Hit("RR202", i, closing + 1, f"书名号层级：这一层应用“{want}”(title-mark level)", fix)
                else:
                    yield Hit("RR202", i, i + 1, f"书名号层级：这一层应用“{want}”(title-mark level)", None, safe=False)
            level += 1
            stack.append(i)
        elif ch in "》〉" and stack:
            stack.pop()
            level -= 1


_STRAIGHT_QUOTE = re.compile("[\"']")


def rr203(text: str, ctx: Context) -> Iterator[Hit]:
    match: dict[int, int] | None = None
    matched = False  # the pairs are matched when a quote is at the wrong level, not before
    level = 0
    for m in _QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group(0)
        if ch in "“‘":
            want = "“" if level % 2 == 0 else "‘"
            if ch != want and not matched:
                match, matched = _matching(text), True
            if ch != want and match and i in match:
                closing = match[i]
                fix = want + text[i + 1 : closing] + ("”" if want == "“" else "’")
                yield Hit("RR203", i, closing + 1, f"引号嵌套：这一层应用“{want}”(quote nesting)", fix)
            level += 1
        elif ch in "”’" and level > 0 and not (ch == "’" and text[i - 1 : i].isascii() and text[i - 1 : i].isalpha()):
            level -= 1
    for m in _STRAIGHT_QUOTE.finditer(text):
        i = m.start()
        if is_cjk(text[i - 1 : i]) or is_cjk(text[i + 1 : i + 2]):
            yield Hit(
                "RR203", i, i + 1, f"中文中用了直引号“{m.group(0)}”，应为弯引号 (straight quote)", None, safe=False
            )


# ----------------------------------------------------------------------------------------------
# RR204 document numbers

_DOC_NUMBER = re.compile(
    f"(?P<code>[{CJK}]{{1,12}})(?P<open>[\\[［【﹝〔(（])\\s*(?P<year>\\d{{4}})\\s*(?P<close>[\\]］】﹞〕)）])"
    "\\s*(?P<di>第?)(?P<num>\\d+)\\s*(?P<hao>[号號])"
)


# The bracketed year every 文号 has: found first, so that a value without one is not scanned
# from each of its Han characters.
_DOC_YEAR = re.compile("[\\[［【﹝〔(（]\\s*\\d{4}\\s*[\\]］】﹞〕)）]")


def rr204(text: str, ctx: Context) -> Iterator[Hit]:
    if _DOC_YEAR.search(text) is None:
        return
    rule = "RR611" if ctx.field == "doc_number" else "RR204"  # the 文号 in metadata is RR611
    for m in _DOC_NUMBER.finditer(text):
        good = f"{m['code']}〔{m['year']}〕{int(m['num'])}{m['hao']}"
        if m.group(0) != good:
            yield Hit(
                rule,
                m.start(),
                m.end(),
                f"发文字号应写作“{good}”（六角括号，不加“第”，不补零）(document number form)",
                good,
            )


# ----------------------------------------------------------------------------------------------
# RR401 inline enumeration; RR402 ordinal forms

_NUMERALS = "一二三四五六七八九十"


# After any clause mark, full- or half-width: a half-width ; before 二是 is RR301's finding, not
# a break in the enumeration.
_ENUMERATION = re.compile(f"(?:^|(?<=[，；。：、,;:]))([{_NUMERALS}]{{1,2}})是")


def rr401(text: str, ctx: Context) -> Iterator[Hit]:
    marks = list(_ENUMERATION.finditer(text))
    if len(marks) < 2:
        return
    from rolreport.numbering import chinese_numeral

    for expected, m in enumerate(marks, 1):
        if m.group(1) != chinese_numeral(expected):
            yield Hit(
                "RR401",
                m.start(1),
                m.end(),
                f"列举顺序不连续：这里应是“{chinese_numeral(expected)}是”(enumeration sequence)",
                None,
                safe=False,
            )
            return


_ORDINALS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str], str]] = [
    (re.compile(f"^([{_NUMERALS}]+)[.．，,]\\s*"), lambda m: f"{m.group(1)}、", "一、"),
    (re.compile(f"^[（(]([{_NUMERALS}]+)[)）]、\\s*"), lambda m: f"（{m.group(1)}）", "（一）"),
    (re.compile(r"^(\d+)[、．]\s*(?!\d)"), lambda m: f"{m.group(1)}.", "1."),
]


def rr402(text: str, ctx: Context) -> Iterator[Hit]:
    for pattern, good, form in _ORDINALS:
        m = pattern.match(text)
        if m:
            yield Hit("RR402", 0, m.end(), f"序号形式应为“{form}”这一类 (ordinal form)", good(m))


# ----------------------------------------------------------------------------------------------
# RR404 ranges


_YEAR_SPAN = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(年?)[-－~～–](1\d{3}|20\d{2})(?=年|[）)])")
_NUMBER_RANGE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)([～~\-－])(\d+(?:\.\d+)?)(%|万元|亿元)")


def rr404(text: str, ctx: Context) -> Iterator[Hit]:
    # 2021-2025年, （2021-2025）, 2021年-2025年: a year span takes the dash (GB/T 15834 §4.13)
    for m in _YEAR_SPAN.finditer(text):
        good = f"{m.group(1)}{m.group(2)}—{m.group(3)}"
        yield Hit("RR404", m.start(), m.end(), f"年份起止应用一字线“—”：{good} (year span)", good)
    for m in _NUMBER_RANGE.finditer(text):
        good = f"{m.group(1)}{m.group(4)}～{m.group(3)}{m.group(4)}"
        yield Hit(
            "RR404", m.start(), m.end(), f"数值范围两端都应带单位，用浪纹线：{good} (numeric range)", good, safe=False
        )


# ----------------------------------------------------------------------------------------------
# RR501 residue

_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|hellip|mdash|#\d+|#x[0-9a-fA-F]+);")
_LOST = re.compile(r"^\?{2,}|(?<!\?)\?{2,}(?=[^\x00-\x7f]|$)|(?<=[^\x00-\x7f])\?{2,}")
_NBSP = re.compile("\u00a0+")
_TRAILING_SPACE = re.compile("(?<![ \t\u3000])[ \t\u3000]+(?=\n|$)")
_LEADING_SPACE = re.compile("^[ \t\u3000]+")
_PINYIN = re.compile(f"(?<=[{CJK}])[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")


def rr501(text: str, ctx: Context) -> Iterator[Hit]:
    named = False
    for m in chrome.PHRASE.finditer(text):
        named = True
        yield Hit("RR501", m.start(), m.end(), f"网页残留“{m.group(0)}” (web-page chrome)", None, safe=False)
    if not named and "\n" not in text and chrome.is_chrome_line(text):
        # The whole value is a page's furniture by its form (import's classifier): 发布时间：…
        # 来源：…, 首页 > 政务公开, 无障碍 简体| 繁体.
        yield Hit("RR501", 0, len(text), "整段是网页的页眉、导航或页脚 (web-page chrome line)", None, safe=False)
        return
    for m in chrome.LABEL.finditer(text):  # 浏览次数：1234 is chrome; 累计浏览次数 is prose
        yield Hit("RR501", m.start(), m.end(), f"网页残留“{m.group(0)}” (web-page chrome)", None, safe=False)
    if text.strip() == "|":
        yield Hit("RR501", 0, len(text), "孤立的“|”是网页残留 (web-page chrome)", None, safe=False)
    for m in _INVISIBLE.finditer(text):
        yield Hit("RR501", m.start(), m.end(), f"不可见字符 U+{ord(m.group(0)):04X} (invisible character)", "")
    for m in _NBSP.finditer(text):
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        yield Hit("RR501", m.start(), m.end(), "不换行空格 NBSP (non-breaking space)", " " if latin else "")
    for m in _ENTITY.finditer(text):
        yield Hit("RR501", m.start(), m.end(), f"HTML 实体“{m.group(0)}” (HTML entity)", None, safe=False)
    for m in _TRAILING_SPACE.finditer(text):
        if ctx.field in ("paragraphs", "title") or m.end() == len(text):
            yield Hit("RR501", m.start(), m.end(), "行尾空格 (trailing space)", "")
    for m in _LEADING_SPACE.finditer(text):
        yield Hit("RR501", m.start(), m.end(), "段首空格：缩进由排版完成 (leading space)", "")
    for m in _LOST.finditer(text):
        # ?? where characters stood: a GBK/Big5 conversion that could not encode them.  At the
        # start of a value they were the full-width indent (safe to delete); elsewhere a human
        # must restore the text.
        lead = m.start() == 0 and m.end() < len(text)
        yield Hit(
            "RR501",
            m.start(),
            m.end(),
            f"“{m.group(0)}”是编码转换丢失的字符 (characters lost in a conversion)",
            "" if lead else None,
            safe=lead,
        )
    for m in _PINYIN.finditer(text):
        yield Hit("RR501", m.start(), m.end(), f"拼音注音“{m.group(0)}” (pinyin residue)", None, safe=False)


# ----------------------------------------------------------------------------------------------
# RR309 law names outside 《》 (off by default: 贯彻实施新的行政复议法 is idiomatic prose)

_LAW = re.compile("(?:中华人民共和国)?(?:" + "|".join(sorted(LAW_NAMES, key=len, reverse=True)) + ")")


def rr309(text: str, ctx: Context) -> Iterator[Hit]:
    from rolreport.convert import opencc_converter

    simplified = opencc_converter("t2s").convert(text) if ctx.script != "zh-Hans" else text
    if len(simplified) != len(text):
        return
    depth = [0] * (len(text) + 1)
    level = 0
    for i, ch in enumerate(text):  # inside 《》 (a title) or “” (an activity's name) is not a citation
        level += ch in "《〈“「"
        level -= ch in "》〉”」" and level > 0
        depth[i + 1] = level
    for m in _LAW.finditer(simplified):
        if depth[m.start()] == 0:
            name = text[m.start() : m.end()]
            yield Hit(
                "RR309", m.start(), m.end(), f"法律名称“{name}”未加书名号 (law name outside 《》)", None, safe=False
            )


# ----------------------------------------------------------------------------------------------
# RR502 the project's glossary (off by default; `glossary = {"旧说法" = "规范说法"}` in the config)


def rr502(text: str, ctx: Context) -> Iterator[Hit]:
    for wrong, right in ctx.glossary:
        for m in re.finditer(re.escape(wrong), text):
            yield Hit(
                "RR502",
                m.start(),
                m.end(),
                f"按本系列报告的用语表，“{wrong}”应写作“{right}” (glossary)",
                right,
                safe=False,
            )


def rr503(text: str, ctx: Context) -> Iterator[Hit]:
    for m in chrome.PLACEHOLDER.finditer(text):
        yield Hit(
            "RR503",
            m.start(),
            m.end(),
            f"尚未填写的占位文字“{m.group(0)}”：发布或报送前请写出实际内容 (unfilled placeholder)",
            None,
            safe=False,
        )


# Each check function with the rule ids it can report (rolreport.check.registry holds the rules).
TextCheck = Callable[[str, Context], Iterator[Hit]]
TEXT_RULES: list[tuple[tuple[str, ...], TextCheck]] = [
    (("RR201",), rr201), (("RR202",), rr202), (("RR203",), rr203), (("RR204", "RR611"), rr204), (("RR301",), rr301),
    (("RR302",), rr302), (("RR303",), rr303), (("RR304",), rr304), (("RR305",), rr305), (("RR306",), rr306),
    (("RR307",), rr307), (("RR308",), rr308), (("RR309",), rr309), (("RR401",), rr401), (("RR402",), rr402),
    (("RR404",), rr404), (("RR501",), rr501), (("RR502",), rr502), (("RR503",), rr503),
]  # fmt: skip
