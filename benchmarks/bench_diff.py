"""Speed of `rolreport diff`: two reports of 10,000–80,000 characters, the work after start-up.

NEW is the example with its parts repeated (each copy's titles numbered, so that no two sections
are the same) until it has the wanted number of characters; OLD is NEW with, in every part, a
sentence dropped and a paragraph added, every third part title reworded and a section moved to
another part.  The last rows reword every title and paragraph as well (two years' reports:
no section keeps its title, so none is paired without scoring).  Timed in-process, after a warm-up run (imports excluded): reading both sources, the
comparison, and each writer.  Target (issue #14): 20,000 characters in under 300 ms of work.

    .venv/bin/python benchmarks/bench_diff.py [--runs 7]
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import EXAMPLE, machine

from rolreport.diff.compare import compare
from rolreport.diff.text import render_html, render_json, render_text
from rolreport.diff.tracked import render_tracked
from rolreport.model import Report
from rolreport.validate import load_report


def pair(characters: int, reword_all: bool = False) -> tuple[Report, Report]:
    base = load_report(str(EXAMPLE)).report.model_dump(exclude_unset=True)
    new = copy.deepcopy(base)
    new["parts"] = []
    copy_number = 0
    while sum(len(u) for u in _texts(new)) < characters:
        copy_number += 1
        for part in copy.deepcopy(base["parts"]):
            part["title"] = f"{part['title']}（{copy_number}）"
            for section in part.get("sections", []):
                section["title"] = f"{section['title']}（{copy_number}）"
            new["parts"].append(part)
    old = copy.deepcopy(new)
    for n, part in enumerate(old["parts"]):
        sections = part.get("sections", [])
        if sections:
            first = sections[0]["paragraphs"]
            first[0] = first[0].split("，", 1)[-1]
            sections[-1]["paragraphs"].append("全年開展專項法治培訓12場次，參訓人員1500餘人次。")
        if n % 3 == 0 or reword_all:
            part["title"] = part["title"].replace("，", "，持續")
        if reword_all:  # no title is left as it was: nothing to anchor on
            for section in sections:
                section["title"] = "進一步" + section["title"]
                section["paragraphs"] = [p.replace("。", "；", 1) for p in section["paragraphs"]]
    moved = old["parts"][2]["sections"].pop(0)
    old["parts"][3]["sections"].append(moved)
    return Report.model_validate(old), Report.model_validate(new)


def _texts(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, list):
        return [t for v in data for t in _texts(v)]
    if isinstance(data, dict):
        return [t for k, v in data.items() if k not in ("role", "script", "conversion") for t in _texts(v)]
    return []


def _read(paths: list[Path]) -> None:
    for path in paths:
        load_report(str(path))


def median_ms(work: Any, runs: int) -> float:
    work()  # warm-up: imports and caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"runs: {args.runs} (median ms of the work after start-up)")
    folder = Path(tempfile.mkdtemp(prefix="rolreport-bench-"))
    print(
        f"{'NEW chars':>10} {'read':>7} {'compare':>8} {'text':>6} {'json':>6} {'html':>6} {'docx':>6} {'text total':>11}"
    )
    previous: float | None = None
    previous_chars, reworded = 1, False
    cases = [(size, False) for size in (10_000, 20_000, 40_000, 80_000)] + [(20_000, True), (40_000, True)]
    for size, reword_all in cases:
        old, new = pair(size, reword_all)
        if reword_all and not reworded:
            print("every title and paragraph reworded (the worst case: no anchors):")
            previous, reworded = None, True
        paths = []
        for name, report in (("old", old), ("new", new)):
            path = folder / f"{name}-{size}.yaml"  # JSON is YAML
            path.write_text(json.dumps(report.model_dump(mode="json", exclude_unset=True), ensure_ascii=False))
            paths.append(path)
        result = compare(old, new)
        chars = result.summary.new_characters
        read = median_ms(partial(_read, paths), args.runs)
        timings = {
            "compare": median_ms(partial(compare, old, new), args.runs),
            "text": median_ms(partial(render_text, result, "old", "new"), args.runs),
            "json": median_ms(partial(render_json, result, "old", "new"), args.runs),
            "html": median_ms(partial(render_html, result, "old", "new"), args.runs),
            "docx": median_ms(partial(render_tracked, result), args.runs),
        }
        total = read + timings["compare"] + timings["text"]
        growth = f"  ×{total / previous:.2f} for ×{chars / previous_chars:.2f} chars" if previous is not None else ""
        print(f"{chars:>10,} {read:7.1f} {timings['compare']:8.1f} {timings['text']:6.1f} {timings['json']:6.1f} "
              f"{timings['html']:6.1f} {timings['docx']:6.1f} {total:11.1f}{growth}")  # fmt: skip
        previous, previous_chars = total, chars
    s = result.summary
    print(f"last pair: {s.structure['sections_moved']} section moved, {s.structure['parts_renamed']} parts renamed, "
          f"{s.paragraphs['changed']} paragraphs changed, {s.paragraphs['added']} added; reuse {s.reuse:.1%}")  # fmt: skip


if __name__ == "__main__":
    main()
