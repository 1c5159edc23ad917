"""``rolreport convert``: convert files between scripts, changing nothing but the text.

* YAML report sources are edited *in place in their own text*: each prose scalar's source slice
  (found through libyaml's event marks, or ruamel.yaml's node positions) is converted where it
  stands, so comments, key order, quoting, block styles and indentation are preserved byte for
  byte; only prose changes, and ``script:`` is set to the target.  The result is validated before it is written.
* ``.txt`` and ``.md`` convert as text.
* ``.html`` converts text nodes only — never tags, attributes, comments, scripts or styles —
  except that ``<html lang>`` follows the new script when it named the old one.

Everything is converted in memory first; each output is then written atomically, so a failure
leaves the original files byte-identical.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rolreport import yamlevents
from rolreport.config import load_config
from rolreport.convert import Converter
from rolreport.diagnostics import Diagnostic, RolreportError, UsageError
from rolreport.fsio import write_files, write_stdout
from rolreport.lexicon.scripts import SCRIPTS
from rolreport.model import ConversionSettings
from rolreport.scalars import (
    content_runs,
    double_quoted_body,
    prose_scalars,
    prose_slots,
    reads_as,
    same_shapes,
    same_syntax,
    splice,
    with_runs,
)
from rolreport.source import STDIN, SourceText, compose_yaml, construct, decode, read_bytes
from rolreport.validate import constructed, conversion_settings, plain, validate
from rolreport.variants import ConversionOptions, make_converter
from rolreport.yamlevents import Slot

KINDS = ("yaml", "text", "html")
_EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".txt": "text", ".md": "text", ".markdown": "text",
               ".html": "html", ".htm": "html"}  # fmt: skip


@dataclass
class Converted:
    path: str  # the input as given
    target: Path | None  # where to write; None: stdout
    data: bytes


def kind_of(path: str, text: str, forced: str | None) -> str:
    if forced:
        return forced
    suffix = Path(path).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if re.search(r"^script:\s*\S", text, re.M) and re.search(r"^parts:", text, re.M):
        return "yaml"
    return "text"


def detect_script(text: str) -> str:
    """Guess the script of a text from what OpenCC would change (for --from left out)."""
    return script_evidence(text)[0]


def script_evidence(text: str) -> tuple[str, str]:
    """The script of a text and how sure the guess is, in words.

    Simplified or Traditional is told by which way OpenCC changes more characters.  Among the
    Traditional forms, each candidate is scored by the characters it would write otherwise:
    Taiwan's and Hong Kong's by t2tw and t2hk, OpenCC's standard forms (a mainland Traditional
    copy, often a big5 mirror) by tw2t + hk2t.  The forms that differ (裏/裡, 綫/線, 着/著 …)
    decide; a text with none of them is the standard zh-Hant, and the guess says so."""
    from rolreport.convert import opencc_converter

    def changed(config: str, sample: str) -> int:
        out = opencc_converter(config).convert(sample)
        return sum(1 for a, b in zip(sample, out, strict=False) if a != b)

    sample = text[:20000]
    to_simplified, to_traditional = changed("t2s", sample), changed("s2t", sample)
    if to_simplified <= to_traditional:
        margin = to_traditional - to_simplified
        return "zh-Hans", f"简体（{margin} 处字形只见于简体）" if margin else "简体（没有区分字形）"
    scores = {"zh-Hant": changed("tw2t", sample) + changed("hk2t", sample)}
    scores["zh-Hant-TW"], scores["zh-Hant-HK"] = changed("t2tw", sample), changed("t2hk", sample)
    order = ("zh-Hant", "zh-Hant-TW", "zh-Hant-HK")
    if scores["zh-Hant-TW"] == scores["zh-Hant-HK"] < scores["zh-Hant"]:
        # Forms common to Taiwan and Hong Kong (為, 衛: a big5 mirror of a mainland report) say
        # nothing about a region: generic Traditional, not Taiwan's by default.
        return "zh-Hant", "没有区分台湾与香港的字形（通用繁体字形），按 zh-Hant 处理，请核对"
    ranked = sorted(order, key=lambda s: (scores[s], order.index(s)))
    best, runner_up = ranked[0], ranked[1]
    margin = scores[runner_up] - scores[best]
    if margin == 0:
        how = f"没有区分 {best} 与 {runner_up} 的字形，按 {best} 处理，请核对"
    else:
        how = f"{margin} 处字形区分 {best} 与 {runner_up}，{'把握较大' if margin >= 3 else '把握一般'}"
    return best, how


def convert_paths(
    paths: list[str],
    *,
    to: str,
    from_: str | None = None,
    in_place: bool = False,
    output: str | None = None,
    kind: str | None = None,
    encoding: str | None = None,
    options: ConversionOptions,
) -> list[Converted]:
    """Convert every input in memory; raise with all problems before anything is written."""
    for script in filter(None, (to, from_)):
        if script not in SCRIPTS:
            raise UsageError(f"未知的文字 `{script}`；可选：{', '.join(SCRIPTS)} (unknown script)")
    if kind is not None and kind not in KINDS:
        raise UsageError(f"未知的文件类型 `{kind}`；可选：{', '.join(KINDS)} (unknown kind)")
    if in_place and output is not None:
        raise UsageError("--in-place 和 -o 不能同时使用 (choose one)")
    if in_place and STDIN in paths:
        raise UsageError("标准输入不能 --in-place (stdin cannot be converted in place)")
    out_dir = output is not None and output != "-" and (len(paths) > 1 or Path(output).is_dir())
    if len(paths) > 1 and not (in_place or out_dir):
        raise UsageError("多个文件需要 --in-place 或 -o 文件夹 (several files need --in-place or -o DIR)")

    results: list[Converted] = []
    problems: list[Diagnostic] = []
    for path in paths:
        try:
            source = decode(*read_bytes(path), encoding)  # the bytes are not kept: the text is
            text_kind = kind_of(path, source.text, kind)
            converted = _convert(source, text_kind, to, from_, options)
        except RolreportError as exc:
            problems.extend(exc.diagnostics)
            if isinstance(exc, UsageError):
                raise UsageError(problems) from None
            continue
        if in_place:
            target: Path | None = Path(path)
        elif out_dir and output is not None:
            target = Path(output) / Path(path).name
        elif output is not None and output != "-":
            target = Path(output)
        else:
            target = None
        try:
            # In place, the file keeps its encoding, BOM and each line's ending; elsewhere UTF-8.
            payload = source.encode(converted) if in_place else converted.encode("utf-8")
        except RolreportError as exc:
            problems.extend(exc.diagnostics)
            continue
        results.append(Converted(path, target, payload))
    if problems:
        raise RolreportError(problems)
    return results


def _convert(source: SourceText, kind: str, to: str, from_: str | None, options: ConversionOptions) -> str:
    project = load_config(Path(source.name).parent if source.name != "<stdin>" else Path.cwd()).conversion
    if kind == "yaml":
        return _convert_yaml(source, to, from_, options, project)
    script = from_ or detect_script(source.text)
    if from_ is None:
        print(f"{source.name}: 未指定 --from，按 {script} 处理（自动识别）(detected script)", file=sys.stderr)
    converter = make_converter(script, to, project=project, options=options)
    if kind == "html":
        return _convert_html(source.text, converter)
    return converter.convert(source.text)


# ----------------------------------------------------------------------------------------------
# YAML


def _requoted(raw: str, value: str) -> str:
    """A scalar rewritten as one double-quoted line that reads back as ``value`` (anything can be
    written so); a block scalar's closing line breaks stay, so the next key keeps its line."""
    return f'"{double_quoted_body(value)}"' + raw[len(raw.rstrip()) :]


