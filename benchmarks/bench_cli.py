"""Start-up and build time of the installed `rolreport`, as medians of cold runs.

Each run is a new process (nothing cached in memory between runs, as a user or CI sees it).
Targets (issues #2, #10, #15): `--version` and every `--help` within 8x of `python -c pass`;
building the example to all three formats under 500 ms and within 20x of `python -c pass`.

    .venv/bin/python benchmarks/bench_cli.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "changzhou-2024.yaml"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def median_ms(command: list[str], runs: int) -> tuple[float, float, float]:
    times = []
    subprocess.run(command, check=True, capture_output=True)  # warm the OS file cache once
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    rolreport = str(Path(sys.executable).with_name("rolreport"))
    out = tempfile.mkdtemp(prefix="rolreport-bench-")
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "rolreport --version": [rolreport, "--version"],
        "rolreport --help": [rolreport, "--help"],
        "rolreport build --help": [rolreport, "build", "--help"],
        "rolreport build example (md,html,txt)": [rolreport, "build", str(EXAMPLE), "-o", out],
    }
    print(f"machine: {machine()}")
    print(f"runs: {args.runs} per command (median, min, max in ms)")
    results = {}
    for name, command in cases.items():
        results[name] = median_ms(command, args.runs)
        med, lo, hi = results[name]
        print(f"{name:40s} {med:8.1f} {lo:8.1f} {hi:8.1f}")
    base = results["python -c pass"][0]
    version = results["rolreport --version"][0]
    build = results["rolreport build example (md,html,txt)"][0]
    print(f"--version / python -c pass = {version / base:.1f}x (target <= 8x)")
    for name in ("rolreport --help", "rolreport build --help"):
        print(f"{name} / python -c pass = {results[name][0] / base:.1f}x (target <= 8x)")
    print(f"build example = {build:.0f} ms = {build / base:.1f}x python -c pass (targets < 500 ms, <= 20x)")


if __name__ == "__main__":
    main()
