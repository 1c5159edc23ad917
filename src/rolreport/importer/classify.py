"""Lines of a published report → the report model's data, with notes on every guess.

Recognised (both scripts): a title (also split over two lines, or derived from the issuer and
year the text names), a 文号, a session note and salutation (people's-congress version), an
addressee line ending in ：, the preamble, parts ``一、`` (also ``一.`` ``一，`` with or without a
space), sections ``（一）``/``(一)`` standalone or run-in (the title ends at the first 。), items
``1.`` ``1、`` and ``（1）``, and a closing issuer/date block.  ``一是……二是……`` stays prose.  Web
chrome is dropped and listed; a line that fits nowhere is kept as a paragraph and listed.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from rolreport.lexicon import chrome, places
from rolreport.lexicon.chars import is_han
from rolreport.lexicon.roles import HEAD_WORDS, LEADER_WORDS, TITLE_ROLE_WORDS, TITLE_WORDS

_CN = "一二三四五六七八九十"
PART = re.compile(f"^([{_CN}]{{1,3}})\\s*[、.．，,]\\s*(.+)$")
SECTION = re.compile(f"^[（(]\\s*([{_CN}]{{1,3}})\\s*[)）]\\s*[、.．]?\\s*(.*)$")
ITEM = re.compile(r"^(\d{1,2})\s*[.．、]\s*(?!\d)(.+)$")
SUBITEM = re.compile(r"^[（(]\s*(\d{1,2})\s*[)）]\s*(.+)$")
DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
DOC_NUMBER = re.compile(r"^\S{1,16}[〔\[【﹝(（]\s*\d{4}\s*[〕\]】﹞)）]\s*第?\d+\s*[号號]$")
_SIGNER = re.compile(r"^[签簽][发發]人[：:]\s*\S{1,12}$")
NPC_SALUTATION = re.compile(r"^主任、副主任、秘[书書]长?長?、各位委[员員][：:]$")

# Web-page chrome on government portals, both scripts (rolreport.lexicon.chrome).  A line made
# only of chrome phrases, chrome tokens and separators is chrome; so is a short line that starts
# like a page header.
_CHROME_WORDS = [*chrome.PHRASES, *chrome.LABELS, *chrome.TOKENS]
_CHROME_ONLY = re.compile(
    "(?:" + "|".join(map(re.escape, sorted(_CHROME_WORDS, key=len, reverse=True))) + r"|[\s|｜:：【】\[\]·/])+"
)

_PLACE_END = "省市县縣区區州盟旗镇鎮乡鄉"
_NOT_PLACE = (
    "全市",
    "全省",
    "全县",
    "全縣",
    "全区",
    "全區",
    "我市",
    "本市",
    "各市",
    "该市",
    "該市",
    "在省",
    "市县",
    "市縣",
    "省市",
)


def _place(text: str) -> str | None:
    """The place the text is about: of the names ending in 市/县/区/州… (2–5 characters) that
    occur at least half as often as the most frequent one, the longest (常州市 over 常州 and 州市)."""
    counts: dict[str, int] = {}
    for m in re.finditer(f"[{_PLACE_END}]", text):
        end = m.end()
        for length in range(2, 6):
            candidate = text[max(0, end - length) : end]
            if len(candidate) < length or not all(is_han(ch) for ch in candidate):
                break
            if candidate.startswith(_NOT_PLACE) or candidate[:1] in "在对對由各全本我该該其":
                continue
            counts[candidate] = counts.get(candidate, 0) + 1
    counts = {c: n for c, n in counts.items() if _division(c, strict=True) == c}
    if not counts:
        return None
    top = max(counts.values())
    eligible = [c for c, n in counts.items() if (n >= top / 2 and n >= 2) or n == top]
    return max(eligible, key=lambda c: (len(c), counts[c]))


@dataclass
class Notes:
    dropped: list[tuple[int, str]] = field(default_factory=list)
    unclassified: list[tuple[int, str, str]] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)


@dataclass
class _Line:
    number: int
    text: str


def clean(line: str) -> str:
    return line.replace("\xa0", " ").replace("\u200b", "").replace("\ufeff", "").strip(" \t\u3000")


def is_chrome(text: str) -> bool:
    """Furniture wherever it stands: a line of chrome words only, or a line whose form is chrome
    (lexicon.chrome.is_chrome_line: metadata, trails, stamps, bars)."""
    return bool(_CHROME_ONLY.fullmatch(text)) or chrome.is_chrome_line(text)


# A line that names the report: a report word (报告, 情况, 总结) with what it reports on.
_SUBJECT_WORDS = ("法治", "依法行政", "法制")


def names_report(text: str) -> bool:
    return (
        len(text) <= 60
        and not _ends_sentence(text)
        and any(w in text for w in TITLE_WORDS)
        and any(w in text for w in _SUBJECT_WORDS)
        and not PART.match(text)
        and not SECTION.match(text)
    )


_ORGAN_LINE = re.compile("^[\u4e00-\u9fff]{2,20}(?:厅|廳|局|部|委员会|委員會|办公室|辦公室|人民政府|政府)$")


def _ends_sentence(text: str) -> bool:
    return text.endswith(("。", "；", "，", "：", ":", ";", ",", "！", "？"))


def _split_run_in(rest: str, max_title: int | None = None) -> tuple[str, str | None]:
    """``标题。正文`` → (标题, 正文): the title ends at the first 。 (or at a ？/！ before it, which
    stays part of the title, as the renderer writes it)."""
    m = re.search("[。？！]", rest)
    if m:
        title = rest[: m.start()] if m.group(0) == "。" else rest[: m.end()]
        body = rest[m.end() :].strip()
        if body and (max_title is None or len(title) <= max_title):
            return title.strip(), body
    return rest, None


def _role(title: str) -> str | None:
    for role, words in TITLE_ROLE_WORDS:
        if any(word in title for word in words):
            return role
    return None


_PART_MARK = re.compile(f"(?<![第{_CN}\\d])([{_CN}]{{1,3}})、")
_SECTION_MARK = re.compile(f"[（(]([{_CN}]{{1,3}})[)）]")
_LOST_INDENT = re.compile(r"^(?:\?{2,}|？{2,})(?=[^?？\s])")
_BARE_ITEM = re.compile(r"^(\d{1,2})(?=[\u4e00-\u9fff])(?![\d.．、])(?!\d*[年月日个項项次件名家条條份])")


def _split_at_sequence(text: str, mark: re.Pattern[str]) -> list[str]:
    """``text`` cut before each mark that continues the sequence 一, 二, 三 … (at least two)."""
    from rolreport.numbering import chinese_numeral

    cuts, expected = [], 1
    for m in mark.finditer(text):
        if m.group(1) == chinese_numeral(expected):
            cuts.append(m.start())
            expected += 1
    if len(cuts) < 2:
        return [text]
    bounds = [0, *cuts, len(text)] if cuts[0] > 0 else [*cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _split_run_on(raw_lines: list[str], notes: Notes) -> list[str]:
    """A text published with no line breaks (one long line holding 一、…二、…, and no part
    heading on a line of its own anywhere) is split at its consistent sequences of part and
    section numbers; each split is listed."""
    if any(PART.match(clean(raw)) for raw in raw_lines):
        return raw_lines  # the text has its part headings on lines of their own
    out: list[str] = []
    for number, raw in enumerate(raw_lines, 1):
        if len(raw) < 200 or len(_PART_MARK.findall(raw)) < 2:
            out.append(raw)
            continue
        pieces = [s for part in _split_at_sequence(raw, _PART_MARK) for s in _split_at_sequence(part, _SECTION_MARK)]
        if len(pieces) > 1:
            notes.guesses.append(f"第 {number} 行没有换行：按“一、”“（一）”编号拆成 {len(pieces)} 行")
        out.extend(pieces)
    return out


def classify(raw_lines: list[str], notes: Notes) -> dict[str, Any]:
    raw_lines = _split_run_on(raw_lines, notes)
    lines: list[_Line] = []
    for number, raw in enumerate(raw_lines, 1):
        text = clean(raw)
        if not text:
            continue
        if lost := _LOST_INDENT.match(text):
            # ?? where a bad conversion lost the full-width indent: the residue goes, listed.
            notes.guesses.append(f"第 {number} 行行首的“{lost.group(0)}”是编码转换丢失的缩进，已删除")
            text = text[lost.end() :]
        if text.startswith(("?", "？")) and not _LOST_INDENT.match(text):
            notes.unclassified.append(
                (number, text, "行首的“?”像编码错误造成的乱码标题，保留为段落，请核对原文 (mangled heading?)")
            )
        if is_chrome(text):
            notes.dropped.append((number, raw.strip()))
            continue
        glued = chrome.HEADER_PREFIX.match(text)
        if glued and len(text) - glued.end() > 40 and len(lines) < 8:
            # A page counter glued to the first paragraph (访问次数:2024年，…): the counter goes.
            notes.guesses.append(f"第 {number} 行行首的网页残留“{glued.group(0).strip()}”已删除")
            text = text[glued.end() :]
        lines.append(_Line(number, text))
    # The page's footer: short unnumbered lines after the last sentence (相关词条 / 联系我们).
    last_sentence = max((k for k, ln in enumerate(lines) if _ends_sentence(ln.text)), default=-1)
    while last_sentence >= 0 and len(lines) - 1 > last_sentence and _footer_like(lines[-1].text):
        notes.dropped.append((lines[-1].number, lines[-1].text))
        lines.pop()

    first_part = next((i for i, ln in enumerate(lines) if PART.match(ln.text)), len(lines))
    data: dict[str, Any] = {}
    head = lines[:first_part]
    body = lines[first_part:]
    if body:
        closing, body = _closing(body)
    else:
        closing, head = _closing(head)
    _head(head, data, notes)
    umbrella: list[str] = []
    data["parts"] = _parts(body, notes, umbrella)
    if umbrella:
        data["preamble"] = [*data.get("preamble", []), *umbrella]
    if closing:
        data["closing"] = closing
    return data


def _footer_like(text: str) -> bool:
    return (
        len(text) <= 8
        and not re.search("[。，；：:！？、]", text)
        and not (PART.match(text) or SECTION.match(text) or ITEM.match(text) or DATE.match(text))
    )


def _closing(lines: list[_Line]) -> tuple[dict[str, Any] | None, list[_Line]]:
    if not lines:
        return None, lines
    m = DATE.match(lines[-1].text)
    if not m:
        return None, lines
    date = f"{int(m[1]):04d}-{int(m[2]):02d}-{int(m[3]):02d}"
    issuer = None
    rest = lines[:-1]
    if rest and len(rest[-1].text) <= 30 and not _ends_sentence(rest[-1].text) and not PART.match(rest[-1].text):
        issuer = rest[-1].text
        rest = rest[:-1]
    return {"issuer": issuer, "date": date}, rest


def _head(lines: list[_Line], data: dict[str, Any], notes: Notes) -> None:
    lines = _find_title(lines, data, notes)
    i = 0
    preamble: list[str] = []
    while i < len(lines):
        text = lines[i].text
        # Still in the frame while nothing but a 签发人 line (kept as a paragraph: the model has
        # no field for it) stands before: the 文号 or addressee after it is the frame's.
        framing = all(_SIGNER.match(p) for p in preamble)
        if framing and DOC_NUMBER.match(text) and "doc_number" not in data:
            data["doc_number"] = text
        elif framing and text.startswith(("——", "—", "（", "(")) and ("会议" in text or "會議" in text):
            data["session_note"] = text
        elif framing and NPC_SALUTATION.match(text):
            data["audience"] = "npc"
            data["salutation"] = text.rstrip("：:")
        elif (
            framing
            and "addressee" not in data
            and len(text) <= 40
            and text.endswith(("：", ":"))
            and not re.search("[。，,]", text)
        ):
            data["audience"] = "superior"
            data["addressee"] = text.rstrip("：:")
        else:
            if len(text) <= 30 and not _ends_sentence(text):
                notes.unclassified.append(
                    (lines[i].number, text, "导语中的短行，保留为段落 (short line kept as a paragraph)")
                )
            preamble.append(text)
        i += 1
    if "session_note" in data and "audience" not in data:
        data["audience"] = "npc"
    if preamble:
        data["preamble"] = preamble


def _find_title(lines: list[_Line], data: dict[str, Any], notes: Notes) -> list[_Line]:
    """The title is the line (or two lines) among the first of the page that names the report,
    not the first line: what stands before it is the page's masthead and column names (法制查询,
    工作报告), dropped and listed; a later line repeating it is the page's headline twice.  The
    lines that remain are returned."""
    at = None
    for k, ln in enumerate(lines[:8]):
        joined = ln.text + lines[k + 1].text if k + 1 < len(lines) else ""
        split = joined and not names_report(lines[k + 1].text) and names_report(joined)  # 关于… / …的报告
        if names_report(ln.text) or (_title_like(ln.text) and split):
            at = k
            break
    if at is None:
        return lines
    title, start, end = lines[at].text, at, at + 1
    second = lines[at + 1].text if at + 1 < len(lines) else ""
    if (
        second
        and names_report(title + second)
        and _title_like(second)
        and not any(w in title for w in ("报告", "報告"))
        and any(w in second for w in TITLE_WORDS)  # the second line carries the report word
    ):
        title, end = title + second, at + 2  # 关于…法治政府 / 建设情况的报告
    if at > 0 and _ORGAN_LINE.match(lines[at - 1].text) and not title.startswith(lines[at - 1].text):
        title, start = lines[at - 1].text + title, at - 1  # 四川省交通运输厅 / 2025年…工作情况
    if end - start > 1:
        notes.guesses.append(f"标题由两行合并：第 {lines[start].number}—{lines[end - 1].number} 行")
    kept: list[_Line] = []
    for k, ln in enumerate(lines):
        if k < start:
            if _masthead(ln.text):
                notes.dropped.append((ln.number, ln.text))
            else:
                kept.append(ln)
        elif k >= end:
            if ln.text == title or (k < end + 3 and ln.text == lines[at].text):
                notes.dropped.append((ln.number, ln.text))  # the headline repeated
            else:
                kept.append(ln)
    data["title"] = title
    return kept


def _masthead(text: str) -> bool:
    """A line above the title that is no part of a report's frame: not a 文号, not an addressee
    (市人民政府：), not a session note."""
    return (
        len(text) <= 30
        and not _ends_sentence(text)
        and not DOC_NUMBER.match(text)
        and not text.startswith(("——", "—", "（", "("))
        and "签发" not in text
        and "簽發" not in text
    )


def _title_like(text: str) -> bool:
    return len(text) <= 45 and not _ends_sentence(text) and not PART.match(text) and not DATE.match(text)


def _parts(lines: list[_Line], notes: Notes, before: list[str]) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
    heading_lines: dict[int, _Line] = {}  # id(section) → its line, for a heading left without a body
    part_lines: list[_Line] = []
    section: dict[str, Any] | None = None
    item: dict[str, Any] | None = None
    subitem: dict[str, Any] | None = None

    def add_paragraph(text: str, number: int) -> None:
        target = subitem or item or section or (parts[-1] if parts else None)
        if target is None:  # cannot happen: body starts at a part heading
            return
        target.setdefault("paragraphs", []).append(text)

    for line in lines:
        text = line.text
        if m := PART.match(text):
            parts.append({"title": m[2].strip(), "role": None})
            part_lines.append(line)
            section = item = subitem = None
            continue
        if (m := SECTION.match(text)) and parts:
            rest = m[2].strip()
            if not rest:
                notes.unclassified.append((line.number, text, "小节编号后没有标题 (section number without a title)"))
                add_paragraph(text, line.number)
                continue
            title, paragraph = _split_run_in(rest)
            section = {"title": title, "heading": "run-in" if paragraph is not None else "standalone"}
            if paragraph is None:
                section["title"] = title  # a standalone heading keeps its 。, as published
            else:
                section["paragraphs"] = [paragraph]
            parts[-1].setdefault("sections", []).append(section)
            heading_lines[id(section)] = line
            item = subitem = None
            continue
        bare = _BARE_ITEM.match(text) if section is not None and not ITEM.match(text) else None
        if bare and section is not None and int(bare[1]) == len(section.get("items", [])) + 1:
            text = f"{bare[1]}.{text[bare.end() :]}"  # 1履行…: the sequence says it is item 1
            notes.guesses.append(f"第 {line.number} 行“{bare[1]}”后没有点号，按编号顺序作为条目")
        if (m := ITEM.match(text)) and section is not None:
            if not section.get("items") and int(m[1]) > 1:
                notes.guesses.append(
                    f"第 {line.number} 行：条目编号从 {m[1]} 起（原文跨小节连续编号），导入后每小节从 1 重新编号"
                )
            title, paragraph = _split_run_in(m[2].strip(), max_title=25)
            item = {"title": title, "paragraphs": [paragraph]} if paragraph is not None else {"paragraphs": [title]}
            section.setdefault("items", []).append(item)
            subitem = None
            continue
        if (m := SUBITEM.match(text)) and item is not None:
            title, paragraph = _split_run_in(m[2].strip(), max_title=25)
            subitem = {"title": title, "paragraphs": [paragraph]} if paragraph is not None else {"paragraphs": [title]}
            item.setdefault("items", []).append(subitem)
            continue
        if ITEM.match(text) or SUBITEM.match(text):
            notes.unclassified.append((line.number, text, "条目不在小节之内，保留为段落 (item outside a section)"))
        elif len(text) <= 30 and not _ends_sentence(text):
            notes.unclassified.append(
                (line.number, text, "像无编号的标题，保留为段落 (looks like an unnumbered heading)")
            )
        add_paragraph(text, line.number)
    for part in parts:
        _keep_bodiless_headings(part, heading_lines, notes)
    return _keep_bodiless_parts(parts, part_lines, notes, before)


def _keep_bodiless_parts(
    parts: list[dict[str, Any]], part_lines: list[_Line], notes: Notes, before: list[str]
) -> list[dict[str, Any]]:
    """A part heading with nothing under it cannot be a part (the validator refuses it, and import
    never writes what its validator refuses): a heading that runs on into a sentence (二、存在的
    不足。基层力量不足。) is cut at its first 。; otherwise its line is kept whole as a paragraph of
    the part before (the last line of a truncated page) or of the preamble, and listed."""
    kept: list[dict[str, Any]] = []
    for part, line in zip(parts, part_lines, strict=True):
        if part.get("paragraphs") or part.get("sections"):
            kept.append(part)
            continue
        title, body = _split_run_in(part["title"])
        if body is not None:
            part["title"], part["paragraphs"] = title, [body]
            kept.append(part)
        else:
            # Before any real part (一、2022年主要措施 / 一、强化领导责任) the line goes to the
            # preamble, which stands before every part: the order is kept.
            (kept[-1].setdefault("paragraphs", []) if kept else before).append(line.text)
            notes.unclassified.append(
                (line.number, line.text, "部分标题后没有正文，整行保留为段落 (part without a body)")
            )
    return kept


def _keep_bodiless_headings(part: dict[str, Any], heading_lines: dict[int, _Line], notes: Notes) -> None:
    """A section heading with nothing under it (the last line of a truncated page, or a run-in
    paragraph with no 。 to end its title) cannot be a section; its line is kept whole, number
    included, as a paragraph of what stands before it, and listed."""
    kept: list[dict[str, Any]] = []
    for section in part.get("sections", []):
        if section.get("paragraphs") or section.get("items"):
            kept.append(section)
            continue
        line = heading_lines[id(section)]
        target = kept[-1] if kept else part
        target.setdefault("paragraphs", []).append(line.text)
        notes.unclassified.append(
            (line.number, line.text, "小节编号后没有正文，整行保留为段落 (heading without a body)")
        )
    if kept:
        part["sections"] = kept
    else:
        part.pop("sections", None)


# ----------------------------------------------------------------------------------------------
# Guesses that need the whole text


def guess_roles(data: dict[str, Any], notes: Notes) -> None:
    parts = data.get("parts", [])
    later = False  # after the shortcomings or plans, a topical part is "other"
    for number, part in enumerate(parts):
        role = _role(part["title"])
        if role is None:
            role = "other" if later else "measures"
            notes.guesses.append(f"parts[{number}]（{part['title'][:16]}）→ {role}（按位置）")
        else:
            notes.guesses.append(f"parts[{number}]（{part['title'][:16]}）→ {role}（按标题）")
        later = later or role in ("shortcomings", "next_year")
        part["role"] = role
    if any(p["role"] == "leader_duty" for p in parts):
        return
    for number, part in enumerate(parts):
        for s_number, section in enumerate(part.get("sections", [])):
            first = (section.get("paragraphs") or [""])[0].split("。", 1)[0]
            if _role(section["title"]) == "leader_duty" or (
                any(w in first for w in LEADER_WORDS) and any(w in first for w in HEAD_WORDS)
            ):
                section["role"] = "leader_duty"
                notes.guesses.append(f"parts[{number}].sections[{s_number}]（{section['title'][:16]}）→ leader_duty")
                return


def settle_headings(data: dict[str, Any]) -> None:
    """The most common section style becomes the report's default; the others say their own."""
    sections = [s for p in data.get("parts", []) for s in p.get("sections", [])]
    styles = [s["heading"] for s in sections]
    default = max(("standalone", "run-in"), key=styles.count) if styles else "standalone"
    if default != "standalone":
        data["section_heading"] = default
    for section in sections:
        if section["heading"] == default:
            del section["heading"]


