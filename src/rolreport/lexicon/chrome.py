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
LABELS: tuple[str, ...] = ("分享到", "浏览次数", "瀏覽次數", "访问量", "訪問量", "上一篇", "下一篇")
# A label in chrome position: at the start or after a separator, then a colon, a digit or the end.
LABEL = re.compile("(?:^|(?<=[\\s|｜【]))(?:" + "|".join(LABELS) + ")(?=[:：\\s\\d]|$)")
TOKENS: tuple[str, ...] = (
    "分享", "打印", "列印", "关闭", "關閉", "收藏", "字号", "字號", "字体", "字體", "默认", "默認", "微信", "微博", "QQ空间",
    "大", "中", "小",
)  # fmt: skip

# Keys of a page header line (发布时间：…  来源：…).
HEADER_KEYS: tuple[str, ...] = (
    "发布时间", "發布時間", "发布日期", "發布日期", "发表时间", "發表時間", "来源", "來源", "信息来源", "信息來源",
    "浏览次数", "瀏覽次數", "访问量", "訪問量", "点击数", "點擊數", "阅读次数", "閱讀次數", "当前位置", "當前位置",
    "您的位置", "您所在的位置", "索引号", "索引號", "责任编辑", "責任編輯", "作者",
)  # fmt: skip

# Text a skeleton or a drafting template leaves for someone to fill in (RR503): rolreport new's
# （在此填写…） and the marks drafting offices use.  Each repeat is guarded by a lookbehind, so
# a long run is scanned once (tests/test_linear_patterns.py).
PLACEHOLDER = re.compile(
    "在此填写|[待須须]填写|待[补補]充|(?<![A-Za-z×])[Xx×]{2,}(?![A-Za-z])|(?<!○)○{2,}|(?<!□)□{2,}"
    "|(?<![A-Za-z])(?:TODO|TBD)(?![A-Za-z])"
)
