"""Word output laid out per GB/T 9704-2012 (the numbers are in ../shared/docs/domain.md §8).

A4; margins 37 / 35 / 28 / 26 mm (top, bottom, left, right), i.e. a 156 × 225 mm type area;
22 lines × 28 characters: a line grid with a fixed pitch of 28.95 pt (225 mm / 22), and character
spacing condensed by 0.25 pt so that 28 characters of 3号 fit the 156 mm line (28 × 15.75 pt =
441 pt ≤ 442.2 pt).  Word's character grid (``linesAndChars``) would need a negative
``charSpace`` for this, which LibreOffice lays out as 16 characters a line; the condensed line
grid gives 28 in Word, WPS and LibreOffice alike.  Title 2号 (22 pt) 小标宋, body 3号 (16 pt)
仿宋, ``一、`` headings 黑体, ``（一）`` 楷体, levels 3–4 仿宋; page numbers ``— 1 —`` in 4号 宋体
at the outer bottom corner, one character in (odd pages right, even pages left).

python-docx has no API for the East-Asian font, so ``w:eastAsia`` is set on each style, and
the theme-font attributes that would override it are removed.  The fonts are named as offices
have them (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体 are usual but not on every machine), and each
gets a fallback (``w:altName``) in the font table: 仿宋, 楷体, 华文中宋.  Run-in section titles
are printed as in the published text: one paragraph, the lead in 楷体.
"""

from __future__ import annotations

import io
import itertools
from typing import TYPE_CHECKING, Any

from rolreport.layout import Layout, Printed, layout, printed
from rolreport.lexicon.scripts import WORD_LANGUAGE
from rolreport.render import chinese_date
from rolreport.titles import balanced_lines
from rolreport.titles import width as title_width

if TYPE_CHECKING:
    from rolreport.model import Report

BODY_FONT = "仿宋_GB2312"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
TITLE_FONT = "方正小标宋简体"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
FALLBACKS = {
    BODY_FONT: "仿宋",
    KAI_FONT: "楷体",
    TITLE_FONT: "华文中宋",
    HEI_FONT: "SimHei",
    PAGE_NUMBER_FONT: "SimSun",
}

LINE_PITCH_PT = 28.95  # 225 mm / 22 lines
TITLE_CHARS_PER_LINE = 20  # 2号 (22 pt) on the 156 mm line: 442 pt / 22 pt
BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16, 22, 14
TYPE_AREA_WIDTH_PT = 156 / 25.4 * 72
CONDENSE_TWENTIETHS = -5  # -0.25 pt per character: 28 × 15.75 pt fits the 442.2 pt line


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _set_fonts(rpr_owner: Any, east_asia: str, size_pt: float | None = None, bold: bool | None = False) -> None:
    """Name the East-Asian and Latin fonts explicitly and drop the theme fonts."""
    from docx.shared import Pt

    font = rpr_owner.font
    font.name = LATIN_FONT
    if size_pt is not None:
        font.size = Pt(size_pt)
    if bold is not None:
        font.bold = bold
    _name_fonts(rpr_owner.element.get_or_add_rPr(), east_asia)


