"""The wheel carries the bundled templates: build it, install it in a fresh virtual environment,
and build the example from it (not from this source tree)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import EXAMPLE, GOLDEN, ROOT


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_builds_the_example(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("rolreport-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("report.md", "report.html", "report.txt"):
        assert f"rolreport/templates/{template}" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
    )
    assert pip.returncode == 0, pip.stderr[-2000:]

    work = tmp_path / "work"
    work.mkdir()  # run away from the source tree, so nothing can be found there by accident
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import rolreport.render as r; print(r.bundled_templates_dir())"],
        capture_output=True,
        text=True,
        cwd=work,
        check=True,
    )
    assert str(venv) in where.stdout, where.stdout
    build = subprocess.run(
        [str(venv / "bin" / "rolreport"), "build", str(EXAMPLE), "-o", str(work / "out")],
        capture_output=True,
        cwd=work,
    )
    assert build.returncode == 0, build.stderr.decode()
    for fmt in ("md", "html", "txt"):
        assert (work / "out" / f"changzhou-2024.{fmt}").read_bytes() == (GOLDEN / f"changzhou-2024.{fmt}").read_bytes()
