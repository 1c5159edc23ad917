"""Web-page furniture that portals paste around (and into) report texts, and placeholders.

Three tiers, both scripts.  :data:`PHRASES` are unmistakable wherever they stand, inside a
line of prose too (RR501 reports them; import drops a line made of them).  :data:`LABELS` are
chrome only as a label: at the start of a line or after a separator, followed by a colon, a
number or nothing (浏览次数：1234, 分享到：) — in prose they are words (全年访问量达1200万次,
典型经验分享到全市).  :data:`TOKENS` are short words that are chrome only when a whole line
consists of such words and separators (a share bar: 分享到 微信 微博; 字号 大 中 小).
"""

from __future__ import annotations

import re

PHRASES: tuple[str, ...] = (
    "扫一扫在手机打开当前页", "掃一掃在手機打開當前頁", "扫一扫在手机上查看当前页面", "掃一掃在手機上查看當前頁面",
    "打印本页", "打印本頁", "列印本頁", "关闭窗口", "關閉窗口", "关闭本页", "關閉本頁",
    "【打印】", "【关闭】", "【關閉】", "字号：", "字號：", "【字体：", "【字體：",
    "收藏本页", "收藏本頁", "返回顶部", "返回頂部",
)  # fmt: skip
# Any of PHRASES, longest first (one scan of a value instead of one per phrase).
PHRASE = re.compile("|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)))
LABELS: tuple[str, ...] = (
    "分享到",
    "分享",
    "浏览次数",
    "瀏覽次數",
    "访问量",
    "訪問量",
    "上一篇",
    "下一篇",
    "发布于",
    "發布於",
)
# A label in chrome position: at the start or after a separator, then a colon, a digit or the end.
LABEL = re.compile("(?:^|(?<=[\\s|｜【]))(?:" + "|".join(LABELS) + ")(?=[:：\\s\\d]|$)")
TOKENS: tuple[str, ...] = (
    "分享", "打印", "列印", "关闭", "關閉", "收藏", "字号", "字號", "字体", "字體", "默认", "默認", "微信", "微博", "QQ空间",
    "大", "中", "小",
)  # fmt: skip

# Keys of a page header line (发布时间：…  来源：…) and of a government-information metadata
# block (索 引 号：… | 发布机构：… | 主题分类：…), both scripts.
HEADER_KEYS: tuple[str, ...] = (
    "发布时间", "發布時間", "发布日期", "發布日期", "发表时间", "發表時間", "来源", "來源", "信息来源", "信息來源",
    "文章来源", "文章來源", "浏览次数", "瀏覽次數", "访问次数", "訪問次數", "访问量", "訪問量", "点击数", "點擊數",
    "阅读次数", "閱讀次數", "当前位置", "當前位置", "您的位置", "您所在的位置", "您当前的位置", "索引号", "索引號",
    "责任编辑", "責任編輯", "作者", "日期", "时间", "時間", "更新时间", "更新時間", "发布机构", "發布機構",
    "发文机构", "發文機構", "制发机构", "主题分类", "主題分類", "组配分类", "組配分類", "文件编号", "文件編號",
    "公开方式", "公開方式", "成文日期", "有效性", "栏目", "欄目", "今天是", "发文字号", "發文字號", "体裁分类",
    "體裁分類", "浏览量", "瀏覽量", "点击率", "點擊率",
)  # fmt: skip


# What a page's furniture is made of, recognised by its form rather than by a list of phrases:
# a line that starts with a header key and a colon (发布时间：2024-03-28 来源：…; the key may be
# spaced out, 索 引 号); a navigation trail (首页 > 政务公开 >, 当前位置：…); a date stamp with
# a weekday or a clock time (2019年12月3日星期二, 2024-03-28 09:18); a bar of short tokens
# between separators (无障碍 简体| 繁体, 【打印】【关闭】, 字体【大 中 小】).  None of these
# can be a sentence of a report: each test also requires the line to hold no 。，； (日期：2025年
# 3月1日召开常务会议，审议… is prose).
def _spaced(key: str) -> str:
    return "\\s*".join(map(re.escape, key))


_KEY = "(?:" + "|".join(_spaced(k) for k in sorted(HEADER_KEYS, key=len, reverse=True)) + ")"
# 发布时间：… / 索 引 号 | … / [ 索引号 ] … / 【发布机构】…: a key with a colon or a bar after it,
# or in brackets.
_HEADER_LINE = re.compile(f"^(?:{_KEY}\\s*[:：|｜]|[【\\[［]\\s*{_KEY}\\s*[】\\]］])")
HEADER_PREFIX = re.compile(f"^{_KEY}\\s*[:：]\\s*")  # a counter glued to a paragraph: 访问次数:2024年，…
_TRAIL = re.compile(
    "(?:首页|首頁|当前位置|當前位置|您所在的位置|您的位置)\\s*[:：>»›→]|[>»›→]\\s*(?:首页|首頁)|(?:^|\\s)[>»›→](?=\\s*\\S)"
)
_STAMP = re.compile(
    "(?:19|20)\\d{2}\\s*(?:年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[-/.]\\d{1,2}[-/.]\\d{1,2})"
    "\\s*(?:星期[一二三四五六日天]|周[一二三四五六日]|\\d{1,2}:\\d{2})"
)
_BAR_TOKEN = re.compile("[^\\s|｜【】\\[\\]:：]+")
_BAR_SEPARATOR = re.compile("[|｜【】\\[\\]]")


def is_chrome_line(text: str) -> bool:
    """Whether a whole line is page furniture by its form (see above); used by ``import`` to drop
    it and by RR501 to name it when it reached a report."""
    text = text.strip()
    if not text or len(text) > 120 or any(mark in text for mark in "。，；"):
        return False  # a sentence, or a clause of one
    if PHRASE.search(text) and len(text) <= 40:
        return True
    if _HEADER_LINE.match(text) or _TRAIL.search(text) or _STAMP.search(text):
        return True
    if _BAR_SEPARATOR.search(text) and len(text) <= 40:
        tokens = _BAR_TOKEN.findall(text)
        return len(tokens) >= 2 and all(len(token) <= 4 and "《" not in token for token in tokens)
    return False


# Text a skeleton or a drafting template leaves for someone to fill in (RR503): rolreport new's
# （在此填写…） and the marks drafting offices use.  Each repeat is guarded by a lookbehind, so
# a long run is scanned once (tests/test_linear_patterns.py).
PLACEHOLDER = re.compile(
    "在此填[写寫]|[待須须]填[写寫]|待[补補]充|(?<![A-Za-z×])[Xx×]{2,}(?![A-Za-z])|(?<!○)○{2,}|(?<!□)□{2,}"
    "|(?<![A-Za-z])(?:TODO|TBD)(?![A-Za-z])"
)
