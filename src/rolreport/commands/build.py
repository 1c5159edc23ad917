"""``rolreport build``: validate sources and render them.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
import sys
from pathlib import Path
from typing import Annotated

import typer

from rolreport.commands.options import BuiltinFixes, Encoding, Quotes, Vocabulary, conversion_options
from rolreport.fsio import write_stdout

LISTED = 30  # up to this many outputs are listed one by one; a corpus build prints its summary


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
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="同时构建的进程数（默认：CPU 核数；1 为在本进程内依次构建）。只有一个源文件时总在本进程内。",
            show_default=False,
        ),
    ] = None,
    keep_going: Annotated[
        bool,
        typer.Option(
            "--keep-going",
            help="有源文件无效时仍生成其余有效的源文件，最后列出无效的（退出码 1）；默认全部有效才写入任何文件。",
        ),
    ] = False,
) -> None:
    """校验报告并生成 Markdown、HTML、纯文本（写入 --out 文件夹，默认 ./build）。FILE 可以是文件、文件夹（递归查找报告源文件，输出保留其目录结构）或通配符。"""
    import os
    import time

    from rolreport import build as pipeline
    from rolreport.diagnostics import RolreportError

    formats = pipeline.parse_formats(format)
    options = conversion_options(builtin_fixes, vocabulary, quotes)
    workers = jobs or os.cpu_count() or 1
    started = time.perf_counter()
    built = pipeline.plan(
        files, formats, out, templates, encoding, script, options, jobs=workers, keep_going=keep_going,
        progress=pipeline.show_progress(),
    )  # fmt: skip
    if built.stdout is not None:
        write_stdout(built.stdout.content)
        return
    pipeline.write(built)
    if len(built.staged) <= LISTED:
        for output in built.staged:
            print(f"已生成 {output.shown}", file=sys.stderr)
    if built.sources > 1:
        failed = f"，{built.failed} 份无效" if built.failed else ""
        print(
            f"已构建 {built.sources - built.failed} 份报告（{len(built.staged)} 个文件，在 {out}）{failed}，"
            f"用时 {time.perf_counter() - started:.1f} 秒 (built, invalid, time)",
            file=sys.stderr,
        )
    if built.problems:  # --keep-going: the valid sources are built; the others are listed, exit 1
        raise RolreportError(built.problems)