def _convert_yaml(
    source: SourceText, to: str, from_: str | None, options: ConversionOptions, project: ConversionSettings
) -> str:
    """Convert each prose scalar where it stands, parsing the source once.

    A scalar's slice is converted as it is written (quotes, escapes, line folds and all).  When
    the edit changes only content characters, never YAML syntax (:func:`scalars.same_syntax`), the
    converted text has the same structure as the source and the scalar reads back as its value
    with the converted runs (:func:`scalars.with_runs`); that must be exactly the converted value.
    A scalar for which this cannot be shown (an escape that writes a Han character, an override
    whose output holds ``#``, ``: `` or a quote) is rewritten double-quoted, and then, only then,
    the result is parsed again to prove it reads back.  The converted values are validated in
    the data already constructed: the report model sees the result without a second parse.

    The source is read from libyaml's events when it can be (``yamlevents``: the data and the
    prose slices in one pass, no node graph), else composed; all its strings are converted in
    one OpenCC call (``Converter.convert_many``).
    """
    text = source.text
    read = yamlevents.read(text)
    settings = conversion_settings(read.data) if read is not None else None
    if read is not None and settings is not None:
        data, slots, spans, fast = read.data, read.slots, [read.script] if read.script is not None else [], True
        script, conversion = settings
    else:  # composed, and validated now: an invalid source is reported before anything else
        constructor, root = compose_yaml(source)
        data, report, fast = constructed(source, constructor, root)
        slots = prose_slots(root, data)
        spans = [
            (value.start_mark.index, value.end_mark.index, str(value.value))
            for key, value in root.value
            if getattr(key, "value", None) == "script"
        ]
        script, conversion = report.script, report.conversion
        del report  # not needed again (its memory is the converted report's)
    del read
    converter = make_converter(from_ or script, to, project=project, report=conversion, options=options)
    raws = [text[slot.start : slot.end] for slot in slots]
    converted_raws = converter.convert_many(raws)
    # A one-line plain scalar is written as its value: its conversion is the value's.  The
    # others (quoted, folded, block) have their values converted on their own.
    written = [raw == slot.value for slot, raw in zip(slots, raws, strict=True)]
    others = [number for number, as_value in enumerate(written) if not as_value]
    wanted = list(converted_raws)
    for number, value in zip(others, converter.convert_many([slots[n].value for n in others]), strict=True):
        wanted[number] = value
    changed = [n for n in range(len(slots)) if converted_raws[n] != raws[n] or slots[n].value != wanted[n]]
    # A scalar written as its value (most are) reads back as its conversion when the conversion
    # changed content only, where content was: one check for all of them.
    as_written = [n for n in changed if written[n]]
    shaped = same_shapes([raws[n] for n in as_written], [converted_raws[n] for n in as_written])
    pieces: dict[int, str] = {}  # slot number → what its slice becomes
    for number in changed:
        raw, converted, value = raws[number], converted_raws[number], wanted[number]
        if (shaped and written[number]) or _reads_back(raw, converted, slots[number], value):
            pieces[number] = converted
        else:
            pieces[number] = _requoted(raw, value)
    # script: keeps its quoting; the value inside the slice is replaced
    script_edits = [(start, end, text[start:end].replace(value, to)) for start, end, value in spans]

    def spliced() -> str:
        return splice(text, [(slots[n].start, slots[n].end, piece) for n, piece in pieces.items()] + script_edits)

    result = spliced()
    if any(piece != converted_raws[n] for n, piece in pieces.items()):
        # a rewritten scalar changes the syntax: prove the whole result reads back
        wrong, parsed = _misread(source, result, wanted)
        if wrong:  # one more pass: those that still misread, double-quoted too
            pieces.update((n, _requoted(raws[n], wanted[n])) for n in wrong)
            result = spliced()
            wrong, parsed = _misread(source, result, wanted)
        if wrong or parsed is None:
            raise UsageError(
                "转换结果无法按原样写回 YAML，未写入任何文件；请报告此问题 (converted text does not read back; nothing written)",
                source.name,
            )
    for slot, value in zip(slots, wanted, strict=True):
        slot.holder[slot.key] = value
    if "script" in data:
        data["script"] = to
    read_back = _validated(source.name, data if fast else plain(data), lambda: _converted(source, wanted, to))
    if read_back.script != to:
        raise RolreportError(Diagnostic(source.name, 1, 1, "转换后 script 未更新 (script was not updated)"))
    return result


