"""Two reports compared: structure first, then paragraphs, then characters.

1. Units.  Both reports are laid out as ``build --format docx`` prints them
   (:func:`rolreport.layout.printed`); each text of the source (a title, a paragraph, an item's
   title, a frame line, the closing) is a unit, keyed by its path in the source.  Labels (一、
   （二） 3.) are the layout's, not the author's, so they are never compared: a renumbered section
   is not a changed one.
2. Structure.  Parts are matched by role, title and content; sections across the whole report
   (so a section moved to another part is found) by title, content and role, with rapidfuzz's
   normalised Indel similarity.  A matched section is *moved* when its part is not the match
   of its old part or its order among the matched sections changed, *renamed* when its title
   changed.
3. Paragraphs.  Inside each matched pair of containers the units are aligned in order by a
   dynamic programme that maximises total similarity (only pairs at least half similar may be
   aligned); what is left is paired across the report when it is still similar (a paragraph
   moved to another section) and otherwise inserted or deleted.
4. Characters.  Each aligned pair is diffed by :mod:`rolreport.diff.chars`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from rolreport.diff.chars import Op, Years, diff
from rolreport.layout import UnitKey, layout

if TYPE_CHECKING:
    from rolreport.model import Report

UnitKind = Literal["title", "frame", "heading", "paragraph", "closing"]
ContainerKey = tuple[str | int, ...]  # ("front",), ("parts", 0), ("parts", 0, "sections", 2), ("closing",)

# Thresholds of rapidfuzz's normalised similarity (0–1).
ALIGN_AT = 0.5  # paragraphs of matched sections are aligned when at least this similar
MOVED_PARAGRAPH_AT = 0.6  # a paragraph left over is paired with one elsewhere at this similarity
OUTLINE = 120  # characters of each section's text in its part's outline
CANDIDATES = 5  # a container not anchored is weighed against its closest few by title and by content


@dataclass(frozen=True)
class Unit:
    key: UnitKey
    text: str
    kind: UnitKind
    container: ContainerKey
    label: str  # the label printed before it ("（三）"), or ""
    index: int  # its position in the report's order of units
    ends: bool = True  # its paragraph ends after it (a run-in title's does not)


@dataclass(frozen=True)
class Container:
    key: ContainerKey
    heading: str  # as printed: "二、（三）深入推进重大行政决策工作", "导语", "落款"
    title: str  # the title unit's text, or ""
    role: str | None
    units: tuple[Unit, ...]
    index: int
    whole: str  # what its content is matched on: a section's text without headings; a part's outline

    @property
    def body(self) -> str:
        return "".join(u.text for u in self.units if u.kind != "heading")


@dataclass(frozen=True)
class Row:
    """One unit's comparison: both sides (equal or changed), NEW only (inserted) or OLD only."""

    old: Unit | None
    new: Unit | None
    ops: tuple[Op, ...]
    moved_from: str | None = None  # a paragraph paired across sections: the heading it was under

    @property
    def status(self) -> Literal["equal", "changed", "inserted", "deleted"]:
        if self.old is None:
            return "inserted"
        if self.new is None:
            return "deleted"
        return "equal" if all(op.kind == "equal" for op in self.ops) and self.moved_from is None else "changed"


@dataclass
class Block:
    """A container's comparison: a matched pair, or one side only."""

    old: Container | None
    new: Container | None
    rows: list[Row] = field(default_factory=list)
    moved: bool = False
    renamed: bool = False

    @property
    def kind(self) -> str:
        key = (self.new or self.old).key  # type: ignore[union-attr]
        return "section" if len(key) == 4 else ("part" if key[0] == "parts" else str(key[0]))

    @property
    def heading(self) -> str:
        return (self.new or self.old).heading  # type: ignore[union-attr]

    @property
    def restyled(self) -> bool:
        """Its paragraphs break elsewhere (a section's heading now run-in, or now standalone)."""
        return any(row.old.ends != row.new.ends for row in self.rows if row.old and row.new)

    @property
    def changed(self) -> bool:
        return self.moved or self.renamed or self.restyled or any(row.status != "equal" for row in self.rows)


