"""The command line: parse options, call the pipeline, map errors to exit codes.

Exit codes (the same for every command):
  0  success
  1  invalid input: the report (or another input file) has problems, listed on stderr
  2  usage error (bad option, missing file, clashing outputs, broken template) or internal error

This module imports only typer and the standard library at start-up; every stage is imported
inside the command that needs it, so ``rolreport --version`` stays close to Python's own start-up
(and ``--version`` alone does not even import typer).  Errors are printed as
``FILE:LINE:COL: message [yaml.path]``; a traceback is shown only with ``--debug``.
"""

# No `from __future__ import annotations` here: typer reads the annotations of the command
# functions at run time, and `typer` is imported inside _build_app, not at module level.
import os
import sys
from typing import Annotated, Any, NoReturn

from rolreport import __version__


def version_text() -> str:
    from rolreport.backend import backend_info

    return f"rolreport {__version__} (Python {sys.version.split()[0]}; OpenCC backend: {backend_info()})"


def _fast_path(argv: list[str]) -> None:
    """``rolreport --version`` without importing typer (≈100 ms saved)."""
    if argv in (["--version"], ["-V"]):
        print(version_text())
        raise SystemExit(0)


def _debug_requested(args: list[str]) -> bool:
    """``--debug`` (a root option, before the command) or ROLREPORT_DEBUG=1, for this call only."""
    command_at = next((i for i, a in enumerate(args) if not a.startswith("-")), len(args))
    return "--debug" in args[:command_at] or os.environ.get("ROLREPORT_DEBUG", "") not in ("", "0")


def _build_app() -> Any:
    import typer

    from rolreport import cli_help, commands

    cli_help.install()
    app = typer.Typer(
        name="rolreport",
        help="法治政府建设年度报告编译器：校验 YAML 报告源文件，生成 Markdown、HTML、纯文本。",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    def _version(value: bool) -> None:
        if value:
            print(version_text())
            raise typer.Exit()

    @app.callback()
    def _root(
        version: Annotated[
            bool,
            typer.Option("--version", "-V", callback=_version, is_eager=True, help="显示版本后退出。"),
        ] = False,
        debug: Annotated[bool, typer.Option("--debug", help="内部错误时显示 Python 回溯 (traceback)。")] = False,
    ) -> None:
        """法治政府建设年度报告编译器。"""  # --debug is read by main() itself, per call

    commands.register(app)
    return app


def _command_help(name: str) -> None:
    """``rolreport COMMAND --help`` printed from the command's definition, without parsing: typer
    0.29 builds a pydantic adapter for every option it parses, the help option included, which
    imports pydantic (≈ 80 ms) for a page of text."""
    import typer
    from typer._click import Context

    app = _build_app()
    group = typer.main.get_command(app)
    root = Context(group, info_name="rolreport", **app.info.context_settings)
    command = group.get_command(root, name)  # type: ignore[attr-defined]
    if command is None:
        return  # the normal path reports the unknown command
    from rolreport.fsio import write_stdout

    write_stdout(command.get_help(Context(command, info_name=name, parent=root)) + "\n")
    raise SystemExit(0)


def _report(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def main(argv: list[str] | None = None) -> NoReturn:
    """Console-script entry point; always exits with a documented code."""
    args = sys.argv[1:] if argv is None else argv
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    _fast_path(args)
    # pydantic looks up every installed package's entry points for plugins when the first model
    # is built: 10 ms of a 200 ms build, for observability plugins a command-line run never
    # uses.  setdefault: a user who sets the variable keeps their choice.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from rolreport.diagnostics import EXIT_USAGE, RolreportError

    debug = _debug_requested(args)
    from typer._click.exceptions import ClickException, UsageError
    from typer.exceptions import Abort

    if len(args) == 2 and args[1] in ("-h", "--help") and not args[0].startswith("-"):
        _command_help(args[0])  # returns only when there is no such command
    try:
        code = _build_app()(args=args, prog_name="rolreport", standalone_mode=False)
    except SystemExit:
        raise
    except UsageError as exc:  # the parser's own: an unknown option, a missing argument…
        from rolreport import cli_help
        from rolreport.diagnostics import printable

        print(printable(cli_help.usage_message(exc)), file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None
    except ClickException as exc:
        from rolreport.diagnostics import printable

        print(printable(f"rolreport: {exc.format_message()}"), file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from None
    except Abort:
        raise SystemExit(130) from None
    except RolreportError as exc:
        _report([d.format() for d in exc.diagnostics])
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BrokenPipeError:
        # `rolreport build --out - x.yaml | head`: the reader left; not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None
    except Exception as exc:  # a bug: say so in one line, exit 2
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
    raise SystemExit(code if isinstance(code, int) else 0)
