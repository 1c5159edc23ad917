"""Prose scalars of a report source, with the file position of every character of their value.

A finding is about characters of a *value* (after YAML has folded lines, removed quotes and
decoded escapes), but users need the place in the *file*.  For each scalar we rebuild its value
from the source slice while recording, for every value character, the index of the source
character it came from.  The rebuilt value is compared with the value ruamel.yaml constructed;
only when they agree is the map used (``exact``), otherwise every character maps to the start of
the scalar, so a position may be coarse but is never wrong.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from rolreport.source import node_value
from rolreport.variants import NOT_PROSE
from rolreport.yamlevents import Slot

_SIMPLE_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
    "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}


@dataclass
class Scalar:
    path: str  # YAML path, e.g. parts[0].sections[2].paragraphs[0]
    key: str  # the last mapping key on the path (paragraphs, title, …)
    value: str
    index: list[int]  # source index of each value character
    start: int  # source index where the scalar starts (its quote or block indicator)
    end: int
    style: str | None  # None (plain), "'", '"', "|", ">"
    exact: bool
    key_line: int  # 1-based line of the key (or sequence item) that holds this scalar
    # Value characters written as more than one source character (an escape such as \x2c or
    # \u2060, a doubled ''): value offset → source index just after them.
    wide: dict[int, int] = field(default_factory=dict)

    def _end(self, offset: int) -> int:
        return self.wide.get(offset, self.index[offset] + 1)

    def source_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The source range that writes value characters [start, end), escapes included, or None
        when they are not one contiguous piece of the source (a folded line break inside)."""
        if not self.exact:
            return None
        if end <= start:
            at = self.source_index(start)
            return at, at
        for offset in range(start, end - 1):
            if self._end(offset) != self.index[offset + 1]:
                return None
        return self.index[start], self._end(end - 1)

    def source_index(self, offset: int) -> int:
        if not self.index:
            return self.start
        if offset >= len(self.index):
            return self.index[-1] + 1
        return self.index[offset]


