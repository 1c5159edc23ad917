"""The build pipeline: sources → validated reports → rendered documents → files.

Everything is rendered in memory first; files are written only when every source of the run is
valid and every template rendered, so a failed build leaves earlier outputs byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def load_all(paths: list[str], encoding: str | None = None) -> list[LoadedReport]:
    """Load every source, collecting the problems of all of them before failing."""
    loaded: list[LoadedReport] = []
    problems: list[Diagnostic] = []
    usage_error = False
    for path in paths:
        try:
            loaded.append(load_report(path, encoding))
        except UsageError as exc:
            usage_error = True
            problems.extend(exc.diagnostics)
        except RolreportError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        # A missing file is a usage error (exit 2) even when other files are merely invalid.
        raise UsageError(problems) if usage_error else RolreportError(problems)
    return loaded


def output_stem(path: str) -> str:
    return "report" if path == "-" else Path(path).name.rsplit(".", 1)[0]


def plan(
    paths: list[str],
    formats: list[str],
    out: str,
    templates: Path | None = None,
    encoding: str | None = None,
    scripts: list[str] | None = None,
    options: ConversionOptions = DEFAULT_OPTIONS,
) -> list[Output]:
    """Render every requested output of every source, without writing anything.

    With ``scripts``, each source is converted to each script and the file names carry the
    variant (``changzhou-2024.zh-Hans.html``); HTML pages link to their sibling variants.
    """
    variants = _unique(scripts or [])
    for script in variants:
        if script not in SCRIPTS:
            raise UsageError(f"未知的文字 `{script}`；可选：{', '.join(SCRIPTS)} (unknown script)")
    per_source = len(formats) * max(len(variants), 1)
    if out == "-" and (per_source != 1 or len(paths) != 1):
        raise UsageError("--out - 只能用于一个源文件、一种格式、一种文字 (stdout takes exactly one document)")
    stems: dict[str, str] = {}
    for path in paths:
        stem = output_stem(path)
        if stem in stems:
            raise UsageError(
                f"{stems[stem]} 和 {path} 会写出同名文件 {stem}.*（请分两次构建或改名）(output names clash)"
            )
        stems[stem] = path
    reports = load_all(paths, encoding)
    env = environment(templates)
    outputs: list[Output] = []
    for loaded in reports:
        stem = output_stem(loaded.source.name if loaded.source.name != "<stdin>" else "-")
        documents = _variants(loaded, variants, options)
        links = [
            {"lang": script, "label": SCRIPT_LABELS[script], "href": f"{stem}.{script}.html"} for script in variants
        ]
        for script, report in documents:
            name = f"{stem}.{script}" if variants else stem
            for fmt in formats:
                content = _render(env, report, fmt, links if len(links) > 1 else [])
                outputs.append(Output(None if out == "-" else Path(out) / f"{name}.{fmt}", content))
    return outputs


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
