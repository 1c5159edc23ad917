"""The build pipeline: sources → validated reports → rendered documents → files.

Everything is rendered in memory first; files are written only when every source of the run is
valid and every template rendered, so a failed build leaves earlier outputs byte-identical.
"""

from __future__ import annotations

import glob
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from rolreport.config import load_config
from rolreport.convert import SCRIPTS
from rolreport.diagnostics import Diagnostic, RolreportError, UsageError
from rolreport.fsio import Inputs, Staged, abort, commit, missing_folders, stage, sync_soon
from rolreport.lexicon.scripts import SCRIPT_LABELS
from rolreport.model import Report
from rolreport.render import BINARY_FORMATS, DEFAULT_FORMATS, FORMATS, environment, render
from rolreport.validate import load_report
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


@dataclass
class Built:
    """A run's outputs: staged files (written and synced as temporaries, renamed into place by
    :func:`write`), or, with ``--out -``, the one document for standard output."""

    staged: list[Staged]
    stdout: Output | None
    problems: list[Diagnostic]
    sources: int
    failed: int
    created: list[Path]


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
    progress: bool = False,
) -> Built:
    """Render every requested output of every source and stage it (nothing in place yet);
    return what :func:`write` puts in place and, with ``keep_going``, the problems of the
    sources left out.

    Each output is staged as soon as it is rendered, by the process that rendered it, so the
    parent holds only file names (its memory does not grow with the corpus) and the files are
    synced in parallel.  Without ``keep_going`` one invalid source fails the run: every
    temporary is removed and no output is touched (the problems of all sources are reported).
    ``jobs`` > 1 renders the sources in that many processes; the outputs are the same bytes as
    in-process.  With ``scripts``, each source is converted to each script and the file names
    carry the variant (``changzhou-2024.zh-Hans.html``); HTML pages link to their siblings.
    """
    variants = parse_scripts(scripts or [])
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
    inputs = tuple(s.path for s in sources)
    job = _Job(tuple(formats), out, templates, encoding, tuple(variants), options, inputs)
    created = [] if out == "-" else missing_folders([Path(out) / f"{s.stem}.x" for s in sources])
    staged: list[Staged] = []
    stdout: Output | None = None
    problems: list[Diagnostic] = []
    usage = False
    failed = 0
    try:
        for result in _results(job, sources, jobs, progress):
            # Synced in the background of this process, which waits on the workers meanwhile
            # (and again at the commit, cheaply once done); one source's few files are synced
            # at the commit, without starting threads.
            if len(sources) > 1:
                sync_soon(result.staged)
            staged += result.staged
            stdout = stdout or result.stdout
            problems += result.problems
            usage = usage or result.usage
            failed += bool(result.problems)
    except BaseException:
        abort(staged, created)
        raise
    problems = list(dict.fromkeys(problems))  # a broken template's problem once, not once a source
    if problems and not keep_going:
        abort(staged, created)
        # A missing file is a usage error (exit 2) even when other files are merely invalid.
        raise UsageError(problems) if usage else RolreportError(problems)
    return Built(staged, stdout, problems, len(sources), failed, created)


def _results(job: _Job, sources: list[Source], jobs: int, progress: bool) -> Iterator[_Result]:
    """Each source's result as it is done (in worker processes with ``jobs`` > 1), with a
    progress bar on a terminal."""
    bar = _Bar(len(sources)) if progress and len(sources) > 1 else None
    try:
        if jobs > 1 and len(sources) > 1:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=min(jobs, len(sources))) as pool:
                chunk = max(1, len(sources) // (jobs * 4))
                for result in pool.map(job.run, sources, chunksize=chunk):
                    if bar:
                        bar.advance()
                    yield result
        else:
            for source in sources:
                result = job.run(source)
                if bar:
                    bar.advance()
                yield result
    finally:
        if bar:
            bar.close()


class _Bar:
    """rich's progress bar on stderr, gone when done."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("构建"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=True,
            console=Console(stderr=True),
        )  # fmt: skip
        self.task = self.progress.add_task("build", total=total)
        self.progress.start()

    def advance(self) -> None:
        self.progress.advance(self.task)

    def close(self) -> None:
        self.progress.stop()


def show_progress() -> bool:
    """A progress bar on a terminal, none in pipes or CI (``CI`` set, as CI services do)."""
    import os
    import sys

    return sys.stderr.isatty() and os.environ.get("CI", "").lower() in ("", "0", "false", "no")


@dataclass
class _Result:
    staged: list[Staged]
    stdout: Output | None
    problems: list[Diagnostic]
    usage: bool


@dataclass(frozen=True)
class _Job:
    """One source's build, the same in-process and in a worker process (picklable)."""

    formats: tuple[str, ...]
    out: str
    templates: Path | None
    encoding: str | None
    variants: tuple[str, ...]
    options: ConversionOptions
    inputs: tuple[str, ...]

    @cached_property
    def input_index(self) -> Inputs:
        """The run's inputs, looked up once per process (every output is checked against them)."""
        return Inputs.of(self.inputs)

    def run(self, source: Source) -> _Result:
        try:
            outputs = self._render(source)
        except UsageError as exc:
            return _Result([], None, exc.diagnostics, True)
        except RolreportError as exc:
            return _Result([], None, exc.diagnostics, False)
        if self.out == "-":
            return _Result([], outputs[0], [], False)
        try:
            staged = stage([(o.path, o.content) for o in outputs if o.path], self.input_index, sync=False)
            return _Result(staged, None, [], False)
        except UsageError as exc:  # a target that cannot be written
            return _Result([], None, exc.diagnostics, True)

    def _render(self, source: Source) -> list[Output]:
        loaded = load_report(source.path, self.encoding)
        env = _environment(self.templates)
        documents = variant_reports(loaded.report, loaded.source.name, list(self.variants), self.options)
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


def parse_scripts(values: list[str]) -> list[str]:
    """``--script zh-Hans,zh-Hant-TW --script zh-Hant-HK`` → the scripts, in order, checked."""
    scripts = _unique(values)
    for script in scripts:
        if script not in SCRIPTS:
            raise UsageError(f"未知的文字 `{script}`；可选：{', '.join(SCRIPTS)} (unknown script)")
    return scripts


def _unique(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        for item in value.split(","):
            item = item.strip()
            if item and item not in seen:
                seen.append(item)
    return seen


def variant_reports(
    report: Report, source_name: str, scripts: list[str], options: ConversionOptions = DEFAULT_OPTIONS
) -> list[tuple[str, Report]]:
    """The report in each of ``scripts`` (itself when none), converted as the project's config,
    the report's settings and ``options`` say (``build --script``, and ``site``'s pages)."""
    if not scripts:
        return [(report.script, report)]
    folder = Path(source_name).parent if source_name not in ("-", "<stdin>") else Path.cwd()
    project = load_config(folder)
    documents = []
    for script in scripts:
        converter = make_converter(
            report.script, script, project=project.conversion, report=report.conversion, options=options
        )
        documents.append((script, convert_report(report, converter)))
    return documents


def write(built: Built) -> None:
    """Every staged output renamed into place (:func:`rolreport.fsio.commit`)."""
    try:
        commit(built.staged)
    except BaseException:
        abort(built.staged, built.created)
        raise


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
