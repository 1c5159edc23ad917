"""``rolreport site``: a static site over many reports, with full-text search.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

from rolreport.commands.options import ENCODING
from rolreport.commands.params import Command, argument, flag, integer, option


def site(
    files: list[str],
    out: str,
    script: list[str],
    title: str,
    check: bool,
    keep_going: bool,
    serve: bool,
    port: int,
    encoding: str | None,
) -> None:
    from rolreport.build import parse_scripts
    from rolreport.site.run import SiteOptions, run

    scripts = parse_scripts(script)
    run(files, SiteOptions(out, tuple(scripts), title, check, keep_going, encoding, serve, port))


COMMAND = Command(
    "site",
    "为许多报告生成可搜索的静态网站",
    "为许多报告生成静态网站：可排序、可筛选的目录，每份报告一页（可含多种文字），同一地区各年互相链接，"
    "Pagefind 全文搜索（简繁皆可）。",
    (
        argument("files", "FILE", "报告源文件（YAML）、文件夹（递归查找）或通配符。", many=True),
        option("out", "-o", "--out", metavar="DIR", default="site", show_default=True, help="网站文件夹。"),
        option(
            "script",
            "-s",
            "--script",
            metavar="SCRIPT",
            many=True,
            help="每份报告再生成这些文字的页面（可重复或逗号分隔），页面间互相链接。",
        ),
        option("title", "--title", default="法治政府建设年度报告库", show_default=True, help="网站标题。"),
        flag(
            "check",
            "--check",
            negative="--no-check",
            default=True,
            help="在目录中列出 rolreport check 的结果（默认列出）。",
        ),
        flag("keep_going", "--keep-going", help="有源文件无效时仍生成其余报告，列出无效的。"),
        flag("serve", "--serve", help="生成后在本机 http://127.0.0.1:PORT/ 上提供网站（全文搜索需要 http）。"),
        option(
            "port",
            "--port",
            metavar="PORT",
            default=8000,
            show_default=True,
            value=integer(0, 65535),
            help="--serve 的端口（0：任选一个空闲端口）。",
        ),
        ENCODING,
    ),
    site,
)
