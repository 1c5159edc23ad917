"""`rolreport site` without a browser: invalid sources, the pages written, the index's rows.
(The index sorting, the search and the layout are tested in Chromium: tests/test_browser.py.)"""

from __future__ import annotations

from conftest import EXAMPLE


def test_an_invalid_source_fails_the_site_unless_keep_going(run, tmp_path, one_good_one_broken):
    folder = one_good_one_broken
    out = tmp_path / "site"
    failed = run("site", folder, "-o", out)
    assert failed.exit_code == 1 and "bad.yaml:4:5:" in failed.stderr and not out.exists()
    kept = run("site", folder, "-o", out, "--keep-going")
    assert kept.exit_code == 0, kept.stderr
    assert "bad.yaml:4:5:" in kept.stderr
    assert sorted(p.name for p in (out / "reports").iterdir()) == ["changzhou-2024.html"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr data-year=") == 1 and 'href="reports/changzhou-2024.html"' in index
    assert (out / "pagefind" / "pagefind.js").exists()


def test_site_pages_in_every_script_asked_for(run, tmp_path):
    out = tmp_path / "site"
    assert run("site", EXAMPLE, "-o", out, "-s", "zh-Hans,zh-Hant-HK").exit_code == 0
    names = sorted(p.name for p in (out / "reports").iterdir())
    assert names == ["changzhou-2024.zh-Hans.html", "changzhou-2024.zh-Hant-HK.html"]
    hans = (out / "reports" / "changzhou-2024.zh-Hans.html").read_text(encoding="utf-8")
    assert "行政复议" in hans and 'hreflang="zh-Hant-HK"' in hans
    assert run("site", EXAMPLE, "-o", out, "-s", "zh-Latn").exit_code == 2
