"""The build pipeline: sources → validated reports → rendered documents → files.

Everything is rendered in memory first; files are written only when every source of the run is
valid and every template rendered, so a failed build leaves earlier outputs byte-identical.
"""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from rolreport.config import load_config
from rolreport.convert import SCRIPTS
from rolreport.diagnostics import Diagnostic, RolreportError, UsageError
from rolreport.fsio import write_files
from rolreport.lexicon.scripts import SCRIPT_LABELS
from rolreport.model import Report
from rolreport.render import BINARY_FORMATS, DEFAULT_FORMATS, FORMATS, environment, render
from rolreport.validate import LoadedReport, load_report
from rolreport.variants import DEFAULT_OPTIONS, ConversionOptions, convert_report, make_converter


@dataclass
class Output:
    path: Path | None  # None: standard output
    content: str | bytes


def output_stem(path: str) -> str:
    return "report" if path == "-" else Path(path).name.rsplit(".", 1)[0]


@dataclass(frozen=True)
class Source:
    path: str  # as given, or as found in a folder
    stem: str  # the outputs' name under --out without extension; a folder's layout is kept (a/x)


_REPORT_SOURCE = re.compile(rb"^parts\s*:", re.MULTILINE)
_GLOB = re.compile(r"[*?\[]")


def expand_sources(paths: list[str]) -> list[Source]:
    """Files as given; a folder searched recursively for report sources (``*.yaml``/``*.yml``
    with a top-level ``parts:``, hidden folders left out), its layout kept in the output names; a
    glob pattern (``reports/**/*.yaml``) expanded.  A missing path stays, for load to report."""
    sources: list[Source] = []
    for path in paths:
        if path != "-" and _GLOB.search(path) and not Path(path).exists():
            found = sorted(glob.glob(path, recursive=True))
            sources += [Source(f, output_stem(f)) for f in found if Path(f).is_file()]
            if not found:
                raise UsageError(f"没有文件匹配 {path} (no file matches the pattern)")
            continue
        folder = Path(path)
        if path == "-" or not folder.is_dir():
            sources.append(Source(path, output_stem(path)))
            continue
        for candidate in sorted(folder.rglob("*")):
            relative = candidate.relative_to(folder)
            if candidate.suffix.lower() not in (".yaml", ".yml") or not candidate.is_file():
                continue
            if any(part.startswith(".") for part in relative.parts):
                continue
            try:
                if not _REPORT_SOURCE.search(candidate.read_bytes()):
                    continue  # some other YAML (a CI file, a config): not a report source
            except OSError:
                pass  # unreadable: load reports it, located
            sources.append(Source(str(candidate), relative.with_suffix("").as_posix()))
    return sources


