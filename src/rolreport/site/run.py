"""The site command's pipeline (see the package docstring)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolreport.diagnostics import Diagnostic, RolreportError, UsageError

if TYPE_CHECKING:
    from rolreport.config import ProjectConfig
    from rolreport.model import Report

LEVELS = {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇（街道）", "department": "部门"}
ROLE_NAMES = {"measures": "举措", "leader_duty": "第一责任人", "shortcomings": "不足", "next_year": "安排",
              "other": "其他"}  # fmt: skip
# A report's page is found by its text in these scripts (a search in either finds it).
SEARCH_SCRIPTS = ("zh-Hans", "zh-Hant-TW")


def spaced(text: str) -> str:
    """A character a word, as the index holds a report (see templates/report.html)."""
    return " ".join(c for c in text if not c.isspace())


@dataclass(frozen=True)
class SiteOptions:
    out: str
    scripts: tuple[str, ...] = ()
    title: str = "法治政府建设年度报告库"
    check: bool = True
    keep_going: bool = False
    encoding: str | None = None
    serve: bool = False
    port: int = 8000


@dataclass
class _Entry:
    path: str
    name: str  # the page's name under reports/ without ".html"
    report: Report
    row: dict[str, Any]
    jurisdiction: str  # in Simplified characters: what groups a place's years


def pagefind() -> str:
    """The Pagefind binary (the extended build, which segments Chinese) of the Python package."""
    try:
        from pagefind.service import get_executable

        binary = get_executable()
    except ImportError:
        binary = None
    if binary is None:
        raise UsageError("全文搜索需要 Pagefind：pip install 'rolreport[site]' (the site needs pagefind[extended])")
    return str(binary)


def _read(paths: list[str], options: SiteOptions) -> list[_Entry]:
    from rolreport.build import expand_sources
    from rolreport.stats.run import StatsOptions, read_one
    from rolreport.stats.table import simplified

    sources = expand_sources(paths)
    if not sources:
        raise UsageError("没有找到报告源文件 (no report sources found)")
    entries: list[_Entry] = []
    problems: list[Diagnostic] = []
    stats_options = StatsOptions(check=options.check, encoding=options.encoding)
    configs: dict[Path, ProjectConfig] = {}
    for source in sources:
        found, report, errors = read_one(source.path, stats_options, configs)
        problems += errors
        if found is not None and report is not None:
            name = source.stem.replace("/", "__")
            entries.append(_Entry(source.path, name, report, found.row, simplified(report.jurisdiction, report.script)))
    if problems and not options.keep_going:
        raise RolreportError(problems)
    if problems:
        for d in problems:
            print(d.format(), file=sys.stderr)
    return entries


def _page_name(entry: _Entry, script: str, options: SiteOptions) -> str:
    return f"{entry.name}.{script}.html" if options.scripts else f"{entry.name}.html"


def _years(entry: _Entry, same_place: list[_Entry], script: str, options: SiteOptions) -> list[dict[str, Any]]:
    """The jurisdiction's reports by year, each linked in this page's script where it has one."""
    years = []
    for other in same_place:
        shown = script if script in options.scripts else other.report.script
        years.append({"year": other.report.year, "current": other is entry, "href": _page_name(other, shown, options)})
    return years


def build_site(paths: list[str], options: SiteOptions) -> list[tuple[Path, str]]:
    """Every page of the site, rendered (nothing written)."""
    from rolreport.build import variant_reports
    from rolreport.lexicon.scripts import SCRIPT_LABELS
    from rolreport.render import environment, render
    from rolreport.stats.texts import texts

    entries = _read(paths, options)
    env = environment()
    out = Path(options.out)
    by_place: dict[str, list[_Entry]] = {}
    for entry in entries:
        by_place.setdefault(entry.jurisdiction, []).append(entry)
    pages: list[tuple[Path, str]] = []
    index_rows = []
    for entry in entries:
        scripts = list(dict.fromkeys(options.scripts)) or [entry.report.script]
        own = entry.report.script if entry.report.script in scripts else scripts[0]
        file_of = {s: _page_name(entry, s, options) for s in scripts}
        links = (
            [{"lang": s, "label": SCRIPT_LABELS[s], "href": file_of[s]} for s in scripts] if len(scripts) > 1 else []
        )
        same_place = sorted(by_place[entry.jurisdiction], key=lambda e: (e.report.year, e.name))
        # Every version once: the pages' scripts and the scripts the search reads it in.
        wanted = list(dict.fromkeys([*scripts, *SEARCH_SCRIPTS]))
        versions = dict(variant_reports(entry.report, entry.path, wanted))
        for script in scripts:
            page = versions[script]
            searched = [versions[s] for s in dict.fromkeys([script, *SEARCH_SCRIPTS])] if script == own else []
            site = {
                "index": "../index.html",
                "years": _years(entry, same_place, script, options),
                "search_texts": list(dict.fromkeys(spaced(t.text) for version in searched for t in texts(version))),
                "jurisdiction": entry.jurisdiction,
                "level": LEVELS.get(entry.row["level"] or "", ""),
                "indexed": script == own,
            }
            html = render(env, page, "html", variants=links, site=site)
            pages.append((out / "reports" / file_of[script], html))
        row = dict(entry.row)
        row["href"] = f"reports/{file_of[own]}"
        row["variants"] = [{**link, "href": f"reports/{link['href']}"} for link in links if link["lang"] != own]
        row["level_rank"] = list(LEVELS).index(row["level"]) if row["level"] in LEVELS else len(LEVELS)
        row["roles_present"] = sum(bool(row[f"has_{role}"]) for role in ROLE_NAMES)
        row["findings"] = (
            (row["findings_error"] + row["findings_warning"] + row["findings_info"]) if options.check else None
        )
        index_rows.append(row)
    index_rows.sort(key=lambda r: (r["jurisdiction"], r["year"]))
    template = env.get_template("site-index.html")
    years = sorted({r["year"] for r in index_rows})
    pages.append(
        (
            out / "index.html",
            template.render(
                title=options.title,
                rows=index_rows,
                years=years,
                jurisdictions=sorted({r["jurisdiction"] for r in index_rows}),
                levels=LEVELS,
                roles=ROLE_NAMES,
            ),
        )
    )
    return pages


def run(paths: list[str], options: SiteOptions) -> int:
    from rolreport.fsio import write_files

    binary = pagefind()  # before anything is written
    pages = build_site(paths, options)
    write_files(pages, paths)
    indexed = subprocess.run(
        [binary, "--site", options.out, "--force-language", "zh", "--silent"], capture_output=True, text=True
    )
    if indexed.returncode != 0:
        raise UsageError(f"Pagefind 建立索引失败 (indexing failed): {indexed.stderr.strip() or indexed.stdout.strip()}")
    reports = sum(1 for path, _ in pages if path.parent.name == "reports")
    print(
        f"已生成 {options.out}/index.html：{len(pages) - 1} 个报告页面 ({reports} report pages)，已建立全文索引",
        file=sys.stderr,
    )
    if options.serve:
        serve(options.out, options.port)
    return 0


def serve(folder: str, port: int) -> None:
    """The site on http://127.0.0.1:PORT/ (Pagefind's index is fetched, so a file:// page cannot search)."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), partial(Quiet, directory=folder))
    except OSError as exc:
        raise UsageError(f"无法在端口 {port} 上提供服务：{exc.strerror} (cannot serve; try --port)") from None
    print(f"http://127.0.0.1:{server.server_address[1]}/ （Ctrl-C 停止）", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
