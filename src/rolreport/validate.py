"""Validate parsed YAML into a :class:`~rolreport.model.Report`, locating every error.

pydantic reports errors by ``loc`` (a path of keys and indexes).  We walk that path through
ruamel.yaml's round-trip containers, whose ``.lc`` records the 0-based line and column of each
key and value, and turn each error into ``FILE:LINE:COL: message [yaml.path]``.  Messages are
chosen by the error *type* and its context, never by matching pydantic's English text, and are
written for a drafting clerk who reads Chinese.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from rolreport import yamlevents
from rolreport.diagnostics import Diagnostic, RolreportError, printable
from rolreport.model import ConversionSettings, Report
from rolreport.source import SourceText, compose_yaml, construct, construct_plain, read_source

# Keys a Chinese-speaking author may type by instinct, mapped to the real ones (hints only).
_CHINESE_KEYS = {
    "标题": "title", "標題": "title", "题目": "title", "發文機關": "issuer", "发文机关": "issuer",
    "年度": "year", "年份": "year", "文字": "script", "导语": "preamble", "導語": "preamble",
    "前言": "preamble", "部分": "parts", "段落": "paragraphs", "正文": "paragraphs", "小节": "sections",
    "小節": "sections", "条目": "items", "條目": "items", "角色": "role", "落款": "closing",
    "文号": "doc_number", "文號": "doc_number", "主送机关": "addressee", "主送機關": "addressee",
    "日期": "date", "称谓": "salutation", "稱謂": "salutation",
}  # fmt: skip

_TYPE_NAMES = {
    "str": "文字", "int": "整数", "float": "小数", "bool": "真假值", "NoneType": "空值",
    "list": "列表", "CommentedSeq": "列表", "dict": "映射", "CommentedMap": "映射",
    "date": "日期", "datetime": "日期时间", "TimeStamp": "日期时间", "TaggedScalar": "带 YAML 标签（!!…）的值",
    "ScalarInt": "整数", "ScalarFloat": "小数", "ScalarBoolean": "真假值", "bytes": "二进制数据（!!binary）",
    "CommentedSet": "集合（!!set）", "CommentedKeyMap": "映射", "CommentedKeySeq": "列表", "CommentedOrderedMap": "有序映射（!!omap）", "tuple": "列表",
}  # fmt: skip


@dataclass
class LoadedReport:
    source: SourceText
    data: Any  # the YAML's data: plain for a valid report (see constructed), else round-trip
    report: Report


def load_report(path: str, encoding: str | None = None) -> LoadedReport:
    """Read, parse and validate one report source; raise :class:`RolreportError` with all problems."""
    source = read_source(path, encoding)
    read = yamlevents.read(source.text)  # no node graph; None: the composed path must read it
    if read is not None:
        try:
            return LoadedReport(source, read.data, Report.model_validate(read.data))
        except ValidationError:
            pass  # the messages need the located construction
    constructor, root = compose_yaml(source)
    data, report, _ = constructed(source, constructor, root)
    return LoadedReport(source, data, report)


def conversion_settings(data: Any) -> tuple[str, ConversionSettings | None] | None:
    """A report's ``script`` and ``conversion`` validated as the report validates them (the
    same fields), without the rest; None when either is not valid.

    ``convert`` needs them before it converts, and validates the whole report once, converted:
    a source whose result is valid is converted in one validation; one whose result is not
    gets its own messages (see convertfile)."""
    try:
        settings = _settings_model().model_validate(data)
    except ValidationError:
        return None
    return settings.script, settings.conversion


@cache
def _settings_model() -> Any:  # a model made at run time: its fields are not known to mypy
    from pydantic import ConfigDict, create_model

    fields: Any = {
        name: (Report.model_fields[name].annotation, Report.model_fields[name]) for name in ("script", "conversion")
    }
    config = ConfigDict(**{**Report.model_config, "extra": "ignore"})  # the report's own, unknown keys aside
    return create_model("ConversionFields", __config__=config, **fields)


def constructed(source: SourceText, constructor: Any, root: Any) -> tuple[Any, Report, bool]:
    """The source's data and its report, and whether the data is plain.

    A valid report is built as plain data straight from the nodes (``source.construct_plain``)
    and validated as it is: ruamel's round-trip construction and the copy pydantic needs cost
    as much as parsing.  An invalid one (or one only ruamel can construct: a merge key, a tag)
    goes the located way, so that every message has its line and column.
    """
    fast = construct_plain(constructor, root)
    if fast is not None:
        try:
            return fast, Report.model_validate(fast), True
        except ValidationError:
            pass
    data = construct(source.name, constructor, root)
    return data, validate(source.name, data), False


def validate(name: str, data: Any) -> Report:
    try:
        return Report.model_validate(plain(data))
    except ValidationError as exc:
        located = [_diagnostic(name, data, dict(err)) for err in exc.errors()]
    # `titel:` yields both "unknown key titel, did you mean title?" and "missing title"; the
    # second adds nothing once the first is shown.
    suggested = {hint for _, _, hint in located if hint}
    raise RolreportError(
        [diagnostic for diagnostic, kind, _ in located if not (kind == "missing" and diagnostic.path in suggested)]
    )


def plain(value: Any) -> Any:
    """Copy round-trip containers into plain dict/list/str so pydantic sees ordinary types."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