def _validated(name: str, data: Any, located: Callable[[], Any]) -> Any:
    """The converted (plain) data validated; if it is not valid (never seen), validated again
    from the located construction so that the messages have their lines."""
    from pydantic import ValidationError

    from rolreport.model import Report

    try:
        return Report.model_validate(data)
    except ValidationError:
        return validate(name, located())


def _converted(source: SourceText, wanted: list[str], to: str) -> Any:
    """The located data of the source with the converted values in place; if the source itself
    is not valid, its own messages (raised), which is what a user must fix."""
    constructor, root = compose_yaml(source)
    data = construct(source.name, constructor, root)
    validate(source.name, data)
    for slot, value in zip(prose_slots(root, data), wanted, strict=True):
        slot.holder[slot.key] = value
    if "script" in data:
        data["script"] = to
    return data


def _reads_back(raw: str, converted: str, slot: Slot, value: str) -> bool:
    """Whether ``converted``, written where ``raw`` was, reads as ``value`` (see _convert_yaml)."""
    if not same_syntax(raw, converted):
        return False
    if slot.style == '"' and "\\" in raw:  # escapes may write content characters
        return reads_as(converted, slot.style) == value
    runs = content_runs(raw)
    if content_runs(slot.value) != runs:  # the value's content is not the slice's: be sure
        return reads_as(converted, slot.style) == value
    return with_runs(slot.value, content_runs(converted)) == value


