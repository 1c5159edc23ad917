"""Project-wide settings: ``.rolreport.toml``, or ``[tool.rolreport]`` in ``pyproject.toml``.

Looked up from the report's folder upwards, stopping at the repository root (a folder holding
``.git``), so every report in a drafting office's repository shares one list of phrase
overrides.  A broken config is a usage error (exit 2) with its location.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator

from rolreport.diagnostics import Diagnostic, UsageError
from rolreport.model import Base, ConversionSettings, Script

RuleSeverity = Literal["error", "warning", "info", "off"]


class ProjectConfig(Base):
    """``[tool.rolreport]`` (or the top level of ``.rolreport.toml``)."""

    conversion: ConversionSettings = Field(default_factory=ConversionSettings)
    # rolreport check (rules.md §3)
    select: list[str] | None = None  # rule ids or prefixes (RR3); None: every rule that is on by default
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, RuleSeverity] = Field(default_factory=dict)
    profile: Literal["official", "technical"] = "official"
    locale: Script | None = None
    allow_words: list[str] = Field(default_factory=list)
    glossary: dict[str, str] = Field(default_factory=dict)  # RR502: {"wrong": "right"}
    fail_on: Literal["error", "warning", "info"] = "error"

    @field_validator("select", "ignore")
    @classmethod
    def _known_rules(cls, value: list[str] | None) -> list[str] | None:
        for rule in value or []:
            _check_rule(rule)
        return value

    @field_validator("severity")
    @classmethod
    def _known_severity_rules(cls, value: dict[str, str]) -> dict[str, str]:
        for rule in value:
            _check_rule(rule)
        return value


def _check_rule(rule: str) -> None:
    from rolreport.check.findings import RULES

    if not any(known.startswith(rule) for known in RULES) or not rule.startswith("RR"):
        raise ValueError(f"未知的规则 {rule} (unknown rule id)")


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
        if m:
            line, col = int(m[1]), int(m[2])
        else:  # "(at end of document)"
            line, col = max(1, len(path.read_text(encoding="utf-8", errors="replace").splitlines())), 1
        raise UsageError(Diagnostic(str(path), line, col, f"配置文件语法错误 (invalid TOML): {exc}")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取配置文件 (cannot read config): {exc}", str(path)) from None


def load_config(start: Path, explicit: Path | None = None) -> ProjectConfig:
    """The project config for a file in ``start`` (or the ``explicit`` file)."""
    if explicit is not None:
        if not explicit.is_file():
            raise UsageError("找不到配置文件 (no such config file)", str(explicit))
        table = _read(explicit)
        if explicit.name == "pyproject.toml":
            table = table.get("tool", {}).get("rolreport", {})
        found: tuple[Path, dict[str, Any]] | None = (explicit, table)
    else:
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
