"""Speed of `rolreport import` on 1 MB of published text (the seed's 30 lines repeated).

Target (issue #5): under 2 s.  Each run is a new process; medians.

    .venv/bin/python benchmarks/bench_import.py [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import ROOT, machine, median_ms

SEED = ROOT / "tests" / "data" / "seed-changzhou-2024.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="rolreport-bench-"))
    lines = SEED.read_text(encoding="utf-8").split("\n")[:30]
    text = "\n".join(lines * 71) + "\n"
    source = folder / "big.txt"
    source.write_text(text, encoding="utf-8")
    rolreport = str(Path(sys.executable).with_name("rolreport"))
    print(f"machine: {machine()}")
    seed = median_ms([rolreport, "import", str(SEED), "-o", str(folder / "seed.yaml"), "--force"], args.runs)
    print(f"import the seed ({SEED.stat().st_size:,} bytes): {seed[0]:.0f} ms (median of {args.runs})")
    big = median_ms([rolreport, "import", str(source), "-o", str(folder / "big.yaml"), "--force"], args.runs)
    print(
        f"import {len(text.encode('utf-8')):,} bytes: {big[0]:.0f} ms (min {big[1]:.0f}, max {big[2]:.0f}; target < 2000 ms)"
    )


if __name__ == "__main__":
    main()
