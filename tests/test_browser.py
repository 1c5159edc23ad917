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
