"""Forms a Traditional report's own locale accepts where OpenCC writes another character.

The script rules (RR102, RR103) take OpenCC's phrase dictionaries as evidence that a character is
wrong; that evidence is mainland-to-Traditional conversion, and it does not hold in every locale:
Taiwan's standard writes 布局, 周年 and 回音, where OpenCC writes 佈局, 週年 and 迴音.  A pair is
accepted character by character only where the locale treats the two as one (布/佈, 周/週 in
Taiwan); where it tells them apart word by word (回音 but 巡迴), only the words are listed.  The data,
with its evidence, is ``data/locale-forms.tsv``.
"""

from __future__ import annotations

from functools import cache

from rolreport.lexicon import data_rows


@cache
def _rows() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row) for row in data_rows("locale-forms.tsv"))


def accepted_words(script: str) -> tuple[str, ...]:
    """Words written as they stand in ``script`` whatever OpenCC prefers (公布, 發布 …)."""
    return tuple(row[2] for row in _rows() if row[0] == "word" and row[1] in ("*", script))


def accepted_pairs(script: str) -> frozenset[tuple[str, str]]:
    """(written, OpenCC's choice) pairs that are both standard in ``script`` (布/佈 in Taiwan)."""
    return frozenset((row[2], row[3]) for row in _rows() if row[0] == "pair" and row[1] in ("*", script))
