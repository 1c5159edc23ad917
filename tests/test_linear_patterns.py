"""No regular expression run on user text may backtrack superlinearly (a pattern audit).

Timing a pattern proves little on a shared machine, so this test times nothing.  It collects
every pattern rolreport uses — the compiled ones in its modules, and every pattern compiled
while build, check, --fix, convert and import run over real reports — and inspects each
pattern's parse tree (the standard library's own ``re._parser``) for the three shapes that make
Python's backtracking engine superlinear:

1. a repeat inside an unbounded repeat (``(a+)+``): exponential;
2. two adjacent unbounded repeats that can match the same character (``\\s*\\s*``, ``\\d+\\d+``):
   polynomial;
3. a leading unbounded repeat followed by something that can fail (``[a-z]+@``, ``\\d+件``):
   ``search``/``finditer`` try it at every position of a long run, and each try scans to the
   run's end — quadratic (the e-mail and quantity patterns of issues 9 and 16).  It is linear
   only behind a lookbehind that no character of the repeat can satisfy (``(?<![a-z])``) or an
   anchor, or when the repeat is possessive (``++``) *and* guarded.

``benchmarks/bench_linear.py`` measures the same commands on 10k/20k/40k-character runs.
"""

from __future__ import annotations

import re
import sys

import pytest

from conftest import EXAMPLE, SEED

try:
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAXREPEAT = sre_constants.MAXREPEAT
REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
POSSESSIVE = getattr(sre_constants, "POSSESSIVE_REPEAT", None)
ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)
# Characters that stand for the classes a set may name (digits, letters, space, CJK, punctuation).
SAMPLES = "0 9aAzZ_\t\n.,-@#:/%+中国规範，。、：；（）《》“”\u3000\u00a0\uff10"


# -- Membership of one character in a parsed set ------------------------------------------------


def _in_category(category, ch: str) -> bool:
    c = sre_constants
    table = {
        c.CATEGORY_DIGIT: ch.isdigit(),
        c.CATEGORY_NOT_DIGIT: not ch.isdigit(),
        c.CATEGORY_SPACE: ch.isspace(),
        c.CATEGORY_NOT_SPACE: not ch.isspace(),
        c.CATEGORY_WORD: ch.isalnum() or ch == "_",
        c.CATEGORY_NOT_WORD: not (ch.isalnum() or ch == "_"),
    }
    return table.get(category, True)


def _matches(item, ch: str) -> bool:
    """Whether the one-character element ``item`` (LITERAL, IN, ANY, …) matches ``ch``."""
    op, av = item
    c = sre_constants
    if op == c.LITERAL:
        return ord(ch) == av
    if op == c.NOT_LITERAL:
        return ord(ch) != av
    if op == c.ANY:
        return ch != "\n"
    if op == c.IN:
        negate = False
        hit = False
        for sub_op, sub_av in av:
            if sub_op == c.NEGATE:
                negate = True
            elif sub_op == c.LITERAL:
                hit |= ord(ch) == sub_av
            elif sub_op == c.RANGE:
                hit |= sub_av[0] <= ord(ch) <= sub_av[1]
            elif sub_op == c.CATEGORY:
                hit |= _in_category(sub_av, ch)
            else:
                hit = True  # unknown: assume it matches (conservative)
        return hit != negate
    if op == c.CATEGORY:
        return _in_category(av, ch)
    return True  # anything else: assume it can match (conservative)


def _alphabet(pattern: str) -> str:
    return SAMPLES + "".join(dict.fromkeys(ch for ch in pattern if not ch.isspace()))


def _single(subpattern) -> tuple | None:
    """The element that a repeat of one character repeats, or None for a longer body."""
    items = list(subpattern)
    return items[0] if len(items) == 1 and items[0][0] in _ONE_CHAR else None


_ONE_CHAR = {sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.ANY, sre_constants.IN}


def _chars(item, alphabet: str) -> set[str]:
    return {ch for ch in alphabet if _matches(item, ch)}


# -- The three shapes -----------------------------------------------------------------------------


def _has_repeat(subpattern) -> bool:
    for op, av in subpattern:
        if op in REPEATS and av[1] > 1:
            return True
        for child in _children(op, av):
            if _has_repeat(child):
                return True
    return False


