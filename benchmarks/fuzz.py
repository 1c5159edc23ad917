"""Fuzz build, check, convert, diff, stats and import with mutated sources and texts (issue 9's acceptance).

Mutations are drawn from what breaks YAML-to-object code and writers: explicit tags (``!!int
某县``, ``!!timestamp 2025-13-01``, ``!!binary``), escapes (``\\x0b``, ``\\e``, ``\\U00110000``,
lone surrogates), huge and odd numbers, impossible dates, control characters, BOMs and CRs,
quotes, flow indicators, aliases, tabs, hand numbering and web-page chrome; inserted, replaced
or deleted at random places of the feature fixture (every feature of the format) and of the
published seed text for import.  Each run is in-process through the real entry point, in a
worker process with a 10 s alarm.  It reports tracebacks / internal errors, exit codes outside
0/1/2 and hangs; all three must be 0.

    .venv/bin/python benchmarks/fuzz.py [--sources 10000] [--texts 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import multiprocessing
import os
import platform
import random
import re
import signal
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_PATH = ROOT / "tests" / "data" / "features.yaml"
FIXTURE = FIXTURE_PATH.read_text(encoding="utf-8")
SEED_TEXT = (ROOT / "tests" / "data" / "seed-changzhou-2024.txt").read_text(encoding="utf-8")

TOKENS = [
    "!!int 某县", "!!bool maybe", "!!timestamp 2025-13-01", "!!float x", "!!binary @@", "!!set {a}", "!!omap [a]",
    "!!str", "!!null", "!foo ", "2025-02-29", "2025-04-31", "2025-00-10", "1" * 4301, "0x" + "f" * 50, ".inf",
    ".nan", "-0", "1e999", '"\\x0b"', '"\\e[2J"', '"\\e]0;PWNED\\a"', '"\\U00110000"', '"\\ud800"', '"\\x00"',
    '"\\uff21\\uff22"', '"\\u2060"', "\x85", "\u2028", "\u202e", "\ufeff", "\r", "\r\n", "\t", "\x1b", "\x07",
    "\x7f", "&a ", "*a", "<<: *a", "---\n", "...\n", "%YAML 1.1\n", "? ", ": ", "- ", "[", "]", "{", "}", ",", "#",
    "'", '"', "|", ">", "|-\n", ">+\n", "\\", "一、", "（一）", "1.", "扫一扫在手机打开当前页", "www.example.org",
    "规范性文件", "規範性文件", "，", ",", "：", "“", "”", "《", "》", "〔2025〕", "2021-2025年", " " * 40,
    "year: 2024\n", "title: ", "paragraphs:\n", "sections:\n", "role: measures\n", "script: zh-Hant-TW\n",
]  # fmt: skip


# Inside a double-quoted value: escapes and prose that a valid YAML file can carry to the writers.
ESCAPES = ["\\x0b", "\\e", "\\e[2J", "\\a", "\\x00", "\\u2060", "\\u200b", "\\uff21", "\\ud800", "\\U0001F600",
           "\\x85", "\\u2028", "\\u202e", "\\t", "\\n", "\\\\", '\\"', "#", ": ", ",", "'", "一、", "（一）", "1.",
           "扫一扫在手机打开当前页", "&amp;", "   ", "，，", "……", "--", "2021-2025年", "十一个", "1,180",
           "〔2025〕3号", "規範", "干部", "1" * 2000, "好" * 300]  # fmt: skip
VALUES = {"year": ["2024", "!!int 某县", "1" * 4301, ".inf", "true", "2124", "0x7e8", "2024.5", "[2024]"],
          "published": ["2025-02-29", "2025-13-01", "!!timestamp 2025-00-10", "2025", "2025-03-28T10:00:00"],
          "date": ["2025-04-31", "2024-02-29", "!!str 2025-03-01", "null"]}  # fmt: skip
_VALUE_LINE = re.compile(r"^(\s*(?:- )?[a-z_]+: |\s*- )(\S.*)$")


def mutate_values(text: str, rng: random.Random) -> str:
    """Keep the YAML valid, change the values: escapes in prose, odd dates and numbers."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        number = rng.randrange(len(lines))
        line = lines[number]
        key = line.strip().split(":", 1)[0]
        if key in VALUES:
            lines[number] = line.split(":", 1)[0] + ": " + rng.choice(VALUES[key])
            continue
        m = _VALUE_LINE.match(line)
        if not m or m[2].endswith(":") or m[2][:1] in "|>[{":
            continue
        value = m[2].strip("'\"").replace("\\", "\\\\").replace('"', '\\"')
        at = rng.randrange(len(value) + 1)
        lines[number] = f'{m[1]}"{value[:at]}{rng.choice(ESCAPES)}{value[at:]}"'
    return "\n".join(lines)