# ----------------------------------------------------------------------------------------------
# Locating


def _position(container: Any, key: Any, *, of_key: bool = False) -> tuple[int, int] | None:
    lc = getattr(container, "lc", None)
    if lc is None:
        return None
    try:
        if isinstance(container, dict):
            line, col = lc.key(key) if of_key else lc.value(key)
        else:
            line, col = lc.item(key)
    except (KeyError, IndexError, TypeError):
        return None
    return line + 1, col + 1


def _path_text(parts: list[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _walk(data: Any, loc: tuple[Any, ...]) -> tuple[Any, list[Any], tuple[int, int], Any | None]:
    """Follow ``loc`` as far as the YAML goes.

    Returns the deepest container reached, the path taken, the position of the last value found,
    and the first ``loc`` element that could not be followed (a missing or unknown key), if any.
    Elements that name no YAML node (union members, validator tags) are skipped.
    """
    node = data
    taken: list[Any] = []
    pos = (1, 1)
    start = getattr(data, "lc", None)
    if start is not None and start.line is not None:
        pos = (start.line + 1, start.col + 1)
    for element in loc:
        if isinstance(node, dict) and isinstance(element, str):
            if element not in node:
                return node, taken, pos, element
            found = _position(node, element)
            node = node[element]
        elif isinstance(node, list) and isinstance(element, int):
            if not 0 <= element < len(node):
                return node, taken, pos, element
            found = _position(node, element)
            node = node[element]
        else:
            continue
        taken.append(element)
        if found:
            pos = found
    return node, taken, pos, None


def locate(data: Any, loc: tuple[Any, ...]) -> tuple[int, int, str]:
    """1-based line and column of the YAML node at ``loc`` (as far as it exists), and its path."""
    _, taken, pos, _ = _walk(data, loc)
    return pos[0], pos[1], _path_text(taken)


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that validates the mapping at ``loc`` (for "did you mean" hints)."""
    model: type[BaseModel] | None = Report
    for element in loc:
        if model is None:
            return None
        if isinstance(element, int):
            continue
        field = model.model_fields.get(element)
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


def _field_label(loc: tuple[Any, ...], key: str) -> str:
    model = _model_at(loc)
    field = model.model_fields.get(key) if model else None
    return f"（{field.title}）" if field and field.title else ""


def _type_name(value: Any) -> str:
    return _TYPE_NAMES.get(type(value).__name__, type(value).__name__)


def _diagnostic(name: str, data: Any, err: dict[str, Any]) -> tuple[Diagnostic, str, str | None]:
    """The located diagnostic of one pydantic error, its type, and for an unknown key with a
    close match, the YAML path of the key it probably meant."""
    loc = tuple(err["loc"])
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    _, taken, pos, _ = _walk(data, loc)

    if "at" in ctx:  # a cross-field rule that names the key to blame
        _, taken, pos, _ = _walk(data, (*loc, ctx["at"]))
        return Diagnostic(name, *pos, err["msg"], _path_text(taken)), kind, None

    if kind == "invalid_key":
        parent, parent_path, pos, _ = _walk(data, loc[:-1])
        for key in parent if isinstance(parent, dict) else []:
            if not isinstance(key, str):
                key_pos = _position(parent, key, of_key=True) or pos
                message = f"键必须是文字，现在是{_type_name(key)} (keys must be text)"
                return Diagnostic(name, *key_pos, message, _path_text(parent_path)), kind, None

    if kind == "extra_forbidden":
        key = loc[-1]
        parent, parent_path, _, _ = _walk(data, loc[:-1])
        key_pos = _position(parent, key, of_key=True) or pos
        model = _model_at(loc[:-1])
        allowed = list(model.model_fields) if model else []
        hint = _CHINESE_KEYS.get(str(key))
        if hint not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = close[0] if close else None
        message = f"未知的键 `{key}` (unknown key)"
        if hint:
            message += f"；是不是 `{hint}`？(did you mean `{hint}`?)"
        elif allowed:
            message += f"；这里可用的键：{', '.join(allowed)}"
        meant = _path_text([*parent_path, hint]) if hint else None
        return Diagnostic(name, *key_pos, message, _path_text([*parent_path, key])), kind, meant

    if kind == "missing":
        key = loc[-1]
        label = _field_label(loc[:-1], str(key)) if isinstance(key, str) else ""
        message = f"缺少必填的键 `{key}`{label} (missing required key)"
        return Diagnostic(name, *pos, message, _path_text([*taken, key])), kind, None

    return Diagnostic(name, *pos, error_message(kind, err["msg"], ctx, value), _path_text(taken)), kind, None


def error_message(kind: str, msg: str, ctx: dict[str, Any], value: Any) -> str:
    """A pydantic error in Chinese with the English gist, chosen by its type (never by its English text)."""
    got = f"，现在是{_type_name(value)}" if value is not None or kind.endswith("_type") else ""
    if kind == "string_type" and isinstance(value, dict) and len(value) == 1:
        # `- 做法: 县委…`: prose with a half-width colon and a space reads as a one-key mapping.
        ((key, rest),) = value.items()
        if rest is None:  # `- 现将有关情况报告如下:`: a half-width colon at the end of the line
            shown = printable(f"{key}:")[-30:]
            where = f"“{shown}”行尾的半角冒号"
        else:
            shown = printable(f"{key}: {rest}")[:30]
            where = f"“{shown}”中的半角冒号加空格"
        return (
            f"应当是一段文字，但{where}使 YAML 把它读成了“键: 值”："
            "文字中的冒号请用全角“：”，或给整段文字加引号 (a half-width colon makes it a key: value)"
        )
    if kind == "string_type":
        return f"应当是一段文字{got} (expected text)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"应当是整数，如 2024{got} (expected an integer)"
    if kind in ("list_type", "tuple_type"):
        return f"应当是列表：每一项另起一行，以“- ”开头{got} (expected a list)"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"应当是“键: 值”映射{got} (expected a mapping)"
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return f"应当是日期，写作 YYYY-MM-DD，如 2025-03-28（现在是“{value}”）(expected a date)"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        hint = f"是不是 {close[0]}？" if close else ""
        return f"“{value}”不是可选的值；{hint}可选：{', '.join(choices)} (not an allowed value)"
    if kind == "string_too_short":
        return "不能为空 (must not be empty)"
    if kind == "too_short":
        return f"至少要有 {ctx.get('min_length', 1)} 项 (too few items)"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = {"greater_than_equal": ("≥", "ge"), "less_than_equal": ("≤", "le"), "greater_than": (">", "gt"),
                 "less_than": ("<", "lt")}[kind]  # fmt: skip
        limit = ctx.get(bound[1], "")
        return f"数值超出范围：应当 {bound[0]} {limit}，现在是 {value} (out of range: must be {bound[0]} {limit})"
    if kind == "finite_number":
        return "应当是有限的数字，不能是 .inf 或 .nan (expected a finite number)"
    if kind == "invalid_key":
        return (
            f"键必须是文字，现在是{_type_name(value) if not isinstance(value, str) else '其他值'} (keys must be text)"
        )
    if kind == "bool_type" or kind == "bool_parsing":
        return f"应当是 true 或 false{got} (expected a boolean)"
    return msg  # our own PydanticCustomError messages are Chinese already
