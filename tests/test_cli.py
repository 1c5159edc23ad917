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


def test_version_through_the_parser_matches_the_fast_path(run):
    # `--debug --version` does not take the fast path; both must print the same thing.
    assert run("--debug", "--version").stdout == run("--version").stdout


def test_no_arguments_shows_help_and_exits_2(run):
    for args in ([], ["--debug"]):
        result = run(*args)
        assert result.exit_code == 2
        assert "build" in result.stderr and result.stdout == ""
    assert run("--debug", "--help").exit_code == 0


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


def _probe(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter (what a user's process imports, not the test run's)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_help_imports_neither_pydantic_nor_the_pipeline():
    probe = (
        "import sys\n"
        "from rolreport.cli import main\n"
        "try:\n    main(['build', '--help'])\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "print(any(m in sys.modules for m in ('pydantic', 'jinja2', 'rolreport.build')), code, file=sys.stderr)\n"
    )
    result = _probe(probe)
    assert result.stderr.strip().splitlines()[-1] == "False 0"
    assert "用法 (Usage): rolreport build" in result.stdout and "--format" in result.stdout


def test_a_build_does_not_import_package_metadata(tmp_path):
    """pydantic's plugin loader is replaced while plugins are off (cli._without_pydantic_plugins):
    the build still validates (a bad source is still refused) without importing
    importlib.metadata, and a user who asks for plugins gets pydantic's own loader."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("year: 2024", "year: 二〇二四"), encoding="utf-8")
    probe = (
        "import sys\n"
        "from rolreport.cli import main\n"
        "for source in sys.argv[1:]:\n"
        "    try:\n        main(['build', source, '-o', {out!r}, '-f', 'txt'])\n"
        "    except SystemExit as exc:\n        print('exit', exc.code, file=sys.stderr)\n"
        "print('metadata', 'importlib.metadata' in sys.modules, file=sys.stderr)\n"
    ).format(out=str(tmp_path / "out"))
    result = subprocess.run([sys.executable, "-c", probe, str(EXAMPLE), str(bad)], capture_output=True, text=True)
    lines = result.stderr.strip().splitlines()
    assert "exit 0" in lines and "exit 1" in lines and lines[-1] == "metadata False", result.stderr
    env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "some-plugin"}
    result = subprocess.run([sys.executable, "-c", probe, str(EXAMPLE)], capture_output=True, text=True, env=env)
    assert result.stderr.strip().splitlines()[-2:] == ["exit 0", "metadata True"], result.stderr


def test_an_in_process_call_freezes_nothing(run):
    import gc

    before = gc.get_freeze_count()
    assert run("--help").exit_code == 0
    assert gc.get_freeze_count() == before


# ------------------------------------------------------------------------------------------
# The parser: what a user types, the way shells and other tools accept it


def test_options_before_between_and_after_files(run, tmp_path):
    second = tmp_path / "second.yaml"
    second.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", "-f", "txt", EXAMPLE, f"--out={out}", second, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["changzhou-2024.txt", "second.txt"]


def test_repeated_and_comma_separated_values_add_up(run, tmp_path):
    out = tmp_path / "out"
    assert run("build", EXAMPLE, "-o", out, "-f", "md,txt", "-f", "html", "-s", "zh-Hant").exit_code == 0
    assert sorted(p.suffix for p in out.iterdir()) == [".html", ".md", ".txt"]


def test_a_file_named_like_an_option_after_double_dash(run, tmp_path):
    odd = tmp_path / "-odd.yaml"
    odd.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = run("build", "-o", tmp_path / "out", "-f", "txt", "--", odd)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "-odd.txt").exists()


def test_every_mistake_of_a_command_line_in_one_run(run, tmp_path):
    result = run("build", "--jobs", "0", "--fromat", "--templates", tmp_path / "nowhere")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any("没有这个选项 --fromat；是不是 --format" in line for line in lines)
    assert any("-j / --jobs 的值无效" in line and "at least 1" in line for line in lines)
    assert any("--templates 的值无效" in line and "no such folder" in line for line in lines)
    assert any("缺少参数 FILE" in line for line in lines)
    assert lines[-1].startswith("用 rolreport build -h 查看帮助")
    assert all(line.startswith("rolreport build: ") for line in lines[:-1])
    assert not (tmp_path / "nowhere").exists() and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "x.yaml", "-o"], "选项 -o 缺少它的值"),
        (["check", "x.yaml", "--fix=yes"], "开关选项 --fix 不带值"),
        (["new", "a.yaml", "b.yaml", "-j", "某县", "-y", "2024"], "多余的参数 b.yaml"),
        (["new", "a.yaml", "-j", "某县", "-y", "二〇二四"], "“二〇二四”不是整数"),
        (["new", "a.yaml", "-j", "某县", "-y", "1800"], "不在 1990–2100 之间"),
        (["convert", "x.txt"], "缺少参数 -t / --to"),
        (["convert", "x.txt", "-t", "zh-Hant", "--quotes", "fancy"], "不是 keep、regional 之一"),
        (["bulid", "x.yaml"], "没有这个命令 bulid；是不是 build"),
        (["--nope", "build"], "没有这个选项 --nope"),
    ],
)
def test_usage_errors_name_the_mistake(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_negatable_flags_and_their_defaults(run, tmp_path):
    import csv

    report = tmp_path / "r.yaml"
    report.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert run("diff", report, report, "--color").exit_code == run("diff", report, report, "--no-color").exit_code == 0
    report.write_text(EXAMPLE.read_text(encoding="utf-8").replace("，", ","), encoding="utf-8")  # RR301 findings

    def errors(*args: str) -> str:
        [row] = csv.DictReader(run("stats", report, *args).stdout.splitlines())
        return row["findings_error"]

    found = errors()
    assert int(found) > 0 and errors("--check") == found  # on by default
    assert errors("--no-check") == ""  # not known, not 0
    assert errors("--no-check", "--check") == found  # the last one given wins


def test_help_after_a_broken_option_still_helps(run):
    result = run("build", "--nope", "-h")
    assert result.exit_code == 0 and "用法 (Usage): rolreport build [OPTIONS] FILE..." in result.stdout


@pytest.mark.parametrize(
    "name",
    ["build", "check", "convert", "stats", "site", "diff", "import", "new", "schema", "rule", "export-templates"],
)
def test_every_option_of_every_command_is_on_its_help_page(run, name):
    from rolreport.commands import command

    page = run(name, "--help").stdout
    for param in command(name).params:
        for shown in (*param.flags, param.negative) if param.flags else (param.metavar,):
            if shown:
                assert shown in page, (name, shown)
    assert "<" not in page.replace("<行政区域>", "")  # no type names such as <list[str]>


def test_no_command_line_makes_a_traceback(run, tmp_path):
    """Random command lines from the options' own spellings: always a documented exit code and
    a message, never an internal error (the parser is user input too)."""
    import random

    from rolreport.commands import MODULES, command

    missing = str(tmp_path / "missing.yaml")
    tokens = ["--", "-h", "--nope", "-x", "=", "--format=", "-o", "-j", "0", "-1", "２", "二〇二四", "zh-TW", missing,
              "--out=" + str(tmp_path / "o"), "keep", "regional", "", " ", "-f", "txt,md", "--to", "zh-Hant"]  # fmt: skip
    for name in MODULES:
        for param in command(name).params:
            tokens += [*param.flags, param.negative] if param.flags else []
    rng = random.Random(3)
    for _ in range(300):
        args = [rng.choice(list(MODULES))] + [rng.choice(tokens) for _ in range(rng.randint(0, 6))]
        args = [a for a in args if a] or ["build"]
        if "--serve" in args:  # would start a server on a valid site
            continue
        result = run(*args)
        assert result.exit_code in (0, 1, 2), args
        assert "内部错误" not in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
