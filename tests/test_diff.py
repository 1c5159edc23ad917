"""`rolreport diff`: each kind of edit of the example is reported as that operation, in every
output; the Word redline accepts to NEW and rejects to OLD.

OLD is always an edited copy of a real report (the Changzhou 2024 example, or the fixture with
every feature of the format), so the texts compared are real report prose in both scripts.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLE, needs
from rolreport.diff.chars import Years, diff
from rolreport.diff.compare import compare
from rolreport.docx_writer import render_docx
from rolreport.validate import load_report

FEATURES = Path(__file__).parent / "data" / "features.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def edited(tmp_path: Path, edit: Callable[[Any], None], source: Path = EXAMPLE, name: str = "old.yaml") -> Path:
    yaml = YAML()
    data = yaml.load(source.read_text(encoding="utf-8"))
    edit(data)
    target = tmp_path / name
    with target.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    return target


def comparison(old: Path, new: Path = EXAMPLE, **options: Any):
    return compare(load_report(str(old)).report, load_report(str(new)).report, **options)


def changes(result) -> list[tuple[str, str]]:
    """(status, NEW's or OLD's text) of every row that is not equal."""
    return [(r.status, (r.new or r.old).text) for r in result.rows if r.status != "equal"]


SENTENCE = "組織開展課題研究，"


def drop_sentence(data: Any) -> None:
    paragraphs = data["parts"][0]["sections"][0]["paragraphs"]
    assert SENTENCE in paragraphs[0]
    paragraphs[0] = paragraphs[0].replace(SENTENCE, "")


def test_a_changed_sentence_is_one_insertion_in_one_paragraph(tmp_path, run):
    result = comparison(edited(tmp_path, drop_sentence))
    [row] = [r for r in result.rows if r.status != "equal"]
    assert row.status == "changed" and row.new.key == ("parts", 0, "sections", 0, "paragraphs", 0)
    assert [(op.kind, op.new) for op in row.ops if op.kind != "equal"] == [("insert", SENTENCE)]
    s = result.summary
    assert s.paragraphs == {"added": 0, "deleted": 0, "changed": 1, "unchanged": 22}
    assert s.characters["added"] == len(SENTENCE) and s.characters["deleted"] == 0
    assert s.reused == s.new_characters - len(SENTENCE)
    shown = run("diff", tmp_path / "old.yaml", EXAMPLE, "--no-color")
    assert shown.exit_code == 1
    assert "{+組織開展課題研究，+}加大宣傳研究力度" in shown.stdout
    assert "@@ 一、深入學習貫徹習近平法治思想" in shown.stdout


def test_equal_reports_exit_0_and_say_so(run):
    shown = run("diff", EXAMPLE, EXAMPLE)
    assert shown.exit_code == 0, shown.stderr
    assert "两份报告相同" in shown.stdout and "复用率：100.0%" in shown.stdout


INSERTED = "全年開展“八五”普法中期評估，組織普法活動1200餘場。"


def insert_and_delete(data: Any) -> None:
    # OLD lacks a paragraph NEW has (an insertion) and has one NEW lacks (a deletion).
    data["parts"][4]["sections"][0]["paragraphs"].append("持續推進訴源治理，全年化解矛盾糾紛3萬餘件。")


def test_an_inserted_and_a_deleted_paragraph(tmp_path):
    new = edited(tmp_path, lambda d: d["parts"][1]["sections"][0]["paragraphs"].append(INSERTED), name="new.yaml")
    old = edited(tmp_path, insert_and_delete)
    result = comparison(old, new)
    assert changes(result) == [("inserted", INSERTED), ("deleted", "持續推進訴源治理，全年化解矛盾糾紛3萬餘件。")]
    assert result.summary.paragraphs["added"] == 1 and result.summary.paragraphs["deleted"] == 1
    assert result.summary.structure["sections_added"] == result.summary.structure["sections_deleted"] == 0


def move_section(data: Any) -> None:
    """In OLD, 持續優化法治化營商環境 sat first in part 4; NEW has it second in part 3."""
    section = data["parts"][2]["sections"].pop(1)
    data["parts"][3]["sections"].insert(0, section)


def test_a_section_moved_to_another_part_is_moved_not_deleted_and_added(tmp_path, run):
    result = comparison(edited(tmp_path, move_section))
    moved = [b for b in result.blocks if b.moved]
    assert [(b.old.heading, b.new.heading) for b in moved] == [
        ("四、嚴格規範公正文明執法，不斷提升依法行政水平 （一）持續優化法治化營商環境",
         "三、推動政府職能轉變，打造一流營商環境 （二）持續優化法治化營商環境"),
    ]  # fmt: skip
    assert changes(result) == []  # its text and every other section's (renumbered) are unchanged
    s = result.summary.structure
    assert (s["sections_moved"], s["sections_added"], s["sections_deleted"], s["sections_renamed"]) == (1, 0, 0, 0)
    assert result.summary.reuse == 1.0
    shown = run("diff", tmp_path / "old.yaml", EXAMPLE, "--no-color")
    assert "移动自 四、嚴格規範公正文明執法" in shown.stdout and shown.exit_code == 1


def test_a_renumbered_section_is_not_a_changed_one(tmp_path):
    # A section inserted first in part 2 renumbers the three after it: only the insertion shows.
    def insert(data: Any) -> None:
        data["parts"][1]["sections"].insert(0, {"title": "加強地方立法協調", "paragraphs": [INSERTED]})

    new = edited(tmp_path, insert, name="new.yaml")
    result = comparison(EXAMPLE, new)
    assert changes(result) == [("inserted", "加強地方立法協調"), ("inserted", INSERTED)]
    assert result.summary.structure["sections_added"] == 1
    assert result.summary.structure["sections_moved"] == 0


def rename_part(data: Any) -> None:
    data["parts"][1]["title"] = "科學民主依法決策，高質量立法"


def test_a_heading_style_changed_is_a_layout_change(tmp_path, run):
    def standalone(data: Any) -> None:
        data["parts"][0]["sections"][0]["heading"] = "standalone"

    result = comparison(edited(tmp_path, standalone))
    assert not result.equal and changes(result) == []
    [block] = [b for b in result.blocks if b.changed]
    assert block.restyled and not block.moved and not block.renamed
    shown = run("diff", tmp_path / "old.yaml", EXAMPLE, "--no-color")
    assert shown.exit_code == 1 and "layout changed" in shown.stdout


def test_a_renamed_part_is_renamed_with_its_title_diffed(tmp_path):
    result = comparison(edited(tmp_path, rename_part))
    [block] = [b for b in result.blocks if b.changed]
    assert block.kind == "part" and block.renamed and not block.moved
    assert block.old.title == "科學民主依法決策，高質量立法"
    [row] = [r for r in block.rows if r.status != "equal"]
    assert row.new.key == ("parts", 1, "title")
    s = result.summary.structure
    assert (s["parts_renamed"], s["parts_added"], s["parts_deleted"]) == (1, 0, 0)


def test_a_simplified_old_against_the_taiwan_example(tmp_path, run):
    """OLD is the example in Simplified characters (`rolreport convert`), with one sentence
    gone: after OLD is converted to NEW's script, that sentence is the only change."""
    hans = tmp_path / "hans.yaml"
    assert run("convert", EXAMPLE, "--to", "zh-Hans", "-o", hans).exit_code == 0
    assert "组织开展课题研究，" in hans.read_text(encoding="utf-8")
    assert run("diff", hans, EXAMPLE).exit_code == 0  # the same report in another script
    old = edited(tmp_path, lambda d: d["parts"][0]["sections"][0]["paragraphs"].__setitem__(
        0, d["parts"][0]["sections"][0]["paragraphs"][0].replace("组织开展课题研究，", "")), source=hans)  # fmt: skip
    shown = run("diff", old, EXAMPLE, "--no-color", "-f", "json")
    assert shown.exit_code == 1
    data = json.loads(shown.stdout)
    rows = [r for b in data["blocks"] for r in b["rows"] if r["status"] != "equal"]
    assert [[op for op in r["ops"] if op["op"] != "equal"] for r in rows] == [
        [{"op": "insert", "old": "", "new": SENTENCE}]  # NEW's text, in NEW's script
    ]


