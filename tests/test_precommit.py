"""The pre-commit hooks work from a repository, installed as a user's config installs them.

The config names the repository and a commit (``repo:`` + ``rev:``, as the README's snippet
does), so pre-commit builds the hook's environment once for the three runs (``try-repo``
builds a new one at every call: a minute of this test).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE, ROOT

pytestmark = pytest.mark.slow


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_hooks_from_a_repository(tmp_path):
    # pre-commit installs hooks from a git repository: commit this tree (as it is now) to a copy.
    source = tmp_path / "rolreport"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "build", "*.egg-info", "__pycache__", ".*cache", ".hypothesis", "output"
        ),
    )
    for args in (("init", "-q"), ("add", "-A"), ("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x")):
        _git(source, *args)

    repo = tmp_path / "reports"
    repo.mkdir()
    _git(repo, "init", "-q")
    good = repo / "changzhou-2024.rolreport.yaml"
    good.write_bytes(EXAMPLE.read_bytes())
    bad = repo / "draft.rolreport.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("2024年，在省委", "2024年,在省委"), encoding="utf-8")
    other = repo / "ci.yaml"
    other.write_text("on: push\n", encoding="utf-8")  # not a report: must not be checked
    _git(repo, "add", "-A")

    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, check=True, capture_output=True, text=True)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {source.as_posix()}\n    rev: {rev.stdout.strip()}\n"
        "    hooks:\n      - id: rolreport-check\n      - id: rolreport-fix\n",
        encoding="utf-8",
    )
    _git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    pre_commit = [sys.executable, "-m", "pre_commit", "run"]
    result = subprocess.run(
        [*pre_commit, "rolreport-check", "--all-files"], cwd=repo, capture_output=True, text=True, env=env
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "draft.rolreport.yaml:" in result.stdout and "RR301" in result.stdout
    assert "changzhou-2024.rolreport.yaml:" not in result.stdout and "ci.yaml" not in result.stdout

    fixed = subprocess.run(
        [*pre_commit, "rolreport-fix", "--all-files"], cwd=repo, capture_output=True, text=True, env=env
    )
    assert fixed.returncode == 1  # pre-commit fails a hook that modified files
    assert bad.read_text(encoding="utf-8") == good.read_text(encoding="utf-8")
    clean = subprocess.run(
        [*pre_commit, "rolreport-check", "--all-files"], cwd=repo, capture_output=True, text=True, env=env
    )
    assert clean.returncode == 0, clean.stdout
