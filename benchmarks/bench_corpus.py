"""`rolreport build` over a corpus: time per report and the speed-up of --jobs 2 over --jobs 1.

The corpus is a tree of folders of N sources: variants of the example and of the sources imported
from real pages (tests/data/corpus), each with its own title so that no two are the same file; each measurement is one `rolreport build DIR` process, the
median of several runs.  Target (issue 13): --jobs 2 at least 1.6x faster than --jobs 1 on the
2-core machine.

    .venv/bin/python benchmarks/bench_corpus.py [--sources 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import EXAMPLE, machine

IMPORTED = sorted((Path(__file__).resolve().parents[1] / "tests" / "data" / "corpus").glob("*.yaml"))


def corpus(count: int, folder: Path) -> Path:
    """Two of three sources variants of the example, the third a variant of a source imported
    from a real page (tests/data/corpus), each with a title of its own."""
    text = EXAMPLE.read_text(encoding="utf-8")
    imported = [p.read_text(encoding="utf-8") for p in IMPORTED]
    root = folder / "corpus"
    for number in range(count):
        place = root / f"province-{number % 10}" / f"city-{number % 37}"
        place.mkdir(parents=True, exist_ok=True)
        if number % 3 == 2 and imported:
            source = imported[number % len(imported)]
            variant = re.sub(
                r"^title: (.*)$", lambda m, n=number: f"title: {m.group(1)}（第{n}号）", source, count=1, flags=re.M
            )
        else:
            variant = text.replace("title: 常州市2024年", f"title: 常州市第{number}号2024年", 1)
        (place / f"report-{number:04d}.yaml").write_text(variant, encoding="utf-8")
    return root


def timed(commands: dict[int, list[str]], runs: int) -> dict[int, float]:
    """Medians of ``runs`` runs of each command, the commands taking turns (a shared machine's
    load drifts: taking turns gives each the same drift)."""
    times: dict[int, list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[key].append(time.perf_counter() - start)
    return {key: statistics.median(values) for key, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rolreport = str(Path(sys.executable).with_name("rolreport"))
    folder = Path(tempfile.mkdtemp(prefix="rolreport-corpus-"))
    root = corpus(args.sources, folder)
    print(f"machine: {machine()}")
    commands = {
        jobs: [rolreport, "build", str(root), "-o", str(folder / f"out-{jobs}"), "--jobs", str(jobs)] for jobs in (1, 2)
    }
    results = timed(commands, args.runs)
    for jobs in (1, 2):
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
