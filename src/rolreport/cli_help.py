"""Help and usage errors in Chinese, wrapped by display width, never truncated.

typer's rich help cuts long Chinese descriptions with "…" at 80 columns (and imports rich and
markdown-it, a third of a second); click's plain help wraps by ``len()``, so a line of Chinese
(two columns a character) runs past the terminal's edge.  rolreport therefore uses the plain
help with this formatter: every line is wrapped by its *display* width (East Asian wide
characters count two), a line never begins with closing punctuation, and the few English
strings of the parser (headings, "[required]", the help option) read in Chinese with the English
gist.  Usage errors are formatted here too, so that ``--nope`` or a missing argument reads like
every other rolreport message.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Characters that may not start a line (GB/T 15834 line breaking: closing marks stay with the
# text before them).
_NO_LINE_START = set("，。、；：？！）》〉」』”’…—,.;:?!)]}%")
_NO_LINE_END = set("（《〈「『“‘([{")
_TOKEN = re.compile(r"[ \t]+|[!-~]+|.", re.S)  # spaces, an ASCII word, or one other character

TRANSLATIONS = {
    "Show this message and exit.": "显示本帮助后退出 (show this message and exit)。",
    "Options": "选项 (Options)",
    "Arguments": "参数 (Arguments)",
    "Commands": "命令 (Commands)",
    "required": "必填 required",
    "default: {default}": "默认 default: {default}",
    "env var: {var}": "环境变量 env var: {var}",
    "(dynamic)": "（动态）",
    "Aborted!": "已中止 (aborted)",
    "Missing command.": "缺少命令 (missing command)",
    "No such command {name!r}.": "没有这个命令 {name!r} (no such command)",
}


def translate(message: str) -> str:
    return TRANSLATIONS.get(message, message)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, limit: int) -> list[str]:
    """Greedy wrapping by display width: ASCII words stay whole (unless longer than a line),
    Chinese breaks between any two characters, closing punctuation never starts a line and
    opening punctuation never ends one (the token before or after moves with it)."""
    limit = max(limit, 10)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []  # tokens; " " for a space
        for token in _TOKEN.findall(paragraph):
            if token.isspace():
                if line and line[-1] != " ":
                    line.append(" ")
                continue
            if not line or width("".join(line)) + width(token) <= limit:
                line.append(token)
                line = _split_long(line, limit, lines)
                continue
            carry = [token]
            if token[0] in _NO_LINE_START:
                while line and line[-1] != " " and (line[-1][0] in _NO_LINE_START or carry[0][0] in _NO_LINE_START):
                    carry.insert(0, line.pop())
            while line and line[-1] in _NO_LINE_END:
                carry.insert(0, line.pop())
            if not line:  # nothing can move: overflow rather than loop
                line, carry = carry, []
            lines.append("".join(line).rstrip())
            line = _split_long(carry, limit, lines)
        lines.append("".join(line).rstrip())
    return lines


def _split_long(line: list[str], limit: int, lines: list[str]) -> list[str]:
    """A line that is one ASCII word longer than a whole line is cut (a long URL or path)."""
    while len(line) == 1 and len(line[0]) > 1 and width(line[0]) > limit:
        cut = _cut(line[0], limit)
        lines.append(line[0][:cut])
        line = [line[0][cut:]]
    return line


def _cut(line: str, limit: int) -> int:
    total = 0
    for index, ch in enumerate(line):
        total += width(ch)
        if total > limit:
            return max(index, 1)
    return len(line)


def formatter_class() -> type:
    """A subclass of the vendored click's HelpFormatter (imported only when help is shown)."""
    from typer._click.formatting import HelpFormatter

    class Formatter(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            head = f"{' ' * self.current_indent}用法 (Usage): {prog} "
            lines = wrap(args, self.width - width(head))
            self.write(head + lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * width(head) + line + "\n")

        def write_heading(self, heading: str) -> None:
            self.write(f"{' ' * self.current_indent}{translate(heading)}:\n")

        def write_text(self, text: str) -> None:
            indent = " " * self.current_indent
            for line in wrap(" ".join(text.split()) if "\n\n" not in text else text, self.width - len(indent)):
                self.write(f"{indent}{line}\n" if line else "\n")

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            rows = [(first, translate(second)) for first, second in rows]
            first_col = min(max((width(first) for first, _ in rows), default=0), col_max) + col_spacing
            for first, second in rows:
                self.write(" " * self.current_indent + first)
                if not second:
                    self.write("\n")
                    continue
                if width(first) <= first_col - col_spacing:
                    self.write(" " * (first_col - width(first)))
                else:
                    self.write("\n" + " " * (first_col + self.current_indent))
                lines = wrap(second, max(self.width - first_col - self.current_indent, 20))
                self.write(lines[0] + "\n")
                for line in lines[1:]:
                    self.write(" " * (first_col + self.current_indent) + line + "\n")

    return Formatter


def install() -> None:
    """Use the formatter and the translations for every command's help."""
    import typer.core
    from typer._click import core as click_core

    click_core.Context.formatter_class = formatter_class()
    # typer's gettext alias for its own strings (Options, Arguments, required …)
    typer.core._ = translate  # type: ignore[attr-defined]


def usage_message(exc: Any) -> str:
    """A click usage error in Chinese, with the English original and where to find help."""
    from typer._click import exceptions

    ctx = getattr(exc, "ctx", None)
    where = ctx.command_path if ctx is not None else "rolreport"
    original = exc.format_message()
    if isinstance(exc, exceptions.NoSuchOption):
        close = f"；是不是 {', '.join(exc.possibilities)}？" if exc.possibilities else ""
        message = f"没有这个选项 {exc.option_name}{close}"
    elif isinstance(exc, exceptions.MissingParameter):
        message = f"缺少参数 {_name(exc.param)}"
    elif isinstance(exc, exceptions.BadParameter):
        message = f"参数 {_name(exc.param)} 的值无效"
    elif isinstance(exc, exceptions.BadOptionUsage):
        message = f"选项 {exc.option_name} 用法有误（是否漏写了它的值？）"
    elif original.startswith("Got unexpected extra argument"):
        message = "多余的参数（选项的值写错了位置，或文件名中有空格？）"
    elif "no such command" in original.lower():
        return f"{where}: {original}；用 {where} -h 查看全部命令"
    else:
        message = "用法错误"
    return f"{where}: {message} ({original})；用 {where} -h 查看帮助"


def _name(param: Any) -> str:
    if param is None:
        return ""
    options = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "option" and options:
        return " / ".join(options)
    return str(getattr(param, "metavar", None) or getattr(param, "name", "") or "").upper()