def _name_fonts(rpr: Any, east_asia: str) -> None:
    """w:rFonts with explicit names, first in the run properties, without theme attributes
    (a theme font takes precedence over an explicit name)."""
    fonts = rpr.find(_qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(_qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(_qn(attribute), None)
    fonts.set(_qn("w:eastAsia"), east_asia)
    fonts.set(_qn("w:ascii"), LATIN_FONT)
    fonts.set(_qn("w:hAnsi"), LATIN_FONT)
    # Characters both scripts share (“” ‘’ — … ·) take the East-Asian font: full-width quotes and
    # dashes, as in print, not the narrow Latin ones.
    fonts.set(_qn("w:hint"), "eastAsia")


def _condense(rpr: Any) -> None:
    """``w:spacing`` in its schema position: before w:w, w:kern, w:position, w:sz … (Word rejects
    run properties out of order)."""
    spacing = rpr.makeelement(_qn("w:spacing"), {_qn("w:val"): str(CONDENSE_TWENTIETHS)})
    later = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr",
             "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout")  # fmt: skip
    for child in rpr:
        if child.tag in {_qn(t) for t in later}:
            child.addprevious(spacing)
            return
    rpr.append(spacing)


def _doc_defaults(styles_element: Any) -> None:
    """Document defaults at 3号 仿宋: what any run without its own properties falls back to."""
    defaults = styles_element.find(_qn("w:docDefaults"))
    rpr_default = defaults.find(_qn("w:rPrDefault")) if defaults is not None else None
    rpr = rpr_default.find(_qn("w:rPr")) if rpr_default is not None else None
    if rpr is None:
        return
    for tag in ("w:sz", "w:szCs"):
        el = rpr.find(_qn(tag))
        if el is None:
            el = rpr.makeelement(_qn(tag), {})
            rpr.append(el)
        el.set(_qn("w:val"), str(BODY_PT * 2))
    _name_fonts(rpr, BODY_FONT)


def _paragraph_format(style: Any, *, indent_chars: float = 2, align: Any = None, keep_with_next: bool = False) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH_PT)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(BODY_PT * indent_chars)
    fmt.left_indent = Pt(0)
    fmt.keep_with_next = keep_with_next
    fmt.widow_control = True
    if align is not None:
        fmt.alignment = align


