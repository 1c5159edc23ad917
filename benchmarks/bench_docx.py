"""Word output against the text formats on a large source (issue 15: docx ≤ 2× md+html+txt).

The example's parts repeated to about 1 MB and 10 MB; each build in a new process, median of 3.

    .venv/bin/python benchmarks/bench_docx.py
"""

from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "changzhou-2024.yaml"


def timed(args: list[str]) -> float:
    samples = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rolreport", *args], check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    print(f"# {platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        head, parts = EXAMPLE.read_text(encoding="utf-8").split("\nparts:\n", 1)
        for copies in (63, 630):  # about 1 MB and 10 MB
            source = Path(folder) / f"big-{copies}.yaml"
            source.write_text(head + "\nparts:\n" + parts * copies, encoding="utf-8")
            size = source.stat().st_size
            text = timed(["build", str(source), "-f", "md,html,txt", "-o", folder])
            word = timed(["build", str(source), "-f", "docx", "-o", folder])
            print(f"{size:,} bytes: md+html+txt {text:.2f} s, docx {word:.2f} s = {word / text:.2f}x (target ≤ 2x)")


if __name__ == "__main__":
    main()
