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
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

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


class QuotesChoice(StrEnum):
    keep = "keep"
    regional = "regional"


QUOTES_HELP = "引号：keep 保留原样（默认）；regional 台湾、香港版用「」『』，简体和 OpenCC 繁体版用“”‘’。"
FIXES_HELP = "是否应用内置的 OpenCC 错误修正（编发→編發、云上复议→雲上複議 等）；默认应用。"
VOCABULARY_HELP = "使用 OpenCC 词汇转换（s2twp 等）。会改写法律用语（规范性文件→規範性檔案），仅在明确需要时使用。"


def _build_app():
    import typer

    from rolreport import cli_help

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

    # Options shared by several commands.
    Encoding = Annotated[
        str | None, typer.Option("--encoding", metavar="ENCODING", help="源文件编码（默认 UTF-8），如 gb18030。")
    ]
    Quotes = Annotated[QuotesChoice | None, typer.Option("--quotes", help=QUOTES_HELP)]
    BuiltinFixes = Annotated[bool | None, typer.Option("--builtin-fixes/--no-builtin-fixes", help=FIXES_HELP)]
    Vocabulary = Annotated[bool, typer.Option("--vocabulary", help=VOCABULARY_HELP)]

    def conversion_options(builtin_fixes: bool | None, vocabulary: bool, quotes: QuotesChoice | None):
        from rolreport.variants import ConversionOptions

        return ConversionOptions(builtin_fixes, vocabulary, quotes.value if quotes else None)

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

    @app.command(short_help="校验报告并生成 md、html、txt、docx、pdf")
    def build(
        files: Annotated[
            list[str], typer.Argument(help="报告源文件（YAML）；“-”读标准输入。", show_default=False, metavar="FILE")
        ],
        format: Annotated[
            list[str],
            typer.Option(
                "--format",
                "-f",
                metavar="FORMAT",
                help="输出格式，逗号分隔或重复：md, html, txt, docx（Word，GB/T 9704 版式）, pdf（需本机 Chromium）。默认 md,html,txt。",
            ),
        ] = [],  # noqa: B006 - typer reads the default, never mutates it
        out: Annotated[
            str,
            typer.Option("--out", "-o", metavar="DIR", help="输出文件夹；“-”写到标准输出（仅限一个文件、一种格式）。"),
        ] = "build",
        templates: Annotated[
            Path | None,
            typer.Option(
                "--templates",
                help="自定义模板文件夹：其中的 report.md / report.html / report.txt 优先于内置模板。",
                exists=True,
                file_okay=False,
                dir_okay=True,
            ),
        ] = None,
        encoding: Encoding = None,
        script: Annotated[
            list[str],
            typer.Option(
                "--script",
                "-s",
                metavar="SCRIPT",
                help="生成这些文字的版本（可重复或逗号分隔）：zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK；"
                "文件名带文字后缀，如 x.zh-Hans.html。默认只生成源文字，文件名不带后缀。",
            ),
        ] = [],  # noqa: B006
        quotes: Quotes = None,
        builtin_fixes: BuiltinFixes = None,
        vocabulary: Vocabulary = False,
    ) -> None:
        """校验报告并生成 Markdown、HTML、纯文本（写入 --out 文件夹，默认 ./build）。"""
        from rolreport import build as pipeline

        formats = pipeline.parse_formats(format)
        options = conversion_options(builtin_fixes, vocabulary, quotes)
        outputs = pipeline.plan(files, formats, out, templates, encoding, script, options)
        if out == "-":
            _write_stdout(outputs[0].content)
            return
        pipeline.write(outputs, files)
        for output in outputs:
            print(f"已生成 {output.path}", file=sys.stderr)

    @app.command(short_help="按规则检查报告，可自动修复")
    def check(
        files: Annotated[list[str], typer.Argument(help="报告源文件（YAML）；“-”读标准输入。", metavar="FILE")],
        output_format: Annotated[
            str | None,
            typer.Option(
                "--output-format",
                metavar="FORMAT",
                help="full（默认，带源码行和标记）、concise、json、github、gitlab、rdjson、sarif；"
                "在 GitHub Actions 中默认 github。",
            ),
        ] = None,
        output_file: Annotated[
            Path | None, typer.Option("--output-file", metavar="FILE", help="把结果写入文件（原子写入）。")
        ] = None,
        fix: Annotated[
            bool, typer.Option("--fix", help="原地应用安全修复（标点宽度、全角字母数字、不可见字符等）。")
        ] = False,
        unsafe_fixes: Annotated[
            bool, typer.Option("--unsafe-fixes", help="同时应用不安全修复（如简繁用字更正），请复核结果。")
        ] = False,
        exit_zero: Annotated[bool, typer.Option("--exit-zero", help="有问题也以 0 退出（用法错误仍为 2）。")] = False,
        strict: Annotated[bool, typer.Option("--strict", help="警告也视为失败。")] = False,
        config: Annotated[
            Path | None,
            typer.Option(
                "--config", metavar="FILE", help="配置文件（默认自动查找 .rolreport.toml 或 pyproject.toml）。"
            ),
        ] = None,
        select: Annotated[
            list[str], typer.Option("--select", metavar="RULES", help="只运行这些规则（可用前缀，如 RR3）。")
        ] = [],  # noqa: B006
        ignore: Annotated[list[str], typer.Option("--ignore", metavar="RULES", help="忽略这些规则。")] = [],  # noqa: B006
        encoding: Encoding = None,
    ) -> None:
        """按规则检查报告源文件（标点、简繁用字、书名号、年份、法定内容……），可自动修复。"""
        from rolreport.check.command import CheckOptions, run

        def split(values: list[str]) -> list[str]:
            return [v.strip() for value in values for v in value.split(",") if v.strip()]

        options = CheckOptions(
            output_format=output_format,
            output_file=output_file,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            exit_zero=exit_zero,
            strict=strict,
            config=config,
            select=split(select) or None,
            ignore=split(ignore) or None,
            encoding=encoding,
        )
        code = run(files, options)
        if code:
            raise typer.Exit(code)

    @app.command(short_help="在简体和繁体之间转换文件")
    def convert(
        files: Annotated[
            list[str],
            typer.Argument(help="要转换的文件：报告源文件（.yaml）、.txt、.md、.html；“-”读标准输入。", metavar="FILE"),
        ],
        to: Annotated[
            str,
            typer.Option("--to", "-t", metavar="SCRIPT", help="目标文字：zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK。"),
        ],
        from_: Annotated[
            str | None,
            typer.Option("--from", metavar="SCRIPT", help="源文字；默认取报告的 script，文本文件自动识别。"),
        ] = None,
        in_place: Annotated[bool, typer.Option("--in-place", "-i", help="原地改写（原子写入）。")] = False,
        output: Annotated[
            str | None,
            typer.Option("--output", "-o", metavar="OUT", help="输出文件或文件夹；“-”为标准输出（默认，单个文件时）。"),
        ] = None,
        kind: Annotated[
            str | None, typer.Option("--as", metavar="KIND", help="按此类型处理：yaml, text, html；默认看扩展名。")
        ] = None,
        encoding: Encoding = None,
        quotes: Quotes = None,
        builtin_fixes: BuiltinFixes = None,
        vocabulary: Vocabulary = False,
    ) -> None:
        """在简体、繁体（OpenCC 标准、台湾、香港）之间转换文件；只改文字，不改键、日期、数字、网址和文件名。"""
        from rolreport import convertfile

        options = conversion_options(builtin_fixes, vocabulary, quotes)
        results = convertfile.convert_paths(
            files, to=to, from_=from_, in_place=in_place, output=output, kind=kind, encoding=encoding, options=options
        )
        convertfile.write(results, in_place)
        for result in results:
            if result.target is not None:
                print(f"已转换 {result.path} → {result.target}", file=sys.stderr)

    @app.command("import", short_help="把已发布的报告转为 YAML 源文件")
    def import_(
        file: Annotated[
            str, typer.Argument(help="已发布的报告：.txt、.md、.html、.docx；“-”读标准输入。", metavar="FILE")
        ],
        output: Annotated[
            str | None, typer.Option("--output", "-o", metavar="FILE", help="写入的 YAML 文件（默认标准输出）。")
        ] = None,
        force: Annotated[bool, typer.Option("--force", help="覆盖已有的输出文件。")] = False,
        kind: Annotated[
            str | None,
            typer.Option("--as", metavar="KIND", help="输入类型：text, markdown, html, docx；默认看扩展名。"),
        ] = None,
        encoding: Annotated[
            str | None, typer.Option("--encoding", metavar="ENCODING", help="文本编码；默认识别 UTF-8 和 GB18030。")
        ] = None,
        script: Annotated[
            str | None, typer.Option("--script", metavar="SCRIPT", help="原文的文字；默认自动识别。")
        ] = None,
        title: Annotated[str | None, typer.Option("--title", help="报告标题（原文没有或识别错误时）。")] = None,
        issuer: Annotated[str | None, typer.Option("--issuer", help="发文机关。")] = None,
        jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="行政区域或部门。")] = None,
        year: Annotated[int | None, typer.Option("--year", help="报告年度。", min=1990, max=2100)] = None,
        schema: Annotated[str, typer.Option("--schema", help="模式行引用的 JSON Schema。")] = "rolreport.schema.json",
    ) -> None:
        """把已发布的报告（文本、Markdown、网页、Word）转为 YAML 源文件；列出丢弃和未能分类的行。"""
        from rolreport.importer.run import ImportOptions, import_report, summary, write

        if script is not None:
            from rolreport.variants import check_pair

            check_pair(script, script, False)
        options = ImportOptions(kind, encoding, script, title, issuer, jurisdiction, year, schema)
        if output not in (None, "-") and Path(output).exists() and not force:
            from rolreport.diagnostics import UsageError

            raise UsageError("文件已存在，未覆盖；用 --force 覆盖 (refusing to overwrite)", output)
        yaml_text, notes, report = import_report(file, options)
        write(yaml_text, output, force, file)
        print(summary(file if file != "-" else "<stdin>", report, notes), file=sys.stderr)

    @app.command(short_help="写出一份报告骨架")
    def new(
        file: Annotated[Path, typer.Argument(help="要创建的 YAML 文件。", show_default=False, metavar="FILE")],
        jurisdiction: Annotated[str, typer.Option("--jurisdiction", "-j", help="行政区域或部门，如“常州市”。")],
        year: Annotated[int, typer.Option("--year", "-y", help="报告年度，如 2024。", min=1990, max=2100)],
        issuer: Annotated[str | None, typer.Option("--issuer", help="发文机关；默认“<行政区域>人民政府”。")] = None,
        script: Annotated[
            str, typer.Option("--script", metavar="SCRIPT", help="文字：zh-Hans、zh-Hant、zh-Hant-TW、zh-Hant-HK。")
        ] = "zh-Hans",
        schema: Annotated[
            str,
            typer.Option("--schema", help="模式行（modeline）引用的 JSON Schema 路径或网址。"),
        ] = "rolreport.schema.json",
    ) -> None:
        """写出一份可通过校验的报告骨架，包含全部法定内容；不会覆盖已有文件。"""
        from rolreport import skeleton

        skeleton.write_new(file, jurisdiction=jurisdiction, year=year, issuer=issuer, script=script, schema=schema)
        print(f"已创建 {file}", file=sys.stderr)
        if "://" not in schema and not (file.parent / schema).exists():
            print(f"编辑器补全和校验：rolreport schema -o {file.parent / schema}", file=sys.stderr)

    @app.command(short_help="输出报告源文件的 JSON Schema")
    def schema(
        output: Annotated[Path | None, typer.Option("--output", "-o", help="写入文件（默认标准输出）。")] = None,
    ) -> None:
        """输出报告源文件的 JSON Schema（draft-07，供编辑器补全和校验）。"""
        from rolreport.schema import schema_text

        text = schema_text()
        if output is None:
            _write_stdout(text)
        else:
            from rolreport.fsio import write_atomic

            write_atomic(output, text)

    @app.command(short_help="显示规则的说明")
    def rule(
        rule_id: Annotated[
            str | None, typer.Argument(help="规则编号，如 RR301。", show_default=False, metavar="ID")
        ] = None,
        all_rules: Annotated[bool, typer.Option("--all", help="显示全部规则。")] = False,
        output_format: Annotated[
            str, typer.Option("--output-format", metavar="FORMAT", help="text（默认）或 json。")
        ] = "text",
    ) -> None:
        """显示一条规则（或 --all 全部规则）的说明：作用、原因、示例、修复是否安全（如 ruff rule）。"""
        from rolreport.check.rule_command import show

        _write_stdout(show(rule_id, all_rules, output_format))

    @app.command("export-templates", short_help="复制内置模板以便修改")
    def export_templates(
        folder: Annotated[Path, typer.Argument(help="写入模板的文件夹。", show_default=False, metavar="FOLDER")],
    ) -> None:
        """把内置模板复制到 FOLDER 以便修改，再用 build --templates FOLDER 使用；不覆盖已有文件。"""
        from rolreport.diagnostics import UsageError
        from rolreport.fsio import write_files
        from rolreport.render import FORMATS, bundled_templates_dir

        source = bundled_templates_dir()
        targets = [folder / name for name in FORMATS.values()]
        existing = [str(t) for t in targets if t.exists()]
        if existing:
            raise UsageError(f"文件已存在，未覆盖 (already exists): {', '.join(existing)}")
        write_files([(target, (source / target.name).read_bytes()) for target in targets])
        for target in targets:
            print(f"已写出 {target}", file=sys.stderr)

    return app


def _write_stdout(content: str | bytes) -> None:
    from rolreport.fsio import write_stdout

    write_stdout(content)


def _report(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def main(argv: list[str] | None = None) -> NoReturn:
    """Console-script entry point; always exits with a documented code."""
    args = sys.argv[1:] if argv is None else argv
    if hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")
    _fast_path(args)
    from rolreport.diagnostics import EXIT_USAGE, RolreportError

    debug = _debug_requested(args)
    from typer._click.exceptions import ClickException, UsageError
    from typer.exceptions import Abort

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