class LineTable:
    """Index ↔ (line, column), 1-based, columns in code points."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1


# ----------------------------------------------------------------------------------------------
# Rebuilding values


def _join(chars: list[str], index: list[int], empty_lines: int, line_start: int) -> None:
    """Flow folding between two lines: one break is a space, n empty lines are n line feeds."""
    if empty_lines:
        chars.extend("\n" * empty_lines)
        index.extend([line_start] * empty_lines)
    else:
        chars.append(" ")
        index.append(line_start - 1)  # the line break the space stands for


def _fold(lines: list[tuple[str, int]]) -> tuple[str, list[int]]:
    """Flow folding (plain and quoted scalars): each line's edges trimmed; one break between two
    lines becomes a space, n empty lines become n line feeds.  ``lines`` are (text, index)."""
    chars: list[str] = []
    index: list[int] = []
    pending_breaks = 0
    for number, (line, base) in enumerate(lines):
        first, last = number == 0, number == len(lines) - 1
        lo = 0 if first else len(line) - len(line.lstrip(" \t"))
        hi = len(line) if last else len(line.rstrip(" \t"))
        if lo >= hi and not first and not last:
            pending_breaks += 1
            continue
        if not first:
            _join(chars, index, pending_breaks, base)
            pending_breaks = 0
        chars.extend(line[lo:hi])
        index.extend(range(base + lo, base + hi))
    return "".join(chars), index


def _split(raw: str, start: int) -> list[tuple[str, int]]:
    out = []
    pos = 0
    for line in raw.split("\n"):
        out.append((line, start + pos))
        pos += len(line) + 1
    return out


def _plain(raw: str, start: int) -> tuple[str, list[int]]:
    return _fold(_split(raw, start))


def _single(raw: str, start: int, wide: dict[int, int]) -> tuple[str, list[int]]:
    folded, index = _fold(_split(raw[1:-1], start + 1))
    chars: list[str] = []
    out_index: list[int] = []
    i = 0
    while i < len(folded):
        chars.append(folded[i])
        out_index.append(index[i])
        if folded[i] == "'" and i + 1 < len(folded) and folded[i + 1] == "'":
            wide[len(chars) - 1] = index[i] + 2
            i += 2
        else:
            i += 1
    return "".join(chars), out_index


def _double(raw: str, start: int, wide: dict[int, int]) -> tuple[str, list[int]]:
    inner = raw[1:-1]
    base = start + 1
    chars: list[str] = []
    index: list[int] = []
    lines = inner.split("\n")
    offset = 0
    pending_breaks = 0
    joined_by_escape = False
    for number, line in enumerate(lines):
        first, last = number == 0, number == len(lines) - 1
        line_base = base + offset
        offset += len(line) + 1
        lo = 0 if first else len(line) - len(line.lstrip(" \t"))
        hi = len(line) if last else len(line.rstrip(" \t"))
        escaped_break = not last and _ends_with_escape(line)
        if escaped_break:
            hi = len(line) - 1  # the backslash; whitespace before it is content
        if lo >= hi and not first and not last and not escaped_break:
            pending_breaks += 1
            continue
        if not first and not joined_by_escape:
            _join(chars, index, pending_breaks, line_base)
        pending_breaks = 0
        joined_by_escape = escaped_break
        i = lo
        while i < hi:
            ch = line[i]
            if ch != "\\":
                chars.append(ch)
                index.append(line_base + i)
                i += 1
                continue
            code = line[i + 1] if i + 1 < len(line) else ""
            if code in _SIMPLE_ESCAPES:
                chars.append(_SIMPLE_ESCAPES[code])
                index.append(line_base + i)
                wide[len(chars) - 1] = line_base + i + 2
                i += 2
            elif code in _HEX_ESCAPES:
                width = _HEX_ESCAPES[code]
                try:
                    chars.append(chr(int(line[i + 2 : i + 2 + width], 16)))
                except ValueError:  # not valid YAML; ruamel would have refused it
                    chars.append(ch)
                    index.append(line_base + i)
                    i += 1
                    continue
                index.append(line_base + i)
                wide[len(chars) - 1] = line_base + i + 2 + width
                i += 2 + width
            else:  # not valid YAML; ruamel would have refused it
                chars.append(ch)
                index.append(line_base + i)
                i += 1
    return "".join(chars), index


def _ends_with_escape(line: str) -> bool:
    stripped = line.rstrip(" \t") if not line.endswith("\\") else line
    backslashes = len(stripped) - len(stripped.rstrip("\\"))
    return line.endswith("\\") and backslashes % 2 == 1


def _block(raw: str, start: int, folded: bool) -> tuple[str, list[int]]:
    """Literal (|) and folded (>) block scalars, with clip/strip/keep chomping."""
    header, _, body = raw.partition("\n")
    body_start = start + len(header) + 1
    indicators = header.split("#", 1)[0].strip()[1:]
    chomp = "-" if "-" in indicators else ("+" if "+" in indicators else "")
    lines = _split(body, body_start)
    if lines and lines[-1][0] == "":
        lines = lines[:-1]  # the slice ends after the last line break
    content = [line for line, _ in lines if line.strip()]
    indent = len(content[0]) - len(content[0].lstrip(" ")) if content else 0
    chars: list[str] = []
    index: list[int] = []
    breaks: list[int] = []  # source index of each line break since the last content line
    last_normal = None  # None before the first content line
    for line, base in lines:
        if not line.strip():
            breaks.append(base + len(line))
            continue
        text = line[indent:]
        normal = text[:1] not in (" ", "\t")
        if last_normal is None:
            separators = ["\n"] * len(breaks)
        elif folded and last_normal and normal:
            separators = [" "] if len(breaks) == 1 else ["\n"] * (len(breaks) - 1)
        else:
            separators = ["\n"] * len(breaks)
        for separator, at in zip(separators, breaks[len(breaks) - len(separators) :], strict=True):
            chars.append(separator)
            index.append(at)
        chars.extend(text)
        index.extend(range(base + indent, base + indent + len(text)))
        breaks = [base + len(line)]
        last_normal = normal
    if last_normal is not None:
        if chomp == "":
            tail = breaks[:1]
        elif chomp == "+":
            tail = breaks
        else:
            tail = []
        chars.extend("\n" * len(tail))
        index.extend(tail)
    return "".join(chars), index


def _rebuild(text: str, node: Any, wide: dict[int, int]) -> tuple[str, list[int]]:
    start, end = node.start_mark.index, node.end_mark.index
    return _rebuild_raw(text[start:end], start, node.style, wide)


# Characters that can end, comment or split a plain scalar, depending on what surrounds them.
PLAIN_INDICATORS = ":#,[]{}"


def reads_as(raw: str, style: str | None) -> str | None:
    """The value a scalar written as ``raw`` in ``style`` stands for, or None when that cannot be
    told from the slice alone (a plain scalar holding an indicator that may end or split it)."""
    if style is None and any(ch in PLAIN_INDICATORS for ch in raw):
        return None
    inner = raw[1:-1]
    if style == "'" and (len(raw) < 2 or inner.replace("''", "").count("'")):
        return None  # a lone quote inside would end the scalar
    if style == '"' and (len(raw) < 2 or _unescaped_quote(inner)):
        return None
    return _rebuild_raw(raw, 0, style, {})[0]


def _unescaped_quote(inner: str) -> bool:
    escaped = False
    for ch in inner:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            return True
    return False


def _rebuild_raw(raw: str, start: int, style: str | None, wide: dict[int, int]) -> tuple[str, list[int]]:
    if style == "'":
        return _single(raw, start, wide)
    if style == '"':
        return _double(raw, start, wide)
    if style in ("|", ">"):
        return _block(raw, start, folded=style == ">")
    return _plain(raw, start)


def prose_slots(root: Any, data: Any) -> list[Slot]:
    """Every prose string of the report in source order, walked in step with ``data`` (what
    ``construct`` made of ``root``: a mapping's items are in its nodes' order, keys unique)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    found: list[Slot] = []
    stack: list[tuple[Any, Any]] = [(root, data)]
    while stack:
        node, obj = stack.pop()
        if isinstance(node, MappingNode) and isinstance(obj, dict) and len(node.value) == len(obj):
            children = [(k, v, key) for (k, v), key in zip(node.value, obj, strict=True)]
            for key_node, value_node, key in reversed(children):
                if str(getattr(key_node, "value", "")) not in NOT_PROSE:
                    _visit(value_node, obj, key, found, stack, ScalarNode)
        elif isinstance(node, SequenceNode) and isinstance(obj, list) and len(node.value) == len(obj):
            for number in range(len(obj) - 1, -1, -1):
                _visit(node.value[number], obj, number, found, stack, ScalarNode)
    found.sort(key=lambda slot: slot.start)
    return found


