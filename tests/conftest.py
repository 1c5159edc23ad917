"""Shared fixtures: run the CLI in-process and capture what a user would see."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from rolreport.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "changzhou-2024.yaml"
# A verbatim copy of ../shared/seed/changzhou-2024.txt (the published text the project started from).
SEED = Path(__file__).parent / "data" / "seed-changzhou-2024.txt"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing with it",
    )


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsysbinary, monkeypatch):
    """Call ``rolreport ARGS…`` in-process through the real entry point (exit-code mapping included)."""

    def _run(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsysbinary.readouterr()
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        else:  # pragma: no cover - main always exits
            code = 0
        out, err = capsysbinary.readouterr()
        return Result(code, out.decode("utf-8"), err.decode("utf-8"))

    return _run


@pytest.fixture
def update_goldens(request) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def example_copy(tmp_path) -> Path:
    target = tmp_path / "changzhou-2024.yaml"
    shutil.copy(EXAMPLE, target)
    return target