def last_year(data: Any) -> None:
    """The example as if written a year earlier: every 2024 a 2023, every 2023 a 2022."""

    def shift(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace("2023", "2022").replace("2024", "2023")
        if isinstance(value, list):
            return [shift(v) for v in value]
        if isinstance(value, dict):
            return {k: shift(v) for k, v in value.items()}
        return value

    for key in ("title", "preamble", "parts"):
        data[key] = shift(data[key])
    data["year"] = 2023


def test_year_over_year_counts_a_sentence_with_its_year_moved_on_as_reused(tmp_path):
    old = edited(tmp_path, last_year)
    plain = comparison(old)
    assert plain.summary.reuse < 1.0
    for row in plain.rows:  # numbers change whole, never 202[-3-]{+4+}
        for side in ("old", "new"):
            pieces = [getattr(op, side) for op in row.ops if getattr(op, side)]
            for a, b in itertools.pairwise(pieces):
                assert not (a[-1].isdigit() and b[0].isdigit()), (a, b)
    assert any(op.old == "2023" and op.kind == "delete" for r in plain.rows for op in r.ops)
    yoy = comparison(old, years=True)
    assert yoy.summary.reuse == 1.0 and yoy.equal
    assert yoy.summary.paragraphs["changed"] == 0


def test_diff_keeps_words_whole_and_numbers_as_tokens():
    ops = diff("开展法治宣传", "开展普法宣传")
    assert [(op.kind, op.old or op.new) for op in ops] == [
        ("equal", "开展"), ("delete", "法治"), ("insert", "普法"), ("equal", "宣传")
    ]  # fmt: skip
    ops = diff("受理行政复议案件120件", "受理行政复议案件1350件")
    assert [(op.kind, op.old or op.new) for op in ops if op.kind != "equal"] == [("delete", "120"), ("insert", "1350")]
    moved_on = diff(
        "2023年是全面实施“八五”普法规划的关键之年", "2024年是全面实施“八五”普法规划的关键之年", Years(2023, 2024)
    )
    assert [op.kind for op in moved_on] == ["equal", "equal"] and moved_on[0].old == "2023"


# --- the Word redline ------------------------------------------------------------------------------


def versions(data: bytes, accept: bool) -> list[str]:
    """The document's paragraphs with every revision accepted (or rejected), as Word shows them:
    inserted text kept (dropped), deleted text dropped (kept); a paragraph whose mark is deleted
    (inserted) runs on into the next."""
    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    out, current = [], ""
    for p in root.iter(W + "p"):
        for el in p.iter(W + "t", W + "delText"):
            inserted = any(a.tag == W + "ins" for a in el.iterancestors())
            if el.tag == W + "delText":
                current += "" if accept else el.text or ""
            elif inserted:
                current += el.text or "" if accept else ""
            else:
                current += el.text or ""
        mark = p.find(f"{W}pPr/{W}rPr")
        kinds = {child.tag for child in mark} if mark is not None else set()
        if (W + "del" if accept else W + "ins") in kinds:
            continue
        out.append(current)
        current = ""
    return out


def all_edits(data: Any) -> None:
    drop_sentence(data)
    rename_part(data)
    move_section(data)
    insert_and_delete(data)
    # A run-in section whose first paragraph OLD had and NEW has not (accepting joins the lead
    # to the next paragraph), and one with a first paragraph NEW has and OLD has not.
    data["parts"][4]["sections"][1]["paragraphs"].insert(0, "堅持和發展新時代“楓橋經驗”，推進矛盾糾紛源頭預防。")
    data["parts"][6]["sections"][0]["paragraphs"].pop(0)
    data["parts"][6]["sections"][0]["paragraphs"].append("深入開展習近平法治思想學習宣傳。")
    data["title"] = "常州市2024年度法治政府建設情況報告"
    del data["parts"][5]  # a whole part NEW added


def features_edits(data: Any) -> None:
    data["addressee"] = "某市人民政府辦公室："
    data["doc_number"] = "某政發〔2025〕2号"
    section = data["parts"][0]["sections"][1]
    section["items"][0]["title"] = "健全工作制度"
    section["items"][0]["items"].pop(0)
    section["items"].append({"paragraphs": ["组织旁听庭审2次。"]})
    data["closing"]["date"] = "2025-03-01"


@pytest.mark.parametrize(
    ("source", "edit"), [(EXAMPLE, all_edits), (FEATURES, features_edits)], ids=["example", "features"]
)
def test_the_redline_accepts_to_new_and_rejects_to_old(tmp_path, run, source, edit):
    old = edited(tmp_path, edit, source=source)
    out = tmp_path / "redline.docx"
    shown = run("diff", old, source, "-f", "docx", "-o", out, "--author", "审核处", "--date", "2025-03-10")
    assert shown.exit_code == 1, shown.stderr
    data = out.read_bytes()
    assert versions(data, accept=True) == versions(render_docx(load_report(str(source)).report), accept=True)
    assert versions(data, accept=False) == versions(render_docx(load_report(str(old)).report), accept=True)
    document = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert 'w:author="审核处"' in document and 'w:date="2025-03-10T00:00:00Z"' in document
    assert "<w:ins " in document and "<w:del " in document


def test_the_redline_of_equal_reports_is_the_build(tmp_path, run):
    out = tmp_path / "same.docx"
    assert run("diff", EXAMPLE, EXAMPLE, "-f", "docx", "-o", out).exit_code == 0
    assert b"<w:ins " not in zipfile.ZipFile(out).read("word/document.xml")
    assert versions(out.read_bytes(), True) == versions(render_docx(load_report(str(EXAMPLE)).report), True)


# --- the other outputs and the errors --------------------------------------------------------------


def test_json_lists_the_matched_structure_and_operations(tmp_path, run):
    shown = run("diff", edited(tmp_path, all_edits), EXAMPLE, "-f", "json")
    data = json.loads(shown.stdout)
    assert data["equal"] is False
    moved = [b for b in data["blocks"] if b["moved"]]
    assert [b["new"]["path"] for b in moved] == ["parts[2].sections[1]"]
    assert data["summary"]["structure"]["parts_added"] == 1
    assert data["summary"]["structure"]["parts_renamed"] == 1
    kinds = {r["status"] for b in data["blocks"] for r in b["rows"]}
    assert kinds == {"equal", "changed", "inserted", "deleted"}


def test_html_marks_changes_and_escapes_text(tmp_path, run):
    old = edited(
        tmp_path, lambda d: (drop_sentence(d), d["parts"][0]["sections"][0]["paragraphs"].append("<script>x</script>"))
    )
    shown = run("diff", old, EXAMPLE, "-f", "html")
    assert shown.exit_code == 1
    page = shown.stdout
    assert "<ins>組織開展課題研究，</ins>" in page and "<del>&lt;script&gt;x&lt;/script&gt;</del>" in page
    assert '<nav aria-label="有改动的部分">' in page and page.count('<section id="change-') == 1


def test_both_files_problems_at_once_and_usage_errors(tmp_path, run):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nyear: 二〇二四\n", encoding="utf-8")
    shown = run("diff", bad, tmp_path / "missing.yaml")
    assert shown.exit_code == 2  # a missing file is a usage error
    assert "bad.yaml:2:7:" in shown.stderr and "missing.yaml" in shown.stderr
    invalid = run("diff", bad, EXAMPLE)
    assert invalid.exit_code == 1 and "bad.yaml:" in invalid.stderr and "Traceback" not in invalid.stderr
    assert run("diff", EXAMPLE, EXAMPLE, "-f", "pdf").exit_code == 2
    wrong_date = run("diff", EXAMPLE, EXAMPLE, "-f", "docx", "-o", tmp_path / "x.docx", "--date", "3月1日")
    assert wrong_date.exit_code == 2 and "--date" in wrong_date.stderr
    assert not (tmp_path / "x.docx").exists()


def test_import_reads_a_published_page_as_old(tmp_path, run):
    page = Path(__file__).parent / "data" / "pages"
    text = next(p for p in sorted(page.iterdir()) if p.suffix in (".txt", ".html"))
    imported = tmp_path / "imported.yaml"
    assert run("import", text, "-o", imported).exit_code == 0
    shown = run("diff", "--import", text, imported)
    assert shown.exit_code == 0, shown.stdout + shown.stderr


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@needs(SOFFICE, "LibreOffice")
def test_libreoffice_reads_the_redline_as_tracked_changes_and_prints_it(tmp_path, run):
    from pypdf import PdfReader

    out = tmp_path / "redline.docx"
    assert run("diff", edited(tmp_path, all_edits), EXAMPLE, "-f", "docx", "-o", out).exit_code == 1
    profile = tmp_path / "lo-profile"
    for target in ("pdf", "odt"):
        subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
             "--outdir", str(tmp_path), str(out)],
            check=True, capture_output=True, timeout=300,
        )  # fmt: skip
    assert len(PdfReader(str(tmp_path / "redline.pdf")).pages) >= 9
    content = zipfile.ZipFile(tmp_path / "redline.odt").read("content.xml").decode("utf-8")
    # LibreOffice kept them as revisions (text:changed-region), inserted and deleted alike.
    assert content.count("<text:changed-region") >= 10
    assert "<text:insertion>" in content and "<text:deletion>" in content


