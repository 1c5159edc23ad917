"""`rolreport import` held to real published pages (issue 11): tests/data/pages/.

Each page is an opening of a real report as a portal publishes it (sources in the folder's
README), with a hand-written expectation in expected.yaml.  The figures are the issue's: pages
imported, parts right, chrome lines dropped, content lines dropped (must be none), title,
issuer, year and audience right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from rolreport.diagnostics import RolreportError
from rolreport.importer.classify import clean
from rolreport.importer.run import ImportOptions, import_report

PAGES = Path(__file__).parent / "data" / "pages"
EXPECTED: dict[str, dict[str, Any]] = YAML(typ="safe").load((PAGES / "expected.yaml").read_text(encoding="utf-8"))


def _import(name: str) -> tuple[dict[str, Any] | None, list[str], str]:
    try:
        _yaml, notes, report = import_report(str(PAGES / name), ImportOptions())
    except RolreportError as exc:
        return None, [], "; ".join(d.message for d in exc.diagnostics)
    return report, [clean(text) for _number, text in notes.dropped], ""


def measure() -> tuple[dict[str, list[bool]], list[str]]:
    tally: dict[str, list[bool]] = {
        k: [] for k in ("imported", "parts", "chrome", "title", "issuer", "year", "audience")
    }
    problems: list[str] = []
    for name, want in EXPECTED.items():
        report, dropped, error = _import(name)
        tally["imported"].append(report is not None)
        if report is None:
            problems.append(f"{name}: not imported: {error}")
            continue
        lines = [clean(line) for line in (PAGES / name).read_text(encoding="utf-8").splitlines()]
        furniture = set(want.get("chrome", [])) | set(want.get("duplicates", []))
        for line in want.get("chrome", []):
            tally["chrome"].append(line in dropped)
            if line not in dropped:
                problems.append(f"{name}: chrome kept: {line}")
        for line in dropped:
            if line not in furniture:
                problems.append(f"{name}: CONTENT DROPPED: {line}")
        assert all(line in lines for line in furniture), f"{name}: expectation names a line not in the page"
        checks = {
            "parts": len(report.get("parts", [])) == want["parts"],
            "year": report.get("year") == want["year"],
            "audience": report.get("audience", "public") == want["audience"],
        }
        for key in ("title", "issuer"):
            if want.get(key) is not None:
                checks[key] = report.get(key) == want[key]
        for key, ok in checks.items():
            tally[key].append(ok)
            if not ok:
                problems.append(f"{name}: {key} {report.get(key)!r}, want {want.get(key)!r}")
        if "preamble_starts" in want and not str((report.get("preamble") or [""])[0]).startswith(
            str(want["preamble_starts"])
        ):
            problems.append(f"{name}: preamble starts {(report.get('preamble') or [''])[0][:12]!r}")
        if want.get("doc_number") and report.get("doc_number") != want["doc_number"]:
            problems.append(f"{name}: doc_number {report.get('doc_number')!r}")
    return tally, problems


def _rate(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 1.0


def test_import_meets_the_issue_figures_on_real_pages():
    tally, problems = measure()
    report = "\n".join(problems)
    assert not [p for p in problems if "CONTENT DROPPED" in p], report
    assert all(tally["imported"]), report
    assert all(tally["parts"]), report
    assert _rate(tally["chrome"]) >= 0.95, report
    assert _rate(tally["title"]) >= 0.9, report
    assert _rate(tally["issuer"]) >= 0.9, report
    assert all(tally["year"]), report
    assert all(tally["audience"]), report


if __name__ == "__main__":  # print the figures: python tests/test_import_pages.py
    tally, problems = measure()
    for key, values in tally.items():
        print(f"{key:9s} {sum(values):3d} / {len(values):3d}")
    print("\n".join(problems))
