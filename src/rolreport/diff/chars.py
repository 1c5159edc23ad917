"""Characters within a matched paragraph: what was kept, inserted and deleted.

The diff is Google's diff-match-patch, run over tokens rather than characters: a number is one
token (2023→2024 is one change, not 202[3→4]), a Latin word is one token, every other character
its own.  Its semantic clean-up is followed by one that suits Chinese: a single Han character
shared by two edits is part of the phrase that changed, not a match (开展[-法治-]{+普法+}宣传,
not 开展{+普+}法[-治-]宣传).  With ``years``, the report year of each side (and the years just
before and after it) are one token, so a sentence carried over with its year moved on is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rolreport.lexicon.chars import has_han, is_han

_TOKEN = re.compile(r"[0-9]+|[A-Za-z]+|.", re.DOTALL)
# Codes for tokens longer than a character: Supplementary Private Use Area-B, which report text
# does not use (a character of it in the text is given a code of its own, like a long token).
_FIRST_CODE = 0x100000
_LAST_CODE = 0x10FFFD

OpKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Op:
    """A stretch of the paragraph: ``old`` as OLD has it, ``new`` as NEW has it.  An equal stretch
    whose sides differ is a year moved on (only with ``years``)."""

    kind: OpKind
    old: str
    new: str


@dataclass(frozen=True)
class Years:
    """Report years of OLD and NEW: the same year of each report's calendar counts as equal."""

    old: int
    new: int

    def canonical(self, token: str, side: Literal["old", "new"]) -> str | None:
        if not token.isascii() or not token.isdigit() or len(token) != 4:
            return None
        offset = int(token) - (self.old if side == "old" else self.new)
        return f"year{offset:+d}" if -1 <= offset <= 1 else None


class _Codes:
    """Tokens ↔ one character each, shared by both sides of a paragraph pair."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}

    def code(self, token: str, key: str | None) -> str:
        if key is None and len(token) == 1 and not _FIRST_CODE <= ord(token) <= _LAST_CODE:
            return token
        name = key or token
        found = self.codes.get(name)
        if found is None:
            number = _FIRST_CODE + len(self.codes)
            if number > _LAST_CODE:  # 65,534 distinct long tokens in one paragraph pair: give up on them
                return "\ufffd"
            found = self.codes[name] = chr(number)
        return found


def _encode(text: str, codes: _Codes, years: Years | None, side: Literal["old", "new"]) -> tuple[str, list[str]]:
    tokens: list[str] = _TOKEN.findall(text)
    if years is None:
        return "".join(codes.code(t, None) for t in tokens), tokens
    return "".join(codes.code(t, years.canonical(t, side)) for t in tokens), tokens


def _absorb_lone_han(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """An equality of one Han character between two edits of Han text becomes part of both
    edits (a 件 after a changed number stays: the edit beside it is not a phrase)."""
    changed = True
    while changed:
        changed = False
        for i in range(1, len(diffs) - 1):
            op, text = diffs[i]
            if op == 0 and len(text) == 1 and is_han(text) and _han_edit(diffs[i - 1]) and _han_edit(diffs[i + 1]):
                diffs[i : i + 1] = [(-1, text), (1, text)]
                diffs = _merge(diffs)
                changed = True
                break
    return diffs


def _han_edit(chunk: tuple[int, str]) -> bool:
    return chunk[0] != 0 and has_han(chunk[1])


def _merge(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Runs of edits as one deletion then one insertion; equalities joined."""
    out: list[tuple[int, str]] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append((-1, "".join(deleted)))
        if inserted:
            out.append((1, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op, text in diffs:
        if op == -1:
            deleted.append(text)
        elif op == 1:
            inserted.append(text)
        else:
            flush()
            if out and out[-1][0] == 0:
                out[-1] = (0, out[-1][1] + text)
            else:
                out.append((0, text))
    flush()
    return out


def diff(old: str, new: str, years: Years | None = None) -> tuple[Op, ...]:
    """The operations that turn ``old`` into ``new``, in order."""
    if old == new and years is None:
        return (Op("equal", old, new),) if old else ()
    from diff_match_patch import diff_match_patch

    codes = _Codes()
    a, old_tokens = _encode(old, codes, years, "old")
    b, new_tokens = _encode(new, codes, years, "new")
    engine = diff_match_patch()
    engine.Diff_Timeout = 2.0  # a bound for pathological pairs; a paragraph pair takes milliseconds
    diffs = engine.diff_main(a, b, False)
    engine.diff_cleanupSemantic(diffs)
    diffs = _absorb_lone_han(_merge(diffs))
    ops: list[Op] = []
    i = j = 0
    for op, text in diffs:
        n = len(text)
        if op == -1:
            ops.append(Op("delete", "".join(old_tokens[i : i + n]), ""))
            i += n
        elif op == 1:
            ops.append(Op("insert", "", "".join(new_tokens[j : j + n])))
            j += n
        else:  # equal: the same tokens, or a year of each side's calendar
            for t_old, t_new in zip(old_tokens[i : i + n], new_tokens[j : j + n], strict=True):
                moved_on = t_old != t_new
                if ops and ops[-1].kind == "equal" and (ops[-1].old != ops[-1].new) == moved_on:
                    ops[-1] = Op("equal", ops[-1].old + t_old, ops[-1].new + t_new)
                else:
                    ops.append(Op("equal", t_old, t_new))
            i += n
            j += n
    return tuple(ops)


def old_text(ops: tuple[Op, ...]) -> str:
    return "".join(op.old for op in ops)


def new_text(ops: tuple[Op, ...]) -> str:
    return "".join(op.new for op in ops)
