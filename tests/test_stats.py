"""`rolreport stats`: the row of the example as counted by hand, the facts behind it, the level
of government of 32 real sources, the three formats, and invalid sources."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLE
from rolreport.stats.quantities import quantities

CORPUS = Path(__file__).parent / "data" / "corpus"

# Every count the example states, read off its text by hand (expression as written, value, unit):
# not its years (2024年), dates, ordinals (第八、九輪), numbers inside quotation or title marks
# (“532”, “1名村（居）法律明白人”, 《…（2021—2025年）…》) or names (“一件事”, 三項制度).
EXAMPLE_QUANTITIES = [
    ("12次", 12, "次"), ("2355名", 2355, "名"), ("240餘條", 240, "条"), ("30餘項", 30, "项"),
    ("4件", 4, "件"), ("5件", 5, "件"), ("34次", 34, "次"), ("6件", 6, "件"), ("65件", 65, "件"),
    ("27件", 27, "件"), ("1180件", 1180, "件"), ("2件", 2, "件"), ("4件", 4, "件"), ("179個", 179, "个"),
    ("8個", 8, "个"), ("10類", 10, "类"), ("29個", 29, "个"), ("440項", 440, "项"), ("37類", 37, "类"),
    ("8個", 8, "个"), ("64家", 64, "家"), ("30%", 30, "%"), ("700餘份", 700, "份"), ("24項", 24, "项"),
    ("79項", 79, "项"), ("1850家", 1850, "家"), ("7件", 7, "件"), ("百家", 100, "家"),
    ("4100餘場次", 4100, "场次"), ("1個", 1, "个"), ("1個", 1, "个"), ("6個", 6, "个"), ("3個", 3, "个"),
    ("5名", 5, "名"), ("98.63%", 98.63, "%"), ("24個", 24, "个"), ("6.8%", 6.8, "%"), ("21.4%", 21.4, "%"),
    ("29家", 29, "家"), ("33個", 33, "个"), ("近11萬人次", 110000, "人次"), ("30個", 30, "个"),
]  # fmt: skip


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_the_example_row_as_counted_by_hand(run, tmp_path):
    shown = run("stats", EXAMPLE, "-f", "jsonl", "--facts", tmp_path / "facts.jsonl")
    assert shown.exit_code == 0, shown.stderr
    [row] = jsonl(shown.stdout)
    assert {k: row[k] for k in ("issuer", "jurisdiction", "level", "division_code", "province", "year")} == {
        "issuer": "常州市人民政府", "jurisdiction": "常州市", "level": "city", "division_code": "320400",
        "province": "江苏省", "year": 2024,
    }  # fmt: skip
    assert (row["script"], row["audience"], row["published"], row["deadline_met"]) == (
        "zh-Hant-TW",
        "public",
        None,
        None,
    )
    assert (row["parts"], row["sections"], row["items"]) == (7, 21, 0)
    assert [row[f"has_{r}"] for r in ("measures", "leader_duty", "shortcomings", "next_year", "other")] == [
        True, True, True, True, False,
    ]  # fmt: skip
    assert row["missing_roles"] == ""
    assert (row["citations"], row["citations_distinct"]) == (20, 20)  # the 20 《 of the source
    assert row["quantities"] == len(EXAMPLE_QUANTITIES)
    measures_quantities = 38  # all are in the five 举措和成效 parts; less the four of the 第一责任人 section
    assert row["quantities_per_1000_measures"] == round(measures_quantities * 1000 / row["characters_measures"], 2)
    assert all(row[k] == 0 for k in row if k.startswith("findings_"))  # the example is clean
    facts = jsonl((tmp_path / "facts.jsonl").read_text(encoding="utf-8"))
    assert [(f["expression"], f["value"], f["unit"]) for f in facts] == EXAMPLE_QUANTITIES
    eleven = next(f for f in facts if f["expression"] == "近11萬人次")
    assert eleven["approximate"] == "近" and eleven["path"] == "parts[4].sections[2].paragraphs[0]"
    assert (
        eleven["role"] == "measures" and eleven["sentence"] == "改造提升法律援助工作站點33個，累計服務群眾近11萬人次。"
    )
    assert sum(f["role"] == "measures" for f in facts) == measures_quantities


def test_characters_per_role_add_up_to_the_sources_texts(run):
    """The character columns against the source's own strings, summed another way."""
    data = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    by_role: dict[str, int] = {}
    for part in data["parts"]:
        texts = [part["title"], *part.get("paragraphs", [])]
        by_role[part["role"]] = by_role.get(part["role"], 0) + sum(map(len, texts))
        for section in part.get("sections", []):
            role = section.get("role", part["role"])
            by_role[role] = by_role.get(role, 0) + len(section["title"]) + sum(map(len, section["paragraphs"]))
    preamble = sum(map(len, data["preamble"]))
    [row] = jsonl(run("stats", EXAMPLE, "-f", "jsonl", "--no-check").stdout)
    assert row["characters_preamble"] == preamble
    for role, count in by_role.items():
        assert row[f"characters_{role}"] == count, role
    assert row["characters"] == len(data["title"]) + preamble + sum(by_role.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年化解矛盾纠纷3万余件，同比增长6.8%。", [("3万余件", 30000, "件", "余"), ("6.8%", 6.8, "%", "")]),
        (
            "组织两百余人参加培训，覆盖近1.2万人次。",
            [("两百余人", 200, "人", "余"), ("近1.2万人次", 12000, "人次", "近")],
        ),
        ("下降3.5个百分点，办理十二件。", [("3.5个百分点", 3.5, "个百分点", ""), ("十二件", 12, "件", "")]),
        ("在第八、九轮巡察期间，第3批试点", []),  # ordinals
        ("2024年3月28日，“532”发展战略，《纲要（2021—2025年）》", []),  # dates, quotes, titles
        ("完善行政执法三项制度，推进“一件事”，落实四个全面，开展一批活动", []),  # names; a lone 一
        ("编号" + "9" * 400 + "件，共12345678901件", []),  # no count has more than 10 digits
    ],
)
def test_quantities(text, expected):
    assert [(q.text, q.shown_value, q.unit, q.approximate) for q in quantities(text)] == expected