def _children(op, av) -> list:
    c = sre_constants
    if op in REPEATS or op == POSSESSIVE:
        return [av[2]]
    if op == c.SUBPATTERN:
        return [av[3]]
    if op == c.BRANCH:
        return list(av[1])
    if op in (c.ASSERT, c.ASSERT_NOT):
        return [av[1]]
    if op == ATOMIC:
        return [av]
    return []


def problems(pattern: str, flags: int = 0) -> list[str]:
    tree = sre_parse.parse(pattern, flags)
    alphabet = _alphabet(pattern)
    found: list[str] = []

    def walk(subpattern) -> None:
        items = list(subpattern)
        for number, (op, av) in enumerate(items):
            if op in REPEATS and av[1] == MAXREPEAT and _has_repeat(av[2]) and not _delimited(av[2], alphabet):
                found.append("nested unbounded repeat")
            if op in REPEATS and av[1] == MAXREPEAT and (first := _single(av[2])):
                found.extend(_ambiguous_split(first, items[number + 1 :], alphabet))
            for child in _children(op, av):
                walk(child)

    walk(tree)
    for branch in _leading_branches(list(tree)):
        found.extend(_leading(branch, alphabet))
    return found


def _delimited(body, alphabet: str) -> bool:
    """``(?:\\.[a-z]+)+``: each iteration starts with a character no inner repeat can match, so
    the iterations cannot be split in more than one way."""
    items = list(body)
    if not items or items[0][0] not in _ONE_CHAR:
        return False
    head = _chars(items[0], alphabet)
    inner = [_single(av[2]) for op, av in items[1:] if op in REPEATS]
    return all(element is not None and not (head & _chars(element, alphabet)) for element in inner)


def _ambiguous_split(first, rest: list, alphabet: str) -> list[str]:
    """``\\s*\\s*x`` or ``.*X.*Y``: a second unbounded repeat over characters the first one can
    also take, reached through what the first can eat as well, and something after both that can
    fail: every split point is tried, a quadratic search."""
    eats = _chars(first, alphabet)
    for number, (op, av) in enumerate(rest):
        if op in REPEATS and av[1] == MAXREPEAT and (second := _single(av[2])):
            after = rest[number + 1 :]
            if eats & _chars(second, alphabet) and not _can_always_stop(op, 0, after):
                return ["two unbounded repeats that can split a run in many ways"]
            return []
        if op not in _ONE_CHAR or not _chars((op, av), alphabet) <= eats:
            return []  # a separator the first repeat cannot take: the split point is fixed
    return []


def _leading_branches(items: list) -> list[list]:
    """The alternatives a match can start with (a top-level or leading group's branches)."""
    c = sre_constants
    if len(items) == 1 and items[0][0] == c.BRANCH:
        return [list(b) for b in items[0][1][1]]
    if items and items[0][0] == c.SUBPATTERN and len(items) == 1:
        return _leading_branches(list(items[0][1][3]))
    if items and items[0][0] == c.SUBPATTERN:
        inner = list(items[0][1][3])
        if len(inner) == 1 and inner[0][0] == c.BRANCH:
            return [list(b) + items[1:] for b in inner[0][1][1]]
        return [inner + items[1:]]
    return [items]


def _leading(items: list, alphabet: str) -> list[str]:
    c = sre_constants
    guards: list[tuple] = []
    anchored = False
    index = 0
    while index < len(items) and items[index][0] in (c.AT, c.ASSERT, c.ASSERT_NOT):
        op, av = items[index]
        if op == c.AT and av in (c.AT_BEGINNING, c.AT_BEGINNING_STRING):
            anchored = True
        if op in (c.ASSERT, c.ASSERT_NOT) and av[0] == -1:
            guards.append((op, av[1]))
        index += 1
    if anchored or index >= len(items):
        return []
    op, av = items[index]
    if op not in REPEATS and op != POSSESSIVE:
        return []
    low, high, body = av
    rest = items[index + 1 :]
    if high != MAXREPEAT or not rest or _can_always_stop(op, low, rest):
        return []
    element = _single(body)
    if element is None:
        return ["leading unbounded repeat of a group, unguarded"]
    chars = _chars(element, alphabet)
    for guard_op, guard in guards:
        single = _single(guard)
        if single is None:
            continue
        behind = _chars(single, alphabet)
        if guard_op == c.ASSERT_NOT and chars <= behind:
            return []
        if guard_op == c.ASSERT and not (chars & behind):
            return []
    return [f"leading unbounded repeat over {''.join(sorted(chars))[:20]!r} without a lookbehind guard"]