def mutate(text: str, rng: random.Random) -> str:
    if rng.random() < 0.6:
        return mutate_values(text, rng)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(text) + 1)
        action = rng.random()
        if action < 0.6:
            text = text[:at] + rng.choice(TOKENS) + text[at:]
        elif action < 0.85:
            text = text[:at] + rng.choice(TOKENS) + text[at + rng.randint(1, 30) :]
        else:
            text = text[:at] + text[at + rng.randint(1, 80) :]
    return text


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang


def run_one(job: tuple[str, int, int]) -> tuple[str, int, str, list[tuple[str, int]]]:
    """Run one mutated input through its commands; return (kind, number, problem or "", the
    exit code of each command)."""
    kind, seed, number = job
    from rolreport.cli import main

    rng = random.Random(seed * 1_000_003 + number)
    codes: list[tuple[str, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        if kind == "source":
            path = Path(folder) / "r.yaml"
            path.write_bytes(mutate(FIXTURE, rng).encode("utf-8", "surrogatepass"))
            commands = [["build", str(path), "-f", "txt,docx", "-o", str(Path(folder) / "out")],
                        ["check", str(path), "--output-format", "concise"],
                        ["check", str(path), "--fix", "--exit-zero"],
                        ["convert", str(path), "--to", "zh-Hant"],
                        ["diff", str(FIXTURE_PATH), str(path), "-f", "docx", "-o", str(Path(folder) / "d.docx")],
                        ["diff", str(path), str(FIXTURE_PATH), "--year-over-year", "--no-color"],
                        ["stats", str(path), "--facts", str(Path(folder) / "f.csv"), "-o", str(Path(folder) / "s.csv")]]  # fmt: skip
        else:
            path = Path(folder) / "r.txt"
            path.write_bytes(mutate(SEED_TEXT, rng).encode("utf-8", "surrogatepass"))
            commands = [["import", str(path), "-o", str(Path(folder) / "i.yaml")]]
        for args in commands:
            err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace")
            out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
            signal.alarm(10)
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    try:
                        main(args)
                    except SystemExit as exc:
                        code = exc.code if isinstance(exc.code, int) else 0
            except Hang:
                return kind, number, f"hang over 10 s: {args[0]}", codes
            finally:
                signal.alarm(0)
            err.flush()
            text = err.buffer.getvalue().decode("utf-8", "replace")
            codes.append((" ".join(a for a in args if a in ("--fix",)) or args[0], code))
            if code not in (0, 1, 2):
                return kind, number, f"exit {code}: {args[0]}", codes
            if "Traceback" in text or "内部错误" in text:
                return kind, number, f"internal error in {args[0]}: {text.strip().splitlines()[0][:200]}", codes
    return kind, number, "", codes


def _init() -> None:
    signal.signal(signal.SIGALRM, _alarm)
    sys.setrecursionlimit(10_000)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    options = parser.parse_args()
    jobs = [("source", options.seed, n) for n in range(options.sources)]
    jobs += [("text", options.seed, n) for n in range(options.texts)]
    start = time.perf_counter()
    problems: list[tuple[str, int, str]] = []
    outcomes: Counter[tuple[str, int]] = Counter()
    with multiprocessing.Pool(options.jobs, initializer=_init) as pool:
        for kind, number, problem, codes in pool.imap_unordered(run_one, jobs, chunksize=20):
            outcomes.update(codes)
            if problem:
                problems.append((kind, number, problem))
                print(f"{kind} #{number}: {problem}", flush=True)
    elapsed = time.perf_counter() - start
    hangs = sum("hang" in p for _, _, p in problems)
    codes = sum(p.startswith("exit") for _, _, p in problems)
    internal = len(problems) - hangs - codes
    print(f"# {platform.machine()}, {platform.system()}, Python {platform.python_version()}, {options.jobs} workers")
    print(f"{options.sources} mutated sources (build, check, check --fix, convert, diff ×2, stats) and {options.texts} mutated texts "
          f"(import) in {elapsed:.0f} s: {internal} internal errors, {codes} exit codes outside 0/1/2, {hangs} hangs")  # fmt: skip
    for command in ("build", "check", "--fix", "convert", "diff", "stats", "import"):
        counts = ", ".join(
            f"exit {code}: {outcomes[(command, code)]}" for code in (0, 1, 2) if outcomes[(command, code)]
        )
        print(f"  {command:8} {counts}")
    raise SystemExit(1 if problems else 0)


if __name__ == "__main__":
    main()
