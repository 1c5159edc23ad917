"""The command line: parse options, call the pipeline, map errors to exit codes.

Exit codes (the same for every command):
  0  success
  1  invalid input: the report (or another input file) has problems, listed on stderr
  2  usage error (bad option, missing file, clashing outputs, broken template) or internal error

This module imports only the standard library at start-up; a command's module (its declared
parameters, :mod:`rolreport.commands`) is imported when it runs, and every stage of the pipeline
inside the command that needs it, so ``rolreport --version`` and every ``--help`` stay close to
Python's own start-up.  Errors are printed as ``FILE:LINE:COL: message [yaml.path]``; a traceback
is shown only with ``--debug``.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from rolreport import __version__

ROOT_FLAGS = ("-V", "--version", "--debug", "-h", "--help")


def version_text() -> str:
    from rolreport.backend import backend_info

    return f"rolreport {__version__} (Python {sys.version.split()[0]}; OpenCC backend: {backend_info()})"


def _fast_path(argv: list[str]) -> None:
    """``rolreport --version`` before anything else is imported."""
    if argv in (["--version"], ["-V"]):
        print(version_text())
        raise SystemExit(0)


def _split(args: list[str]) -> tuple[list[str], list[str]]:
    """The root options (before the command) and the command with its arguments."""
    command_at = next((i for i, a in enumerate(args) if not a.startswith("-") or a == "-"), len(args))
    return args[:command_at], args[command_at:]


def _debug_requested(args: list[str]) -> bool:
    """``--debug`` (a root option, before the command) or ROLREPORT_DEBUG=1, for this call only."""
    return "--debug" in _split(args)[0] or os.environ.get("ROLREPORT_DEBUG", "") not in ("", "0")


def _without_pydantic_plugins() -> None:
    """Run without pydantic's plugins (observability hooks a command-line run never uses).

    pydantic looks up every installed package's entry points for plugins when the first model is
    built, unless ``PYDANTIC_DISABLE_PLUGINS`` says not to (setdefault: a user who sets the
    variable keeps their choice).  Even then, its plugin loader imports ``importlib.metadata`` (and
    with it ``email``, ``zipfile``, ``socket`` …) only to leave it unused: ≈ 20 ms of a 180 ms
    build.  So when every plugin is off, the loader is the one it would be with nothing to load:
    a module whose ``get_plugins`` returns none (``tests/test_cli.py`` checks that pydantic still
    validates through it and that ``importlib.metadata`` stays unimported).
    """
    if os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__") != "__all__":
        return
    import types

    loader = types.ModuleType("pydantic.plugin._loader", "Plugins switched off (rolreport.cli).")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # () : no plugins
    sys.modules.setdefault("pydantic.plugin._loader", loader)


def _run(args: list[str]) -> int:
    """Root options, then the command: its parameters parsed, its function called."""
    from rolreport import cli_help, commands
    from rolreport.commands.params import CommandLineError, parse, wants_help

    root, rest = _split(args)
    unknown = [a for a in root if a not in ROOT_FLAGS]
    if unknown:
        raise CommandLineError(
            [f"没有这个选项 {a}（命令前只能用 --version、--debug、--help）(no such option)" for a in unknown]
        )
    if "-V" in root or "--version" in root:
        print(version_text())
        return 0
    asked = "-h" in root or "--help" in root
    if not rest or asked:
        page = cli_help.root_help(commands.all_commands())
        if asked:
            _write(page)
            return 0
        print(page, end="", file=sys.stderr)  # no command: the page, as a usage error
        return 2
    name = rest[0]
    if name not in commands.MODULES:
        import difflib

        close = difflib.get_close_matches(name, list(commands.MODULES), n=3, cutoff=0.6)
        hint = f"；是不是 {', '.join(close)}？" if close else ""
        raise CommandLineError([f"没有这个命令 {name}{hint} (no such command)"])
    command = commands.command(name)
    if wants_help(rest[1:]):
        _write(cli_help.command_help(command))
        return 0
    values = parse(command, rest[1:])
    return command.run(**values) or 0


def _write(page: str) -> None:
    from rolreport.fsio import write_stdout

    write_stdout(page)


def _report(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def main(argv: list[str] | None = None) -> NoReturn:
    """Console-script entry point; always exits with a documented code.

    Run as the process itself (``argv`` None), the garbage collector runs less often (see
    below), and the objects left at the end are frozen out of it before the interpreter exits:
    its last collection would walk every pydantic schema, template and YAML node only to free
    memory the process returns anyway (≈ 20 ms of a 160 ms build).  Files are closed, streams
    flushed and ``atexit`` handlers run as usual; no rolreport object holds a file in a
    reference cycle.  Called with arguments (the tests, a caller's own process), the collector
    is left as it is.
    """
    import gc

    if argv is None:
        # Fewer, larger collections: parsing a 10 MB source allocates tens of millions of
        # objects, almost none in reference cycles, and the default thresholds (700, 10, 10)
        # spend 40% of its time scanning them (2.15 s → 1.49 s).  Cyclic garbage waits for at
        # most 100,000 new objects before it is collected.
        gc.set_threshold(100_000, 50, 50)
    try:
        _main(sys.argv[1:] if argv is None else argv)
    finally:
        if argv is None:
            gc.freeze()


def _main(args: list[str]) -> NoReturn:
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    _fast_path(args)
    _without_pydantic_plugins()
    from rolreport.commands.params import CommandLineError

    debug = _debug_requested(args)
    try:
        code = _run(args)
    except CommandLineError as exc:  # the command line itself: an unknown option, a missing argument…
        from rolreport.diagnostics import printable

        for problem in exc.problems:
            print(printable(f"{exc.where}: {problem}"), file=sys.stderr)
        print(f"用 {exc.where} -h 查看帮助 (see {exc.where} -h)", file=sys.stderr)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BrokenPipeError:
        # `rolreport build --out - x.yaml | head`: the reader left; not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None
    except Exception as exc:
        # imported here, not at start-up: --help never needs it
        from rolreport.diagnostics import EXIT_USAGE, RolreportError

        if isinstance(exc, RolreportError):  # the user's input: located messages
            _report([d.format() for d in exc.diagnostics])
            raise SystemExit(exc.exit_code) from None
        # a bug: say so in one line, exit 2
        if debug:
            import traceback

            traceback.print_exc()
        _report(
            [
                f"rolreport: 内部错误 (internal error): {type(exc).__name__}: {exc}",
                "这是 rolreport 的缺陷，请报告；加 --debug 可显示回溯 (run with --debug for a traceback)",
            ]
        )
        raise SystemExit(EXIT_USAGE) from None
    raise SystemExit(code)