def _can_always_stop(op, low: int, rest: list) -> bool:
    """A greedy repeat followed only by optional parts ends the match wherever the run ends."""
    if not rest:
        return op != sre_constants.MIN_REPEAT
    width = sre_parse.SubPattern(sre_parse.State(), rest).getwidth()[0]
    has_assertion = any(o in (sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT) for o, _ in rest)
    return op != sre_constants.MIN_REPEAT and width == 0 and not has_assertion


# -- The audit's own tests: it must find the shapes it claims to find --------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",  # issue 9: the e-mail pattern
        r"\d+(?:\.\d+)?\s*(?:件|项|次)",  # issue 16: the quantity pattern
        r"(a+)+$",
        r"\s*\s*x",
        r".*?foo",
        r"(?<=[a-z])[a-z]+x",  # a guard the repeat's own characters satisfy
        r"\d{4}年.*法治政府.*报告",  # issue 9's title form: .*X.*Y
        r"x[a-z.]+\.[a-z]{2,}[^\s]*;",  # the old URL pattern
    ],
)
def test_the_audit_finds_superlinear_shapes(bad):
    assert problems(bad)


@pytest.mark.parametrize(
    "good",
    [
        r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
        r"(?<![\d.])\d+(?:\.\d+)?\s*(?:件|项|次)",
        r"[\uff01-\uff5e]+",
        r"^\s*#",
        r"(?<=[中国])[ \u00a0]+(?=[A-Za-z0-9])",
        r"《[^》]*》",
        r"www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>]*",
        r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d.])",
    ],
)
def test_the_audit_accepts_linear_shapes(good):
    assert problems(good) == []


# -- Every pattern rolreport uses ------------------------------------------------------------------


def _module_patterns() -> dict[str, int]:
    import rolreport.build
    import rolreport.check.command
    import rolreport.convertfile
    import rolreport.importer.run  # noqa: F401

    found: dict[str, int] = {}

    def add(value, depth=0) -> None:
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found[value.pattern] = value.flags
        elif isinstance(value, (list, tuple)) and depth < 3:
            for item in value:
                add(item, depth + 1)

    for name, module in list(sys.modules.items()):
        if name.startswith("rolreport") and module is not None:
            for value in vars(module).values():
                add(value)
    return found


@pytest.fixture(scope="module")
def used_patterns(tmp_path_factory) -> dict[str, int]:
    """Every pattern compiled by rolreport code while its commands run on real reports."""
    import re as re_module

    from rolreport.cli import main

    seen: dict[str, int] = {}
    original = re_module._compile

    def recording(pattern, flags):
        caller = sys._getframe(1)
        while caller and caller.f_globals.get("__name__", "").startswith("re"):
            if caller.f_globals.get("__name__", "").startswith("rolreport"):
                break
            caller = caller.f_back
        if caller and caller.f_globals.get("__name__", "").startswith("rolreport") and isinstance(pattern, str):
            seen[pattern] = int(flags)
        return original(pattern, flags)

    folder = tmp_path_factory.mktemp("patterns")
    copy = folder / "r.yaml"
    copy.write_bytes(EXAMPLE.read_bytes())
    html = folder / "p.html"
    html.write_text("<html lang='zh-Hans'><p>规范性文件 https://example.org a@b.cn 附件.pdf</p></html>", "utf-8")
    runs = [
        ["build", str(EXAMPLE), "-o", str(folder / "out"), "--script", "zh-Hans,zh-Hant-TW"],
        ["check", str(EXAMPLE), "--select", "RR", "--exit-zero"],
        ["check", str(copy), "--fix", "--unsafe-fixes", "--exit-zero"],
        ["convert", str(EXAMPLE), "--to", "zh-Hans"],
        ["convert", str(html), "--to", "zh-Hant"],
        ["import", str(SEED)],
    ]
    re_module._compile = recording
    try:
        for args in runs:
            with pytest.raises(SystemExit):
                main(args)
    finally:
        re_module._compile = original
    seen.update(_module_patterns())
    return seen


def test_enough_patterns_are_audited(used_patterns):
    assert len(used_patterns) > 40  # the audit sees the patterns of every stage


def test_no_pattern_rolreport_runs_is_superlinear(used_patterns):
    bad = {pattern: found for pattern, flags in used_patterns.items() if (found := problems(pattern, flags))}
    assert not bad, "\n".join(f"{p!r}: {', '.join(f)}" for p, f in bad.items())
