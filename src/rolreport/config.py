"""Project-wide settings: ``.rolreport.toml``, or ``[tool.rolreport]`` in ``pyproject.toml``.

Looked up from the report's folder upwards, stopping at the repository root (a folder holding
``.git``), so every report in a drafting office's repository shares one list of phrase
overrides.  A broken config is a usage error (exit 2) with its location.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator

from rolreport.diagnostics import Diagnostic, UsageError
from rolreport.lexicon.scripts import Script
from rolreport.model import Base, ConversionSettings

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
    message = unknown_rule_message(rule)
    if message:
        raise ValueError(message)


def unknown_rule_message(rule: str) -> str | None:
    """Why ``rule`` names no rule (with the closest ids), or None when it is an id or a prefix."""
    import difflib

    from rolreport.check.findings import RULES

    if rule.startswith("RR") and any(known.startswith(rule) for known in RULES):
        return None
    close = difflib.get_close_matches(rule.upper(), list(RULES), n=3, cutoff=0.5)
    hint = f"；最接近的：{', '.join(close)}" if close else "；规则编号形如 RR301，或前缀 RR3"
    return f"未知的规则 `{rule}`{hint} (unknown rule id)"


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above ``start`` and its rolreport table."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        dedicated = candidate / ".rolreport.toml"
        if dedicated.is_file():
            return dedicated, _dedicated_table(_read(dedicated))
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("rolreport")
            if table is not None:
                return pyproject, table
        if (candidate / ".git").exists():
            break
    return None


def _dedicated_table(table: dict[str, Any]) -> dict[str, Any]:
    """A ``.rolreport.toml`` holds the settings at its top level; the README's
    ``[tool.rolreport]`` snippet pasted into it means the same and is accepted as such."""
    if set(table) == {"tool"} and isinstance(table["tool"], dict) and set(table["tool"]) == {"rolreport"}:
        inner: dict[str, Any] = table["tool"]["rolreport"]
        return inner
    return table


def _read(path: Path) -> dict[str, Any]:
    import tomllib  # here: most reports have no config file to read

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
        else:
            table = _dedicated_table(table)
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
        prefix = _table_prefix(path, text)
        problems = []
        for err in exc.errors():
            loc = tuple(str(part) for part in err["loc"] if not isinstance(part, int))
            line, column = _position(text, (*prefix, *loc))
            dotted = ".".join(str(part) for part in err["loc"])
            problems.append(Diagnostic(str(path), line, column, f"配置错误：{_config_message(err)}", dotted))
        raise UsageError(problems) from None


def _config_message(err: Any) -> str:
    import difflib

    from rolreport.validate import error_message

    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(err["loc"][-1])
        model: Any = ProjectConfig
        for part in err["loc"][:-1]:
            field = model.model_fields.get(part) if isinstance(part, str) and model else None
            model = getattr(field, "annotation", None) if field else None
        allowed = list(getattr(model, "model_fields", {}) or ProjectConfig.model_fields)
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"；是不是 `{close[0]}`？" if close else f"；可用的配置项：{', '.join(allowed)}"
        return f"未知的配置项 `{key}`{hint} (unknown setting)"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return error_message(kind, err["msg"], err.get("ctx") or {}, err.get("input"))


def _table_prefix(path: Path, text: str) -> tuple[str, ...]:
    if path.name == "pyproject.toml":
        return ("tool", "rolreport")
    import tomllib

    table = tomllib.loads(text)
    return ("tool", "rolreport") if _dedicated_table(table) is not table else ()


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _split_key(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in re.findall(r"""(?:"[^"]*"|'[^']*'|[^.]+)""", dotted))


def _position(text: str, loc: tuple[str, ...]) -> tuple[int, int]:
    """The line and column of the key at ``loc`` (tomllib keeps no positions): the TOML is read
    line by line, following ``[table]`` headers and dotted keys, and the deepest match wins."""
    best = (0, 0, 0)  # depth matched, line, column
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        if m := _HEADER.match(line):
            table = _split_key(m[1])
            path = table
            column = line.index("[") + 1
        elif "=" in line and not line.lstrip().startswith("#"):
            key = line.partition("=")[0]
            if not key.strip():
                continue
            path = (*table, *_split_key(key.strip()))
            column = len(key) - len(key.lstrip()) + 1
        else:
            continue
        depth = 0
        while depth < min(len(path), len(loc)) and path[depth] == loc[depth]:
            depth += 1
        if depth == len(path) and depth > best[0]:
            best = (depth, number, column)
    return (best[1], best[2]) if best[1] else (0, 0)
