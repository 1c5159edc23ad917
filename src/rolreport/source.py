"""Read a report source: bytes → text → YAML with positions.

Each failure becomes a located :class:`~rolreport.diagnostics.Diagnostic`.  The YAML is loaded
in ruamel.yaml's round-trip mode because its ``CommentedMap`` keeps the line and column of every
key and value, which is how validation errors find their way back to ``FILE:LINE:COL``.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rolreport.diagnostics import Diagnostic, RolreportError, UsageError
from rolreport.lexicon.chars import has_han

STDIN = "-"


@dataclass
class SourceText:
    name: str  # what diagnostics call the file: its path as given, or "<stdin>"
    text: str  # decoded, BOM removed, line ends normalised to LF
    encoding: str = "utf-8"  # how the file was stored, so that a rewrite keeps it
    bom: bool = False
    # Each line's own ending in the file ("\r\n", "\r" or "\n"), when any is not "\n": a
    # rewrite (--fix, convert --in-place) puts every line's ending back as it was.
    line_ends: tuple[str, ...] = ()

    def encode(self, text: str) -> bytes:
        """``text`` (an edit of :attr:`text`) as the file stored it: encoding, BOM, each line's
        ending.  A character the encoding cannot hold is a located error, raised before anything
        is written."""
        if self.line_ends:
            lines = text.split("\n")
            ends = list(self.line_ends)
            if len(ends) < len(lines) - 1:  # an edit added lines: they take the most common ending
                ends += [max(set(ends), key=ends.count)] * (len(lines) - 1 - len(ends))
            text = "".join(line + end for line, end in zip(lines, [*ends[: len(lines) - 1], ""], strict=True))
        try:
            data = text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start]
            prefix = exc.object[: exc.start]
            line = prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1
            column = exc.start - max(prefix.rfind("\n"), prefix.rfind("\r"))
            raise RolreportError(
                Diagnostic(
                    self.name,
                    line,
                    column,
                    f"“{bad}”（U+{ord(bad):04X}）无法用 {self.encoding} 编码写回，未写入 "
                    f"(cannot be encoded in {self.encoding}; nothing written)",
                )
            ) from None
        return codecs.BOM_UTF8 + data if self.bom and _is_utf8(self.encoding) else data


def read_bytes(path: str) -> tuple[str, bytes]:
    if path == STDIN:
        return "<stdin>", sys.stdin.buffer.read()
    p = Path(path)
    try:
        return path, p.read_bytes()
    except FileNotFoundError:
        hint = ""
        if path.lower() in ("true", "false", "yes", "no", "on", "off", "1", "0"):
            hint = "；开关选项不带值，如写 --fix 而不是 --fix true (flags take no value)"
        raise UsageError(f"找不到文件 (no such file){hint}", path) from None
    except IsADirectoryError:
        raise UsageError("这是一个文件夹，不是文件 (is a directory)", path) from None
    except OSError as exc:
        raise UsageError(f"无法读取文件：{exc.strerror} (cannot read)", path) from None


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and code-point column of a byte offset, counting only the valid prefix."""
    prefix = data[:offset].decode("utf-8", errors="replace")
    line = prefix.count("\n") + 1
    return line, len(prefix) - (prefix.rfind("\n") + 1) + 1


