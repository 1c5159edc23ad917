"""Report rules (RR4xx on metadata, RR6xx): the statute's content, dates, balance, form.

They read the validated model and point at the YAML node they are about.  Thresholds come from
the seed (Changzhou 2024) and are documented at each rule; rules.md leaves them open.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from rolreport.lexicon.chars import count_han, is_han
from rolreport.lexicon.roles import BOILERPLATE, CASE_WORDS, CAUSE_WORDS, HEAD_WORDS, LEADER_WORDS, ROLE_NAMES
from rolreport.model import Part, Report

QUANTITY = re.compile(
    # The lookbehind starts a number only at its first digit: a long run of digits is then
    # scanned once, not once per digit (quadratic; tests/test_linear_patterns.py).
    r"(?<![\d.])\d+(?:\.\d+)?\s*(?:件|项|項|次|名|个|個|家|条|條|份|%|万元|萬元|亿元|億元|人次|场次|場次|个百分点|個百分點|万|萬|亿|億|户|戶|所|起|批|部|场|場|余|餘|多)"
)
ITEM_MARK = re.compile(r"(?:^|[，；。：])[一二三四五六七八九十]是|（[一二三四五六七八九十]）|(?:^|\s)\d+\.")


@dataclass
class ReportHit:
    rule: str
    loc: tuple[Any, ...]  # a pydantic-style path into the YAML
    message: str


def _text(part: Part) -> str:
    chunks = [part.title, *part.paragraphs]
    for section in part.sections:
        chunks += [section.title, *section.paragraphs]
        for item in section.items:
            chunks += [item.title or "", *item.paragraphs]
            for sub in item.items:
                chunks += [sub.title or "", *sub.paragraphs]
    return "".join(chunks)


def _han(text: str) -> int:
    return count_han(text)


def report_hits(report: Report, enabled: Callable[[str], bool] = lambda rule: True) -> Iterator[ReportHit]:
    """The report rules' hits; a check none of whose rules is ``enabled`` does not run (RR607
    converts every shortcoming with OpenCC: not worth it when RR607 is off)."""
    for ids, check in REPORT_RULES:
        if any(enabled(rule) for rule in ids):
            yield from check(report)


# Bigrams too common in shortcomings and plans to count as an echo (RR607).
_COMMON = {"进一", "一步", "步加", "加强", "还需", "需进", "不够", "不足", "存在", "工作", "问题", "建设", "推进", "持续",
           "进一步", "有待", "深化", "完善", "提升", "法治", "政府", "推动", "落实", "力度", "能力", "水平", "机制"}  # fmt: skip


def _bigrams(text: str) -> set[str]:
    from rolreport.convert import opencc_converter

    text = opencc_converter("t2s").convert(text)
    return {text[i : i + 2] for i in range(len(text) - 1) if is_han(text[i]) and is_han(text[i + 1])} - _COMMON


def _plans(report: Report) -> Iterator[ReportHit]:
    """RR607 (off by default): each shortcoming should be answered by next year's plans."""
    plans = [(n, p) for n, p in enumerate(report.parts) if p.role == "next_year"]
    if not plans:
        return
    plan_text = "".join(_text(p) for _, p in plans)
    plan_words = _bigrams(plan_text)
    for number, part in enumerate(report.parts):
        if part.role != "shortcomings":
            continue
        body = "".join(part.paragraphs) or _text(part)
        items = [i for i in re.split(r"[一二三四五六七八九十]是|；|。", body) if len(i) >= 8]
        for item in items:
            if not (_bigrams(item) & plan_words):
                yield ReportHit(
                    "RR607",
                    ("parts", number),
                    f"不足“{item[:16]}……”在下一年度安排中没有对应的措施 (shortcoming not answered)",
                )
    if not re.search(r"\d", re.sub(r"(?:19|20)\d{2}\s*年度?", "", plan_text)):  # a year is not a target
        yield ReportHit(
            "RR607", ("parts", plans[0][0]), "下一年度安排没有可衡量的目标（数字、时限）(plans not measurable)"
        )


