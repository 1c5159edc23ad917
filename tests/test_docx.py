"""Word output per GB/T 9704-2012, read back with python-docx, and printed by LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import EXAMPLE, needs

FEATURES = Path(__file__).parent / "data" / "features.yaml"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture
def docx_bytes(run, tmp_path):
    def _build(source: Path, *args: str) -> tuple[bytes, Path]:
        out = tmp_path / "out"
        result = run("build", source, "-f", "docx,txt", "-o", out, *args)
        assert result.exit_code == 0, result.stderr
        [path] = out.glob("*.docx")
        return path.read_bytes(), path

    return _build


def _east_asia(style) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


@pytest.mark.parametrize("source", [EXAMPLE, FEATURES], ids=["example", "features"])
def test_every_paragraph_is_a_line_of_the_plain_text(docx_bytes, source):
    data, path = docx_bytes(source)
    document = docx.Document(io.BytesIO(data))
    lines = path.with_suffix(".txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    # The title's line breaks (w:br at its seams) are the only breaks inside a paragraph.
    assert [p.text.replace("\n", "") for p in document.paragraphs] == lines
    assert all("\n" not in p.text for p in document.paragraphs[1:])


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("常州市2024年法治政府建设年度报告", ["常州市2024年法治政府建设年度报告"]),
        ("某县人民政府关于2024年度法治政府建设情况的报告", ["某县人民政府关于2024年度", "法治政府建设情况的报告"]),
        (
            "北京市朝阳区人民政府关于2023年法治政府建设情况的报告",
            ["北京市朝阳区人民政府关于", "2023年法治政府建设情况的报告"],
        ),
        (
            "國家稅務總局江蘇省稅務局關於2023年法治政府建設工作情況的報告",
            ["國家稅務總局江蘇省稅務局關於", "2023年法治政府建設工作情況的報告"],
        ),
        (
            ["某县人民政府关于", "2024年度法治政府建设情况的报告"],
            ["某县人民政府关于", "2024年度法治政府建设情况的报告"],
        ),
    ],
)
def test_titles_break_between_words_or_where_the_source_says(tmp_path, run, title, lines):
    written = title if isinstance(title, str) else "[" + ", ".join(title) + "]"
    source = tmp_path / "t.yaml"
    source.write_text(
        FEATURES.read_text(encoding="utf-8").replace(
            "title: 某县人民政府关于2024年度法治政府建设情况的报告", f"title: {written}", 1
        ),
        encoding="utf-8",
    )
    result = run("build", source, "-f", "docx,html", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert docx.Document(tmp_path / "t.docx").paragraphs[0].text.split("\n") == lines
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    heading = html.split('<h1 class="title">', 1)[1].split("</h1>", 1)[0]
    if isinstance(title, list):
        assert heading.split("<br>") == lines
        return
    # The browser may break only at the seams, and every break Word takes is one of them.
    seams = heading.split("<wbr>")
    assert "".join(seams) == "".join(lines)
    allowed = {len("".join(seams[: i + 1])) for i in range(len(seams) - 1)}
    assert {len("".join(lines[: i + 1])) for i in range(len(lines) - 1)} <= allowed
    for piece in seams:  # no seam splits a word of the title's form
        assert not piece.endswith(("法治", "建", "情", "年")) or (
            piece.endswith(("年", "年度")) and piece[:-1][-4:].isdigit()
        )


def test_page_setup_styles_and_east_asian_fonts(docx_bytes):
    data, _ = docx_bytes(FEATURES)
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]

    def mm(length) -> float:  # Word stores twips: 210 mm is 11906 twips
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(mm(m) for m in margins) == (37, 35, 28, 26)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 28.95 pt: 22 lines in 225 mm
    styles = document.styles
    assert (_east_asia(styles["Normal"]), styles["Normal"].font.size) == ("仿宋_GB2312", Pt(16))
    assert (_east_asia(styles["Heading 1"]), styles["Heading 1"].font.size) == ("黑体", Pt(16))
    assert (_east_asia(styles["Heading 2"]), styles["Heading 2"].font.size) == ("楷体_GB2312", Pt(16))
    for level in (3, 4):
        assert _east_asia(styles[f"Heading {level}"]) == "仿宋_GB2312"
    assert (_east_asia(styles["Report Title"]), styles["Report Title"].font.size) == ("方正小标宋简体", Pt(22))
    for name in ("Normal", "Heading 1", "Heading 2"):
        fonts = styles[name].element.rPr.find(qn("w:rFonts"))
        assert not any(fonts.get(qn(a)) for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"))
        assert styles[name].font.bold is not True
    normal = styles["Normal"].paragraph_format
    assert normal.first_line_indent == Pt(32) and normal.line_spacing == Pt(28.95)
    # Real headings: the navigation pane lists parts and standalone sections.
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "一、主要举措和成效"),
        ("Heading 2", "（二）推进依法行政"),
        ("Heading 1", "二、存在的不足和原因"),
        ("Heading 1", "三、2025年主要安排"),
    ]
    # Fallback names for fonts a machine may lack.
    fonts = document.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
    ).blob.decode("utf-8")
    assert 'w:name="方正小标宋简体"' in fonts and 'w:val="华文中宋"' in fonts


def test_frame_closing_run_in_and_page_numbers(docx_bytes):
    data, _ = docx_bytes(FEATURES)
    document = docx.Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    addressee = next(p for p in paragraphs if p.text == "某市人民政府：")
    assert addressee.style.paragraph_format.first_line_indent == Pt(0)  # flush left
    run_in = next(p for p in paragraphs if p.text.startswith("（一）严格规范"))
    assert run_in.runs[0].text == "（一）严格规范公正文明执法。" and run_in.runs[0].style.name == "Run-in Lead"
    issuer, date = paragraphs[-2], paragraphs[-1]
    assert (issuer.text, date.text) == ("某县人民政府", "2025年3月8日")
    assert issuer.paragraph_format.right_indent == Pt(32)  # 右空二字
    # Centred under the issuer: the date (2025年3月8日, six character widths) is as wide as 某县人民政府.
    assert date.paragraph_format.right_indent == issuer.paragraph_format.right_indent
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for footer in (odd, even):
        xml = footer._p.xml
        assert "PAGE" in xml and footer.text.startswith("— ") and footer.text.endswith(" —")
        assert footer.style.font.size == Pt(14)
    assert odd.alignment == 2 and odd.paragraph_format.right_indent == Pt(14)  # right, one character in
    assert even.alignment == 0 and even.paragraph_format.left_indent == Pt(14)  # left, one character in


def test_docx_is_deterministic_and_per_script(run, tmp_path):
    for folder in ("a", "b"):
        assert run("build", EXAMPLE, "-f", "docx", "-s", "zh-Hans,zh-Hant-TW", "-o", tmp_path / folder).exit_code == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == ["changzhou-2024.zh-Hans.docx", "changzhou-2024.zh-Hant-TW.docx"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    hans = docx.Document(str(tmp_path / "a" / names[0]))
    assert hans.paragraphs[0].text == "常州市2024年法治政府建设年度报告"
    assert hans.core_properties.language == "zh-Hans"


@needs(SOFFICE, "LibreOffice")
def test_libreoffice_prints_a4_pages_with_the_expected_count(docx_bytes, tmp_path):
    from pypdf import PdfReader

    _, path = docx_bytes(EXAMPLE)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    reader = PdfReader(str(tmp_path / "pdf" / path.with_suffix(".pdf").name))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    # 22 lines of 28 characters a page: count the lines the text needs (a digit or Latin letter
    # is half a character; each paragraph starts with a 2-character indent).
    lines = path.with_suffix(".txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    needed = sum(-(-int(2 + sum(0.5 if ord(c) < 0x2E80 else 1 for c in line)) // 28) for line in lines) + 1
    expected = -(-needed // 22)
    assert expected - 1 <= len(reader.pages) <= expected + 1, (len(reader.pages), expected)


@pytest.mark.parametrize(
    ("script", "language"), [("zh-Hans", "zh-CN"), ("zh-Hant-TW", "zh-TW"), ("zh-Hant-HK", "zh-HK")]
)
def test_the_package_is_the_reports_not_the_templates(docx_bytes, script, language):
    import zipfile

    data, _ = docx_bytes(EXAMPLE, "--script", script)
    package = zipfile.ZipFile(io.BytesIO(data))
    names = set(package.namelist())
    assert not [n for n in names if "thumbnail" in n or "theme" in n or "customXml" in n or "stylesWithEffects" in n]
    text = {n: package.read(n).decode("utf-8") for n in names if n.endswith((".xml", ".rels"))}
    everything = "".join(text.values())
    for leftover in ("python-docx", "Macintosh", "ＭＳ 明朝", "ＭＳ ゴシック", "ja-JP", 'w:eastAsia="en-US"', "Theme="):
        assert leftover not in everything, leftover
    assert f'w:eastAsia="{language}"' in text["word/styles.xml"]
    assert f'w:themeFontLang w:val="en-US" w:eastAsia="{language}"' in text["word/settings.xml"]
    assert "<Application>rolreport</Application>" in text["docProps/app.xml"]
    document = docx.Document(io.BytesIO(data))
    assert len(document.styles.element.findall(qn("w:style"))) <= 12
    runs = list(document.element.body.iter(qn("w:r")))
    assert runs and all(r.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:hint")) == "eastAsia" for r in runs)
