"""A process killed mid-run leaves every target whole: its old content or its new (issue 16).

``build``, ``convert --in-place`` and ``check --fix`` are killed (SIGKILL, no clean-up) at a
range of moments while they write; after each kill every target is byte-identical to either
what it was before or what a complete run writes.  (The set may mix old and new files: the
README says so.)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE

pytestmark = pytest.mark.slow
DELAYS = [0.05 * n for n in range(1, 16)]  # 50 ms … 750 ms: start-up, rendering, writing


def _big_source(folder: Path) -> Path:
    """The example with its parts repeated: a build long enough to be killed while writing."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, parts = text.split("\nparts:\n", 1)
    source = folder / "big.yaml"
    source.write_text(head + "\nparts:\n" + parts * 12, encoding="utf-8")
    return source


def _run(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "rolreport", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip


def _kill_at(args: list[str], cwd: Path, delay: float) -> None:
    process = _run(args, cwd)
    time.sleep(delay)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _snapshot(paths: list[Path]) -> dict[Path, bytes | None]:
    return {p: (p.read_bytes() if p.exists() else None) for p in paths}


def test_killed_build_leaves_each_output_old_or_new(tmp_path):
    source = _big_source(tmp_path)
    out = tmp_path / "out"
    args = ["build", str(source), "-o", str(out), "-f", "md,html,txt,docx"]
    targets = [out / f"big.{fmt}" for fmt in ("md", "html", "txt", "docx")]
    subprocess.run([sys.executable, "-m", "rolreport", *args], check=True, capture_output=True)
    old = _snapshot(targets)
    source.write_text(source.read_text(encoding="utf-8").replace("常州市坚持", "常州市始终坚持"), encoding="utf-8")
    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "rolreport", "build", str(source), "-o", str(fresh), "-f", "md,html,txt,docx"],
                   check=True, capture_output=True)  # fmt: skip
    new = {out / p.name: p.read_bytes() for p in fresh.iterdir()}
    for delay in DELAYS:
        for target, data in old.items():  # start each round from the old outputs
            target.write_bytes(data)  # type: ignore[arg-type]
        _kill_at(args, tmp_path, delay)
        for target in targets:
            assert target.read_bytes() in (old[target], new[target]), (delay, target)


@pytest.mark.parametrize("command", ["convert", "fix"])
def test_killed_rewrite_in_place_leaves_the_file_old_or_new(tmp_path, command):
    original = _big_source(tmp_path)
    original.write_text(original.read_text(encoding="utf-8").replace("。", ",。", 200), encoding="utf-8")
    before = original.read_bytes()
    args = (["convert", str(original), "--to", "zh-Hans", "--in-place"] if command == "convert"
            else ["check", str(original), "--fix", "--exit-zero"])  # fmt: skip
    subprocess.run([sys.executable, "-m", "rolreport", *args], capture_output=True, check=False)
    after = original.read_bytes()
    assert after != before
    for delay in DELAYS:
        original.write_bytes(before)
        _kill_at(args, tmp_path, delay)
        assert original.read_bytes() in (before, after), delay
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    for leftover in leftovers:  # a kill between write and rename may leave a temporary file, never a target
        leftover.unlink()