_HAN_RUN = "[\u4e00-\u9fff]"
_DEPT_SUFFIX = ("局", "厅", "廳", "委员会", "委員會", "办公室", "辦公室", "办事处", "辦事處", "部", "署", "院", "中心")
_GOVERNMENT = re.compile("(?:人民政府|政府)$")
# What a year in the text may belong to without being the report's year: a title in 《》, a note
# in brackets (（2021—2025年）), a span of years.
_NOT_THE_YEAR = re.compile(
    r"《[^》]*》|[（(][^（）()]{0,30}[）)]|(?:19|20)\d{2}\s*年?\s*[—－\-–~～至到]\s*(?:19|20)\d{2}"
)
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# The subject of the first sentence (2020年，长治市人力资源和社会保障局深入学习……; 2019年，在……领导下，
# 南昌县全面贯彻……): who reports, when the page shows no title.
_VERBS = ("坚持", "堅持", "深入", "全面", "认真", "認真", "以习", "以習", "在", "围绕", "圍繞", "按照", "紧紧", "緊緊",
          "始终", "始終", "积极", "積極", "聚焦", "笃学", "篤學", "严格", "嚴格", "持续", "持續", "不断", "不斷", "切实",
          "切實", "扎实", "扎實", "紮實", "牢固", "高度", "着力", "著力", "立足", "统筹", "統籌")  # fmt: skip
