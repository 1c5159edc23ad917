"""Input → lines of text, one paragraph each.

Plain text may be UTF-8 (with or without BOM) or GB18030/GBK: for import, unlike report
sources, a GB18030 file is decoded (published texts often are) and the encoding is reported.
A web page keeps only the article: scripts, styles, navigation, share bars and footers go.
"""

from __future__ import annotations

import codecs
import html
import re
from html.parser import HTMLParser
from pathlib import Path

from rolreport.diagnostics import Diagnostic, RolreportError, UsageError

KINDS = ("text", "markdown", "html", "docx")
_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
             ".htm": "html", ".shtml": "html", ".docx": "docx"}  # fmt: skip


def kind_of(name: str, data: bytes, forced: str | None) -> str:
    if forced:
        if forced not in KINDS:
            raise UsageError(f"未知的输入类型 `{forced}`；可选：{', '.join(KINDS)} (unknown kind)")
        return forced
    suffix = Path(name).suffix.lower()
    if suffix in (".doc", ".wps") or data.startswith(b"\xd0\xcf\x11\xe0"):  # OLE: Word 97–2003, WPS
        raise UsageError(
            "不支持旧版 .doc/.wps 文件：请在 Word 或 WPS 中另存为 .docx 再导入 (legacy .doc is not supported)", name
        )
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        raise UsageError(
            "不支持 PDF 文件：请改用原始的 Word 文件（.docx），或把全文复制另存为 .txt"
            "（也可用 pdftotext -layout 文件.pdf 文件.txt）后导入 (PDF is not supported)",
            name,
        )
    if suffix == ".ofd":
        raise UsageError(
            "不支持 OFD 文件：请改用 Word 文件（.docx）或把全文另存为 .txt 后导入 (OFD is not supported)", name
        )
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:500].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "html"
    return "text"


def decode_text(name: str, data: bytes, encoding: str | None) -> tuple[str, str]:
    """The text and the encoding it was read with."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError) as exc:
            raise RolreportError(Diagnostic(name, 1, 1, f"无法按 {encoding} 解码 (cannot decode): {exc}")) from None
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if b"\x00" in data:
        raise RolreportError(Diagnostic(name, 1, 1, "这不是文本文件（含有 NUL 字节）(binary file)"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise RolreportError(
            Diagnostic(name, 1, 1, f"既不是 UTF-8 也不是 GB18030，请用 --encoding 指定 (unknown encoding): {exc}")
        ) from None


def text_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# ----------------------------------------------------------------------------------------------
# Markdown (CommonMark as rolreport and most converters write it)

_MD_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def markdown_lines(text: str) -> list[str]:
    lines = []
    for line in text_lines(text):
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)  # ATX heading marks
        line = re.sub(r"^\s{0,3}>\s?", "", line)
        if re.fullmatch(r"\s{0,3}(?:[-*_]\s*){3,}", line) or re.fullmatch(r"\s*[=-]{3,}\s*", line):
            continue  # thematic break or setext underline
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)  # bold
        line = re.sub(r"(?<![\\*])\*(?!\s)(.+?)(?<!\s)\*", r"\1", line)  # emphasis
        line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)  # links and images: keep the text
        lines.append(_MD_ESCAPE.sub(r"\1", line))
    return lines


# ----------------------------------------------------------------------------------------------
# HTML: the article's block-level text

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "br", "section", "article",
          "blockquote", "pre", "dd", "dt", "table", "ul", "ol", "center", "font-block"}  # fmt: skip
_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe", "select",
         "option", "svg", "template", "head", "title"}  # fmt: skip
# class/id fragments of page furniture on government portals
_FURNITURE = re.compile(
    r"nav|menu|share|footer|header|breadcrumb|crumb|toolbar|sidebar|print|close|related|banner|copyright|"
    r"fontsize|font-size|zihao|qrcode|erweima|bdshare|jiathis|position|location|search|login",
    re.I,
)
_ARTICLE = re.compile(r"TRS_Editor|Custom_UnionStyle|article|content|zoom|con_text|detail|main-text|wenzhang|zw", re.I)


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str]] = []  # (article depth marker, text)
        self.current: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool, bool]] = []  # tag, skipping, article
        self.article_depth = 0

    def _flush(self) -> None:
        text = "".join(self.current)
        self.current = []
        if text.strip():
            self.blocks.append((self.article_depth, text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "img", "hr", "meta", "link", "input"):
            if tag == "br":
                self._flush()
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        # A <footer> inside the article is its signature block; the page's own footer is chrome.
        furniture = tag in _SKIP and not (tag == "footer" and self.article_depth > 0)
        skipping = furniture or bool(marks and _FURNITURE.search(marks) and not _ARTICLE.search(marks))
        article = tag == "article" or bool(marks and _ARTICLE.search(marks))
        if tag in _BLOCK:
            self._flush()
        self.stack.append((tag, skipping, article))
        self.skip_depth += skipping
        self.article_depth += article

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            name, skipping, article = self.stack.pop()
            if name in _BLOCK:
                self._flush()
            self.skip_depth -= skipping
            self.article_depth -= article
            if name == tag:
                break
        if tag in _BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip_depth == 0:
            self.current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_lines(text: str) -> list[str]:
    parser = _Article()
    parser.feed(text)
    parser.close()
    inside = [t for depth, t in parser.blocks if depth > 0]
    chosen = inside if sum(len(t) for t in inside) > 200 else [t for _, t in parser.blocks]
    lines: list[str] = []
    for block in chosen:
        lines.extend(html.unescape(block).replace("\xa0", " ").split("\n"))
    return lines


# ----------------------------------------------------------------------------------------------


def docx_lines(name: str, data: bytes) -> list[str]:
    import io
    import zipfile

    try:
        import docx
    except ImportError:  # pragma: no cover - a declared dependency
        raise UsageError("读取 .docx 需要 python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:  # some offices lay the text out in a table
            for row in table.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
    except zipfile.BadZipFile as exc:
        raise RolreportError(
            Diagnostic(name, 1, 1, f"不是有效的 .docx 文件 (not a valid .docx: {exc})。{_SALVAGE}")
        ) from None
    except Exception as exc:
        # …all mean the same to the user: the file is damaged; say what can still be done.
        raise RolreportError(
            Diagnostic(name, 1, 1, f"文件已损坏，无法读取 (damaged .docx: {type(exc).__name__}: {exc})。{_SALVAGE}")
        ) from None
    return lines


_SALVAGE = "可以在 Word 或 WPS 中打开并另存为 .docx，或把全文复制另存为 .txt 后再导入"


def extract(name: str, data: bytes, kind: str, encoding: str | None) -> tuple[list[str], str]:
    """Lines of the input and a note on how it was read."""
    if kind == "docx":
        return docx_lines(name, data), "docx"
    text, used = decode_text(name, data, encoding)
    if kind == "html":
        return html_lines(text), f"html, {used}"
    if kind == "markdown":
        return markdown_lines(text), f"markdown, {used}"
    return text_lines(text), f"text, {used}"
