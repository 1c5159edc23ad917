"""Conversion speed: throughput on 1 MB of text, and the cost of building every script variant.

Targets (issue #3): zh-Hans → zh-Hant-TW at ≥ 5 million characters per second on a 1 MB text
(start-up excluded); building the example in all four scripts at most 150 ms slower than
building one (cold processes, medians).

    .venv/bin/python benchmarks/bench_convert.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import EXAMPLE, ROOT, machine, median_ms

SEED = ROOT / "tests" / "data" / "seed-changzhou-2024.txt"


def throughput(runs: int) -> None:
    import opencc

    from rolreport.convert import Converter

    simplified = opencc.OpenCC("tw2s").convert(SEED.read_text(encoding="utf-8"))
    text = simplified * (1_000_000 // len(simplified.encode("utf-8")) + 1)
    print(
        f"text: {len(text):,} characters, {len(text.encode('utf-8')):,} bytes UTF-8 (the seed in Simplified, repeated)"
    )
    cases = {
        "rolreport Converter (built-in fixes on)": Converter("zh-Hans", "zh-Hant-TW").convert,
        "rolreport Converter (+ quotes=corner)": Converter("zh-Hans", "zh-Hant-TW", quotes="corner").convert,
        "raw OpenCC s2tw (reference)": opencc.OpenCC("s2tw").convert,
    }
    for name, convert in cases.items():
        convert(text)  # warm: dictionaries loaded, caches filled
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            convert(text)
            times.append(time.perf_counter() - start)
        med = statistics.median(times)
        print(f"{name:42s} {med * 1000:7.1f} ms  {len(text) / med / 1e6:5.2f} Mchar/s")


def variants(runs: int) -> None:
    rolreport = str(Path(sys.executable).with_name("rolreport"))
    out = tempfile.mkdtemp(prefix="rolreport-bench-")
    one = [rolreport, "build", str(EXAMPLE), "-o", out, "-s", "zh-Hant-TW"]
    four = [rolreport, "build", str(EXAMPLE), "-o", out, "-s", "zh-Hans,zh-Hant,zh-Hant-TW,zh-Hant-HK"]
    subprocess.run(one, check=True, capture_output=True)
    m1 = median_ms(one, runs)[0]
    m4 = median_ms(four, runs)[0]
    print(f"build example, 1 script  (md,html,txt): {m1:7.1f} ms")
    print(f"build example, 4 scripts (md,html,txt): {m4:7.1f} ms  (+{m4 - m1:.0f} ms; target ≤ +150 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"runs: {args.runs} (medians)")
    throughput(args.runs)
    variants(args.runs)


if __name__ == "__main__":
    main()
