"""One layout for every writer (rolreport.layout): computed from the validated report alone."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE
from rolreport.layout import layout
from rolreport.validate import load_report

FEATURES = Path(__file__).parent / "data" / "features.yaml"


def test_the_layout_numbers_and_styles_every_level():
    page = layout(load_report(str(FEATURES)).report)
    assert [p.label for p in page.parts] == ["一、", "二、", "三、", "四、"][: len(page.parts)]
    first = page.parts[0]
    assert [s.label for s in first.sections] == [f"（{n}）" for n in "一二三四五六七八九十"[: len(first.sections)]]
    assert {s.style for p in page.parts for s in p.sections} <= {"standalone", "run-in"}
    items = [i for p in page.parts for s in p.sections for i in s.items]
    assert items and items[0].label == "1." and items[0].level == 3
    assert [f.kind for f in page.frame] == ["doc_number", "addressee"]
    assert page.frame[-1].text.endswith("：")


def test_the_layout_survives_copies_and_conversion():
    """Labels and heading styles no longer live in private attributes that a copy loses."""
    from rolreport.variants import convert_report, make_converter

    report = load_report(str(EXAMPLE)).report
    copied = report.model_validate(report.model_dump())
    assert layout(copied) == layout(report)
    converted = convert_report(report, make_converter(report.script, "zh-Hans"))
    assert [p.label for p in layout(converted).parts] == [p.label for p in layout(report).parts]
    assert [s.style for p in layout(converted).parts for s in p.sections] == [
        s.style for p in layout(report).parts for s in p.sections
    ]


def test_user_templates_see_the_layout(run, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.txt").write_text(
        "{% for part in layout.parts %}{{ part.heading }}|{{ part.sections | length }}\n{% endfor %}", "utf-8"
    )
    result = run("build", FEATURES, "-f", "txt", "--templates", templates, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("一、") and "|" in result.stdout