def _misread(source: SourceText, result: str, wanted: list[str]) -> tuple[list[int], tuple[Any, Any] | None]:
    """The prose scalars of ``result`` that do not read back as ``wanted`` (all, if it does not
    parse), and the parse (constructor and root) for validating the result."""
    try:
        parsed = compose_yaml(replace(source, text=result))
    except RolreportError:
        return list(range(len(wanted))), None
    got = [s.value for s in prose_scalars(result, parsed[1])]
    if len(got) != len(wanted):
        return list(range(len(wanted))), parsed
    return [number for number, (a, b) in enumerate(zip(got, wanted, strict=True)) if a != b], parsed


# ----------------------------------------------------------------------------------------------
# HTML

_HTML_LANG = re.compile(r"""(<html\b[^>]*?\blang\s*=\s*["']?)(zh-Hans|zh-Hant(?:-TW|-HK)?)(["']?)""", re.I)
# Elements whose content is not document text (raw text, or a form's own value).
_NOT_TEXT = {"script", "style", "textarea"}


def _html_text_spans(text: str) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """The spans of the document's text nodes, and the span of the ``<html>`` start tag.

    The standard library's HTML tokenizer finds them (a regular expression cannot: ``<p
    title="a>b">`` or an unclosed ``<script>``); every byte outside a text node is copied as is.
    """
    from html.parser import HTMLParser

    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    spans: list[tuple[int, int]] = []
    html_tag: list[tuple[int, int]] = []

    class Tokens(HTMLParser):
        skip = 0

        def _offset(self) -> int:
            line, column = self.getpos()
            return starts[line - 1] + column

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in _NOT_TEXT:
                self.skip += 1
            if tag == "html" and not html_tag:
                at = self._offset()
                html_tag.append((at, at + len(self.get_starttag_text() or "")))

        def handle_endtag(self, tag: str) -> None:
            if tag in _NOT_TEXT and self.skip:
                self.skip -= 1

        def handle_data(self, data: str) -> None:
            at = self._offset()
            if not self.skip and text[at : at + len(data)] == data:
                spans.append((at, at + len(data)))

    parser = Tokens(convert_charrefs=False)
    parser.feed(text)
    parser.close()
    return spans, (html_tag[0] if html_tag else None)


def _convert_html(text: str, converter: Converter) -> str:
    spans, html_tag = _html_text_spans(text)
    edits = [(a, b, converter.convert(text[a:b])) for a, b in spans]
    if html_tag:
        a, b = html_tag
        edits.append((a, b, _HTML_LANG.sub(lambda m: m.group(1) + converter.target + m.group(3), text[a:b])))
    return splice(text, edits)


def write(results: list[Converted], in_place: bool = False) -> None:
    """Write every converted file or none; an output may be its own input only with --in-place."""
    files: list[tuple[Path, str | bytes]] = [(r.target, r.data) for r in results if r.target is not None]
    write_files(files, [r.path for r in results], in_place=in_place)
    for result in results:
        if result.target is None:
            write_stdout(result.data)