_SUBJECT = re.compile(
    "^(?:(?:19|20)\\d{2}\\s*年度?(?:以来|以來)?[，,]\\s*)?(?:在[^，,。]{0,60}?下[，,]\\s*)?"
    f"({_HAN_RUN}{{2,30}}?)(?=" + "|".join(_VERBS) + ")"
)


def _is_place(name: str) -> bool:
    return bool(places.PLACE_NAME.fullmatch(name)) and not name.startswith(_NOT_PLACE)


def _is_department(name: str) -> bool:
    """A department with its place (呼中区教育局, 浙江省交通运输厅), not a bare 市人社局 or 我局."""
    place = places.PLACE_NAME.match(name)
    return place is not None and place.end() >= 3 and name.endswith(_DEPT_SUFFIX) and len(name) - place.end() >= 2


def _division(name: str, strict: bool) -> str | None:
    """``name`` as the gazetteer knows it (lexicon.places: 京市江宁区 → 南京市江宁区, 关于杭州市 →
    杭州市), in the text's own script.  A name the list does not hold is kept only when it comes
    from a title (``strict`` false: 呼中区 is below the list's reach) and has the form of one."""
    from rolreport.convert import opencc_converter

    simplified = opencc_converter("t2s").convert(name) if not name.isascii() else name
    found = places.place_name(simplified)
    if found is not None and found != simplified and simplified.endswith(found):
        return name[len(name) - len(found) :]  # words before the place dropped, script kept
    if found is not None:
        return found if simplified == name else name
    return None if strict or not _is_place(name) else name


