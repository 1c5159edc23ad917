"""Atomic file output.

A report is often rebuilt in place of the copy a portal editor is about to upload; a crash or a
full disk half-way must never leave a truncated file.  Every output is written to a temporary
file in the target folder and renamed over the target (``os.replace`` is atomic on POSIX and
Windows), so readers see either the old file or the new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from rolreport.diagnostics import UsageError


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` (str is encoded as UTF-8, LF kept) to ``path`` atomically."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"输出位置 {folder} 是文件，不是文件夹 (not a folder)", str(path))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o7777 if path.exists() else _new_file_mode()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"无法写入：{exc.strerror} (cannot write)", str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UsageError(f"无法写入：{exc.strerror} (cannot write)", str(path)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
