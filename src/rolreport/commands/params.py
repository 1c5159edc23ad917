"""Command-line parameters declared as data, parsed by argparse, shown by :mod:`rolreport.cli_help`.

Each command module declares its ``COMMAND`` (its arguments and options, with their Chinese help)
apart from the function that does the work.  Parsing uses the standard library's argparse, with
the checks that give user mistakes rolreport's own messages done here: every problem of a
command line is reported in one run, in Chinese with the English gist, and exit code 2.

Why not typer (which rolreport used up to 0.1): typer 0.29 builds a pydantic adapter for every
option it parses, so every run paid pydantic's import before anything else (≈ 30–50 ms of a
200 ms build), and its help printed type names (``FILE <list[str]>``) and wrapped Chinese by
``len()``.  Declaring the parameters as data costs nothing at start-up, and the help is
formatted by display width from the same declarations that the parser uses.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HELP_FLAGS = ("-h", "--help")


class CommandLineError(Exception):
    """Everything wrong with one command line: ``(message in Chinese (English gist))`` lines."""

    def __init__(self, problems: list[str], where: str = "rolreport"):
        super().__init__("; ".join(problems))
        self.problems = problems
        self.where = where


@dataclass(frozen=True)
class Param:
    """One argument (``flags`` empty) or option.

    ``value`` turns the text given into what the command receives and raises ``ValueError``
    with a message (in Chinese) for a bad value; ``None`` makes the option a flag (no value).
    ``many``: an argument takes one or more values, an option may be repeated (a list).
    """

    dest: str
    help: str
    flags: tuple[str, ...] = ()
    metavar: str = ""
    default: Any = None
    required: bool = False
    many: bool = False
    value: Callable[[str], Any] | None = str
    negative: str = ""  # a flag's "off" form, e.g. --no-check
    show_default: bool = False

    @property
    def is_flag(self) -> bool:
        return self.value is None

    @property
    def label(self) -> str:
        """How a message names it: ``--jobs / -j`` or ``FILE``."""
        return " / ".join(self.flags) if self.flags else self.metavar


def argument(dest: str, metavar: str, help: str, *, many: bool = False, required: bool = True) -> Param:
    return Param(dest, help, metavar=metavar, many=many, required=required, default=[] if many else None)


def option(
    dest: str,
    *flags: str,
    help: str,
    metavar: str = "TEXT",
    default: Any = None,
    required: bool = False,
    many: bool = False,
    value: Callable[[str], Any] = str,
    show_default: bool = False,
) -> Param:
    return Param(dest, help, flags, metavar, [] if many else default, required, many, value, show_default=show_default)


def flag(dest: str, *flags: str, help: str, negative: str = "", default: bool | None = False) -> Param:
    return Param(dest, help, flags, default=default, value=None, negative=negative)


@dataclass(frozen=True)
class Command:
    """A command: its name, a one-line summary for the command list, its help page's text, its
    parameters, and the function called with them (by ``dest``) that returns the exit code."""

    name: str
    summary: str
    description: str
    params: tuple[Param, ...]
    run: Callable[..., int | None]

    @property
    def prog(self) -> str:
        return f"rolreport {self.name}"


# -- value types -------------------------------------------------------------------------------------------


def integer(minimum: int | None = None, maximum: int | None = None) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            number = int(text.strip())
        except ValueError:
            raise ValueError(f"“{text}”不是整数 (not an integer)") from None
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            if maximum is None:
                raise ValueError(f"{number} 小于 {minimum} (must be at least {minimum})")
            raise ValueError(f"{number} 不在 {minimum}–{maximum} 之间 (must be {minimum} to {maximum})")
        return number

    return parse


def choice(*choices: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in choices:
            raise ValueError(f"“{text}”不是 {'、'.join(choices)} 之一 (one of {', '.join(choices)})")
        return text

    return parse


def folder(text: str) -> Path:
    path = Path(text)
    if not path.is_dir():
        raise ValueError(
            f"没有这个文件夹 {text} (no such folder)" if not path.exists() else f"{text} 不是文件夹 (not a folder)"
        )
    return path


# -- parsing -----------------------------------------------------------------------------------------------


def wants_help(args: Sequence[str]) -> bool:
    """``-h``/``--help`` anywhere before ``--`` (help is shown even beside a broken option)."""
    for arg in args:
        if arg == "--":
            return False
        if arg in HELP_FLAGS:
            return True
    return False


def parse(command: Command, args: Sequence[str]) -> dict[str, Any]:
    """The values of ``command``'s parameters in ``args``, or a :class:`CommandLineError`
    listing every problem (an unknown option, a missing argument, a bad value, …)."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message: str) -> Any:  # argparse's own complaints (an option without its value)
            raise CommandLineError([_argparse_message(message)], command.prog)

    parser = Parser(prog=command.prog, add_help=False, allow_abbrev=False)
    for param in command.params:
        if not param.flags:
            parser.add_argument(param.dest, metavar=param.metavar, nargs="*" if param.many else "?", default=None)
        elif param.is_flag:
            parser.add_argument(*param.flags, dest=param.dest, action="store_const", const=True, default=param.default)
            if param.negative:
                parser.add_argument(param.negative, dest=param.dest, action="store_const", const=False)
        else:
            parser.add_argument(*param.flags, dest=param.dest, action="append" if param.many else "store")
    namespace, extras = parser.parse_known_intermixed_args(list(args))
    problems = [_unknown(extra, command) for extra in extras]
    values: dict[str, Any] = {}
    for param in command.params:
        raw = getattr(namespace, param.dest)
        if raw is None or raw == []:
            if param.required:
                problems.append(f"缺少参数 {param.label} (missing {'argument' if not param.flags else 'option'})")
            values[param.dest] = param.default if not param.many else []
            continue
        if param.is_flag:
            values[param.dest] = raw
            continue
        assert param.value is not None
        converted = []
        for text in raw if isinstance(raw, list) else [raw]:
            try:
                converted.append(param.value(text))
            except ValueError as exc:
                problems.append(f"参数 {param.label} 的值无效：{exc}")
        values[param.dest] = converted if param.many else (converted[0] if converted else param.default)
    if problems:
        raise CommandLineError(problems, command.prog)
    return values


def _unknown(extra: str, command: Command) -> str:
    if not extra.startswith("-") or extra == "-":
        return f"多余的参数 {extra}（选项的值写错了位置，或文件名中有空格？）(unexpected extra argument)"
    import difflib

    name = extra.split("=", 1)[0]
    known = [f for p in command.params for f in (*p.flags, p.negative) if f.startswith("--")]
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    hint = f"；是不是 {', '.join(close)}？" if close else ""
    return f"没有这个选项 {name}{hint} (no such option)"


def _argparse_message(message: str) -> str:
    """argparse's few own messages (an option without its value, a flag given one) in Chinese."""
    head, _, detail = message.partition(": ")
    name = head.removeprefix("argument ").split("/")[0]
    if detail.startswith("expected one argument"):
        return f"选项 {name} 缺少它的值 (expects a value)"
    if detail.startswith("ignored explicit argument"):
        return f"开关选项 {name} 不带值，如写 {name} 而不是 {name}=… (flags take no value)"
    return f"用法错误 ({message})"
