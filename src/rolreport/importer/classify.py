"""Lines of a published report → the report model's data, with notes on every guess.

Recognised (both scripts): a title (also split over two lines, or derived from the issuer and
year the text names), a 文号, a session note and salutation (people's-congress version), an
addressee line ending in ：, the preamble, parts ``一、`` (also ``一.`` ``一，`` with or without a
space), sections ``（一）``/``(一)`` standalone or run-in (the title ends at the first 。), items
``1.`` ``1、`` and ``（1）``, and a closing issuer/date block.  ``一是……二是……`` stays prose.  Web
chrome is dropped and listed; a line that fits nowhere is kept as a paragraph and listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rolreport.lexicon import chrome
from rolreport.lexicon.chars import is_han
from rolreport.lexicon.roles import HEAD_WORDS, LEADER_WORDS, TITLE_ROLE_WORDS, TITLE_WORDS

_CN = "一二三四五六七八九十"
PART = re.compile(f"^([{_CN}]{{1,3}})\\s*[、.．，,]\\s*(.+)$")
SECTION = re.compile(f"^[（(]\\s*([{_CN}]{{1,3}})\\s*[)）]\\s*[、.．]?\\s*(.*)$")
ITEM = re.compile(r"^(\d{1,2})\s*[.．、]\s*(?!\d)(.+)$")
SUBITEM = re.compile(r"^[（(]\s*(\d{1,2})\s*[)）]\s*(.+)$")
DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
DOC_NUMBER = re.compile(r"^\S{1,16}[〔\[【﹝(（]\s*\d{4}\s*[〕\]】﹞)）]\s*第?\d+\s*[号號]$")
NPC_SALUTATION = re.compile(r"^主任、副主任、秘[书書]长?長?、各位委[员員][：:]$")

# Web-page chrome on government portals, both scripts (rolreport.lexicon.chrome).  A line made
# only of chrome phrases, chrome tokens and separators is chrome; so is a short line that starts
# like a page header.
_CHROME_WORDS = [*chrome.PHRASES, *chrome.LABELS, *chrome.TOKENS]
_CHROME_ONLY = re.compile(
    "(?:" + "|".join(map(re.escape, sorted(_CHROME_WORDS, key=len, reverse=True))) + r"|[\s|｜:：【】\[\]·/])+"
)
_CHROME_START = re.compile("^(?:" + "|".join(map(re.escape, chrome.HEADER_KEYS)) + ")[:：]?")
_BREADCRUMB = re.compile(r"(首页|首頁).{0,40}[>»›]")

_PLACE_END = "省市县縣区區州盟旗"
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
    if _CHROME_ONLY.fullmatch(text):
        return True
    return len(text) <= 80 and "。" not in text and bool(_CHROME_START.match(text) or _BREADCRUMB.search(text))


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


def classify(raw_lines: list[str], notes: Notes) -> dict[str, Any]:
    lines: list[_Line] = []
    for number, raw in enumerate(raw_lines, 1):
        text = clean(raw)
        if not text:
            continue
        if is_chrome(text):
            notes.dropped.append((number, raw.strip()))
            continue
        lines.append(_Line(number, text))

    first_part = next((i for i, ln in enumerate(lines) if PART.match(ln.text)), len(lines))
    data: dict[str, Any] = {}
    head = lines[:first_part]
    body = lines[first_part:]
    if body:
        closing, body = _closing(body)
    else:
        closing, head = _closing(head)
    _head(head, data, notes)
    data["parts"] = _parts(body, notes)
    if closing:
        data["closing"] = closing
    return data


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
    i = 0
    title = None
    if lines and _title_like(lines[0].text):
        title = lines[0].text
        i = 1
        if len(lines) > 1 and _title_like(lines[1].text) and not any(w in title for w in TITLE_WORDS[:2]):
            joined = title + lines[1].text
            if any(w in joined for w in TITLE_WORDS):
                title = joined
                i = 2
                notes.guesses.append(f"标题由两行合并：第 {lines[0].number}、{lines[1].number} 行")
    if title:
        data["title"] = title
    preamble: list[str] = []
    while i < len(lines):
        text = lines[i].text
        if not preamble and DOC_NUMBER.match(text) and "doc_number" not in data:
            data["doc_number"] = text
        elif not preamble and text.startswith(("——", "—", "（", "(")) and ("会议" in text or "會議" in text):
            data["session_note"] = text
        elif not preamble and NPC_SALUTATION.match(text):
            data["audience"] = "npc"
            data["salutation"] = text.rstrip("：:")
        elif (
            not preamble
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


def _title_like(text: str) -> bool:
    return len(text) <= 45 and not _ends_sentence(text) and not PART.match(text) and not DATE.match(text)


def _parts(lines: list[_Line], notes: Notes) -> list[dict[str, Any]]:
    parts: list[dict[str, Any]] = []
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
                section["title"] = title.rstrip("。")
            else:
                section["paragraphs"] = [paragraph]
            parts[-1].setdefault("sections", []).append(section)
            item = subitem = None
            continue
        if (m := ITEM.match(text)) and section is not None:
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
    return parts


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


def guess_metadata(data: dict[str, Any], text: str, notes: Notes) -> None:
    """Year, jurisdiction and issuer from the title, the closing and the text."""
    title = data.get("title", "")
    year = None
    if m := re.search(r"(19|20)(\d{2})\s*年", title):
        year = int(m[1] + m[2])
    elif m := re.search(r"(19|20)(\d{2})\s*年", "".join(data.get("preamble", []))):
        year = int(m[1] + m[2])
        notes.guesses.append(f"年度 {year}（取自导语）")
    if year:
        data["year"] = year
    issuer = (data.get("closing") or {}).get("issuer")
    if not issuer and (
        m := re.match(
            r"^(.{2,30}?(?:人民政府|政府|委员会|委員會|局|厅|廳|办公室|辦公室|管委会|管委會))关于|^(.{2,30}?(?:人民政府|政府))關於",
            title,
        )
    ):
        issuer = m[1] or m[2]
    jurisdiction = None
    if m := re.match(r"^(.{2,12}?)(?:19|20)\d{2}\s*年", title):
        jurisdiction = re.sub(r"(人民政府|政府)(关于|關於)?$", "", m[1])
    if not jurisdiction and issuer:
        jurisdiction = re.sub(r"(人民政府|政府)$", "", issuer)
    if not jurisdiction and (m := re.match(r"^(.{2,12}?)(?:关于|關於)?(?:19|20)?\d{0,2}年?度?法治政府", title)):
        jurisdiction = re.sub(r"(人民政府|政府)$", "", m[1])
    if not jurisdiction:
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