def decode(name: str, data: bytes, encoding: str | None = None) -> SourceText:
    """Decode strictly: UTF-8 (BOM optional) unless ``encoding`` is given.

    A GB18030/GBK file is the usual thing a Windows editor saves; guessing it silently would
    mean a wrong guess corrupts Chinese text, so it is recognised and refused with the fix.
    """
    if encoding:
        check_encoding(encoding)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            line, col = _line_col(data, exc.start)
            raise RolreportError(
                Diagnostic(name, line, col, f"按 {encoding} 无法解码第 {exc.start} 字节 (cannot decode as {encoding})")
            ) from None
        bom = text.startswith("\ufeff")
        return _source(name, text.removeprefix("\ufeff"), encoding, bom)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise RolreportError(
            Diagnostic(name, 1, 1, "文件是 UTF-16 编码；请另存为 UTF-8 (file is UTF-16; save it as UTF-8)")
        )
    bom = data.startswith(codecs.BOM_UTF8)
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data:
        raise RolreportError(Diagnostic(name, 1, 1, "这不是文本文件（含有 NUL 字节）(binary file, not text)"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        try:
            gb_text = data.decode("gb18030")
        except UnicodeDecodeError:
            gb_text = None
        if gb_text is not None and has_han(gb_text):
            message = (
                "文件是 GB18030/GBK 编码，不是 UTF-8 (file is GB18030/GBK, not UTF-8)。"
                f"请转换为 UTF-8：iconv -f GB18030 -t UTF-8 {name} -o 新文件名，"
                "或加参数 --encoding gb18030 读取"
            )
        else:
            message = "文件不是有效的 UTF-8 文本 (not valid UTF-8)；请用 --encoding 指定编码"
        raise RolreportError(Diagnostic(name, line, col, message)) from None
    return _source(name, text, "utf-8", bom)


def check_encoding(encoding: str) -> None:
    """An unknown encoding, or a codec that is not a text encoding (rot13, hex, base64), is a
    usage error: Python would otherwise fail with LookupError half-way."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise UsageError(f"未知的编码 `{encoding}` (unknown encoding)") from None
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"`{encoding}` 不是文本编码 (not a text encoding)；可用如 utf-8、gb18030")


def _is_utf8(encoding: str) -> bool:
    return codecs.lookup(encoding).name == "utf-8"


_LINE_END = re.compile(r"\r\n|\r|\n")


def _source(name: str, text: str, encoding: str, bom: bool) -> SourceText:
    """Normalise line ends to LF for every stage, remembering each line's own ending."""
    if "\r" not in text:
        return SourceText(name, text, encoding, bom)
    ends = tuple(_LINE_END.findall(text))
    return SourceText(name, text.replace("\r\n", "\n").replace("\r", "\n"), encoding, bom, ends)


def read_source(path: str, encoding: str | None = None) -> SourceText:
    name, data = read_bytes(path)
    return decode(name, data, encoding)


# ----------------------------------------------------------------------------------------------
# YAML

# ruamel.yaml's messages, for a reader who may not read English; matched on the start of the
# problem text.  The original English is kept in brackets for searching the web.
_YAML_PROBLEMS = [
    ("found character '\\t' that cannot start any token", "不能用 Tab 缩进或对齐；YAML 只允许用空格"),
    ("found a tab character", "不能用 Tab 缩进或对齐；YAML 只允许用空格"),
    (
        "mapping values are not allowed here",
        "这里不能出现“: ”（半角冒号加空格）。正文中的冒号请用全角“：”，或把整段文字放进引号或“|”块中",
    ),
    ("could not find expected ':'", "缺少“: ”：键名后面要有半角冒号和空格，或上一行缩进有误"),
    ("expected <block end>", "缩进不一致：同一层的键和列表项要对齐"),
    ("found unknown escape character", "双引号文字中有无法识别的转义（反斜杠）；要写反斜杠本身请改用单引号"),
    ("but found another document", "文件中只能有一个 YAML 文档（多了一个“---”）"),
    ("found undefined alias", "引用了未定义的 YAML 别名"),
    ("found unexpected end of stream", "文件意外结束：可能缺少结尾的引号或括号"),
    ("expected ',' or ']'", "方括号列表没有正确结束（缺少“]”或逗号）"),
    ("expected ',' or '}'", "花括号映射没有正确结束（缺少“}”或逗号）"),
    ("found character '@' that cannot start any token", "“@”不能作为 YAML 值的开头；请给这段文字加引号"),
    ("found character '`' that cannot start any token", "“`”不能作为 YAML 值的开头；请给这段文字加引号"),
    ("special characters are not allowed", "文件中有不允许的控制字符"),
]


def _yaml_message(exc: Exception) -> str:
    problem = getattr(exc, "problem", None) or str(exc).strip().splitlines()[0]
    for prefix, chinese in _YAML_PROBLEMS:
        if problem.startswith(prefix):
            return f"YAML 语法错误：{chinese} ({problem})"
    return f"YAML 语法错误 (YAML syntax error: {problem})"


def compose_yaml(source: SourceText, use_libyaml: bool = True) -> tuple[Any, Any]:
    """Parse one YAML document into its node graph (with positions), refusing what a report
    can never be.  Returns the round-trip constructor and the root node.

    Aliases are refused outright: a report has no use for them, and a "billion laughs" file
    expands exponentially once validated.  Duplicate keys are all reported (ruamel stops at the
    first).  Both checks run on the composed node graph, before anything is constructed.
    libyaml composes when it can (see _compose_with_libyaml); ``use_libyaml=False`` is ruamel
    alone, which the tests compare it with.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.docinfo import DocInfo
    from ruamel.yaml.error import MarkedYAMLError, YAMLError
    from ruamel.yaml.nodes import MappingNode

    name = source.name
    fast = _compose_with_libyaml(source.text) if use_libyaml else None
    if fast is not None:
        constructor, node = fast
        if node is not None and isinstance(node, MappingNode):
            problems = _structure_problems(name, node)
            if problems:
                raise RolreportError(problems)
            return constructor, node
    yaml = YAML()  # round-trip; one instance per document (instances keep parser state)
    # YAML.load() records a DocInfo before parsing; a %YAML directive fails without one.
    yaml.doc_infos.append(DocInfo())
    try:
        constructor, _parser = yaml.get_constructor_parser(source.text)
        node = constructor.composer.get_single_node()
    except MarkedYAMLError as exc:
        raise RolreportError(_marked(name, exc)) from None
    except YAMLError as exc:
        raise RolreportError(Diagnostic(name, 1, 1, _yaml_message(exc))) from None
    except RecursionError:
        raise RolreportError(Diagnostic(name, 1, 1, "YAML 嵌套层级过深 (nesting too deep)")) from None
    except (IndexError, KeyError, ValueError, TypeError, AttributeError, AssertionError) as exc:
        # ruamel.yaml's own failures on odd input (an escape beyond U+10FFFF, a "|2  # note"
        # header after a comment line: found by fuzzing): still the input's problem, located
        # where the reader stopped.
        line, column = _reader_position(yaml)
        if "chr()" in str(exc):
            message = "YAML 语法错误：转义字符超出 Unicode 范围（最大 \\U0010FFFF）(escape beyond U+10FFFF)"
        elif isinstance(exc, AssertionError):
            message = "YAML 无法解析：请检查这里之前的缩进、注释和块标记“|”“>” (could not parse)"
        else:
            message = f"YAML 无法解析 (could not parse: {type(exc).__name__}: {exc})"
        raise RolreportError(Diagnostic(name, line, column, message)) from None

    if node is None:
        raise RolreportError(Diagnostic(name, 1, 1, "文件是空的：没有任何内容 (empty file)"))
    if not isinstance(node, MappingNode):
        kind = {"SequenceNode": "列表", "ScalarNode": "单个值"}.get(type(node).__name__, "其他内容")
        raise RolreportError(
            Diagnostic(
                name,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                f"文件顶层必须是“键: 值”映射（title:、parts: 等），而不是{kind} (top level must be a mapping)",
            )
        )
    problems = _structure_problems(name, node)
    if problems:
        raise RolreportError(problems)
    return constructor, node


# libyaml (ruamel.yaml.clib) composes the same node graph, marks included, ten times faster than
# ruamel.yaml's pure-Python parser: 0.04 s instead of 0.5 s for a 1 MB report.  It is laxer in a
# few places, found by composing mutated reports with both (benchmarks/bench_yaml.py):
# tabs and stray BOMs or Unicode line separators in prose, block headers with a comment ("|#",
# and "|2  # note" after a comment line, on which ruamel fails), anchors with no node, %YAML directives (libyaml ignores the version that ruamel resolves by).  A source
# containing any of these goes to ruamel alone, and so does anything libyaml rejects, so that
# every verdict and every message is ruamel's.  libyaml recurses in C, so a source that may
# nest deeper than _LIBYAML_DEPTH (flow brackets, or block indicators and indentation at a
# line's start) is never given to it: 100,000 levels overflow the C stack, and even its event
# parser, which does not recurse, is quadratic in the depth of flow nesting (200,000 "[": 287 s).
_DIFFERING_CHARACTERS = "\t\ufeff\u2028\u2029\x85&"
_COMMENTED_HEADER = re.compile(r"[|>][-+0-9]* *#")
_LINE_PREFIX = re.compile(r"[ ?:-]*")  # at a line's start: after the text's start or a line feed
_LINE_PREFIXES = re.compile(r"\n[ ?:-]+")  # found from the line feed: twice as fast as "^" in MULTILINE
_LIBYAML_DEPTH = 1000


def libyaml_differs(text: str) -> bool:
    """Whether ``text`` holds a construct where libyaml and ruamel differ (above): a tab, BOM,
    Unicode line separator, NEL or ``&``; a block header with a comment; a line starting with
    ``%``.  Each is searched on its own (a character with ``in``, the headers with a pattern
    only where a header character is present): on 1 MB, 1.4 ms where one alternation took 17."""
    return (
        any(ch in text for ch in _DIFFERING_CHARACTERS)
        or text.startswith("%")
        or "\n%" in text
        or (("|" in text or ">" in text) and _COMMENTED_HEADER.search(text) is not None)
    )


def _nesting_bound(text: str) -> int:
    """An upper bound of the document's nesting depth: each flow bracket opens at most one
    level, and in block context every level but an indentless sequence starts further right."""
    first = _LINE_PREFIX.match(text)
    prefix = max(max(map(len, _LINE_PREFIXES.findall(text)), default=1) - 1, first.end() if first else 0)
    return text.count("[") + text.count("{") + 2 * (prefix + 1)


_c_loader: Any = None


def libyaml_loader(text: str) -> Any | None:
    """A libyaml parser for ``text`` with ruamel's round-trip constructor and resolver, or None
    when ruamel's own parser must read it (see above) or libyaml is not installed."""
    global _c_loader
    if libyaml_differs(text) or _nesting_bound(text) > _LIBYAML_DEPTH:
        return None
    if _c_loader is None:
        try:
            from _ruamel_yaml import CParser
        except ImportError:  # no C extension for this interpreter: ruamel's parser does it all
            _c_loader = False
            return None
        from ruamel.yaml import resolver
        from ruamel.yaml.constructor import RoundTripConstructor

        class CLoader(CParser, RoundTripConstructor, resolver.VersionedResolver):  # type: ignore[misc]
            comment_handling = None
            allow_duplicate_keys = False

            def __init__(self, stream: str) -> None:
                CParser.__init__(self, stream)
                self._parser = self._composer = self
                RoundTripConstructor.__init__(self, loader=self)
                resolver.VersionedResolver.__init__(self, loader=self)

            @property
            def processing_version(self) -> Any:
                # Always YAML 1.2 here (a %YAML directive sends the source to ruamel): the
                # inherited lookup tries attributes a CParser lacks and pays for an exception
                # on every scalar, 0.15 s of a 1 MB source.
                return resolver._DEFAULT_YAML_VERSION  # type: ignore[attr-defined]

        _c_loader = CLoader
    if _c_loader is False:
        return None
    return _c_loader(text)


def _compose_with_libyaml(text: str) -> tuple[Any, Any] | None:
    """The constructor and root node composed by libyaml, or None when ruamel must do it."""
    loader = libyaml_loader(text)
    if loader is None:
        return None
    try:
        root = loader.get_single_node()
    except Exception:
        return None  # ruamel's parser says what is wrong, in its own words
    from ruamel.yaml.nodes import ScalarNode

    for node in walk_nodes(root) if root is not None else ():
        if isinstance(node, ScalarNode) and not node.style:
            node.style = None  # a plain scalar, as ruamel's parser marks it
    return loader, root


def _reader_position(yaml: Any) -> tuple[int, int]:
    reader = getattr(yaml, "_reader", None) or getattr(yaml, "reader", None)
    if reader is None:
        return 1, 1
    return int(reader.line) + 1, int(reader.column) + 1


def parse_yaml(source: SourceText) -> Any:
    """Parse one YAML document into round-trip objects (``CommentedMap`` keeps positions)."""
    constructor, node = compose_yaml(source)
    return construct(source.name, constructor, node)


def node_value(node: Any) -> str:
    """The string a scalar node stands for (ruamel marks fold points of a ``>`` scalar with \\a)."""
    return str(node.value).replace("\a", "") if node.style == ">" else str(node.value)


def construct_plain(constructor: Any, root: Any) -> Any | None:
    """The node graph as plain dicts, lists and strings, fast — or None when only ruamel's own
    construction can say what it is (a merge key, a tag, a value that does not construct).

    ruamel's round-trip construction keeps the positions that error messages need and costs as
    much as parsing (a 10 MB source: 0.39 s, and the copy that pydantic needs another 0.1 s per
    validation).  A source that is valid needs no positions: its strings are the nodes' values,
    and every other scalar (a year, a date) is constructed by ruamel itself.  A caller validates
    this and, if the report is not valid, goes the located way (:func:`construct`) for the
    messages.
    """
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    def scalar(node: Any) -> Any:
        if getattr(getattr(node, "ctag", None), "handle", None):
            raise LookupError("an explicit tag (!!str …): ruamel keeps it as a TaggedScalar")
        return node_value(node) if node.tag == _STR else constructor.construct_object(node, deep=True)

    try:
        if not isinstance(root, MappingNode):
            return None
        result: dict[Any, Any] = {}
        stack: list[tuple[Any, Any]] = [(root, result)]
        while stack:
            node, into = stack.pop()
            if getattr(getattr(node, "ctag", None), "handle", None):
                return None  # an explicitly tagged container: ruamel's own construction
            if isinstance(node, MappingNode):
                if node.tag != _MAP:
                    return None
                for key_node, value_node in node.value:
                    if not isinstance(key_node, ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                        return None
                    key = scalar(key_node)
                    if key == "<<":
                        return None
                    into[key] = _plain_slot(value_node, stack, scalar)
            else:  # a sequence
                if node.tag != _SEQ:
                    return None
                into.extend(_plain_slot(item, stack, scalar) for item in node.value)
        return result
    except Exception:  # anything odd: the located construction says what it is
        # ruamel's constructor remembers the nodes it was in the middle of: forget them, or
        # the located construction would take the failed value as done
        for state in ("constructed_objects", "recursive_objects"):
            getattr(constructor, state, {}).clear()
        getattr(constructor, "state_generators", []).clear()
        return None


def _plain_slot(node: Any, stack: list[tuple[Any, Any]], scalar: Callable[[Any], Any]) -> Any:
    """A scalar's value, or an empty container that the walk fills in later."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode):
        child: Any = {}
    elif isinstance(node, SequenceNode):
        child = []
    else:
        return scalar(node)
    stack.append((node, child))
    return child


def construct(name: str, constructor: Any, root: Any) -> Any:
    """Turn the node graph into Python objects, every value that cannot become one located.

    ruamel.yaml turns ``2025-02-29``, ``!!int 某县``, ``!!bool maybe`` or an integer of 5,000
    digits into a bare ValueError or KeyError with no position, and stops at the first.  Every
    node that is not a plain string is therefore constructed on its own first, so that each bad
    value is reported at its own line and column, all of them in one run.
    """
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    problems = _value_problems(name, constructor, root)
    if problems:
        raise RolreportError(problems)
    try:
        return constructor.construct_document(root)
    except MarkedYAMLError as exc:
        raise RolreportError(_marked(name, exc)) from None
    except YAMLError as exc:
        raise RolreportError(Diagnostic(name, 1, 1, _yaml_message(exc))) from None
    except (ValueError, TypeError, KeyError, OverflowError, AttributeError) as exc:
        raise RolreportError(Diagnostic(name, 1, 1, f"YAML 值无法构造 (cannot construct a value: {exc})")) from None


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def walk_nodes(root: Any) -> Iterator[Any]:
    """Every node of a composed document, keys included (no alias can loop: they are refused)."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)


def _value_problems(name: str, constructor: Any, root: Any) -> list[Diagnostic]:
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.nodes import ScalarNode

    problems: list[Diagnostic] = []
    for node in walk_nodes(root):
        tag = str(node.tag)
        if tag in (_STR, _MAP, _SEQ) or (isinstance(node, ScalarNode) and tag.startswith("!")):
            continue  # strings, ordinary containers and local tags (!foo) always construct
        try:
            constructor.construct_object(node, deep=True)
        except MarkedYAMLError as exc:
            problems.append(_marked(name, exc))
        except Exception as exc:
            mark = node.start_mark
            problems.append(Diagnostic(name, mark.line + 1, mark.column + 1, _value_message(node, exc)))
    return sorted(set(problems))


def _value_message(node: Any, exc: Exception) -> str:
    tag = str(node.tag).rsplit(":", 1)[-1]
    value = str(getattr(node, "value", ""))[:40]
    if tag == "timestamp":
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", value)
        if m and not 1 <= int(m[2]) <= 12:
            why = f"没有 {int(m[2])} 月"
        elif m:
            why = f"{m[1]} 年 {int(m[2])} 月没有 {int(m[3])} 日"
        else:
            why = "不是 YYYY-MM-DD 形式"
        return f"日期不存在：{value}（{why}）(invalid date: {exc})"
    if tag == "int":
        digits = sum(ch.isdigit() for ch in str(node.value))
        if digits > 4000:
            return f"数字太长（{digits} 位）(integer too long)"
        return f"“{value}”不是整数 (not an integer)"
    if tag == "float":
        return f"“{value}”不是数字 (not a number)"
    if tag == "bool":
        return f"“{value}”不是真假值：只能写 true 或 false (not a boolean)"
    if tag == "binary":
        return f"“{value}”不是有效的 base64 (invalid !!binary)"
    return f"YAML 值无法构造（!!{tag} {value}）(cannot construct value: {type(exc).__name__}: {exc})"


def _marked(name: str, exc: Any) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Diagnostic(name, line, col, _yaml_message(exc))


def _structure_problems(name: str, root: Any) -> list[Diagnostic]:
    """Aliases and duplicate keys, found in one linear walk of the node graph."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    problems: list[Diagnostic] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            # The same node reached twice: an alias (*name) or a merge key (<<) points at it.
            mark = node.start_mark
            problems.append(
                Diagnostic(
                    name,
                    mark.line + 1,
                    mark.column + 1,
                    f"不支持 YAML 锚点和别名（&{node.anchor or ''} / *{node.anchor or ''}）：请直接写出内容 "
                    "(aliases are not supported)",
                )
            )
            continue
        seen.add(id(node))
        if isinstance(node, MappingNode):
            keys: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    first = keys.setdefault(key_node.value, key_node)
                    if first is not key_node:
                        problems.append(
                            Diagnostic(
                                name,
                                key_node.start_mark.line + 1,
                                key_node.start_mark.column + 1,
                                f"重复的键 `{key_node.value}`：第 {first.start_mark.line + 1} 行已经写过 "
                                "(duplicate key)",
                            )
                        )
                stack.append(value_node)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    # An alias is reported once per reuse; a bomb reuses a node many times, so keep the list short.
    unique = sorted(set(problems))
    return unique[:50]
