"""`rolreport build --script …`: one document per script, linked to each other."""

from __future__ import annotations

import html5lib

from conftest import EXAMPLE

ALL = ["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"]


def test_each_script_gets_its_own_files(run, tmp_path):
    result = run(
        "build", EXAMPLE, "--script", "zh-Hans", "--script", "zh-Hant-TW,zh-Hant-HK", "-s", "zh-Hant", "-o", tmp_path
    )
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"changzhou-2024.{s}.{f}" for s in ALL for f in ("md", "html", "txt"))


def test_variants_are_converted_prose_and_keep_structure(run, tmp_path):
    run("build", EXAMPLE, "-s", ",".join(ALL), "-f", "txt", "-o", tmp_path)
    hans = (tmp_path / "changzhou-2024.zh-Hans.txt").read_text(encoding="utf-8").splitlines()
    tw = (tmp_path / "changzhou-2024.zh-Hant-TW.txt").read_text(encoding="utf-8").splitlines()
    hk = (tmp_path / "changzhou-2024.zh-Hant-HK.txt").read_text(encoding="utf-8").splitlines()
    assert hans[0] == "常州市2024年法治政府建设年度报告"
    assert hans[2] == "一、深入学习贯彻习近平法治思想，切实加强党对法治政府建设的领导"
    assert "规范性文件" in "".join(hans) and "编发《常州市首违不罚指导案例》" in "".join(hans)
    assert tw == run("build", EXAMPLE, "-f", "txt", "-o", "-").stdout.splitlines()  # the source script: unchanged
    assert len(hans) == len(tw) == len(hk) == 31
    assert "出台" in "".join(hk) and "編發" in "".join(hk)  # Hong Kong forms (台), no 編髮


def test_html_variants_link_to_each_other(run, tmp_path):
    run("build", EXAMPLE, "-s", ",".join(ALL), "-f", "html", "-o", tmp_path)
    for script in ALL:
        page = (tmp_path / f"changzhou-2024.{script}.html").read_text(encoding="utf-8")
        doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
        assert doc.get("lang") == script
        links = {link.get("hreflang"): link.get("href") for link in doc.iter("link") if link.get("rel") == "alternate"}
        assert links == {s: f"changzhou-2024.{s}.html" for s in ALL}
        nav = doc.find(".//nav")
        current = nav.find("span")
        assert current.get("aria-current") == "page" and current.get("lang") == script
        assert {a.get("hreflang") for a in nav.iter("a")} == set(ALL) - {script}
        assert (tmp_path / f"changzhou-2024.{script}.html").exists()
    hans = (tmp_path / "changzhou-2024.zh-Hans.html").read_text(encoding="utf-8")
    assert '"Noto Serif CJK SC"' in hans and "<title>常州市2024年法治政府建设年度报告</title>" in hans


def test_a_single_script_has_no_switcher(run):
    page = run("build", EXAMPLE, "-s", "zh-Hans", "-f", "html", "-o", "-").stdout
    assert "<nav" not in page and 'rel="alternate"' not in page
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-Hans">')


def test_unknown_script_is_a_usage_error(run, tmp_path):
    result = run("build", EXAMPLE, "-s", "zh-CN", "-o", tmp_path)
    assert result.exit_code == 2 and "zh-CN" in result.stderr


def test_npc_salutation_follows_the_variant_script(run, example_copy):
    text = example_copy.read_text(encoding="utf-8").replace(
        "section_heading: run-in", "section_heading: run-in\naudience: npc"
    )
    example_copy.write_text(text, encoding="utf-8")
    lines = run("build", example_copy, "-s", "zh-Hans", "-f", "txt", "-o", "-").stdout.splitlines()
    assert lines[1] == "主任、副主任、秘书长、各位委员："


def test_quotes_option_in_build(run):
    tw = run("build", EXAMPLE, "-s", "zh-Hant-TW", "-f", "txt", "-o", "-", "--quotes", "regional").stdout
    assert "「532」" in tw and "“" not in tw
    hans = run("build", EXAMPLE, "-s", "zh-Hans", "-f", "txt", "-o", "-", "--quotes", "regional").stdout
    assert "“532”" in hans
