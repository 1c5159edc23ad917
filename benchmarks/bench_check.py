"""Speed of `rolreport check`: the example cold, and large sources built from its paragraphs.

Targets (issue #4): the example under 500 ms cold; a 1 MB source under 3 s; doubling the text
costs at most 2.2x the time.  Each measurement is a new process; medians of several runs.

    .venv/bin/python benchmarks/bench_check.py [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import EXAMPLE, machine, median_ms


def big_source(target_bytes: int, folder: Path) -> Path:
    """The example with its parts repeated until the file reaches ``target_bytes``."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, parts = text.split("parts:\n", 1)
    body = parts
    while len((head + "parts:\n" + body).encode("utf-8")) < target_bytes:
        body += parts
    path = folder / f"big-{target_bytes // 1000}k.yaml"
    path.write_text(head + "parts:\n" + body, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rolreport = str(Path(sys.executable).with_name("rolreport"))
    folder = Path(tempfile.mkdtemp(prefix="rolreport-bench-"))
    print(f"machine: {machine()}")
    print(f"runs: {args.runs} per command (median, min, max in ms)")
    example = median_ms([rolreport, "check", str(EXAMPLE)], args.runs)
    print(
        f"check example ({EXAMPLE.stat().st_size:,} bytes): {example[0]:8.1f} {example[1]:8.1f} {example[2]:8.1f}  (target < 500 ms)"
    )
    times = {}
    for size in (500_000, 1_000_000, 2_000_000):
        path = big_source(size, folder)
        command = [rolreport, "check", str(path), "--exit-zero", "--output-format", "concise"]
        times[size] = median_ms(command, max(3, args.runs // 2))
        med, lo, hi = times[size]
        print(f"check {path.stat().st_size:>10,} bytes: {med:8.1f} {lo:8.1f} {hi:8.1f}")
    print(f"1 MB: {times[1_000_000][0] / 1000:.2f} s (target < 3 s)")
    print(f"doubling 0.5 MB → 1 MB: {times[1_000_000][0] / times[500_000][0]:.2f}x; 1 MB → 2 MB: "
          f"{times[2_000_000][0] / times[1_000_000][0]:.2f}x (target ≤ 2.2x)")  # fmt: skip


if __name__ == "__main__":
    main()
