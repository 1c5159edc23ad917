"""The build pipeline: sources → validated reports → rendered documents → files.

Everything is rendered in memory first; files are written only when every source of the run is
valid and every template rendered, so a failed build leaves earlier outputs byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rolreport.diagnostics import Diagnostic, RolreportError, UsageError
from rolreport.fsio import write_atomic
from rolreport.render import FORMATS, environment, render
from rolreport.validate import LoadedReport, load_report


@dataclass
class Output:
    path: Path | None  # None: standard output
    text: str


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
) -> list[Output]:
    """Render every requested output of every source, without writing anything."""
    if out == "-" and (len(formats) != 1 or len(paths) != 1):
        raise UsageError("--out - 只能用于一个源文件、一种格式 (stdout takes exactly one file and one format)")
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
        for fmt in formats:
            text = render(env, loaded.report, fmt)
            outputs.append(Output(None if out == "-" else Path(out) / f"{stem}.{fmt}", text))
    return outputs


def write(outputs: list[Output]) -> None:
    for output in outputs:
        if output.path is not None:
            write_atomic(output.path, output.text)


def parse_formats(values: list[str]) -> list[str]:
    """``--format md,html --format txt`` → ["md", "html", "txt"], in order, without repeats."""
    formats: list[str] = []
    for value in values:
        for name in value.split(","):
            name = name.strip().lower()
            if not name:
                continue
            if name not in FORMATS:
                raise UsageError(f"未知的输出格式 `{name}`；可选：{', '.join(FORMATS)} (unknown format)")
            if name not in formats:
                formats.append(name)
    return formats or list(FORMATS)
