"""The report model: what a 法治政府建设年度报告 consists of, validated with pydantic v2.

The statute (《法治政府建设与责任落实督察工作规定》) fixes the *content* of the report, not its
order or headings, so every part carries a statutory ``role`` and a section may carry one too
(Changzhou puts its 第一责任人 content in section 一（三）).  Numbers are never written in the
source: each parent numbers its children when it is validated, so every ``Report`` that exists is
numbered and templates only read ``label``.

Field titles and descriptions are Chinese because they are what editors show on hover (the JSON
Schema is generated from these classes).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from rolreport import numbering
from rolreport.diagnostics import printable
from rolreport.layout import RunIn, run_in
from rolreport.lexicon.chars import CONTROL
from rolreport.lexicon.roles import Role
from rolreport.lexicon.scripts import Script

Audience = Literal["public", "superior", "npc"]
HeadingStyle = Literal["standalone", "run-in"]


# The salutation of the version delivered to a people's congress standing committee, in each
# script family; used when the source does not give its own.
NPC_SALUTATION = {"zh-Hans": "主任、副主任、秘书长、各位委员", "zh-Hant": "主任、副主任、秘書長、各位委員"}


def _single_line(value: str) -> str:
    """Paragraphs and titles are one line each: a line break inside one is a typing accident
    (and a folded ``>`` block would join Chinese lines with spaces)."""
    if "\n" in value or "\r" in value:
        raise PydanticCustomError(
            "line_break",
            "一段文字中不能换行；另起一段请在列表中新增一项（“- ”）(line break inside a paragraph)",
        )
    return value


def _no_control_characters(value: str) -> str:
    """A control character (written as an escape such as ``"\\x0b"`` or ``"\\e"``) is never
    wanted in a report: Word refuses it, and copied into an output or onto a terminal, ESC
    sequences retitle or clear the reader's screen."""
    found = CONTROL.search(value)
    if found:
        raise PydanticCustomError(
            "control_character",
            "文字中有控制字符 {char}（第 {offset} 个字符）：请删除 (control character in text)",
            {"char": printable(found.group()), "offset": found.start() + 1},
        )
    return value


def _not_a_boolean(value: object) -> object:
    """``year: true`` is a typing accident, not the year 1 (pydantic would take it as 1)."""
    if isinstance(value, bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


def _no_hand_numbering(value: str) -> str:
    number = numbering.hand_numbering(value)
    if number:
        raise PydanticCustomError(
            "hand_numbering",
            "标题不能以手写编号“{number}”开头：编号由 rolreport 自动生成，请删去 (hand-written numbering)",
            {"number": number},
        )
    return value


def _no_trailing_colon(value: str) -> str:
    """The renderer adds the full-width colon of an addressee or salutation line itself."""
    return value.rstrip("：:").rstrip()


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    AfterValidator(_single_line),
    AfterValidator(_no_control_characters),
]
Paragraph = Annotated[
    Text,
    Field(title="段落", description="一个自然段，一行文字；不要写段首空格"),
]
Title = Annotated[
    Text,
    AfterValidator(_no_hand_numbering),
    Field(title="标题", description="不含编号的标题，如“不断提升立法质效”；编号（一、（一）1.（1））自动生成"),
]
FrameLine = Annotated[Text, AfterValidator(_no_trailing_colon)]
Phrase = Annotated[str, AfterValidator(_no_control_characters)]  # conversion overrides and protected terms


