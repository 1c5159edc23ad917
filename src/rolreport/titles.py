"""Where a report title may break across lines, and how to break it.

GB/T 9704-2012 §7.3.3: a title that needs more than one line is broken so that each line keeps
its words whole and the lines are balanced ("回行时，要做到词意完整，排列对称，长短适宜").
Browsers and Word break Chinese between any two characters (某县人民政府关于2024年 / 度法治…,
建设情 / 况), so the break points are computed here, once, and every writer uses them: HTML
allows a break only there (``<wbr>`` with ``word-break: keep-all``), Word breaks the title into
balanced lines at them.  A source can also give the lines itself (``title:`` as a list).

A report title is formulaic — [issuer][关于][year][法治政府建设][(工作)情况的报告 / 年度报告] —
so its safe break points are the seams of that form, found by pattern in both scripts: after
an issuing body (人民政府, 委员会, 办公室, a 局 or 厅), after 关于, around the year, before the
subject 法治政府建设 and before the report noun; and after a comma, an enumeration comma or a
closing bracket, and before a dash that opens a subtitle.  Nothing else is a break point: a
title with no seam is kept on one line and wrapped by the reader only where it must.
"""

from __future__ import annotations

import itertools
import re

# Each pattern marks a seam at its match's start (``(?=…)``) or end.
_AFTER = re.compile(
    r"(?:人民政府|政府|委员会|委員會|办公室|辦公室|局|厅|廳)(?=关于|關於|(?:19|20)\d{2}|法治)"
    r"|关于|關於"
    r"|(?:19|20)\d{2}\s*年度?"
    r"|[，、；：）》」』”]"
)
_BEFORE = re.compile(
    r"(?<![0-9年度])(?=(?:19|20)\d{2}\s*年)"
    r"|(?=法治政府建[设設])"
    r"|(?<=法治政府建[设設])(?=(?:工作)?情[况況]|工作|年度[报報]告|[报報]告)"
    r"|(?=——)"
)


def break_points(title: str) -> list[int]:
    """Offsets where ``title`` may break (0 < offset < len(title)), in order."""
    points = {m.end() for m in _AFTER.finditer(title)} | {m.start() for m in _BEFORE.finditer(title)}
    return sorted(p for p in points if 0 < p < len(title))


def width(text: str) -> float:
    """Width of a line of Chinese type in characters: Chinese 1, Latin letters and digits ½
    (the Word writer measures titles and the closing block with it)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def balanced_lines(title: str, per_line: float) -> list[str]:
    """The fewest lines of at most ``per_line`` characters, broken only at
    :func:`break_points`, with the longest line as short as possible (then the first line the
    shorter: a title narrows towards the top less than a pyramid upside down).  A title that
    fits is one line; one whose seams cannot make it fit keeps the best lines it can."""
    if width(title) <= per_line:
        return [title]
    cuts = [0, *break_points(title), len(title)]
    best: tuple[tuple[int, int, float, float], list[str]] | None = None
    # Few seams (a title has under ten), so every choice of up to three breaks is tried.
    for chosen in _choices(cuts[1:-1], 3):
        bounds = [0, *chosen, len(title)]
        lines = [title[a:b] for a, b in itertools.pairwise(bounds)]
        widths = [width(line) for line in lines]
        over = sum(max(0.0, w - per_line) for w in widths)
        score = (round(over * 2), len(lines), max(widths), widths[0])
        if best is None or score < best[0]:
            best = (score, lines)
    return best[1] if best else [title]


def _choices(points: list[int], most: int) -> list[list[int]]:
    from itertools import combinations

    return [list(c) for n in range(1, most + 1) for c in combinations(points, n)]
