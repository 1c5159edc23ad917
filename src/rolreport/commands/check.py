"""``rolreport check``: lint report sources, optionally fixing them.

Options are parsed here; the work is done by the pipeline modules, imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path

from rolreport.commands.options import ENCODING, split_commas
from rolreport.commands.params import Command, argument, flag, option


def check(
    files: list[str],
    output_format: str | None,
    output_file: Path | None,
    fix: bool,
    unsafe_fixes: bool,
    exit_zero: bool,
    strict: bool,
    config: Path | None,
    select: list[str],
    ignore: list[str],
    encoding: str | None,
) -> int:
    from rolreport.check.command import CheckOptions, run

    options = CheckOptions(
        output_format=output_format,
        output_file=output_file,
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        exit_zero=exit_zero,
        strict=strict,
        config=config,
        select=split_commas(select) or None,
        ignore=split_commas(ignore) or None,
        encoding=encoding,
    )
    return run(files, options)


COMMAND = Command(
    "check",
    "按规则检查报告，可自动修复",
    "按规则检查报告源文件（标点、简繁用字、书名号、年份、法定内容……），可自动修复。",
    (
        argument("files", "FILE", "报告源文件（YAML）；“-”读标准输入。", many=True),
        option(
            "output_format",
            "--output-format",
            metavar="FORMAT",
            help="full（默认，带源码行和标记）、concise、json、github、gitlab、rdjson、sarif；"
            "在 GitHub Actions 中默认 github。",
        ),
        option("output_file", "--output-file", metavar="FILE", value=Path, help="把结果写入文件（原子写入）。"),
        flag("fix", "--fix", help="原地应用安全修复（标点宽度、全角字母数字、不可见字符等）。"),
        flag("unsafe_fixes", "--unsafe-fixes", help="同时应用不安全修复（如简繁用字更正），请复核结果。"),
        flag("exit_zero", "--exit-zero", help="有问题也以 0 退出（用法错误仍为 2）。"),
        flag("strict", "--strict", help="警告也视为失败。"),
        option(
            "config",
            "--config",
            metavar="FILE",
            value=Path,
            help="配置文件（默认自动查找 .rolreport.toml 或 pyproject.toml）。",
        ),
        option("select", "--select", metavar="RULES", many=True, help="只运行这些规则（可用前缀，如 RR3）。"),
        option("ignore", "--ignore", metavar="RULES", many=True, help="忽略这些规则。"),
        ENCODING,
    ),
    check,
)