@dataclass(frozen=True)
class Summary:
    paragraphs: dict[str, int]  # added, deleted, changed, unchanged
    characters: dict[str, int]  # added, deleted, changed_old, changed_new, unchanged
    structure: dict[str, int]  # sections/parts moved, renamed, added, deleted
    new_characters: int
    reused: int  # NEW's characters that stand unchanged in OLD

    @property
    def reuse(self) -> float:
        return self.reused / self.new_characters if self.new_characters else 1.0


@dataclass
class Comparison:
    old: Report
    new: Report
    old_units: tuple[Unit, ...]
    new_units: tuple[Unit, ...]
    blocks: list[Block]
    years: Years | None
    summary: Summary = field(init=False)

    def __post_init__(self) -> None:
        self.summary = _summary(self)

    @property
    def rows(self) -> list[Row]:
        return [row for block in self.blocks for row in block.rows]

    @property
    def equal(self) -> bool:
        return not any(block.changed for block in self.blocks)


# --- units and containers ------------------------------------------------------------------------


def _container_of(key: UnitKey) -> ContainerKey:
    if key[0] == "parts":
        return key[:4] if len(key) > 3 and key[2] == "sections" else key[:2]
    if key[0] == "closing":
        return ("closing",)
    return ("front",)


def _kind_of(key: UnitKey) -> UnitKind:
    if key == ("title",):
        return "title"
    if key[0] in ("doc_number", "session_note", "salutation", "addressee"):
        return "frame"
    if key[0] == "closing":
        return "closing"
    return "heading" if key[-1] == "title" else "paragraph"


def units_of(report: Report) -> tuple[Unit, ...]:
    """The report's texts in printed order (see the module docstring)."""
    from rolreport.docx_writer import printed_page

    out: list[Unit] = []
    for paragraph in printed_page(layout(report)):
        label, first = "", True  # the label is what the layout prints before a paragraph's first text
        last = max(n for n, piece in enumerate(paragraph.pieces) if piece.unit is not None)
        for n, piece in enumerate(paragraph.pieces):
            if piece.unit is None:
                label += piece.text if first else ""
                continue
            key = piece.unit
            out.append(Unit(key, piece.text, _kind_of(key), _container_of(key), label, len(out), n == last))
            label, first = "", False
    return tuple(out)


def containers_of(report: Report, units: Sequence[Unit]) -> list[Container]:
    from rolreport import numbering

    grouped: dict[ContainerKey, list[Unit]] = {}
    for unit in units:
        grouped.setdefault(unit.container, []).append(unit)
    out = []
    for index, (key, members) in enumerate(grouped.items()):
        title, role = "", None
        if key == ("front",):
            heading = "标题和导语"
        elif key == ("closing",):
            heading = "落款"
        else:
            part = report.parts[int(key[1])]
            heading = numbering.part_label(int(key[1]) + 1) + part.title
            title, role = part.title, part.role
            if len(key) == 4:
                section = part.sections[int(key[3])]
                heading += " " + numbering.section_label(int(key[3]) + 1) + section.title
                title, role = section.title, section.role
        body = "".join(u.text for u in members if u.kind != "heading")
        out.append(Container(key, heading, title, role, tuple(members), index, body))
    for n, container in enumerate(out):
        if len(container.key) == 2:
            # The part's own paragraphs, and each section's title and opening: enough to tell parts
            # apart, and short (a part's whole text is thousands of characters to score).
            inner = "".join(c.title + c.whole[:OUTLINE] for c in out if len(c.key) == 4 and c.key[:2] == container.key)
            out[n] = replace(container, whole=container.whole[:OUTLINE] + inner)
    return out


# --- similarity ------------------------------------------------------------------------------------


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """rapidfuzz's normalised Indel similarity, 0–1 (1 when both are empty)."""
    from rapidfuzz.fuzz import ratio

    if a == b:
        return 1.0
    return ratio(a, b, score_cutoff=cutoff * 100) / 100


