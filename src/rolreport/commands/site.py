"""``rolreport site``: a static site over many reports, with full-text search.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

# No `from __future__ import annotations`: typer reads the annotations at run time.
from typing import Annotated

import typer

from rolreport.commands.options import Encoding


def site(
    files: Annotated[
        list[str],
        typer.Argument(help="报告源文件（YAML）、文件夹（递归查找）或通配符。", metavar="FILE", show_default=False),
    ],
    out: Annotated[str, typer.Option("--out", "-o", metavar="DIR", help="网站文件夹。")] = "site",
    script: Annotated[
        list[str],
        typer.Option(
            "--script",
            "-s",
            metavar="SCRIPT",
            help="每份报告再生成这些文字的页面（可重复或逗号分隔），页面间互相链接。",
        ),
    ] = [],  # noqa: B006 - typer reads the default, never mutates it
    title: Annotated[str, typer.Option("--title", help="网站标题。")] = "法治政府建设年度报告库",
    check: Annotated[
        bool, typer.Option("--check/--no-check", help="在目录中列出 rolreport check 的结果（默认列出）。")
    ] = True,
    keep_going: Annotated[
        bool, typer.Option("--keep-going", help="有源文件无效时仍生成其余报告，列出无效的。")
    ] = False,
    serve: Annotated[
        bool, typer.Option("--serve", help="生成后在本机 http://127.0.0.1:PORT/ 上提供网站（全文搜索需要 http）。")
    ] = False,
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help="--serve 的端口（0：任选一个空闲端口）。")
    ] = 8000,
    encoding: Encoding = None,
) -> None:
    """为许多报告生成静态网站：可排序、可筛选的目录，每份报告一页（可含多种文字），同一地区各年互相链接，Pagefind 全文搜索（简繁皆可）。"""
    from rolreport.build import parse_scripts
    from rolreport.site.run import SiteOptions, run

    scripts = parse_scripts(script)
    run(files, SiteOptions(out, tuple(scripts), title, check, keep_going, encoding, serve, port))
