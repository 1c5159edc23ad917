"""``rolreport build``: validate sources and render them.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rolreport.commands.options import CONVERSION, ENCODING, conversion_options
from rolreport.commands.params import Command, argument, flag, folder, integer, option

LISTED = 30  # up to this many outputs are listed one by one; a corpus build prints its summary


def build(
    files: list[str],
    format: list[str],
    out: str,
    templates: Path | None,
    encoding: str | None,
    script: list[str],
    quotes: str | None,
    builtin_fixes: bool | None,
    vocabulary: bool,
    jobs: int | None,
    keep_going: bool,
) -> None:
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
        from rolreport.fsio import write_stdout

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


COMMAND = Command(
    "build",
    "校验报告并生成 md、html、txt、docx、pdf",
    "校验报告并生成 Markdown、HTML、纯文本（写入 --out 文件夹，默认 ./build）。"
    "FILE 可以是文件、文件夹（递归查找报告源文件，输出保留其目录结构）或通配符。",
    (
        argument("files", "FILE", "报告源文件（YAML）；“-”读标准输入。", many=True),
        option(
            "format",
            "-f",
            "--format",
            metavar="FORMAT",
            many=True,
            help="输出格式，逗号分隔或重复：md, html, txt, docx（Word，GB/T 9704 版式）, pdf（需本机 Chromium）。"
            "默认 md,html,txt。",
        ),
        option(
            "out",
            "-o",
            "--out",
            metavar="DIR",
            default="build",
            show_default=True,
            help="输出文件夹；“-”写到标准输出（仅限一个文件、一种格式）。",
        ),
        option(
            "templates",
            "--templates",
            metavar="DIR",
            value=folder,
            help="自定义模板文件夹：其中的 report.md / report.html / report.txt 优先于内置模板。",
        ),
        ENCODING,
        option(
            "script",
            "-s",
            "--script",
            metavar="SCRIPT",
            many=True,
            help="生成这些文字的版本（可重复或逗号分隔）：zh-Hans, zh-Hant, zh-Hant-TW, zh-Hant-HK；"
            "文件名带文字后缀，如 x.zh-Hans.html。默认只生成源文字，文件名不带后缀。",
        ),
        *CONVERSION,
        option(
            "jobs",
            "-j",
            "--jobs",
            metavar="N",
            value=integer(1),
            help="同时构建的进程数（默认：CPU 核数；1 为在本进程内依次构建）。只有一个源文件时总在本进程内。",
        ),
        flag(
            "keep_going",
            "--keep-going",
            help="有源文件无效时仍生成其余有效的源文件，最后列出无效的（退出码 1）；默认全部有效才写入任何文件。",
        ),
    ),
    build,
)