class Base(BaseModel):
    """Unknown keys are errors (a misspelt ``paragraph:`` must not silently drop text)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class _Numbered(Base):
    _label: str = PrivateAttr(default="")

    @property
    def label(self) -> str:
        """The number the renderer prints before the title, e.g. ``一、`` or ``（三）``."""
        return self._label

    @property
    def run_in(self) -> RunIn:
        """The lead of a run-in heading: ``（一）标题。`` before the first paragraph."""
        return run_in(self._label, getattr(self, "title", None) or "")


def _number(children: Sequence[_Numbered], fmt: Callable[[int], str]) -> None:
    for index, child in enumerate(children, 1):
        child._label = fmt(index)


class SubItem(_Numbered):
    """Level 4, numbered （1）（2）…"""

    title: Title | None = Field(
        default=None, title="小标题", description="可选；写出时以“（1）标题。正文”的形式排在正文前"
    )
    paragraphs: list[Paragraph] = Field(default_factory=list, title="段落")

    @model_validator(mode="after")
    def _has_content(self) -> Self:
        if not self.title and not self.paragraphs:
            raise PydanticCustomError("empty_item", "条目没有内容：至少需要 title 或 paragraphs (empty item)")
        return self


class Item(SubItem):
    """Level 3, numbered 1. 2. …; may hold level-4 sub-items."""

    items: list[SubItem] = Field(default_factory=list, title="下级条目", description="第四层，编号（1）（2）…")

    @model_validator(mode="after")
    def _number_children(self) -> Self:
        _number(self.items, numbering.subitem_label)
        return self


class Section(_Numbered):
    """Level 2, numbered （一）（二）…, restarting in each part."""

    title: Title
    role: Role | None = Field(
        default=None,
        title="法定内容",
        description="可选；当本节承载某项法定内容时填写，如常州“一（三）全面压紧压实法治建设责任”为 leader_duty",
    )
    heading: HeadingStyle | None = Field(
        default=None,
        title="标题样式",
        description="standalone：标题单独成行；run-in：“（一）标题。正文”同段。省略时取报告的 section_heading",
    )
    paragraphs: list[Paragraph] = Field(default_factory=list, title="段落")
    items: list[Item] = Field(default_factory=list, title="条目", description="第三层，编号 1. 2. …")
    _style: HeadingStyle = PrivateAttr(default="standalone")

    @property
    def style(self) -> HeadingStyle:
        """The heading style in effect (its own, or the report's ``section_heading``)."""
        return self._style

    @model_validator(mode="after")
    def _check(self) -> Self:
        if not self.paragraphs and not self.items:
            raise PydanticCustomError("empty_section", "小节没有内容：至少需要 paragraphs 或 items (empty section)")
        _number(self.items, numbering.item_label)
        return self


class Part(_Numbered):
    """Level 1, numbered 一、二、…"""

    title: Title
    role: Role = Field(
        title="法定内容",
        description=(
            "本部分对应的法定内容：measures 主要举措和成效；leader_duty 第一责任人职责；"
            "shortcomings 存在的不足和原因；next_year 下一年度主要安排；other 其他需要报告的情况"
        ),
    )
    paragraphs: list[Paragraph] = Field(default_factory=list, title="段落", description="排在各小节之前的段落")
    sections: list[Section] = Field(default_factory=list, title="小节", description="第二层，编号（一）（二）…")

    @model_validator(mode="after")
    def _check(self) -> Self:
        if not self.paragraphs and not self.sections:
            raise PydanticCustomError("empty_part", "这一部分没有内容：至少需要 paragraphs 或 sections (empty part)")
        _number(self.sections, numbering.section_label)
        return self


class ConversionSettings(Base):
    """How this report converts to other scripts (``build --script``, ``convert``).

    The same table can stand in a project's ``.rolreport.toml`` (``[conversion]``) or
    ``pyproject.toml`` (``[tool.rolreport.conversion]``); the report's settings win.
    """

    builtin_fixes: bool = Field(
        default=True,
        title="内置修正",
        description="是否应用 rolreport 内置的 OpenCC 错误修正（如 编发→編發、云上复议→雲上複議）",
    )
    overrides: dict[Script, dict[Phrase, Phrase]] = Field(
        default_factory=dict,
        title="词语覆盖",
        description="按目标文字列出“原文词语: 转换结果”，优先于 OpenCC，如 zh-Hant-TW: {云上复议: 雲上復議}",
    )
    protect: list[Phrase] = Field(
        default_factory=list, title="保护词语", description="任何转换中都原样保留的词语（人名、文件名称等）"
    )
    quotes: Literal["keep", "regional"] | None = Field(
        default=None,
        title="引号",
        description="keep 保留原引号（默认）；regional 台湾、香港文字用「」『』，简体和 OpenCC 繁体用“”‘’",
    )


class Closing(Base):
    """The signature block under the text (GB/T 9704 §7.3.5): issuer, then the date."""

    issuer: Text = Field(title="落款单位", description="如“常州市人民政府”")
    date: datetime.date = Field(title="成文日期", description="YYYY-MM-DD；输出为“2025年3月28日”，不补零")


class Report(Base):
    """A 法治政府建设年度报告."""

    model_config = ConfigDict(
        title="法治政府建设年度报告",
        json_schema_extra={"description": "rolreport 报告源文件（YAML）。编号由 rolreport 自动生成，不要手写。"},
    )

    title: Annotated[
        Text,
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "minLength": 1},
                    {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": 1},
                ]
            }
        ),
    ] = Field(
        title="报告标题",
        description="如“常州市2024年法治政府建设年度报告”；需要指定回行时写成列表，每项一行，"
        "如 [常州市人民政府关于2024年度, 法治政府建设情况的报告]",
    )
    issuer: Text = Field(title="发文机关", description="如“常州市人民政府”")
    jurisdiction: Text = Field(title="行政区域或部门", description="如“常州市”")
    year: Annotated[int, BeforeValidator(_not_a_boolean)] = Field(
        ge=1990, le=2100, title="报告年度", description="所报告的年度，如 2024"
    )
    script: Script = Field(
        title="文字",
        description="源文本的文字：zh-Hans 简体；zh-Hant 繁体（OpenCC 标准）；zh-Hant-TW 台湾字形；zh-Hant-HK 香港字形",
    )
    published: datetime.date | None = Field(default=None, title="公开日期", description="YYYY-MM-DD")
    audience: Audience = Field(
        default="public",
        title="行文对象",
        description="public 网上公开版；superior 向上级报送（需 addressee 主送机关）；npc 向人大常委会报告（称谓）",
    )
    addressee: FrameLine | None = Field(
        default=None, title="主送机关", description="audience 为 superior 时填写，如“江苏省人民政府”；冒号自动添加"
    )
    session_note: FrameLine | None = Field(
        default=None,
        title="会议说明",
        description="audience 为 npc 时标题下的说明，如“——2025年3月20日在市十七届人大常委会第十五次会议上”",
    )
    salutation: FrameLine | None = Field(
        default=None, title="称谓", description="audience 为 npc 时的称谓；省略时为“主任、副主任、秘书长、各位委员”"
    )
    doc_number: Text | None = Field(default=None, title="发文字号", description="如“常政发〔2025〕3号”")
    section_heading: HeadingStyle = Field(
        default="standalone",
        title="小节标题样式",
        description="各小节的默认标题样式：standalone 单独成行；run-in“（一）标题。正文”同段",
    )
    closing: Closing | None = Field(default=None, title="落款", description="正文后的发文机关署名和成文日期")
    conversion: ConversionSettings | None = Field(
        default=None, title="文字转换", description="转换为其他文字时的词语覆盖、保护词语和引号设置"
    )
    preamble: list[Paragraph] = Field(default_factory=list, title="导语", description="第一部分之前的段落")
    parts: list[Part] = Field(min_length=1, title="各部分", description="第一层，编号一、二、…")

    _title_lines: tuple[str, ...] = PrivateAttr(default=())

    @model_validator(mode="wrap")
    @classmethod
    def _title_as_lines(cls, data: object, handler: ModelWrapValidatorHandler[Self]) -> Self:
        """``title:`` given as a list is the title broken into lines by its author."""
        lines: tuple[str, ...] = ()
        if isinstance(data, dict) and isinstance(data.get("title"), list):
            raw = data["title"]
            if raw and all(isinstance(line, str) and line.strip() for line in raw):
                lines = tuple(line.strip() for line in raw)
                data = {**data, "title": "".join(lines)}
        report = handler(data)
        if lines:
            report._title_lines = lines
        return report

    @property
    def title_lines(self) -> list[str]:
        """The lines the source gave the title, or [] (then the layout's seams decide)."""
        return list(self._title_lines)

    @model_validator(mode="after")
    def _frame_and_numbers(self) -> Self:
        frame_fields = {"addressee": "superior", "session_note": "npc", "salutation": "npc"}
        for name, needs in frame_fields.items():
            if getattr(self, name) is not None and self.audience != needs:
                raise PydanticCustomError(
                    "frame_mismatch",
                    "{field} 只用于 audience: {needs}（现在是 {audience}）({field} belongs to audience {needs})",
                    {"field": name, "needs": needs, "audience": self.audience, "at": name},
                )
        if self.audience == "superior" and not self.addressee:
            raise PydanticCustomError(
                "frame_missing",
                "audience: superior 需要 addressee（主送机关，如“江苏省人民政府”）(superior needs an addressee)",
                {"at": "audience"},
            )
        _number(self.parts, numbering.part_label)
        for part in self.parts:
            for section in part.sections:
                section._style = section.heading or self.section_heading
        return self

    @property
    def lang(self) -> str:
        """The BCP 47 tag of the text, for ``<html lang>``."""
        return self.script

    @property
    def is_traditional(self) -> bool:
        return self.script != "zh-Hans"

    @property
    def salutation_line(self) -> str:
        family = "zh-Hant" if self.is_traditional else "zh-Hans"
        return self.salutation or NPC_SALUTATION[family]

    @property
    def roles(self) -> set[str]:
        """Every statutory role the report declares, on parts and on sections."""
        found: set[str] = {part.role for part in self.parts}
        found.update(s.role for part in self.parts for s in part.sections if s.role)
        return found
