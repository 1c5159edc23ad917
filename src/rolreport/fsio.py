"""Writing outputs: every file of a run, or none of them.

A report is often rebuilt in place of the copy a portal editor is about to upload; a crash, a
full disk or a bad target half-way must never leave a truncated file, nor a set of outputs half
old and half new.  :func:`write_files` therefore works in three steps:

1. **Check every target** before anything is written: an output that is one of the run's inputs,
   a folder, a file in a folder that cannot be created, are all refused (nothing written).
2. **Write every temporary file** (in the target's own folder, so the rename cannot cross file
   systems), flushed and synced.  If any of them fails (disk full, permission), every temporary
   file is removed and every target is left as it was.
3. **Rename them over the targets** (``os.replace`` is atomic on POSIX and Windows).

A target that is not a regular file (a FIFO, a terminal, ``/dev/stdout``, which is a link to
``/proc/self/fd/1``) is written *through*, after the regular files are in place: renaming over it
would replace a device by a file and nothing would reach its reader.  A link to a regular file is
followed, so the link stays a link.  A new file gets the mode of the file it replaces without
setuid, setgid and sticky bits (or the umask's default).

What is guaranteed when the process is killed: each target is either its old or its new content,
whole; if the kill falls between two renames, the set may mix old and new files; a temporary
``.NAME.*.tmp`` file may be left in the target's folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rolreport.diagnostics import UsageError


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@dataclass
class _Plan:
    shown: str  # the target as the user named it (for messages)
    real: Path  # where the bytes go (links followed)
    data: bytes
    through: bool  # not a regular file: write through, never rename over it
    mode: int = 0
    tmp: str | None = None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _cannot(shown: str, exc: OSError) -> UsageError:
    reason = exc.strerror or str(exc)
    return UsageError(f"无法写入：{_chinese_reason(exc)} (cannot write: {reason})", shown)


def _chinese_reason(exc: OSError) -> str:
    import errno

    return {
        errno.ENOTDIR: "路径中有一部分是文件，不是文件夹",
        errno.EACCES: "没有写入权限",
        errno.EPERM: "不允许写入",
        errno.EROFS: "文件系统只读",
        errno.ENOSPC: "磁盘已满",
        errno.EDQUOT: "超出磁盘配额",
        errno.EISDIR: "这是一个文件夹",
        errno.ENOENT: "文件夹不存在",
        errno.EXDEV: "不能跨文件系统改名",
    }.get(exc.errno or 0, "写入失败")


def _plan(path: Path, data: bytes, inputs: list[Path], in_place: bool) -> _Plan:
    shown = str(path)
    if not in_place:
        for source in inputs:
            if _same_file(path, source):
                raise UsageError(f"输出文件就是输入文件 {source}，未写入任何文件 (an output is an input)", shown)
    try:
        info = os.stat(path)  # follows links: /dev/stdout is a link to /proc/self/fd/1
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot(shown, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError("输出位置是一个文件夹，不是文件 (the output is a folder)", shown)
    if info is not None and (not stat.S_ISREG(info.st_mode) or _is_descriptor(path)):
        return _Plan(shown, path, data, through=True)  # opened by the name given, not resolved
    real = Path(os.path.realpath(path))
    folder = real.parent
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"输出位置 {folder} 是文件，不是文件夹 (not a folder)", shown)
    mode = (info.st_mode & 0o777) if info is not None else _new_file_mode()
    return _Plan(shown, real, data, through=False, mode=mode)


def _is_descriptor(path: Path) -> bool:
    """/dev/stdout, /dev/fd/N, /proc/self/fd/N name an open descriptor (a shell's ``>`` file):
    writing through keeps the file the shell opened, where a rename would replace it."""
    text = os.path.abspath(path)
    return text in ("/dev/stdout", "/dev/stderr") or text.startswith(("/dev/fd/", "/proc/self/fd/"))


def _write_temporary(plan: _Plan) -> None:
    try:
        plan.real.parent.mkdir(parents=True, exist_ok=True)
        fd, plan.tmp = tempfile.mkstemp(prefix=f".{plan.real.name}.", suffix=".tmp", dir=plan.real.parent)
    except OSError as exc:
        raise _cannot(plan.shown, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(plan.data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(plan.tmp, plan.mode)
    except OSError as exc:
        raise _cannot(plan.shown, exc) from None


def _write_temporaries(plans: list[_Plan]) -> None:
    """Every temporary written and synced; many at once in threads (open, write and fsync release
    the interpreter: a corpus build spends as long syncing 3,000 files as rendering them).  The
    first failure is raised after every write has finished, so the caller removes them all."""
    if len(plans) < 8:
        for plan in plans:
            _write_temporary(plan)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(_write_temporary, plan) for plan in plans]
    for future in futures:
        future.result()


def write_files(files: Sequence[tuple[Path, str | bytes]], inputs: Sequence[str] = (), in_place: bool = False) -> None:
    """Write every file or none: see the module docstring.  ``inputs`` are the run's input
    files, which no output may overwrite unless ``in_place`` (convert --in-place, check --fix)."""
    input_paths = [Path(p) for p in inputs if p != "-"]
    plans: list[_Plan] = []
    seen: dict[str, str] = {}
    for path, data in files:
        payload = data.encode("utf-8") if isinstance(data, str) else data
        plan = _plan(Path(path), payload, input_paths, in_place)
        key = str(plan.real)
        if key in seen and not plan.through:
            raise UsageError(f"两个输出写到同一个文件（{seen[key]}）(two outputs name one file)", plan.shown)
        seen[key] = plan.shown
        plans.append(plan)
    regular = [p for p in plans if not p.through]
    try:
        _write_temporaries(regular)
    except BaseException:
        for plan in regular:
            if plan.tmp:
                with contextlib.suppress(OSError):
                    os.unlink(plan.tmp)
        raise
    for number, plan in enumerate(regular):
        try:
            os.replace(plan.tmp, plan.real)  # type: ignore[arg-type]
        except OSError as exc:
            for rest in regular[number:]:
                with contextlib.suppress(OSError):
                    os.unlink(rest.tmp)  # type: ignore[arg-type]
            raise _cannot(plan.shown, exc) from None
    for plan in plans:
        if plan.through:
            try:
                with open(plan.real, "wb") as handle:
                    handle.write(plan.data)
            except OSError as exc:
                raise _cannot(plan.shown, exc) from None


def write_atomic(path: Path, data: str | bytes, inputs: Sequence[str] = (), in_place: bool = False) -> None:
    """Write one file atomically (see :func:`write_files`)."""
    write_files([(path, data)], inputs, in_place)


def write_stdout(content: str | bytes) -> None:
    """Documents are UTF-8 whatever the terminal's locale; Word and PDF go out as bytes.  A write
    error (``> /dev/full``, a closed pipe's neighbour) is a usage error, not a crash."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(content.encode("utf-8") if isinstance(content, str) else content)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        _silence_stdout()
        raise _cannot("<stdout>", exc) from None


def _silence_stdout() -> None:
    """After a failed write, point stdout at /dev/null so the interpreter's final flush is quiet."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