def _greedy(scores: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """Pairs by descending score, each side used once."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in sorted(scores, key=lambda s: (-s[0], s[1], s[2])):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs


def _anchors(old: Sequence[Container], new: Sequence[Container]) -> dict[int, int]:
    """Containers whose title, or whole text, is the same and unique on both sides: the same
    container, wherever it now stands.  Only what is left is scored (a report revised keeps
    most of its sections; this keeps the comparison of two long reports near linear)."""
    pairs: dict[int, int] = {}
    for field_name in ("title", "whole"):
        taken = set(pairs.values())
        olds: dict[str, list[int]] = {}
        news: dict[str, list[int]] = {}
        for i, c in enumerate(old):
            if i not in pairs and (text := getattr(c, field_name)):
                olds.setdefault(text, []).append(i)
        for j, c in enumerate(new):
            if j not in taken and (text := getattr(c, field_name)):
                news.setdefault(text, []).append(j)
        for text, [i] in ((t, ids) for t, ids in olds.items() if len(ids) == 1):
            if len(news.get(text, ())) == 1:
                pairs[i] = news[text][0]
    return pairs


def _scored(
    old: Sequence[Container],
    new: Sequence[Container],
    weigh: Callable[[Container, Container, float, float], float | None],
) -> dict[int, int]:
    """Anchors, then the others paired by descending score: ``weigh`` gets the title and content
    similarities (computed by rapidfuzz over every candidate at once) and returns a score, or
    None when the two are not to be paired."""
    from rapidfuzz import fuzz, process

    pairs = _anchors(old, new)
    left_old = [i for i in range(len(old)) if i not in pairs]
    taken = set(pairs.values())
    left_new = [j for j in range(len(new)) if j not in taken]
    if not left_old or not left_new:
        return pairs
    titles = [new[j].title for j in left_new]
    wholes = [new[j].whole for j in left_new]
    scores = []
    for i in left_old:
        a = old[i]
        # The closest candidates by title and by content, found in C; only they are weighed.
        by_title = {n: s / 100 for _, s, n in process.extract(a.title, titles, scorer=fuzz.ratio, limit=CANDIDATES)}
        by_content = (
            {n: s / 100 for _, s, n in process.extract(a.whole, wholes, scorer=fuzz.ratio, limit=CANDIDATES)}
            if a.whole
            else {}
        )
        for n in by_title.keys() | by_content.keys():
            b = new[left_new[n]]
            title = by_title[n] if n in by_title else similarity(a.title, b.title)
            content = (
                (by_content[n] if n in by_content else similarity(a.whole, b.whole)) if a.whole and b.whole else 0.0
            )
            score = weigh(a, b, title, content)
            if score is not None:
                scores.append((score, i, left_new[n]))
    return pairs | _greedy(scores)


def _match_parts(old: list[Container], new: list[Container]) -> dict[int, int]:
    def weigh(a: Container, b: Container, title: float, content: float) -> float | None:
        same_role = a.role == b.role
        score = 0.5 * title + 0.5 * content + (0.1 if same_role else -0.1)
        return score if title >= 0.8 or content >= 0.5 or (same_role and score >= 0.5) else None

    return _scored(old, new, weigh)


def _match_sections(
    old: list[Container], new: list[Container], parts: dict[ContainerKey, ContainerKey]
) -> dict[int, int]:
    def weigh(a: Container, b: Container, title: float, content: float) -> float | None:
        score = 0.4 * title + 0.6 * content
        if a.role and a.role == b.role:
            score += 0.1
        if parts.get(a.key[:2]) == b.key[:2]:
            score += 0.1
        return score if score >= 0.5 or title >= 0.9 or content >= 0.7 else None

    return _scored(old, new, weigh)


def kept_in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs (old, new) of a longest chain increasing on both sides: the others moved."""
    import bisect

    ordered = sorted(pairs, key=lambda p: p[1])
    tails: list[int] = []  # old index ending the best chain of each length
    tail_at: list[int] = []
    previous = [-1] * len(ordered)
    for n, (i, _) in enumerate(ordered):
        k = bisect.bisect_left(tails, i)
        if k == len(tails):
            tails.append(i)
            tail_at.append(n)
        else:
            tails[k] = i
            tail_at[k] = n
        previous[n] = tail_at[k - 1] if k else -1
    kept: set[tuple[int, int]] = set()
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        kept.add(ordered[n])
        n = previous[n]
    return kept


def _align(old: Sequence[Unit], new: Sequence[Unit]) -> list[tuple[Unit | None, Unit | None]]:
    """The two sequences merged in order: aligned pairs, and the units of one side only.

    The alignment maximises the total similarity of the aligned pairs (each at least
    ``ALIGN_AT``; a frame line only with the same kind of frame line)."""
    n, m = len(old), len(new)
    sim = [[0.0] * m for _ in range(n)]
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            if a.kind != b.kind or (a.kind == "frame" and a.key != b.key):
                continue
            s = similarity(a.text, b.text, ALIGN_AT)
            sim[i][j] = s if s >= ALIGN_AT else 0.0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1][j + 1] + sim[i][j] if sim[i][j] else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    out: list[tuple[Unit | None, Unit | None]] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and sim[i][j] and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            out.append((old[i], new[j]))
            i, j = i + 1, j + 1
        elif i < n and (j == m or best[i][j] == best[i + 1][j]):
            out.append((old[i], None))
            i += 1
        else:
            out.append((None, new[j]))
            j += 1
    return out


