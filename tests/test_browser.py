"""The HTML in a real browser, and the PDF it prints (headless Chromium from the system).

Skipped where Chromium is absent, except in CI (CI=1), where that fails the run: `.ci/run`
installs Debian's `chromium` and `fonts-noto-cjk`.  Playwright only drives the installed
browser (no browser download).  Screenshots go to tests/output/ (not committed).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import playwright.sync_api as playwright
import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLE, needs

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = [pytest.mark.browser, needs(CHROMIUM, "Chromium")]

OUTPUT = Path(__file__).parent / "output"
ESCAPING = Path(__file__).parent / "data" / "escaping.yaml"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
CJK_FAMILIES = ("CJK", "Source Han", "WenKai", "UKai", "FangSong", "KaiTi", "SimHei", "SimSun", "仿宋", "楷体", "黑体")


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from rolreport.cli import main

    out = tmp_path_factory.mktemp("html")
    for source in (EXAMPLE, ESCAPING):
        with pytest.raises(SystemExit) as exit_info:
            main(["build", str(source), "-f", "html", "-o", str(out)])
        assert exit_info.value.code == 0
    return out


def _open(browser, page_path: Path, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(page_path.as_uri())
    page.wait_for_load_state("load")
    return page


@pytest.mark.parametrize("width", [390, 1280])
def test_no_horizontal_overflow_and_screenshots(browser, built, width):
    page = _open(browser, built / "changzhou-2024.html", width)
    scroll, client = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, (scroll, client)
    widest = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= client + 0.5
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"changzhou-2024-{width}.png"))
    page.close()


def test_every_heading_level_renders_with_a_cjk_font(browser, built):
    page = _open(browser, built / "changzhou-2024.html", 1280)
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    for selector in ("h1.title", "h2", ".section .lead", "p"):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        families = {f["familyName"] for f in fonts}
        assert fonts and all(any(c in family for c in CJK_FAMILIES) for family in families), (selector, families)
    page.close()


def test_computed_typography_as_designed(browser, built):
    page = _open(browser, built / "changzhou-2024.html", 1280)
    styles = page.evaluate(
        """() => Object.fromEntries(['h1.title', 'h2', '.section .lead', 'p'].map(sel => {
            const s = getComputedStyle(document.querySelector(sel));
            return [sel, {family: s.fontFamily, size: parseFloat(s.fontSize), indent: parseFloat(s.textIndent)}];
        }))"""
    )
    pt = 96 / 72
    assert styles["h1.title"]["family"].startswith("FZXiaoBiaoSong-B05S")
    assert styles["h1.title"]["size"] == pytest.approx(22 * pt, abs=0.1)  # 2号
    assert styles["h2"]["family"].startswith("SimHei")  # 一、 in 黑体
    assert styles[".section .lead"]["family"].startswith("KaiTi_GB2312")  # （一） in 楷体
    assert styles["p"]["family"].startswith("FangSong_GB2312")  # body in 仿宋
    for selector in ("h2", ".section .lead", "p"):
        assert styles[selector]["size"] == pytest.approx(16 * pt, abs=0.1)  # 3号
    assert styles["p"]["indent"] == pytest.approx(2 * styles["p"]["size"], abs=0.1)
    page.close()


def test_a_script_in_the_content_renders_as_text_and_runs_nothing(browser, built):
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto((built / "escaping.html").as_uri())
    page.wait_for_load_state("load")
    text = page.inner_text("body")
    assert "<script>alert(1)</script>正文中的标签。" in text
    assert "{{ 7*7 }} 和 {% raw %} 应原样显示。" in text
    assert page.evaluate("() => document.querySelectorAll('script').length") == 0
    assert dialogs == []
    page.close()


def test_pdf_has_a4_pages_with_page_numbers(run, tmp_path):
    from pypdf import PdfReader

    result = run("build", EXAMPLE, "-f", "pdf", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(str(tmp_path / "changzhou-2024.pdf"))
    assert len(reader.pages) >= 5
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    assert "— 1 —" in reader.pages[0].extract_text()
    assert "— 2 —" in reader.pages[1].extract_text()


@pytest.fixture(scope="module")
def redline(tmp_path_factory) -> Path:
    """The diff page of the example against a copy with a sentence, a paragraph and a part title
    changed."""
    from ruamel.yaml import YAML

    from rolreport.cli import main

    out = tmp_path_factory.mktemp("diff")
    yaml = YAML()
    data = yaml.load(EXAMPLE.read_text(encoding="utf-8"))
    first = data["parts"][0]["sections"][0]["paragraphs"]
    first[0] = first[0].replace("組織開展課題研究，", "")
    data["parts"][1]["title"] = "科學民主依法決策，高質量立法"
    data["parts"][4]["sections"][0]["paragraphs"].append("持續推進訴源治理，全年化解矛盾糾紛3萬餘件。" * 3)
    with (out / "old.yaml").open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    with pytest.raises(SystemExit) as exit_info:
        main(["diff", str(out / "old.yaml"), str(EXAMPLE), "-f", "html", "-o", str(out / "diff.html")])
    assert exit_info.value.code == 1
    return out / "diff.html"


@pytest.mark.parametrize("width", [390, 1280])
def test_diff_page_fits_and_shows_insertions_and_deletions(browser, redline, width):
    page = _open(browser, redline, width)
    scroll, client = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, (scroll, client)
    shown = page.evaluate(
        """() => [...document.querySelectorAll('ins, del')].filter(e => {
            const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right <= innerWidth + 0.5;
        }).map(e => [e.tagName, getComputedStyle(e).textDecorationLine, e.textContent])"""
    )
    tags = {tag for tag, _, _ in shown}
    assert tags == {"INS", "DEL"}, shown
    assert all(("line-through" in line) == (tag == "DEL") for tag, line, _ in shown)
    assert any(text == "組織開展課題研究，" for tag, _, text in shown if tag == "INS")
    # Side by side on a desktop (NEW right of OLD), one column on a phone.
    columns = page.evaluate(
        """() => { const row = document.querySelector('.row.changed');
           const box = s => row.querySelector(s).getBoundingClientRect();
           return [box('.side.old').width, box('.side.new').left - box('.side.old').left, box('.inline').width]; }"""
    )
    if width >= 1280:
        assert columns[0] > 0 and columns[1] > 300 and columns[2] == 0
    else:
        assert columns[0] == 0 and columns[2] > 300
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"diff-{width}.png"), full_page=False)
    page.close()


# --- rolreport site: the index sorts and filters, the search finds, nothing leaves the machine ---

CORPUS = Path(__file__).parent / "data" / "corpus"
# Which sources hold each term, in either script (grep -l -E on the YAML sources).
HOLDING = {
    "依法行政": {"01-jinghai-2023", "04-nanchang-county-2019", "05-huzhong-education-2025", "06-sandu-town-2025",
                 "09-shijiazhuang-2016", "10-tianjin-hrss-2022", "13-shangcheng-hrss-2023", "14-binjiang-hrss-2022",
                 "20-shaoxing-market-2023", "25-nanxing-street-2022", "changzhou-2024"},
    "习近平法治思想": {"01-jinghai-2023", "06-sandu-town-2025", "07-huangjin-town-2025", "10-tianjin-hrss-2022",
                     "11-tianjin-hrss-2021", "13-shangcheng-hrss-2023", "15-sichuan-transport-2025",
                     "16-zhejiang-transport-2024", "17-mot-2022-hant-damaged", "18-province-transport-2020",
                     "20-shaoxing-market-2023", "21-guangdong-market-2023", "22-dongcheng-street-2022",
                     "24-liuxia-street-2022", "25-nanxing-street-2022", "27-beichengjie-street-2025", "28-mnr-2021",
                     "29-dahe-township-2025", "30-lizi-township-2025", "changzhou-2024"},
    "行政复议": {"changzhou-2024"},  # a Simplified query; the report is Traditional
    "行政復議": {"changzhou-2024"},
}  # fmt: skip
HOLDING["習近平法治思想"] = HOLDING["习近平法治思想"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The corpus and the example as a site (with Simplified and Taiwan pages), served on localhost."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from rolreport.cli import main

    out = tmp_path_factory.mktemp("site")
    with pytest.raises(SystemExit) as exit_info:
        main(["site", str(CORPUS), str(EXAMPLE), "-o", str(out), "-s", "zh-Hans,zh-Hant-TW"])
    assert exit_info.value.code == 0

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _visit(browser, url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, requests


@pytest.mark.parametrize("term", list(HOLDING))
def test_site_search_finds_the_reports_holding_a_term_in_either_script(browser, site, term):
    page, requests = _visit(browser, site + "/index.html", 1280)
    urls = page.evaluate(
        """async term => { const pagefind = await import("./pagefind/pagefind.js");
           const found = await pagefind.search(window.rolreportTerm(term));
           return Promise.all(found.results.map(async r => (await r.data()).url)); }""",
        term,
    )
    stems = {url.rsplit("/", 1)[-1].split(".")[0] for url in urls}
    assert stems == HOLDING[term]
    assert len(urls) == len(stems)  # each report once (its own script's page), not once per script
    assert all(url.startswith(site) for url in requests), [u for u in requests if not u.startswith(site)]
    page.close()


def test_site_search_box_shows_results(browser, site):
    page, requests = _visit(browser, site + "/index.html", 1280)
    page.fill(".pagefind-ui__search-input", "行政复议")
    page.wait_for_selector(".pagefind-ui__result-link")
    link = page.locator(".pagefind-ui__result-link").first
    assert "常州市2024年" in link.inner_text()
    assert all(url.startswith(site) for url in requests)
    page.close()


def test_site_index_sorts_and_filters(browser, site):
    page, _ = _visit(browser, site + "/index.html", 1280)
    years = lambda: page.evaluate(  # noqa: E731
        "() => [...document.querySelectorAll('#reports tbody tr')].filter(r => !r.hidden).map(r => +r.dataset.year)"
    )
    assert len(years()) == 33
    page.click("th:has-text('年度')")
    assert years() == sorted(years())
    page.click("th:has-text('年度')")
    assert years() == sorted(years(), reverse=True)
    page.select_option("#filter-year", "2022")
    assert years() == [2022] * 8  # grep -c "^year: 2022" over the corpus
    page.select_option("#filter-year", "")
    page.select_option("#filter-level", "township")
    expected = YAML(typ="safe").load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    assert len(years()) == sum(v["level"] == "township" for v in expected.values())
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_site_pages_fit_the_screen(browser, site, width):
    for path in ("/index.html", "/reports/changzhou-2024.zh-Hant-TW.html", "/reports/01-jinghai-2023.zh-Hans.html"):
        page, requests = _visit(browser, site + path, width)
        scroll, client = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= client, (path, scroll, client)
        assert all(url.startswith(site) for url in requests)
        page.close()


def test_site_links_a_jurisdictions_years_and_scripts(browser, site):
    page, _ = _visit(browser, site + "/reports/01-jinghai-2023.zh-Hans.html", 1280)
    years = page.locator("nav.site a, nav.site span").all_inner_texts()
    assert years == ["全部报告", "2020年", "2023年"]  # 静海区's two reports
    page.click("nav.site a:has-text('2020年')")
    assert page.url.endswith("/reports/02-jinghai-2020.zh-Hans.html")
    page.click("nav.variants a[lang='zh-Hant-TW']")
    assert page.url.endswith("/reports/02-jinghai-2020.zh-Hant-TW.html")
    page.close()
