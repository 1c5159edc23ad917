"""Converting a YAML source against OpenCC on the same text (issue 15: ≤ 2× OpenCC's time, peak
memory ≤ 2.5× the file's text), for sources of about 1 MB and 10 MB (the example's parts repeated).

Both in one process, start-up and dictionary loading excluded, with the garbage collector's
thresholds of a command-line run, medians of 3: OpenCC converts the
file's whole text with the config rolreport uses (the example is a zh-Hant-TW edition, so the
conversion is to zh-Hans: ``tw2s``); rolreport reads and decodes the file, parses it (from
libyaml's events), converts every prose scalar in place, validates the converted report and
encodes the result (``convertfile.convert_paths``).  Peak memory is what ``tracemalloc`` sees
during rolreport's run (Python's allocations: the data, the report's models, the text and its
copies), against the size of the text in memory.

Then as a user sees it: the ``opencc`` command-line tool (installed with the binding) against
``rolreport convert``, each a new process (start-up and dictionaries included).

    .venv/bin/python benchmarks/bench_convert_yaml.py [--sizes 1000000,10000000]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import big_source
from bench_cli import machine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000000,10000000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.set_threshold(100_000, 50, 50)  # as rolreport.cli.main sets it for a command-line run
    import opencc

    from rolreport import convertfile
    from rolreport.variants import ConversionOptions

    options = ConversionOptions(None, False, None)
    raw = opencc.OpenCC("tw2s")
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = big_source(size, Path(folder))
            text = path.read_text(encoding="utf-8")
            out = Path(folder) / "out.yaml"

            def ours(path: Path = path, out: Path = out) -> None:
                convertfile.convert_paths([str(path)], to="zh-Hans", output=str(out), options=options)

            ours()  # dictionaries loaded, caches warm, as OpenCC's are below
            raw.convert(text)
            opencc_s, ours_s = [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                raw.convert(text)
                opencc_s.append(time.perf_counter() - start)
                start = time.perf_counter()
                ours()
                ours_s.append(time.perf_counter() - start)
            tracemalloc.start()
            ours()
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            text_bytes = sys.getsizeof(text)
            a, b = statistics.median(opencc_s), statistics.median(ours_s)
            print(
                f"{path.stat().st_size:>11,} bytes ({len(text):,} characters), in-process: OpenCC {a * 1000:7.1f} ms, "
                f"rolreport convert {b * 1000:7.1f} ms = {b / a:4.1f}x (target ≤ 2x); "
                f"peak memory {peak / 2**20:6.1f} MiB = {peak / text_bytes:4.1f}x the text (target ≤ 2.5x)"
            )
            tool = Path(sys.executable).with_name("opencc")
            if tool.exists():
                theirs = processes([str(tool), "-c", "tw2s", "-i", str(path), "-o", str(out)], args.runs)
                mine = processes(
                    [str(Path(sys.executable).with_name("rolreport")), "convert", str(path), "--to", "zh-Hans",
                     "-o", str(out)], args.runs)  # fmt: skip
                print(
                    f"{'':>11}  as processes: opencc CLI {theirs:.2f} s, rolreport convert {mine:.2f} s "
                    f"= {mine / theirs:.1f}x"
                )


def processes(command: list[str], runs: int) -> float:
    """Median wall time of ``command`` run as a new process."""
    import subprocess

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


if __name__ == "__main__":
    main()
