"""Characters within a matched paragraph: what was kept, inserted and deleted.

The diff is Google's diff-match-patch, run over tokens rather than characters: a number is one
token (2023→2024 is one change, not 202[3→4]), a Latin word is one token, every other character
its own.  Its semantic clean-up is followed by one that suits Chinese: a single Han character
shared by two edits is part of the phrase that changed, not a match (开展[-法治-]{+普法+}宣传,
not 开展{+普+}法[-治-]宣传).  With ``years``, a replacement that only moves years on by the
distance between the two reports (OLD's report year, or the year before or after it, to NEW's)
is an equality: a sentence carried over with its year moved on is kept.  This is done after
the diff, so a year both texts have (the end of a plan period) still matches itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rolreport.lexicon.chars import has_han, is_han

# Tokens longer than a character, and characters of the code range itself: each gets a code.
_LONG = re.compile(r"[0-9]{2,}|[A-Za-z]{2,}|[\U00100000-\U0010FFFD]")
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

    def moved_on(self, old: str, new: str) -> bool:
        """``old`` in OLD's text is ``new`` in NEW's: the same year of each report's calendar."""
        if not (len(old) == len(new) == 4 and old.isascii() and new.isascii() and old.isdigit() and new.isdigit()):
            return False
        return -1 <= int(old) - self.old <= 1 and int(new) - int(old) == self.new - self.old


class _Codes:
    """Tokens ↔ one character each, shared by both sides of a paragraph pair."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.tokens: dict[str, str] = {}

    def _code(self, match: re.Match[str]) -> str:
        token = match.group()
        found = self.codes.get(token)
        if found is None:
            number = _FIRST_CODE + len(self.codes)
            if number > _LAST_CODE:  # 65,534 distinct long tokens in one paragraph pair: give up on them
                return "\ufffd"
            found = self.codes[token] = chr(number)
            self.tokens[found] = token
        return found

    def encode(self, text: str) -> tuple[str, list[str]]:
        """The text with a character per token, and its tokens."""
        coded = _LONG.sub(self._code, text)
        tokens = self.tokens
        return coded, [tokens.get(c, c) for c in coded]


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
    a, old_tokens = codes.encode(old)
    b, new_tokens = codes.encode(new)
    engine = diff_match_patch()
    engine.Diff_Timeout = 2.0  # a bound for pathological pairs; a paragraph pair takes milliseconds
    diffs = engine.diff_main(a, b, False)
    engine.diff_cleanupSemantic(diffs)
    diffs = _absorb_lone_han(_merge(diffs))
    ops: list[Op] = []
    i = j = 0
    for n, (op, text) in enumerate(diffs):
        size = len(text)
        if op == 0:
            ops.append(Op("equal", "".join(old_tokens[i : i + size]), "".join(new_tokens[j : j + size])))
            i, j = i + size, j + size
        elif op == -1:
            deleted = old_tokens[i : i + size]
            i += size
            if n + 1 < len(diffs) and diffs[n + 1][0] == 1:
                continue  # the insertion that follows decides, below
            ops.append(Op("delete", "".join(deleted), ""))
        else:
            inserted = new_tokens[j : j + size]
            j += size
            deleted = old_tokens[i - len(diffs[n - 1][1]) : i] if n and diffs[n - 1][0] == -1 else []
            if deleted and years and _moved_on(deleted, inserted, years):
                _equal(ops, deleted, inserted)
                continue
            if deleted:
                ops.append(Op("delete", "".join(deleted), ""))
            ops.append(Op("insert", "", "".join(inserted)))
    return _joined(ops)


def _moved_on(deleted: list[str], inserted: list[str], years: Years) -> bool:
    """The replacement only moves years on (token for token, at least one year)."""
    if len(deleted) != len(inserted):
        return False
    return all(a == b or years.moved_on(a, b) for a, b in zip(deleted, inserted, strict=True))


def _equal(ops: list[Op], deleted: list[str], inserted: list[str]) -> None:
    """Equal stretches for a replacement that moves years on: the years apart from the rest."""
    for a, b in zip(deleted, inserted, strict=True):
        ops.append(Op("equal", a, b))


def _joined(ops: list[Op]) -> tuple[Op, ...]:
    """Neighbouring equal stretches as one, but a year moved on apart from text kept as it was."""
    out: list[Op] = []
    for op in ops:
        if out and op.kind == out[-1].kind == "equal" and (op.old == op.new) == (out[-1].old == out[-1].new):
            out[-1] = Op("equal", out[-1].old + op.old, out[-1].new + op.new)
        else:
            out.append(op)
    return tuple(out)
