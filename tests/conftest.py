"""Shared fixtures: run the CLI in-process and capture what a user would see."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from rolreport.cli import main

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "changzhou-2024.yaml"
# A verbatim copy of ../shared/seed/changzhou-2024.txt (the published text the project started from).
SEED = Path(__file__).parent / "data" / "seed-changzhou-2024.txt"
GOLDEN = Path(__file__).parent / "golden"


# In CI (.ci/run sets CI=1) a missing system package is a failure, not a skip: a green run must
# mean the browser and LibreOffice tests ran.
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def needs(found: object, what: str) -> pytest.MarkDecorator:
    """Mark tests that need a system package: skipped where it is absent, failed in CI."""
    return pytest.mark.needs(found=bool(found), what=what)


@pytest.fixture(autouse=True)
def _system_packages(request) -> None:
    marker = request.node.get_closest_marker("needs")
    if marker is None or marker.kwargs["found"]:
        return
    message = f"{marker.kwargs['what']} is not installed (.ci/run installs it)"
    if IN_CI:
        pytest.fail(f"{message}; in CI a missing system package fails the run", pytrace=False)
    pytest.skip(message)


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


BROKEN = "title: x\nparts:\n  - title: 一\n    rol: measures\n"  # `rol:` at 4:5, and no issuer


@pytest.fixture
def one_good_one_broken(tmp_path) -> Path:
    """A folder with the example and a source that is not valid (its problem at bad.yaml:4:5)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "changzhou-2024.yaml").write_bytes(EXAMPLE.read_bytes())
    (folder / "bad.yaml").write_text(BROKEN, encoding="utf-8")
    return folder
