"""Work that must grow linearly with the input: runs of one character class at 10k, 20k, 40k.

Each case writes a report whose one paragraph is a long run (Latin letters with no @, digits,
spaces, Chinese numerals, repeated punctuation, a long title-like run) and times ``check``,
``check --fix``, ``convert`` and ``import`` on it in a new process (median of 3).  The doubling
ratio should stay near 2 (a quadratic pattern shows 4).  tests/test_linear_patterns.py audits
the patterns themselves without timing anything.

    .venv/bin/python benchmarks/bench_linear.py
"""

from __future__ import annotations

import itertools
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROLREPORT = [sys.executable, "-m", "rolreport"]
SIZES = (10_000, 20_000, 40_000)
RUNS = {
    "latin": "a",
    "digits": "1",
    "spaces": "好" + " " * 1 + "a",
    "numerals": "三",
    "commas": "，",
    "mixed": "ab1 ",
}
HEAD = "title: 某县2024年法治政府建设年度报告\nissuer: 某县人民政府\njurisdiction: 某县\nyear: 2024\nscript: zh-Hans\n"


def source(unit: str, size: int) -> str:
    run = (unit * (size // len(unit) + 1))[:size]
    return HEAD + f"parts:\n  - title: 一些工作\n    role: measures\n    paragraphs:\n      - '{run}'\n"


def timed(args: list[str]) -> float:
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False, timeout=600)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    print(f"# {platform.processor() or platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        for name, unit in RUNS.items():
            times = {"check": [], "fix": [], "convert": [], "import": []}
            for size in SIZES:
                path = Path(folder) / f"{name}.yaml"
                text = source(unit, size)
                path.write_text(text, encoding="utf-8")
                times["check"].append(timed([*ROLREPORT, "check", str(path), "--exit-zero"]))
                times["convert"].append(timed([*ROLREPORT, "convert", str(path), "--to", "zh-Hant"]))
                txt = Path(folder) / f"{name}.txt"
                txt.write_text(f"某县2024年法治政府建设年度报告\n一、工作\n{text.splitlines()[-1]}\n", encoding="utf-8")
                times["import"].append(timed([*ROLREPORT, "import", str(txt)]))
                fixed = []
                for _ in range(3):
                    path.write_text(text, encoding="utf-8")
                    start = time.perf_counter()
                    subprocess.run([*ROLREPORT, "check", str(path), "--fix", "--exit-zero"], capture_output=True)
                    fixed.append(time.perf_counter() - start)
                times["fix"].append(statistics.median(fixed))
            for command, values in times.items():
                ratios = " ".join(f"{b / a:.2f}x" for a, b in itertools.pairwise(values))
                figures = " / ".join(f"{v * 1000:.0f}" for v in values)
                print(f"{name:9} {command:8} {figures} ms  (doubling: {ratios})")


if __name__ == "__main__":
    main()