def _numbers(report: Report) -> Iterator[ReportHit]:
    """RR405: 1,180 beside 1180 (or 三十余项 beside 30余项) in one report."""
    # Names are not counts: what stands in “” or 《》 (“十一个坚持”, 《…十条》), and ordinals (第十二次
    # 党代会, 第十四个五年规划); a year (2021—2025年) is not a four-digit quantity.
    text = _outside_names("".join(report.preamble) + "".join(_text(p) for p in report.parts))
    grouped = re.search(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d.])", text)
    plain = re.search(r"(?<![\d.,])(?!(?:19|20)\d{2}(?![\d.,]))\d{4,}(?![\d.,])", text)
    if grouped and plain:
        yield ReportHit(
            "RR405", ("parts",), f"数字写法不统一：既有“{grouped.group(0)}”又有“{plain.group(0)}”(mixed number style)"
        )
    units = "项項件个個次名家条條份"
    # A one-character numeral (三个, 十项, 百家: a small or round number) is written in Chinese by
    # convention (GB/T 15835); only a longer one (三十余项) beside 30余项 is a mixed style.
    chinese = next(
        (
            m
            for m in re.finditer(
                f"(?<![一二三四五六七八九十百千第])[一二三四五六七八九十百千]+[余餘多]?[{units}]", text
            )
            if not re.fullmatch(f"[一二三四五六七八九十百千][{units}]", m.group(0))
        ),
        None,
    )
    arabic = re.search(f"(?<!\\d)\\d+[余餘多]?[{units}]", text)
    if chinese and arabic:
        yield ReportHit(
            "RR405", ("parts",), f"数量写法不统一：既有“{chinese.group(0)}”又有“{arabic.group(0)}”(mixed number style)"
        )


_NAME_MARK = re.compile("[“「《”」》]")


def _outside_names(text: str) -> str:
    """``text`` with what stands inside “” 「」 《》 blanked out (names, titles, slogans); the
    marks of the outermost pair stay.  Same length as ``text``."""
    pieces, level, last = [], 0, 0
    for m in _NAME_MARK.finditer(text):
        at, mark = m.start(), m.group(0)
        pieces.append(" " * (at - last) if level else text[last:at])
        opening = mark in "“「《"
        level += opening
        pieces.append(" " if level and not opening else mark)
        level -= not opening and level > 0
        last = at + 1
    pieces.append(" " * (len(text) - last) if level else text[last:])
    return "".join(pieces)


_NPC = ("主任、副主任、秘书长、各位委员", "主任、副主任、秘書長、各位委員")


def _frame(report: Report) -> Iterator[ReportHit]:
    """RR610: the frame lines belong to the audience."""
    first = report.preamble[0] if report.preamble else ""
    looks_like_frame = len(first) <= 30 and first.endswith(("：", ":")) and "。" not in first
    if report.audience != "npc" and first.rstrip("：:") in _NPC:
        yield ReportHit("RR610", ("preamble", 0), "这是向人大常委会报告的称谓：请用 audience: npc (salutation as text)")
    elif report.audience == "public" and looks_like_frame:
        yield ReportHit(
            "RR610",
            ("preamble", 0),
            "导语第一段像主送机关；向上级报送请用 audience: superior 和 addressee (addressee as text)",
        )
    if report.audience == "npc" and report.salutation and report.salutation not in _NPC:
        yield ReportHit("RR610", ("salutation",), f"称谓通常为“{_NPC[0]}”(unusual salutation)")


def _roles(report: Report) -> Iterator[ReportHit]:
    roles = report.roles
    for role in ("measures", "shortcomings", "next_year"):
        name = ROLE_NAMES[role]
        if role not in roles:
            yield ReportHit(
                "RR601", ("parts",), f"缺少法定内容“{name}”（没有 role: {role} 的部分）(statutory role missing)"
            )
    if "leader_duty" not in roles:
        texts = "".join(_text(p) for p in report.parts) + "".join(report.preamble)
        if not (any(w in texts for w in LEADER_WORDS) and any(w in texts for w in HEAD_WORDS)):
            yield ReportHit(
                "RR602",
                ("parts",),
                "没有党政主要负责人履行第一责任人职责的内容（无 role: leader_duty）(leader duty missing)",
            )