def _issuer_and_place(name: str, strict: bool = False) -> tuple[str | None, str | None]:
    """(issuer, jurisdiction) that a name gives: 石家庄市人民政府 → both; 呼中区教育局 → the
    department and 呼中区; 静海区 → 静海区人民政府 and 静海区; anything else → nothing.  From
    free text (``strict``) a place must be in the gazetteer."""
    name = name.strip()
    if government := _GOVERNMENT.search(name):
        place = _division(name[: government.start()], strict)
        return (place + government.group(0), place) if place else (None, None)
    if _is_department(name):
        leading = places.PLACE_NAME.match(name)
        place = _division(leading.group(0), strict) if leading else None
        return (name, place) if place or not strict else (None, None)
    place = _division(name, strict) if len(name) >= 2 else None
    return None, place


def guess_metadata(data: dict[str, Any], text: str, notes: Notes) -> None:
    """Year, jurisdiction and issuer: from the title or the closing first, then from the first
    sentences; never from a page date (the page is not the report) or a plan period."""
    title = data.get("title", "")
    preamble = data.get("preamble", [])
    first_part = (data.get("parts") or [{}])[0].get("title", "")
    year = None
    if m := _YEAR_IN_TEXT.search(_NOT_THE_YEAR.sub("", title)):
        year = int(m[1])
    elif m := _YEAR_IN_TEXT.search(_NOT_THE_YEAR.sub("", "".join(preamble[:2]) + first_part)):
        year = int(m[1])
        notes.guesses.append(f"年度 {year}（取自导语）")
    if year:
        data["year"] = year

    issuer = (data.get("closing") or {}).get("issuer")
    jurisdiction = None
    candidates: list[str] = []
    if m := re.match("^(.{2,30}?)(?:关于|關於)", title):
        candidates.append(m[1])
    if m := re.match(r"^(.{2,24}?)(?:19|20)\d{2}\s*年", title):
        candidates.append(m[1])
    if m := re.match(r"^(?:19|20)\d{2}\s*年度?(.{2,16}?)(?:法治|依法|法制)", title):
        candidates.append(m[1])
    for candidate in candidates:
        found_issuer, found_place = _issuer_and_place(candidate)
        issuer = issuer or found_issuer
        jurisdiction = jurisdiction or found_place
    if not issuer and not jurisdiction and preamble and (m := _SUBJECT.match(preamble[0])):
        issuer, jurisdiction = _issuer_and_place(m[1], strict=True)
        if issuer or jurisdiction:
            notes.guesses.append(f"{'发文机关' if issuer else '地区'}“{issuer or jurisdiction}”（取自导语第一句）")
    if issuer and not jurisdiction:
        jurisdiction = _issuer_and_place(issuer, strict=True)[1]
    if not jurisdiction and not issuer:
        jurisdiction = _place(text)
        if jurisdiction:
            notes.guesses.append(f"地区“{jurisdiction}”（取自正文）")
    if jurisdiction:
        data["jurisdiction"] = jurisdiction
        if not issuer:
            issuer = jurisdiction + "人民政府"
            notes.guesses.append(f"发文机关“{issuer}”（由地区推定，请核对）")
    if issuer:
        data["issuer"] = issuer
        if data.get("closing") and not data["closing"].get("issuer"):
            data["closing"]["issuer"] = issuer
