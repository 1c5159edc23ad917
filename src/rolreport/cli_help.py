"""Help pages in Chinese, wrapped by display width, never truncated.

Every line is wrapped by its *display* width (East Asian wide characters count two, so a line of
Chinese does not run past the terminal's edge as it does when wrapped by ``len()``), a line never
begins with closing punctuation, and the pages are made from the same declarations
(:mod:`rolreport.commands.params`) that the parser uses, so a help page cannot disagree with the
options it describes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rolreport.lexicon.width import NO_LINE_END, NO_LINE_START, display_width

if TYPE_CHECKING:
    from rolreport.commands.params import Command, Param

_TOKEN = re.compile(r"[ \t]+|[!-~]+|.", re.S)  # spaces, an ASCII word, or one other character


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
            if not line or display_width("".join(line)) + display_width(token) <= limit:
                line.append(token)
                line = _split_long(line, limit, lines)
                continue
            carry = [token]
            if token[0] in NO_LINE_START:
                while line and line[-1] != " " and (line[-1][0] in NO_LINE_START or carry[0][0] in NO_LINE_START):
                    carry.insert(0, line.pop())
            while line and line[-1] in NO_LINE_END:
                carry.insert(0, line.pop())
            if not line:  # nothing can move: overflow rather than loop
                line, carry = carry, []
            lines.append("".join(line).rstrip())
            line = _split_long(carry, limit, lines)
        lines.append("".join(line).rstrip())
    return lines


def _split_long(line: list[str], limit: int, lines: list[str]) -> list[str]:
    """A line that is one ASCII word longer than a whole line is cut (a long URL or path)."""
    while len(line) == 1 and len(line[0]) > 1 and display_width(line[0]) > limit:
        cut = _cut(line[0], limit)
        lines.append(line[0][:cut])
        line = [line[0][cut:]]
    return line


def _cut(line: str, limit: int) -> int:
    total = 0
    for index, ch in enumerate(line):
        total += display_width(ch)
        if total > limit:
            return max(index, 1)
    return len(line)


ROOT_DESCRIPTION = "法治政府建设年度报告编译器：校验 YAML 报告源文件，生成 Markdown、HTML、纯文本、Word 和 PDF。"
ROOT_OPTIONS = (
    ("-V, --version", "显示版本后退出。"),
    ("--debug", "内部错误时显示 Python 回溯 (traceback)。"),
)
HELP_ROW = ("-h, --help", "显示本帮助后退出 (show this message and exit)。")


def page_width() -> int:
    """The terminal's width (``COLUMNS`` first), at most 80 columns, less a margin of two."""
    import shutil

    return max(min(shutil.get_terminal_size((80, 24)).columns, 80) - 2, 20)


def root_help(commands: list[Command]) -> str:
    width = page_width()
    lines = [*_usage("rolreport", "[OPTIONS] COMMAND [ARGS]...", width), "", *_text(ROOT_DESCRIPTION, width)]
    lines += ["", "选项 (Options):", *_rows([*ROOT_OPTIONS, HELP_ROW], width)]
    lines += ["", "命令 (Commands):", *_rows([(c.name, c.summary) for c in commands], width)]
    return "\n".join(lines) + "\n"


def command_help(command: Command) -> str:
    width = page_width()
    arguments = [p for p in command.params if not p.flags]
    options = [p for p in command.params if p.flags]
    usage = " ".join(["[OPTIONS]", *(_argument_usage(p) for p in arguments)])
    lines = [*_usage(command.prog, usage, width), "", *_text(command.description, width)]
    if arguments:
        lines += ["", "参数 (Arguments):", *_rows([(p.metavar, _help(p)) for p in arguments], width)]
    lines += ["", "选项 (Options):", *_rows([*((_option_label(p), _help(p)) for p in options), HELP_ROW], width)]
    return "\n".join(lines) + "\n"


def _argument_usage(param: Param) -> str:
    shown = f"{param.metavar}..." if param.many else param.metavar
    return shown if param.required else f"[{shown}]"


def _option_label(param: Param) -> str:
    flags = sorted(param.flags, key=lambda f: (f.startswith("--"), f))  # -o, --out
    label = ", ".join(flags)
    if param.negative:
        label += f" / {param.negative}"
    return label if param.is_flag else f"{label} {param.metavar}"


def _help(param: Param) -> str:
    notes = []
    if param.required:
        notes.append("必填 required")
    if param.show_default and param.default not in (None, "", []):
        notes.append(f"默认 default: {param.default}")
    return param.help + (f" [{'；'.join(notes)}]" if notes else "")


def _usage(prog: str, args: str, width: int) -> list[str]:
    head = f"用法 (Usage): {prog} "
    lines = wrap(args, width - display_width(head))
    return [head + lines[0], *(" " * display_width(head) + line for line in lines[1:])]


def _text(text: str, width: int) -> list[str]:
    return ["  " + line if line else "" for line in wrap(text, width - 2)]


def _rows(rows: list[tuple[str, str]], width: int, indent: int = 2, col_max: int = 30, spacing: int = 2) -> list[str]:
    """Two columns: a name, and its help wrapped beside it (under it when the name is too long)."""
    first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + spacing
    lines = []
    for first, second in rows:
        wrapped = wrap(second, max(width - first_col - indent, 20))
        if display_width(first) <= first_col - spacing:
            lines.append(" " * indent + first + " " * (first_col - display_width(first)) + wrapped[0])
        else:
            lines += [" " * indent + first, " " * (indent + first_col) + wrapped[0]]
        lines += [" " * (indent + first_col) + line for line in wrapped[1:]]
    return lines