def _styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import RGBColor

    styles = document.styles
    _doc_defaults(styles.element)
    normal = styles["Normal"]
    _set_fonts(normal, BODY_FONT, BODY_PT)
    _condense(normal.element.get_or_add_rPr())
    # No automatic space between Chinese and Latin or digits (official style: 2024年, not 2024 年).
    ppr = normal.element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        ppr.insert_element_before(
            ppr.makeelement(_qn(tag), {_qn("w:val"): "0"}),
            "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
            "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
            "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
        )  # fmt: skip
    _paragraph_format(normal, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
    for level, east_asia in ((1, HEI_FONT), (2, KAI_FONT), (3, BODY_FONT), (4, BODY_FONT)):
        style = styles[f"Heading {level}"]
        _set_fonts(style, east_asia, BODY_PT)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        _paragraph_format(style, align=WD_ALIGN_PARAGRAPH.JUSTIFY, keep_with_next=True)
    title = styles.add_style("Report Title", WD_STYLE_TYPE.PARAGRAPH)
    title.base_style = normal
    title.next_paragraph_style = normal
    _set_fonts(title, TITLE_FONT, TITLE_PT)
    _paragraph_format(title, indent_chars=0, align=WD_ALIGN_PARAGRAPH.CENTER, keep_with_next=True)
    frame = styles.add_style("Report Frame", WD_STYLE_TYPE.PARAGRAPH)
    frame.base_style = normal
    _paragraph_format(frame, indent_chars=0, align=WD_ALIGN_PARAGRAPH.LEFT)
    lead = styles.add_style("Run-in Lead", WD_STYLE_TYPE.CHARACTER)
    _set_fonts(lead, KAI_FONT, None)
    page_number = styles.add_style("Page Number Text", WD_STYLE_TYPE.PARAGRAPH)
    page_number.base_style = normal
    _set_fonts(page_number, PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
    _paragraph_format(page_number, indent_chars=0)


def _font_table(document: Any) -> None:
    """The fonts the report uses and nothing else (the template's table named ＭＳ 明朝 and
    Cambria), each CJK font with a fallback name (w:altName) for machines without it."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    part = document.part.part_related_by(RT.FONT_TABLE)
    from docx.oxml import parse_xml

    root = parse_xml(part.blob)
    for font in list(root.iter(_qn("w:font"))):
        root.remove(font)
    root.append(root.makeelement(_qn("w:font"), {_qn("w:name"): LATIN_FONT}))
    for name, alt in FALLBACKS.items():
        font = root.makeelement(_qn("w:font"), {_qn("w:name"): name})
        alt_el = font.makeelement(_qn("w:altName"), {_qn("w:val"): alt})
        font.append(alt_el)
        charset = font.makeelement(_qn("w:charset"), {_qn("w:val"): "86"})  # GB2312
        font.append(charset)
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_setup(document: Any) -> None:
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(21)  # the number sits about 7 mm below the type area
    sect_pr = section._sectPr
    grid = sect_pr.find(_qn("w:docGrid"))
    if grid is None:
        grid = sect_pr.makeelement(_qn("w:docGrid"), {})
        sect_pr.append(grid)
    grid.set(_qn("w:type"), "lines")
    grid.set(_qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))
    grid.attrib.pop(_qn("w:charSpace"), None)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, right=True)
    _page_number(section.even_page_footer, right=False)


def _page_number(footer: Any, right: bool) -> None:
    """``— PAGE —`` one character in from the outer edge."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = "Page Number Text"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    if right:
        fmt.right_indent = Pt(PAGE_NUMBER_PT)
    else:
        fmt.left_indent = Pt(PAGE_NUMBER_PT)
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = run._r.makeelement(_qn("w:fldChar"), {_qn("w:fldCharType"): kind})
        elif text == "1":
            el = run._r.makeelement(_qn("w:t"), {})
            el.text = text
        else:
            el = run._r.makeelement(_qn("w:instrText"), {_qn("xml:space"): "preserve"})
            el.text = text
        run._r.append(el)
    paragraph.add_run(" —")


# Styles rolreport uses, by style id; every other style of python-docx's default template goes.
_KEPT_STYLES = {"Normal", "Heading1", "Heading2", "Heading3", "Heading4", "ReportTitle", "ReportFrame",
                "Run-inLead", "PageNumberText", "DefaultParagraphFont", "TableNormal", "NoList"}  # fmt: skip
# Parts of the default template that describe it, not the report.
_DROPPED_PARTS = ("theme", "stylesWithEffects", "customXml", "webSettings", "thumbnail")


def _clean_package(document: Any, report: Report) -> None:
    """Leave nothing of python-docx's template that is not this report's: its 168 styles with
    theme fonts, its Japanese theme and font table (ＭＳ 明朝), its thumbnail, its "generated by
    python-docx" description and "Microsoft Macintosh Word" application; and declare the
    report's language (docDefaults and the theme-font language said en-US and ja-JP)."""
    language = WORD_LANGUAGE[report.script]
    styles = document.styles.element
    for style in list(styles.iter(_qn("w:style"))):
        if style.get(_qn("w:styleId")) not in _KEPT_STYLES:
            styles.remove(style)
    for link in list(styles.iter(_qn("w:link"))):
        link.getparent().remove(link)
    latent = styles.find(_qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for fonts in styles.iter(_qn("w:rFonts")):
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(_qn(attribute), None)
    for lang in styles.iter(_qn("w:lang")):
        lang.attrib.clear()
        lang.set(_qn("w:val"), "en-US")
        lang.set(_qn("w:eastAsia"), language)
    settings = document.settings.element
    for lang in settings.iter(_qn("w:themeFontLang")):
        lang.set(_qn("w:eastAsia"), language)
    for tag in ("w:rsids", "w:attachedTemplate", "w:savePreviewPicture"):
        for element in list(settings.iter(_qn(tag))):
            element.getparent().remove(element)
    for owner in (document.part, document.part.package):
        for rel_id, rel in list(owner.rels.items()):
            if any(rel.reltype.endswith("/" + name) for name in _DROPPED_PARTS):
                owner.drop_rel(rel_id) if hasattr(owner, "drop_rel") else owner.rels.pop(rel_id)
    _app_properties(document)


def _app_properties(document: Any) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = (
                b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                b"<Application>rolreport</Application></Properties>"
            )


def _east_asian_runs(document: Any) -> None:
    """Every run says its shared characters are East-Asian (see :func:`_name_fonts`)."""
    parts = [
        document.part,
        *(rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/footer")),
    ]
    for part in parts:
        for run in part.element.iter(_qn("w:r")):
            rpr = run.find(_qn("w:rPr"))
            if rpr is None:
                rpr = run.makeelement(_qn("w:rPr"), {})
                run.insert(0, rpr)
            fonts = rpr.find(_qn("w:rFonts"))
            if fonts is None:
                fonts = rpr.makeelement(_qn("w:rFonts"), {})
                rpr.insert(0 if rpr.find(_qn("w:rStyle")) is None else 1, fonts)
            fonts.set(_qn("w:hint"), "eastAsia")


def printed_page(page: Layout) -> tuple[Printed, ...]:
    """The report's paragraphs as this writer prints them: the title in balanced lines of 2号
    type (or the author's), the closing date in Chinese."""
    lines = page.title_lines or tuple(balanced_lines(page.title, TITLE_CHARS_PER_LINE))
    return printed(page, lines, chinese_date(page.closing.date) if page.closing else "")


Change = tuple[str, int, str, str | None] | None  # a tracked change: ("ins" or "del", id, author, date)


class Writer:
    """A new document in the official layout, and the paragraphs and runs it is made of.

    :func:`render_docx` prints a report with it; ``rolreport diff --format docx`` prints a
    report with tracked changes through the same paragraphs, so a redline is laid out exactly
    as ``build`` lays out the report.
    """

    def __init__(self, report: Report) -> None:
        import docx
        from docx.enum.style import WD_STYLE_TYPE

        self.report = report
        self.page = layout(report)
        document = docx.Document()
        _styles(document)
        _font_table(document)
        _page_setup(document)
        core = document.core_properties
        core.title = report.title[:255]  # the package property's limit; the document holds the whole title
        core.author = report.issuer[:255]
        core.comments = ""
        core.language = report.lang
        # Deterministic output: no "now" in the package metadata.
        import datetime

        fixed = datetime.datetime(2000, 1, 1)
        core.created = core.modified = fixed
        core.last_modified_by = "rolreport"
        core.revision = 1
        self.document = document
        # Style ids resolved once: python-docx looks a style up by name, scanning every style for
        # the default one, at each paragraph and run it styles (half the time of a long report).
        self.style_ids = {style.name: style.style_id for style in document.styles}
        self.default_paragraph = document.styles.default(WD_STYLE_TYPE.PARAGRAPH).name
        self._sect_pr: Any = None

    def printed(self) -> tuple[Printed, ...]:
        return printed_page(self.page)

    def paragraph(self, entry: Printed) -> Any:
        """An empty paragraph styled and spaced for ``entry``'s kind."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        style = _PARAGRAPH_STYLES[entry.kind]
        p = self._new_paragraph()
        if style != self.default_paragraph:  # the default style is never written out, as Word does
            p._p.get_or_add_pPr().style = self.style_ids[style]
        fmt = p.paragraph_format
        if entry.kind == "title":
            fmt.space_after = Pt(0 if self.page.has_frame else LINE_PITCH_PT)
        elif entry.kind == "frame":
            if entry.frame in ("doc_number", "session_note"):
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if entry.frame == "doc_number":
                fmt.space_after = Pt(LINE_PITCH_PT if self.report.audience == "public" else 0)
            if entry.frame in ("salutation", "addressee"):
                fmt.space_before = Pt(LINE_PITCH_PT)  # one blank line under the title (§7.3.2)
        elif entry.kind == "closing_issuer":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            fmt.right_indent = Pt(BODY_PT * 2)  # 右空二字
            fmt.space_before = Pt(LINE_PITCH_PT * 2)
        elif entry.kind == "closing_date" and self.page.closing:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            # Centred under the issuer: right indent = 2 characters + half the difference in width.
            issuer, date = self.page.closing.issuer, entry.text
            fmt.right_indent = Pt(BODY_PT * (2 + max(0.0, (title_width(issuer) - title_width(date)) / 2)))
        return p

    def _new_paragraph(self) -> Any:
        """A paragraph at the end of the body, before its section properties.

        ``Document.add_paragraph`` looks for the body's ``w:sectPr`` among all its children at
        every call, which makes a long report quadratic (a 10 MB source: 7.6 of 10.8 s); the
        section properties are found once here and each paragraph goes just before them."""
        from docx.text.paragraph import Paragraph

        body = self.document.element.body
        if self._sect_pr is None:
            self._sect_pr = body.find(_qn("w:sectPr"))
        p = body.makeelement(_qn("w:p"), {})
        if self._sect_pr is not None:
            self._sect_pr.addprevious(p)
        else:
            body.append(p)
        return Paragraph(p, self.document._body)

    def run(
        self, paragraph: Any, text: str, style: str | None, change: Change = None, line_break: bool = False
    ) -> None:
        """A run of ``text`` (after a line break when ``line_break``); with ``change``, inside a
        ``w:ins`` or ``w:del`` (whose text is ``w:delText``)."""
        r = paragraph._p.makeelement(_qn("w:r"), {})
        if style:
            rpr = r.makeelement(_qn("w:rPr"), {})
            rpr.append(rpr.makeelement(_qn("w:rStyle"), {_qn("w:val"): self.style_ids[style]}))
            r.append(rpr)
        if line_break:
            r.append(r.makeelement(_qn("w:br"), {}))
        deleted = change is not None and change[0] == "del"
        t = r.makeelement(_qn("w:delText" if deleted else "w:t"), {})
        t.text = text
        if text != text.strip():
            t.set(_qn("xml:space"), "preserve")
        r.append(t)
        if change is None:
            paragraph._p.append(r)
            return
        wrapper = revision(paragraph._p, change)
        wrapper.append(r)
        paragraph._p.append(wrapper)

    def typeset(self, entry: Printed) -> None:
        """``entry`` as printed by ``build``: pieces of one style in one run, the title broken
        into its lines."""
        p = self.paragraph(entry)
        segments: list[tuple[str, str | None]] = []
        for piece in entry.pieces:
            if not piece.text:
                continue
            if segments and segments[-1][1] == piece.style:
                segments[-1] = (segments[-1][0] + piece.text, piece.style)
            else:
                segments.append((piece.text, piece.style))
        at = 0
        cuts = set(entry.breaks)
        for text, style in segments:
            # A line break inside a segment splits it: each line of the title is its own run.
            bounds = [0, *sorted(c - at for c in cuts if at < c < at + len(text)), len(text)]
            for a, b in itertools.pairwise(bounds):
                self.run(p, text[a:b], style, line_break=(at + a) in cuts)
            at += len(text)

    def save(self) -> bytes:
        _east_asian_runs(self.document)
        _clean_package(self.document, self.report)
        buffer = io.BytesIO()
        self.document.save(buffer)
        return _deterministic_zip(buffer.getvalue())


def revision(owner: Any, change: tuple[str, int, str, str | None]) -> Any:
    """A ``w:ins`` or ``w:del`` element: the revision's id, author and (when given) date."""
    kind, number, author, date = change
    attributes = {_qn("w:id"): str(number), _qn("w:author"): author}
    if date:
        attributes[_qn("w:date")] = date
    return owner.makeelement(_qn(f"w:{kind}"), attributes)


_PARAGRAPH_STYLES = {
    "title": "Report Title",
    "frame": "Report Frame",
    "body": "Normal",
    "part_heading": "Heading 1",
    "section_heading": "Heading 2",
    "closing_issuer": "Report Frame",
    "closing_date": "Report Frame",
}


def render_docx(report: Report) -> bytes:
    writer = Writer(report)
    for entry in writer.printed():
        writer.typeset(entry)
    return writer.save()


def _deterministic_zip(data: bytes) -> bytes:
    """The same report gives the same bytes: zip entries carry no build time."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
