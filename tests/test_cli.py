"""Commands, options and exit codes, as a user meets them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLE
from rolreport import __version__
from rolreport.validate import load_report


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"rolreport {__version__}")


def test_version_through_typer_matches_the_fast_path(run):
    # `--debug --version` does not take the fast path; both must print the same thing.
    assert run("--debug", "--version").stdout == run("--version").stdout


def test_no_arguments_shows_help_and_exits_2(run):
    result = run()
    assert result.exit_code == 2
    assert "build" in result.stdout + result.stderr


def test_unknown_option_is_a_usage_error(run):
    result = run("build", EXAMPLE, "--frobnicate")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_internal_error_exits_2_without_traceback(run, monkeypatch):
    import rolreport.build

    def boom(*args, **kwargs):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(rolreport.build, "plan", boom)
    result = run("build", EXAMPLE)
    assert result.exit_code == 2
    assert "内部错误" in result.stderr and "simulated bug" in result.stderr
    assert "Traceback" not in result.stderr
    debug = run("--debug", "build", EXAMPLE)
    assert debug.exit_code == 2
    assert "Traceback" in debug.stderr


# ------------------------------------------------------------------------------------------
# new


@pytest.mark.parametrize("script", ["zh-Hans", "zh-Hant-TW", "zh-Hant-HK", "zh-Hant"])
def test_new_writes_a_valid_skeleton_with_every_statutory_part(run, tmp_path, script):
    target = tmp_path / "report.yaml"
    result = run("new", target, "--jurisdiction", "溧阳市", "--year", "2025", "--script", script)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=rolreport.schema.json"
    report = load_report(str(target)).report
    assert report.script == script and report.year == 2025
    assert [p.role for p in report.parts] == ["measures", "shortcomings", "leader_duty", "next_year", "other"]
    assert report.parts[3].title.startswith("2026年")
    if script == "zh-Hans":
        assert report.title == "溧阳市2025年法治政府建设年度报告" and report.issuer == "溧阳市人民政府"
    else:
        assert report.title == "溧陽市2025年法治政府建設年度報告"
    built = run("build", target, "-o", tmp_path / "out")
    assert built.exit_code == 0, built.stderr


def test_new_refuses_to_overwrite(run, tmp_path):
    target = tmp_path / "report.yaml"
    target.write_text("mine\n", encoding="utf-8")
    result = run("new", target, "-j", "常州市", "-y", "2024")
    assert result.exit_code == 2
    assert "未覆盖" in result.stderr
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_new_with_options(run, tmp_path):
    target = tmp_path / "r.yaml"
    result = run(
        "new", target, "-j", "常州市司法局", "-y", "2024", "--issuer", "常州市司法局", "--schema", "https://x/s.json"
    )
    assert result.exit_code == 0
    data = YAML(typ="safe").load(target.read_text(encoding="utf-8"))
    assert data["issuer"] == "常州市司法局"
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=https://x/s.json\n")


def test_new_rejects_an_unknown_script(run, tmp_path):
    result = run("new", tmp_path / "r.yaml", "-j", "常州市", "-y", "2024", "--script", "zh-TW")
    assert result.exit_code == 2
    assert not (tmp_path / "r.yaml").exists()


def test_new_needs_jurisdiction_and_year(run, tmp_path):
    assert run("new", tmp_path / "r.yaml").exit_code == 2


# ------------------------------------------------------------------------------------------
# The installed console script


def _console_script() -> Path:
    return Path(sys.executable).with_name("rolreport")


def test_console_script_and_module_entry_points(tmp_path):
    script = _console_script()
    assert script.exists(), "install the project (pip install -e .) before running the tests"
    env = {**os.environ, "NO_COLOR": "1"}
    for command in ([str(script)], [sys.executable, "-m", "rolreport"]):
        ok = subprocess.run([*command, "build", str(EXAMPLE), "-o", str(tmp_path / "out"), "-f", "txt"],
                            capture_output=True, env=env, cwd=tmp_path)  # fmt: skip
        assert ok.returncode == 0, ok.stderr.decode()
        bad = subprocess.run([*command, "build", str(tmp_path / "missing.yaml")], capture_output=True, env=env)
        assert bad.returncode == 2
        assert b"Traceback" not in bad.stderr
        assert "找不到文件" in bad.stderr.decode("utf-8")


def test_pdf_without_a_browser_is_a_clear_usage_error(run, tmp_path, monkeypatch):
    monkeypatch.setenv("ROLREPORT_CHROMIUM", str(tmp_path / "no-such-browser"))
    result = run("build", EXAMPLE, "-f", "pdf", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "Chromium" in result.stderr or "browser" in result.stderr
    assert not (tmp_path / "out").exists()


def test_new_converts_through_the_project_converter(run, tmp_path):
    (tmp_path / ".rolreport.toml").write_text('[conversion]\nprotect = ["某县"]\n', encoding="utf-8")
    path = tmp_path / "n.yaml"
    assert run("new", path, "--jurisdiction", "某县", "--year", "2024", "--script", "zh-Hant-TW").exit_code == 0
    text = path.read_text(encoding="utf-8")
    assert (
        "jurisdiction: 某县" in text and "title: 某县2024年法治政府建設年度報告" in text
    )  # protected, the rest converted
    assert run("check", path, "--select", "RR000").exit_code == 0


def test_command_help_is_printed_without_parsing_or_pydantic():
    """``rolreport COMMAND --help`` comes from the command's definition (cli._command_help): the
    same page as typer's, without the pydantic import that typer's option parsing costs."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from rolreport.cli import main\n"
        "try:\n    main(['build', '--help'])\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "print('pydantic' in sys.modules, code, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stderr.strip().splitlines()[-1] == "False 0"
    assert "用法 (Usage): rolreport build" in result.stdout and "--format" in result.stdout
