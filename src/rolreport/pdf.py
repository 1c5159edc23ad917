"""PDF: the HTML page printed to A4 by a locally installed headless Chromium.

The print stylesheet of the HTML template does the layout (A4, GB/T 9704 margins, page numbers
``— 1 —`` in the outer bottom corner through CSS page-margin boxes).  No browser is downloaded:
Debian's ``chromium`` (or Chrome) must be on the PATH, or named in ``ROLREPORT_CHROMIUM``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from rolreport.diagnostics import UsageError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# Headless and offline: no first-run UI, no background network (this machine's network is closed,
# and a government intranet may be too), no GPU, a throw-away profile.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
]


def find_chromium() -> str:
    explicit = os.environ.get("ROLREPORT_CHROMIUM")
    if explicit:
        if shutil.which(explicit) or Path(explicit).is_file():
            return explicit
        raise UsageError(f"ROLREPORT_CHROMIUM 指向的浏览器不存在：{explicit} (browser not found)")
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise UsageError(
        "生成 PDF 需要本机安装的 Chromium（Debian/Ubuntu：apt install chromium），"
        "或用 ROLREPORT_CHROMIUM 指定浏览器路径 (no Chromium found for --format pdf)"
    )


def html_to_pdf(html: str, timeout: float = 120) -> bytes:
    browser = find_chromium()
    with tempfile.TemporaryDirectory(prefix="rolreport-pdf-") as folder:
        page = Path(folder) / "report.html"
        page.write_text(html, encoding="utf-8")
        out = Path(folder) / "report.pdf"
        profile = Path(folder) / "profile"
        command = [browser, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}", page.as_uri()]
        try:
            result = subprocess.run(command, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise UsageError(f"Chromium 打印 PDF 超时（{timeout:.0f} 秒）(Chromium timed out)") from None
        except OSError as exc:
            raise UsageError(f"无法启动 Chromium：{exc} (cannot start Chromium)") from None
        if result.returncode != 0 or not out.exists():
            detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise UsageError(f"Chromium 打印 PDF 失败 (Chromium failed): {detail[0]}")
        return out.read_bytes()
