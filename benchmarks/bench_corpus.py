"""`rolreport build` over a corpus: time per report and the speed-up of --jobs 2 over --jobs 1.

The corpus is the example copied into a tree of folders (N sources, each with its own title so
that no two are the same file); each measurement is one `rolreport build DIR` process, the
median of several runs.  Target (issue 13): --jobs 2 at least 1.6x faster than --jobs 1 on the
2-core machine.

    .venv/bin/python benchmarks/bench_corpus.py [--sources 1000] [--runs 3]
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
from bench_cli import EXAMPLE, machine


def corpus(count: int, folder: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    root = folder / "corpus"
    for number in range(count):
        place = root / f"province-{number % 10}" / f"city-{number % 37}"
        place.mkdir(parents=True, exist_ok=True)
        (place / f"report-{number:04d}.yaml").write_text(
            text.replace("title: 常州市2024年", f"title: 常州市第{number}号2024年", 1), encoding="utf-8"
        )
    return root


def timed(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rolreport = str(Path(sys.executable).with_name("rolreport"))
    folder = Path(tempfile.mkdtemp(prefix="rolreport-corpus-"))
    root = corpus(args.sources, folder)
    print(f"machine: {machine()}")
    results = {}
    for jobs in (1, 2):
        out = folder / f"out-{jobs}"
        results[jobs] = timed([rolreport, "build", str(root), "-o", str(out), "--jobs", str(jobs)], args.runs)
        per = results[jobs] / args.sources * 1000
        print(f"--jobs {jobs}: {args.sources} sources × md+html+txt in {results[jobs]:.1f} s = {per:.1f} ms per report")
    print(f"speed-up of --jobs 2: {results[1] / results[2]:.2f}x (target ≥ 1.6x)")
    # The parent's own peak memory (its ru_maxrss, the workers not counted) as the corpus grows.
    for count in sorted({max(1, args.sources // 4), max(1, args.sources // 2), args.sources}):
        part = corpus(count, folder / f"memory-{count}")
        probe = (
            "import resource, sys\nfrom rolreport.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        command = [
            sys.executable,
            "-c",
            probe,
            "build",
            str(part),
            "-o",
            str(folder / f"mem-out-{count}"),
            "--jobs",
            "2",
        ]
        kilobytes = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()[-1]
        print(f"parent peak memory with {count} sources (--jobs 2): {int(kilobytes) / 1024:.1f} MB")


if __name__ == "__main__":
    main()
