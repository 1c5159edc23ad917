"""Domain knowledge, each fact in one place: every command reads it from here.

* :mod:`.scripts` — the four scripts, their names in their own script, their languages;
* :mod:`.chars` — what counts as a Han character, the full-width punctuation tables, the
  control characters a report may not hold;
* :mod:`.chrome` — web-page furniture (share bars, print links, page headers) and drafting
  placeholders, in both scripts;
* :mod:`.roles` — the statutory roles and the words that signal them (第一责任人, 不足, 原因 …);
* :mod:`.laws` — the law and regulation names RR309 knows;
* :mod:`.forms` — forms a Traditional locale accepts where OpenCC writes another character
  (Taiwan's 布局, 周年, 回音), from ``data/locale-forms.tsv``;
* :mod:`.width` — display width and line breaking, for help pages and check's output.

Modules here import nothing heavy (no OpenCC, pydantic or YAML), so any stage may use them.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def data_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``rolreport/data/NAME`` (blank lines and ``#`` comments left
    out): the tables each of these modules reads, with the evidence for every row."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]
