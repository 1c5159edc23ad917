"""The scripts a report can be written in, and what each is called and tagged."""

from __future__ import annotations

from typing import Literal

Script = Literal["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"]
SCRIPTS: tuple[Script, ...] = ("zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK")

# Each variant named in its own script (the HTML variant switcher).
SCRIPT_LABELS: dict[str, str] = {
    "zh-Hans": "简体中文",
    "zh-Hant": "繁體中文",
    "zh-Hant-TW": "繁體中文（台灣）",
    "zh-Hant-HK": "繁體中文（香港）",
}

# The East-Asian language Word and LibreOffice lay a document out for (line breaking, glyphs).
WORD_LANGUAGE: dict[str, str] = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "zh-Hant-TW": "zh-TW", "zh-Hant-HK": "zh-HK"}


def is_script(value: object) -> bool:
    return value in SCRIPTS


def is_traditional(script: str) -> bool:
    return script.startswith("zh-Hant")
