"""Installs as users install: the wheel in a fresh virtual environment (templates included), and
the documented swap to the pure-Python OpenCC backend (``opencc-py``) giving identical output."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import EXAMPLE, GOLDEN, ROOT

pytestmark = pytest.mark.slow


def _runtime_deps() -> list[str]:
    """pyproject.toml's dependencies but the C++ OpenCC binding (what the README's swap installs)."""
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return [d for d in declared if not d.startswith("opencc")]


RUNTIME_DEPS = _runtime_deps()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = dist.glob("rolreport-*.whl")
    return built


def _venv(path: Path, *packages: str, no_deps: tuple[str, ...] = ()) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    python = path / "bin" / "python"
    for args in ([*packages], ["--no-deps", *no_deps]):
        if args and args != ["--no-deps"]:
            pip = subprocess.run(
                [str(python), "-m", "pip", "install", "--quiet", *args], capture_output=True, text=True
            )
            assert pip.returncode == 0, pip.stderr[-2000:]
    return path / "bin"


def test_wheel_in_a_fresh_venv_builds_the_example(tmp_path, wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("report.md", "report.html", "report.txt"):
        assert f"rolreport/templates/{template}" in names
    assert "rolreport/py.typed" in names  # the package ships its type hints (PEP 561)
    bin_dir = _venv(tmp_path / "venv", str(wheel))
    work = tmp_path / "work"
    work.mkdir()  # run away from the source tree, so nothing can be found there by accident
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import rolreport.render as r; print(r.bundled_templates_dir())"],
        capture_output=True,
        text=True,
        cwd=work,
        check=True,
    )
    assert str(tmp_path / "venv") in where.stdout, where.stdout
    build = subprocess.run([str(bin_dir / "rolreport"), "build", str(EXAMPLE), "-o", str(work / "out")], cwd=work)
    assert build.returncode == 0
    for fmt in ("md", "html", "txt"):
        assert (work / "out" / f"changzhou-2024.{fmt}").read_bytes() == (GOLDEN / f"changzhou-2024.{fmt}").read_bytes()


def test_pure_python_backend_gives_identical_output(tmp_path, wheel):
    """README, "Script conversion", "Backend": the documented swap gives the same bytes."""
    bin_dir = _venv(tmp_path / "venv", *RUNTIME_DEPS, "opencc-py==1.4.2", no_deps=(str(wheel),))
    version = subprocess.run([str(bin_dir / "rolreport"), "--version"], capture_output=True, text=True, check=True)
    assert "opencc-py 1.4.2 (pure Python), dictionaries 1.4.2" in version.stdout
    scripts = "zh-Hans,zh-Hant,zh-Hant-TW,zh-Hant-HK"
    pure, official = tmp_path / "pure", tmp_path / "official"
    command = ["build", str(EXAMPLE), "-s", scripts, "-f", "txt"]
    subprocess.run([str(bin_dir / "rolreport"), *command, "-o", str(pure)], check=True, capture_output=True)
    rolreport = Path(sys.executable).with_name("rolreport")
    subprocess.run([str(rolreport), *command, "-o", str(official)], check=True, capture_output=True)
    for script in scripts.split(","):
        name = f"changzhou-2024.{script}.txt"
        assert (pure / name).read_bytes() == (official / name).read_bytes(), name
