"""How wide text is on a terminal, and where a line of Chinese may break.

Kept apart from :mod:`.chars` (which compiles its patterns when imported) so that a help page,
which needs only these, starts as fast as ``--version``.
"""

from __future__ import annotations

import unicodedata

# Characters that may not start a line, and that may not end one (GB/T 15834 line breaking:
# closing marks stay with the text before them, opening marks with the text after them).
NO_LINE_START = frozenset("，。、；：？！）》〉」』”’…—,.;:?!)]}%")
NO_LINE_END = frozenset("（《〈「『“‘([{")


def display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