# --- any edit: the redline is exact, every writer runs ---------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rolreport.diff.text import render_html, render_json, render_text  # noqa: E402
from rolreport.diff.tracked import render_tracked  # noqa: E402
from rolreport.model import Report  # noqa: E402

EDITS = st.lists(
    st.tuples(
        st.sampled_from(["drop", "add", "reword", "move", "swap", "retitle", "first", "heading"]),
        st.integers(0, 10_000),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=6,
)


def _apply(data: dict[str, Any], edits: list[tuple[str, int, int]]) -> dict[str, Any]:
    parts = data["parts"]
    for kind, a, b in edits:
        part = parts[a % len(parts)]
        sections = part.get("sections") or []
        section = sections[b % len(sections)] if sections else None
        texts = section["paragraphs"] if section and section.get("paragraphs") else part.get("paragraphs")
        if kind == "drop" and texts and len(texts) > 1:
            texts.pop(b % len(texts))
        elif kind == "add" and texts is not None:
            texts.insert(b % (len(texts) + 1), "全年新增行政复议案件受理点12个，实现乡镇（街道）全覆盖。")
        elif kind == "reword" and texts:
            n = b % len(texts)
            texts[n] = texts[n][: len(texts[n]) // 2] + "进一步健全工作机制，" + texts[n][len(texts[n]) // 2 :]
        elif kind == "move" and section is not None and len(sections) > 1:
            target = parts[b % len(parts)]
            target.setdefault("sections", []).insert(0, sections.pop(b % len(sections)))
        elif kind == "swap" and len(parts) > 1:
            i, j = a % len(parts), b % len(parts)
            parts[i], parts[j] = parts[j], parts[i]
        elif kind == "retitle":
            (section or part)["title"] = "持续" + (section or part)["title"]
        elif kind == "first" and section is not None and section.get("paragraphs"):
            section["paragraphs"].insert(0, "坚持和发展新时代“枫桥经验”。")
        elif kind == "heading" and section is not None:
            section["heading"] = "standalone" if section.get("heading") == "run-in" else "run-in"
    return data


# DIFF_EXAMPLES=500 for a longer search than the suite's.
@settings(
    max_examples=int(os.environ.get("DIFF_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(source=st.sampled_from([EXAMPLE, FEATURES]), old_edits=EDITS, new_edits=EDITS, years=st.booleans())
def test_any_edits_give_an_exact_redline_and_every_output(source, old_edits, new_edits, years):
    import copy

    base = load_report(str(source)).report.model_dump(exclude_unset=True)
    try:
        old = Report.model_validate(_apply(copy.deepcopy(base), old_edits))
        new = Report.model_validate(_apply(copy.deepcopy(base), new_edits))
    except Exception:  # an edit left a section empty: not a report
        return
    result = compare(old, new, years=years)
    data = render_tracked(result)
    assert versions(data, accept=True) == versions(render_docx(new), accept=True)
    assert versions(data, accept=False) == versions(render_docx(old), accept=True)
    assert result.equal == (versions(render_docx(old), True) == versions(render_docx(new), True)) or years
    render_text(result, "old", "new", colour=True)
    render_html(result, "old", "new")
    json.loads(render_json(result, "old", "new"))
    s = result.summary
    assert 0.0 <= s.reuse <= 1.0 and s.reused <= s.new_characters
