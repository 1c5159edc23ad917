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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


class Inputs:
    """The run's input files, by identity (device and inode) and by real path: an output is
    checked against them in one look-up, not one ``samefile`` per input (a corpus build has
    thousands of both)."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.ids: dict[tuple[int, int], Path] = {}
        self.real: dict[str, Path] = {}
        for path in paths:
            with contextlib.suppress(OSError):
                info = os.stat(path)
                self.ids[(info.st_dev, info.st_ino)] = path
            self.real.setdefault(os.path.realpath(path), path)

    @classmethod
    def of(cls, paths: Sequence[str]) -> Inputs:
        return cls([Path(p) for p in paths if p != "-"])

    def holding(self, path: Path, info: os.stat_result | None) -> Path | None:
        """The input ``path`` is, if any (``info``: its stat, None when it does not exist)."""
        if info is not None:
            return self.ids.get((info.st_dev, info.st_ino))
        return self.real.get(os.path.realpath(path))


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


def _plan(path: Path, data: bytes, inputs: Inputs, in_place: bool) -> _Plan:
    shown = str(path)
    try:
        info = os.stat(path)  # follows links: /dev/stdout is a link to /proc/self/fd/1
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot(shown, exc) from None
    if not in_place and (source := inputs.holding(path, info)) is not None:
        raise UsageError(f"输出文件就是输入文件 {source}，未写入任何文件 (an output is an input)", shown)
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


def _write_temporary(plan: _Plan, sync: bool = True) -> None:
    try:
        plan.real.parent.mkdir(parents=True, exist_ok=True)
        fd, plan.tmp = tempfile.mkstemp(prefix=f".{plan.real.name}.", suffix=".tmp", dir=plan.real.parent)
    except OSError as exc:
        raise _cannot(plan.shown, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(plan.data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.chmod(plan.tmp, plan.mode)
    except OSError as exc:
        raise _cannot(plan.shown, exc) from None


def _write_temporaries(plans: list[_Plan], sync: bool = True) -> None:
    """Every temporary written and synced; many at once in threads (open, write and fsync release
    the interpreter: a corpus build spends as long syncing 3,000 files as rendering them).  The
    first failure is raised after every write has finished, so the caller removes them all."""
    if not sync:  # unsynced writes are fast: the syncing is what threads share
        for plan in plans:
            _write_temporary(plan, sync)
        return
    _in_threads(_write_temporary, plans)


def _in_threads(work: Callable[[Any], None], items: Sequence[Any]) -> None:
    """``work`` on every item, in threads when there are enough to share (a few are done here:
    starting a pool costs more than it saves)."""
    if len(items) < 8:
        for item in items:
            work(item)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(work, item) for item in items]
    for future in futures:
        future.result()


def _sync(item: Staged) -> None:
    try:
        fd = os.open(item.tmp, os.O_RDONLY)  # type: ignore[arg-type]
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _cannot(item.shown, exc) from None


@dataclass
class Staged:
    """An output whose temporary is written and synced, waiting for :func:`commit` (picklable:
    a worker process stages its outputs and the parent commits them; only a target written
    through keeps its bytes here)."""

    shown: str
    real: str
    tmp: str | None
    through: bool
    data: bytes = b""
    synced: bool = True


def stage(
    files: Sequence[tuple[Path, str | bytes]],
    inputs: Sequence[str] | Inputs = (),
    in_place: bool = False,
    sync: bool = True,
) -> list[Staged]:
    """Steps 1 and 2 of the module docstring for ``files``: every target checked, then every
    temporary written (all removed if one fails), and synced unless ``sync`` is false, when
    :func:`commit` syncs it (many at once: a corpus build stages a file at a time).  Nothing is
    in place until :func:`commit`; :func:`abort` removes the temporaries.  ``inputs`` may be an
    :class:`Inputs` made once for many calls."""
    input_paths = inputs if isinstance(inputs, Inputs) else Inputs.of(inputs)
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
        _write_temporaries(regular, sync)
    except BaseException:
        abort([Staged(p.shown, str(p.real), p.tmp, False) for p in regular])
        raise
    return [Staged(p.shown, str(p.real), p.tmp, p.through, p.data if p.through else b"", sync) for p in plans]


_BACKGROUND: Any = None


def sync_soon(staged: Sequence[Staged]) -> None:
    """Start syncing ``staged`` in background threads of this process (a build renders its next
    source meanwhile).  Only a head start: :func:`commit` syncs every file again before the
    rename (cheap once done), so a sync that is lost or fails here costs nothing."""
    global _BACKGROUND
    if _BACKGROUND is None:
        from concurrent.futures import ThreadPoolExecutor

        _BACKGROUND = ThreadPoolExecutor(max_workers=4, thread_name_prefix="rolreport-sync")
    for item in staged:
        if item.tmp and not item.through:
            _BACKGROUND.submit(_sync_quietly, item.tmp)


def _sync_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def commit(staged: Sequence[Staged]) -> None:
    """Step 3: every temporary synced (if it is not yet) and renamed over its target, then the
    targets written through."""
    regular = [s for s in staged if not s.through]
    try:
        _in_threads(_sync, [s for s in regular if not s.synced])
    except BaseException:
        abort(regular)
        raise
    for number, item in enumerate(regular):
        try:
            os.replace(item.tmp, item.real)  # type: ignore[arg-type]
        except OSError as exc:
            abort(regular[number:])
            raise _cannot(item.shown, exc) from None
    for item in staged:
        if item.through:
            try:
                with open(item.real, "wb") as handle:
                    handle.write(item.data)
            except OSError as exc:
                raise _cannot(item.shown, exc) from None


def abort(staged: Sequence[Staged], created: Sequence[Path] = ()) -> None:
    """The temporaries removed, and the folders in ``created`` (made for this run) when empty."""
    for item in staged:
        if item.tmp:
            with contextlib.suppress(OSError):
                os.unlink(item.tmp)
    for folder in sorted(created, key=lambda f: len(f.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only an empty one


def missing_folders(paths: Sequence[Path]) -> list[Path]:
    """The folders that writing ``paths`` will create (for :func:`abort` to remove)."""
    missing: set[Path] = set()
    for path in paths:
        folder = path.parent
        while not folder.exists() and folder not in missing and folder != folder.parent:
            missing.add(folder)
            folder = folder.parent
    return sorted(missing)


def write_files(files: Sequence[tuple[Path, str | bytes]], inputs: Sequence[str] = (), in_place: bool = False) -> None:
    """Write every file or none: see the module docstring.  ``inputs`` are the run's input
    files, which no output may overwrite unless ``in_place`` (convert --in-place, check --fix)."""
    commit(stage(files, inputs, in_place))


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