# --- the comparison --------------------------------------------------------------------------------


def compare(old: Report, new: Report, *, years: bool = False) -> Comparison:
    """OLD and NEW compared (see the module docstring); both in the same script."""
    year_pair = Years(old.year, new.year) if years else None
    old_units, new_units = units_of(old), units_of(new)
    old_c, new_c = containers_of(old, old_units), containers_of(new, new_units)
    by_old = {c.key: c for c in old_c}
    by_new = {c.key: c for c in new_c}
    match: dict[ContainerKey, ContainerKey] = {k: k for k in (("front",), ("closing",)) if k in by_old and k in by_new}
    old_parts = [c for c in old_c if len(c.key) == 2]
    new_parts = [c for c in new_c if len(c.key) == 2]
    for i, j in _match_parts(old_parts, new_parts).items():
        match[old_parts[i].key] = new_parts[j].key
    old_sections = [c for c in old_c if len(c.key) == 4]
    new_sections = [c for c in new_c if len(c.key) == 4]
    for i, j in _match_sections(old_sections, new_sections, match).items():
        match[old_sections[i].key] = new_sections[j].key
    moved = _moved(match, by_old, by_new)

    # NEW's order, with what only OLD has placed before the next container kept in order.
    in_order = kept_in_order([(by_old[o].index, by_new[n].index) for o, n in match.items()])
    matched_new = {n: o for o, n in match.items()}
    blocks: list[Block] = []
    placed: set[ContainerKey] = set()
    for container in new_c:
        o_key = matched_new.get(container.key)
        if o_key is None:
            blocks.append(_one_side(container, "new"))
            continue
        before = by_old[o_key]
        if (before.index, container.index) in in_order:
            for earlier in old_c:
                if earlier.index < before.index and earlier.key not in match and earlier.key not in placed:
                    blocks.append(_one_side(earlier, "old"))
                    placed.add(earlier.key)
        block = Block(before, container, moved=o_key in moved, renamed=before.title != container.title)
        block.rows = [_row(a, b, year_pair) for a, b in _align(before.units, container.units)]
        blocks.append(block)
    blocks += [_one_side(c, "old") for c in old_c if c.key not in match and c.key not in placed]
    _pair_moved_paragraphs(blocks, year_pair)
    return Comparison(old, new, old_units, new_units, blocks, year_pair)


def _moved(
    match: dict[ContainerKey, ContainerKey],
    by_old: dict[ContainerKey, Container],
    by_new: dict[ContainerKey, Container],
) -> set[ContainerKey]:
    """OLD's containers that moved: parts out of order among the matched parts; sections now in
    another part, or out of order among the matched sections of their part."""
    parts = [(by_old[o].index, by_new[n].index) for o, n in match.items() if len(o) == 2]
    kept = kept_in_order(parts)
    moved: set[ContainerKey] = {
        o for o, n in match.items() if len(o) == 2 and (by_old[o].index, by_new[n].index) not in kept
    }
    staying: dict[ContainerKey, list[tuple[int, int]]] = {}
    for o, n in match.items():
        if len(o) != 4:
            continue
        if match.get(o[:2]) != n[:2]:
            moved.add(o)
        else:
            staying.setdefault(o[:2], []).append((by_old[o].index, by_new[n].index))
    for pairs in staying.values():
        kept = kept_in_order(pairs)
        moved |= {
            o for o, n in match.items() if len(o) == 4 and (by_old[o].index, by_new[n].index) in set(pairs) - kept
        }
    return moved