_YEAR = re.compile(r"(?<!\d)(19\d{2}|20\d{2})年(?!度?[—－-])")


def _years_outside_titles(text: str) -> list[int]:
    text = re.sub(r"《[^》]*》", "", text)
    text = re.sub(r"(19|20)\d{2}[—－-](19|20)\d{2}", "", text)
    text = re.sub(r"截至(19|20)\d{2}年", "", text)
    return [int(m.group(1)) for m in _YEAR.finditer(text)]


def _years(report: Report) -> Iterator[ReportHit]:
    title_years = _years_outside_titles(report.title)
    if title_years and report.year not in title_years:
        yield ReportHit(
            "RR403", ("title",), f"标题中的年份 {title_years[0]} 与 year: {report.year} 不一致 (year mismatch)"
        )
    if report.preamble:
        m = re.match(r"^\s*(19\d{2}|20\d{2})年", report.preamble[0])
        if m and int(m.group(1)) != report.year:
            yield ReportHit(
                "RR403", ("preamble", 0), f"导语开头的年份 {m.group(1)} 与 year: {report.year} 不一致 (year mismatch)"
            )
    for number, part in enumerate(report.parts):
        if part.role == "next_year":
            years = _years_outside_titles(part.title)
            if years and report.year + 1 not in years:
                yield ReportHit(
                    "RR403",
                    ("parts", number, "title"),
                    f"下一年度安排的标题年份应为 {report.year + 1} (plans year)",
                )


def _shortcomings(report: Report) -> Iterator[ReportHit]:
    measures = sum(_han(_text(p)) for p in report.parts if p.role == "measures")
    for number, part in enumerate(report.parts):
        if part.role != "shortcomings":
            continue
        text = _text(part)
        if not any(word in text for word in CAUSE_WORDS):
            yield ReportHit(
                "RR603", ("parts", number, "title"), "存在的不足没有分析原因（原因、主要是、由于……）(no causes)"
            )
        items = len(part.sections) + len(ITEM_MARK.findall("".join(part.paragraphs)))
        body = _han(text) - _han(part.title)
        # Thresholds (rules.md): fewer than 2 items, under 100 characters, or under 3 % of the
        # measures.  The seed has 3 items, 178 characters, 4.6 %: a 5 % or 300-character limit
        # would flag a report that is ordinary in practice.
        if items < 2 or body < 100 or (measures and body / measures < 0.03):
            yield ReportHit(
                "RR604",
                ("parts", number),
                f"存在的不足过于简略（{items} 条、{body} 字，占举措部分 {body / measures:.1%}）(thin shortcomings)"
                if measures
                else f"存在的不足过于简略（{items} 条、{body} 字）(thin shortcomings)",
            )
        elif any(b in text for b in BOILERPLATE) and not re.search(r"\d", text) and items < 2:
            yield ReportHit("RR604", ("parts", number), "存在的不足多为套话，没有具体领域或数据 (boilerplate)")


def _measures(report: Report) -> Iterator[ReportHit]:
    for number, part in enumerate(report.parts):
        if part.role != "measures":
            continue
        text = _text(part)
        chars = _han(text)
        density = len(QUANTITY.findall(text)) * 1000 / chars if chars else 0
        # Fewer than 3 quantities per 1,000 characters (the seed's parts: 4.3 to 20.9).
        if chars >= 200 and density < 3:
            yield ReportHit(
                "RR605", ("parts", number), f"举措部分数据偏少：每千字 {density:.1f} 个数量 (few quantities)"
            )
        if not any(word in text for word in CASE_WORDS):
            yield ReportHit(
                "RR606", ("parts", number), "举措部分没有具体事例（文件名称、典型案例等）(no concrete case)"
            )


