"""Project-wide settings: ``.rolreport.toml``, or ``[tool.rolreport]`` in ``pyproject.toml``.

Looked up from the report's folder upwards, stopping at the repository root (a folder holding
``.git``), so every report in a drafting office's repository shares one list of phrase
overrides.  A broken config is a usage error (exit 2) with its location.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from rolreport.diagnostics import Diagnostic, UsageError
from rolreport.model import Base, ConversionSettings


class ProjectConfig(Base):
    conversion: ConversionSettings = ConversionSettings()


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above ``start`` and its rolreport table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        dedicated = candidate / ".rolreport.toml"
        if dedicated.is_file():
            return dedicated, _read(dedicated)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("rolreport")
            if table is not None:
                return pyproject, table
        if (candidate / ".git").exists():
            break
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(m[1]), int(m[2])) if m else (0, 0)
        raise UsageError(Diagnostic(str(path), line, col, f"配置文件语法错误 (invalid TOML): {exc}")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取配置文件 (cannot read config): {exc}", str(path)) from None


def load_config(start: Path) -> ProjectConfig:
    found = find_config(start)
    if found is None:
        return ProjectConfig()
    path, table = found
    try:
        return ProjectConfig.model_validate(table)
    except ValidationError as exc:
        text = path.read_text(encoding="utf-8")
        problems = []
        for err in exc.errors():
            key = str(err["loc"][-1]) if err["loc"] else ""
            line = _line_of(text, key)
            dotted = ".".join(str(part) for part in err["loc"])
            problems.append(Diagnostic(str(path), line, 1 if line else 0, f"配置错误：{err['msg']}", dotted))
        raise UsageError(problems) from None


def _line_of(text: str, key: str) -> int:
    """Best effort: the line defining ``key`` (tomllib keeps no positions)."""
    pattern = re.compile(rf"""^\s*(\[.*\b{re.escape(key)}\b.*\]|["']?{re.escape(key)}["']?\s*=)""", re.M)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 0