def _one_side(container: Container, side: Literal["old", "new"]) -> Block:
    if side == "old":
        return Block(container, None, [Row(u, None, (Op("delete", u.text, ""),)) for u in container.units])
    return Block(None, container, [Row(None, u, (Op("insert", "", u.text),)) for u in container.units])


def _row(old: Unit | None, new: Unit | None, years: Years | None) -> Row:
    if old is None:
        return Row(None, new, (Op("insert", "", new.text),) if new and new.text else ())
    if new is None:
        return Row(old, None, (Op("delete", old.text, ""),) if old.text else ())
    return Row(old, new, diff(old.text, new.text, years))


def _pair_moved_paragraphs(blocks: list[Block], years: Years | None) -> None:
    """A paragraph deleted in one place and inserted, still similar, in another was moved."""
    deleted = [
        (b, n)
        for b in blocks
        for n, r in enumerate(b.rows)
        if r.status == "deleted" and r.old and r.old.kind == "paragraph"
    ]
    inserted = [
        (b, n)
        for b in blocks
        for n, r in enumerate(b.rows)
        if r.status == "inserted" and r.new and r.new.kind == "paragraph"
    ]
    if not deleted or not inserted:
        return
    scores = []
    for i, (db, dn) in enumerate(deleted):
        old_text = db.rows[dn].old.text  # type: ignore[union-attr]
        for j, (ib, inn) in enumerate(inserted):
            if db is ib:
                continue  # within one section the alignment already chose
            s = similarity(old_text, ib.rows[inn].new.text, MOVED_PARAGRAPH_AT)  # type: ignore[union-attr]
            if s >= MOVED_PARAGRAPH_AT:
                scores.append((s, i, j))
    emptied: list[tuple[Block, int]] = []
    for i, j in _greedy(scores).items():
        db, dn = deleted[i]
        ib, inn = inserted[j]
        old_unit = db.rows[dn].old
        new_unit = ib.rows[inn].new
        assert old_unit is not None and new_unit is not None
        ib.rows[inn] = Row(old_unit, new_unit, diff(old_unit.text, new_unit.text, years), moved_from=db.heading)
        emptied.append((db, dn))
    for db, dn in sorted(emptied, key=lambda e: -e[1]):
        del db.rows[dn]
    blocks[:] = [b for b in blocks if b.rows or (b.old and b.new)]


# --- the summary -----------------------------------------------------------------------------------


def _summary(comparison: Comparison) -> Summary:
    paragraphs = dict.fromkeys(("added", "deleted", "changed", "unchanged"), 0)
    characters = dict.fromkeys(("added", "deleted", "changed_old", "changed_new", "unchanged"), 0)
    for row in comparison.rows:
        unit = row.new or row.old
        if unit is not None and unit.kind == "paragraph":
            key = {"inserted": "added", "deleted": "deleted"}.get(row.status, row.status)
            paragraphs["unchanged" if key == "equal" else key] += 1
        ops = row.ops
        for n, op in enumerate(ops):
            if op.kind == "equal":
                characters["unchanged"] += len(op.new)
                continue
            beside = [ops[k].kind for k in (n - 1, n + 1) if 0 <= k < len(ops)]
            replaced = ("insert" if op.kind == "delete" else "delete") in beside
            if op.kind == "insert":
                characters["changed_new" if replaced else "added"] += len(op.new)
            else:
                characters["changed_old" if replaced else "deleted"] += len(op.old)
    structure = dict.fromkeys(
        ("sections_moved", "sections_renamed", "sections_added", "sections_deleted",
         "parts_moved", "parts_renamed", "parts_added", "parts_deleted"), 0)  # fmt: skip
    for block in comparison.blocks:
        kind = block.kind
        if kind not in ("section", "part"):
            continue
        prefix = kind + "s_"
        if block.old is None:
            structure[prefix + "added"] += 1
        elif block.new is None:
            structure[prefix + "deleted"] += 1
        else:
            structure[prefix + "moved"] += block.moved
            structure[prefix + "renamed"] += block.renamed
    total = sum(len(u.text) for u in comparison.new_units)
    return Summary(paragraphs, characters, structure, total, characters["unchanged"])