def _dates(report: Report) -> Iterator[ReportHit]:
    if report.published is None:
        return
    deadline = datetime.date(report.year + 1, 4, 1)
    if report.published >= deadline:
        yield ReportHit(
            "RR608",
            ("published",),
            f"公开日期晚于 {report.year + 1}年4月1日 的期限 (published late)",
        )
    elif report.published.year <= report.year:
        yield ReportHit("RR608", ("published",), f"公开日期在报告年度 {report.year} 之内 (published within the year)")


_TITLE_YEAR = re.compile(r"\d{4}年")


def _title_form(title: str) -> bool:
    """“……YYYY年（度）……法治政府建设……报告”, in that order (string search: the pattern
    ``\\d{4}年.*法治政府建设.*报告`` would be quadratic on a long title)."""
    year = _TITLE_YEAR.search(title)
    if not year:
        return False
    body = max(title.find("法治政府建设", year.end()), title.find("法治政府建設", year.end()))
    return body >= 0 and max(title.rfind("报告"), title.rfind("報告")) > body


def _title(report: Report) -> Iterator[ReportHit]:
    title = report.title
    problems = []
    if not re.search(r"\d{4}", title):
        problems.append("没有年份")
    issuer_core = re.sub(r"(人民政府|政府)$", "", report.jurisdiction)
    if issuer_core and issuer_core not in title and report.issuer not in title:
        problems.append("没有发文机关或地区")
    if len(title) > 40:
        problems.append(f"长达 {len(title)} 字")
    if not _title_form(title):
        problems.append("不是“……YYYY年（度）法治政府建设……报告”的形式")
    if problems:
        yield ReportHit("RR609", ("title",), f"标题{'、'.join(problems)} (title form)")


def _balance(report: Report) -> Iterator[ReportHit]:
    body = sum(_han(_text(p)) for p in report.parts) + sum(_han(p) for p in report.preamble)
    measures = sum(_han(_text(p)) for p in report.parts if p.role == "measures")
    if body < 3000 or body > 20000:
        yield ReportHit("RR612", ("parts",), f"正文 {body} 字，不在 3000～20000 字之间 (body length)")
    elif measures / body > 0.85:
        yield ReportHit("RR612", ("parts",), f"举措部分占正文 {measures / body:.0%}，超过 85% (measures dominate)")


def _headings(report: Report) -> Iterator[ReportHit]:
    for number, part in enumerate(report.parts):
        styles = {s.style for s in part.sections}
        if len(styles) > 1:
            yield ReportHit(
                "RR613", ("parts", number, "sections"), "同一部分的小节混用了单独成行和段内标题 (mixed heading styles)"
            )
        for s_number, section in enumerate(part.sections):
            if section.style == "standalone" and section.title.endswith("。"):
                yield ReportHit(
                    "RR613",
                    ("parts", number, "sections", s_number, "title"),
                    "单独成行的标题末尾不加句号 (standalone heading ends with 。)",
                )
        if part.title.endswith("。"):
            yield ReportHit("RR613", ("parts", number, "title"), "单独成行的标题末尾不加句号 (heading ends with 。)")


def _run_on(report: Report) -> Iterator[ReportHit]:
    for number, part in enumerate(report.parts):
        for p_number, paragraph in enumerate(part.paragraphs):
            for sentence in re.split("[。？！]", paragraph):
                if len(sentence) > 150 and not re.search("[，；：]", sentence):
                    yield ReportHit(
                        "RR614", ("parts", number, "paragraphs", p_number), "长句超过 150 字没有停顿 (run-on)"
                    )
                    break


# Each check with the rule ids it can report (rolreport.check.registry holds the rules).
REPORT_RULES: list[tuple[tuple[str, ...], Callable[[Report], Iterator[ReportHit]]]] = [
    (("RR601", "RR602"), _roles), (("RR403",), _years), (("RR603", "RR604"), _shortcomings),
    (("RR605", "RR606"), _measures), (("RR608",), _dates), (("RR609",), _title), (("RR612",), _balance),
    (("RR613",), _headings), (("RR614",), _run_on), (("RR405",), _numbers), (("RR610",), _frame), (("RR607",), _plans),
]  # fmt: skip