def plan(
    paths: list[str],
    formats: list[str],
    out: str,
    templates: Path | None = None,
    encoding: str | None = None,
    scripts: list[str] | None = None,
    options: ConversionOptions = DEFAULT_OPTIONS,
    jobs: int = 1,
    keep_going: bool = False,
) -> tuple[list[Output], list[Diagnostic]]:
    """Render every requested output of every source, without writing anything; return the
    outputs and, with ``keep_going``, the problems of the sources left out.

    Without ``keep_going`` one invalid source fails the run (the problems of all of them are
    reported).  ``jobs`` > 1 renders the sources in that many processes; the outputs are the same
    bytes as in-process.  With ``scripts``, each source is converted to each script and the file
    names carry the variant (``changzhou-2024.zh-Hans.html``); HTML pages link to their siblings.
    """
    variants = _unique(scripts or [])
    for script in variants:
        if script not in SCRIPTS:
            raise UsageError(f"未知的文字 `{script}`；可选：{', '.join(SCRIPTS)} (unknown script)")
    sources = expand_sources(paths)
    if not sources:
        raise UsageError("没有找到报告源文件 (no report sources found)")
    per_source = len(formats) * max(len(variants), 1)
    if out == "-" and (per_source != 1 or len(sources) != 1):
        raise UsageError("--out - 只能用于一个源文件、一种格式、一种文字 (stdout takes exactly one document)")
    stems: dict[str, str] = {}
    for source in sources:
        if source.stem in stems:
            raise UsageError(
                f"{stems[source.stem]} 和 {source.path} 会写出同名文件 {source.stem}.*（请分两次构建或改名）"
                "(output names clash)"
            )
        stems[source.stem] = source.path
    job = _Job(tuple(formats), out, templates, encoding, tuple(variants), options)
    if jobs > 1 and len(sources) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
            results = list(pool.map(job.run, sources, chunksize=max(1, len(sources) // (jobs * 8))))
    else:
        results = [job.run(source) for source in sources]
    outputs = [output for rendered, _, _ in results for output in rendered]
    problems = list(dict.fromkeys(d for _, found, _ in results for d in found))  # a template's once
    if problems and not keep_going:
        # A missing file is a usage error (exit 2) even when other files are merely invalid.
        raise UsageError(problems) if any(usage for _, _, usage in results) else RolreportError(problems)
    return outputs, problems


@dataclass(frozen=True)
class _Job:
    """One source's build, the same in-process and in a worker process (picklable)."""

    formats: tuple[str, ...]
    out: str
    templates: Path | None
    encoding: str | None
    variants: tuple[str, ...]
    options: ConversionOptions

    def run(self, source: Source) -> tuple[list[Output], list[Diagnostic], bool]:
        try:
            return self._render(source), [], False
        except UsageError as exc:
            return [], exc.diagnostics, True
        except RolreportError as exc:
            return [], exc.diagnostics, False

    def _render(self, source: Source) -> list[Output]:
        loaded = load_report(source.path, self.encoding)
        env = _environment(self.templates)
        documents = _variants(loaded, list(self.variants), self.options)
        sibling = Path(source.stem).name
        links = [
            {"lang": script, "label": SCRIPT_LABELS[script], "href": f"{sibling}.{script}.html"}
            for script in self.variants
        ]
        outputs: list[Output] = []
        for script, report in documents:
            name = f"{source.stem}.{script}" if self.variants else source.stem
            for fmt in self.formats:
                content = _render(env, report, fmt, links if len(links) > 1 else [])
                outputs.append(Output(None if self.out == "-" else Path(self.out) / f"{name}.{fmt}", content))
        return outputs


@cache
def _environment(templates: Path | None) -> Any:
    return environment(templates)


def _render(env: Any, report: Report, fmt: str, links: list[dict[str, str]]) -> str | bytes:
    if fmt == "docx":
        from rolreport.docx_writer import render_docx

        return render_docx(report)
    if fmt == "pdf":
        from rolreport.pdf import html_to_pdf

        return html_to_pdf(render(env, report, "html", variants=[]))
    return render(env, report, fmt, variants=links)


def _unique(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        for item in value.split(","):
            item = item.strip()
            if item and item not in seen:
                seen.append(item)
    return seen


def _variants(loaded: LoadedReport, scripts: list[str], options: ConversionOptions) -> list[tuple[str, Report]]:
    report = loaded.report
    if not scripts:
        return [(report.script, report)]
    project = load_config(Path(loaded.source.name).parent if loaded.source.name != "<stdin>" else Path.cwd())
    documents = []
    for script in scripts:
        converter = make_converter(
            report.script, script, project=project.conversion, report=report.conversion, options=options
        )
        documents.append((script, convert_report(report, converter)))
    return documents


def write(outputs: list[Output], inputs: list[str]) -> None:
    """Write every output or none (:func:`rolreport.fsio.write_files`); no output may be an input."""
    write_files([(o.path, o.content) for o in outputs if o.path is not None], inputs)


def parse_formats(values: list[str]) -> list[str]:
    """``--format md,html --format txt`` → ["md", "html", "txt"], in order, without repeats."""
    formats: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower()
            if not name:
                continue
            if name not in FORMATS and name not in BINARY_FORMATS:
                known = ", ".join([*FORMATS, *BINARY_FORMATS])
                raise UsageError(f"未知的输出格式 `{name}`；可选：{known} (unknown format)")
            if name not in formats:
                formats.append(name)
    return formats or list(DEFAULT_FORMATS)