def _visit(node: Any, holder: Any, key: Any, found: list[Slot], stack: list[tuple[Any, Any]], scalar: Any) -> None:
    value = holder[key]
    if isinstance(node, scalar):
        if getattr(node, "tag", None) == "tag:yaml.org,2002:str" and isinstance(value, str):
            found.append(Slot(node.start_mark.index, node.end_mark.index, node.style, holder, key, value))
    else:
        stack.append((node, value))


# YAML reads a document's structure from its ASCII characters, its line breaks and a few others
# (BOM, the C1 controls with NEL, unprintable characters); every other character is scalar content, whatever it
# is.  An edit that changes only characters outside this class, and keeps each run of them
# non-empty, leaves every token where it was.
_SYNTAX = re.compile("[\x00-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]+")
_CONTENT = re.compile("[^\x00-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]+")


def same_syntax(raw: str, edited: str) -> bool:
    """Whether ``edited`` (a scalar's slice after an edit) has the same YAML syntax as ``raw``:
    the same characters of the syntax class in the same order, and as many content runs."""
    return _SYNTAX.findall(raw) == _SYNTAX.findall(edited) and len(_CONTENT.findall(raw)) == len(
        _CONTENT.findall(edited)
    )


def same_shapes(raws: list[str], edited: list[str]) -> bool:
    """Whether each ``edited[i]`` is ``raws[i]`` with its content runs replaced by non-empty ones
    (:func:`same_syntax`, and content where content was), for all of them in one pass: each
    text with every content run written as one placeholder, joined by NUL (a syntax character, so
    no run reaches over it; a text holding one itself is checked on its own)."""
    joined, joined_edited = "\0".join(raws), "\0".join(edited)
    if joined.count("\0") != len(raws) - 1 or joined_edited.count("\0") != len(edited) - 1:
        return all(_shape(a) == _shape(b) for a, b in zip(raws, edited, strict=True))
    return len(raws) == len(edited) and _shape(joined) == _shape(joined_edited)