def test_level_of_government_of_32_real_sources(run):
    expected = YAML(typ="safe").load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    shown = run("stats", CORPUS, "-f", "jsonl", "--no-check")
    assert shown.exit_code == 0, shown.stderr
    rows = jsonl(shown.stdout)
    assert len(rows) == len(expected) >= 20
    found = {Path(r["file"]).stem: {"level": r["level"], "code": r["division_code"]} for r in rows}
    assert found == expected


def test_findings_are_those_check_reports(run, tmp_path):
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("2024年，在省委", "2024年,在省委").replace("published", "x"),
        encoding="utf-8",
    )
    checked = json.loads(run("check", draft, "--output-format", "json").stdout)["findings"]
    [row] = jsonl(run("stats", draft, "-f", "jsonl").stdout)
    assert row["findings_punctuation"] >= 1
    total = row["findings_error"] + row["findings_warning"] + row["findings_info"]
    assert total == len(checked) == sum(row[k] for k in row if k.startswith("findings_") and k.split("_")[1]
                                        not in ("error", "warning", "info"))  # fmt: skip


@pytest.mark.parametrize(("published", "met"), [("2025-03-31", True), ("2025-04-01", False)])
def test_deadline_is_the_end_of_march_of_the_next_year(run, tmp_path, published, met):
    source = tmp_path / "r.yaml"
    source.write_text(EXAMPLE.read_text(encoding="utf-8").replace("year: 2024\n", f"year: 2024\npublished: {published}\n"),
                      encoding="utf-8")  # fmt: skip
    [row] = jsonl(run("stats", source, "-f", "jsonl", "--no-check").stdout)
    assert (row["published"], row["deadline_met"]) == (published, met)


def test_csv_jsonl_and_parquet_hold_the_same_rows(run, tmp_path):
    import pyarrow.parquet as pq

    out = {fmt: tmp_path / f"stats.{fmt}" for fmt in ("csv", "jsonl", "parquet")}
    for fmt, path in out.items():
        assert run("stats", CORPUS, EXAMPLE, "-f", fmt, "-o", path, "--no-check").exit_code == 0
    rows = jsonl(out["jsonl"].read_text(encoding="utf-8"))
    with out["csv"].open(encoding="utf-8", newline="") as stream:
        table = list(csv.DictReader(stream))
    assert [r["file"] for r in table] == [r["file"] for r in rows] and len(rows) == 33
    assert table[-1]["level"] == "city" and table[-1]["has_other"] == "false" and table[-1]["published"] == ""
    parquet = pq.read_table(out["parquet"])
    # typed even where every row is empty: dates, booleans, counts not known with --no-check
    types = {name: str(parquet.schema.field(name).type) for name in ("published", "deadline_met", "findings_error")}
    assert types == {"published": "date32[day]", "deadline_met": "bool", "findings_error": "int64"}
    assert all(row["findings_error"] is None for row in rows)  # not checked: not known, not 0
    iso = [{k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()} for row in parquet.to_pylist()]
    assert iso == rows
    with_bom = run("stats", EXAMPLE, "--bom", "--no-check")
    assert with_bom.stdout.startswith("\ufefffile,title,")


def test_an_invalid_source_fails_the_run_unless_keep_going(run, tmp_path, one_good_one_broken):
    folder = one_good_one_broken
    out = tmp_path / "stats.csv"
    failed = run("stats", folder, "-o", out)
    assert failed.exit_code == 1 and "bad.yaml:4:5:" in failed.stderr and not out.exists()
    kept = run("stats", folder, "-o", out, "--keep-going")
    assert kept.exit_code == 1 and "bad.yaml:4:5:" in kept.stderr
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 1
    assert run("stats", folder, "-f", "xlsx").exit_code == 2
