"""``rolreport new``: a skeleton report that validates, with every statutory part present.

The parts follow the five items of 《法治政府建设与责任落实督察工作规定》 in the statute's order;
placeholder paragraphs say what belongs there.  Traditional skeletons are converted from the
Simplified text by the same converter as ``build --script`` and ``convert`` (character-form
configs, the built-in fixes, the project's overrides and protected terms).
"""

from __future__ import annotations

from pathlib import Path

from rolreport.diagnostics import UsageError
from rolreport.lexicon.scripts import SCRIPTS

_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# 法治政府建设年度报告源文件。编号（一、（一）1.（1））由 rolreport 自动生成，标题中不要手写编号。
# 生成文档：rolreport build {name}
title: {jurisdiction}{year}年法治政府建设年度报告
issuer: {issuer}
jurisdiction: {jurisdiction}
year: {year}
script: {script}
# published: {next_year}-03-31      # 公开日期；应在{next_year}年4月1日前
audience: public                    # public 网上公开；superior 向上级报送（加 addressee）；npc 向人大常委会报告
section_heading: run-in             # 小节标题样式：run-in “（一）标题。正文”；standalone 标题单独成行
# closing:                          # 落款
#   issuer: {issuer}
#   date: {next_year}-03-31
preamble:
  - （在此填写导语：{year}年，{jurisdiction}……指导思想和总体情况。）现将有关情况报告如下：
parts:
  - title: {year}年推进法治政府建设的主要举措和成效
    role: measures
    sections:
      - title: 在此填写第一项举措的标题
        paragraphs:
          - （在此填写具体举措、数据和典型案例。）
  - title: 存在的不足和原因
    role: shortcomings
    paragraphs:
      - （在此填写存在的不足，并分析原因。）
  - title: 党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况
    role: leader_duty
    paragraphs:
      - （在此填写党政主要负责人履行第一责任人职责的情况。）
  - title: {next_year}年推进法治政府建设的主要安排
    role: next_year
    paragraphs:
      - （在此填写下一年度的主要安排。）
  - title: 其他需要报告的情况
    role: other
    paragraphs:
      - （在此填写其他需要报告的情况；没有可删除这一部分。）
"""


def skeleton_text(
    *, jurisdiction: str, year: int, issuer: str | None, script: str, schema: str, name: str, folder: Path = Path(".")
) -> str:
    if script not in SCRIPTS:
        raise UsageError(f"未知的文字 `{script}`；可选：{', '.join(SCRIPTS)} (unknown script)")
    jurisdiction = jurisdiction.strip()
    if not jurisdiction:
        raise UsageError("--jurisdiction 不能为空 (must not be empty)")
    text = _TEMPLATE.format(
        schema=schema,
        name=name,
        jurisdiction=jurisdiction,
        issuer=(issuer or f"{jurisdiction}人民政府").strip(),
        year=year,
        next_year=year + 1,
        script=script,
    )
    if script != "zh-Hans":
        from rolreport.config import load_config
        from rolreport.variants import make_converter

        text = make_converter("zh-Hans", script, project=load_config(folder).conversion).convert(text)
    return text


def write_new(path: Path, *, jurisdiction: str, year: int, issuer: str | None, script: str, schema: str) -> None:
    from rolreport.fsio import write_atomic
    from rolreport.source import SourceText, parse_yaml
    from rolreport.validate import validate

    if path.exists():
        raise UsageError("文件已存在，未覆盖 (refusing to overwrite an existing file)", str(path))
    text = skeleton_text(
        jurisdiction=jurisdiction,
        year=year,
        issuer=issuer,
        script=script,
        schema=schema,
        name=path.name,
        folder=path.parent,
    )
    # What we write must validate: a jurisdiction with YAML-special characters would break it.
    validate(str(path), parse_yaml(SourceText(str(path), text)))
    write_atomic(path, text)