def _shape(text: str) -> str:
    return _CONTENT.sub("\ue000", text)


def content_runs(text: str) -> list[str]:
    return _CONTENT.findall(text)


def with_runs(value: str, runs: list[str]) -> str | None:
    """``value`` with its content runs replaced by ``runs`` in order, or None when it has a
    different number of them."""
    pieces = _CONTENT.split(value)
    if len(pieces) != len(runs) + 1:
        return None
    return "".join(piece + run for piece, run in zip(pieces, runs, strict=False)) + pieces[-1]


# ----------------------------------------------------------------------------------------------
# Writing values back

# YAML's own line breaks and every character that is not printable must be escaped.
_DOUBLE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def _unprintable(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufeff\ufffe\uffff\x85\u2028\u2029"


def splice(text: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace non-overlapping ranges ``(start, end, replacement)`` in one pass: linear in the
    text however many edits there are (slicing once per edit would be quadratic)."""
    out = []
    last = 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        out.append(text[last:start])
        out.append(replacement)
        last = end
    out.append(text[last:])
    return "".join(out)


def double_quoted_body(text: str) -> str:
    """``text`` as the inside of a double-quoted scalar: always possible, on one line."""
    out = []
    for ch in text:
        if ch in _DOUBLE_ESCAPES:
            out.append(_DOUBLE_ESCAPES[ch])
        elif _unprintable(ch):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else (f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"))
        else:
            out.append(ch)
    return "".join(out)


def encode_piece(text: str, style: str | None) -> str | None:
    """``text`` as it must be written *inside* a scalar of ``style`` to read back as itself, or
    None when that style cannot hold it in place (the caller re-quotes or gives up).

    Conservative for plain scalars: any character that may end, comment or split a plain scalar
    (``:`` ``#`` and the flow indicators) is refused rather than reasoned about in context."""
    if style == '"':
        return double_quoted_body(text)
    if "\n" in text or any(_unprintable(ch) for ch in text):
        return None
    if style == "'":
        return text.replace("'", "''")
    if style in ("|", ">"):
        return text
    if any(ch in ":#,[]{}" for ch in text):
        return None
    return text


# ----------------------------------------------------------------------------------------------


def prose_scalars(text: str, root: Any) -> list[Scalar]:
    """Every prose string of the report, in source order."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    found: list[Scalar] = []

    def walk(node: Any, path: str, key: str, key_line: int) -> None:
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                name = str(getattr(key_node, "value", ""))
                if name in NOT_PROSE:
                    continue
                walk(value_node, f"{path}.{name}" if path else name, name, key_node.start_mark.line + 1)
        elif isinstance(node, SequenceNode):
            for number, item in enumerate(node.value):
                walk(item, f"{path}[{number}]", key, item.start_mark.line + 1)
        elif isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            wide: dict[int, int] = {}
            value, index = _rebuild(text, node, wide)
            constructed = node_value(node)
            exact = value == constructed and len(index) == len(value)
            if not exact:
                value, index, wide = constructed, [node.start_mark.index] * len(constructed), {}
            found.append(
                Scalar(
                    path,
                    key,
                    value,
                    index,
                    node.start_mark.index,
                    node.end_mark.index,
                    node.style,
                    exact,
                    key_line,
                    wide,
                )
            )

    walk(root, "", "", 1)
    return found
