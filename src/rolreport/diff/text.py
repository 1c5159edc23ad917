"""The comparison for a terminal, and for tools (JSON).

Text: a summary, then each changed section under its heading — ``~`` a changed paragraph with its
changes marked inside it, ``+`` an inserted one, ``-`` a deleted one; unchanged paragraphs are
counted, not printed.  In colour on a terminal (deleted red and struck through, inserted green);
otherwise the marks are ``[-deleted-]`` and ``{+inserted+}``, as ``git diff --word-diff=plain``
prints them.  A year moved on (``--year-over-year``) is printed as NEW has it.
"""

from __future__ import annotations

import json
from typing import Any

from rolreport.diagnostics import printable
from rolreport.diff.chars import Op
from rolreport.diff.compare import Block, Comparison, Row, Summary

_RED, _GREEN, _BOLD, _DIM, _RESET = "\x1b[31;9m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"


def inline(ops: tuple[Op, ...], colour: bool) -> str:
    out = []
    for op in ops:
        if op.kind == "equal":
            out.append(op.new)
        elif op.kind == "delete":
            out.append(f"{_RED}{op.old}{_RESET}" if colour else f"[-{op.old}-]")
        else:
            out.append(f"{_GREEN}{op.new}{_RESET}" if colour else f"{{+{op.new}+}}")
    return "".join(out)


def summary_lines(summary: Summary) -> list[str]:
    p, c, s = summary.paragraphs, summary.characters, summary.structure
    lines = [
        f"段落：新增 {p['added']}，删除 {p['deleted']}，修改 {p['changed']}，未变 {p['unchanged']} "
        "(paragraphs added, deleted, changed, unchanged)",
        f"字符：新增 {c['added']:,}，删除 {c['deleted']:,}，替换 {c['changed_old']:,}→{c['changed_new']:,}，"
        f"未变 {c['unchanged']:,} (characters)",
        f"小节：移动 {s['sections_moved']}，改名 {s['sections_renamed']}，新增 {s['sections_added']}，"
        f"删除 {s['sections_deleted']}；部分：移动 {s['parts_moved']}，改名 {s['parts_renamed']}，"
        f"新增 {s['parts_added']}，删除 {s['parts_deleted']} (sections, parts)",
        f"复用率：{summary.reuse:.1%}（新稿 {summary.new_characters:,} 字中与旧稿相同的 {summary.reused:,} 字）(reuse)",
    ]
    return lines


def block_notes(block: Block) -> list[str]:
    notes = []
    if block.old is None:
        notes.append("新增 (added)")
    elif block.new is None:
        notes.append("删除 (deleted)")
    else:
        if block.moved:
            notes.append(f"移动自 {block.old.heading} (moved)")
        if block.renamed:
            notes.append(f"原题“{block.old.title}” (renamed)")
        if block.restyled:
            notes.append("分段改变：标题改为独立成行或与正文同段 (layout changed)")
    return notes


def _row_line(row: Row, colour: bool) -> str:
    unit = row.new or row.old
    assert unit is not None
    label = unit.label
    status = row.status
    if status == "inserted":
        mark, text = "+", row.new.text if row.new else ""
        text = f"{_GREEN}{text}{_RESET}" if colour else text
    elif status == "deleted":
        mark, text = "-", row.old.text if row.old else ""
        text = f"{_RED}{text}{_RESET}" if colour else text
    else:
        mark, text = "~", inline(row.ops, colour)
    moved = f"（移自 {row.moved_from}）" if row.moved_from else ""
    return printable(f"{mark} {label}{text}{moved}")


def render_text(comparison: Comparison, old_name: str, new_name: str, colour: bool = False) -> str:
    bold = (lambda s: f"{_BOLD}{s}{_RESET}") if colour else (lambda s: s)
    dim = (lambda s: f"{_DIM}{s}{_RESET}") if colour else (lambda s: s)
    lines = [bold(printable(f"--- {old_name}")), bold(printable(f"+++ {new_name}"))]
    lines += summary_lines(comparison.summary)
    if comparison.equal:
        lines.append("两份报告相同 (no differences)")
    for block in comparison.blocks:
        if not block.changed:
            continue
        notes = "；".join(block_notes(block))
        lines += ["", bold(printable(f"@@ {block.heading} @@" + (f" {notes}" if notes else "")))]
        unchanged = 0
        for row in block.rows:
            if row.status == "equal":
                unchanged += 1
                continue
            if unchanged:
                lines.append(dim(f"  …{unchanged} 段未变"))
                unchanged = 0
            lines.append(_row_line(row, colour))
        if unchanged:
            lines.append(dim(f"  …{unchanged} 段未变"))
    return "\n".join(lines) + "\n"


def _unit(unit: Any) -> dict[str, Any] | None:
    if unit is None:
        return None
    return {"path": _path(unit.key), "label": unit.label, "kind": unit.kind, "text": unit.text}


def _path(key: tuple[str | int, ...]) -> str:
    out = ""
    for part in key:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def render_json(comparison: Comparison, old_name: str, new_name: str) -> str:
    s = comparison.summary
    data = {
        "old": old_name,
        "new": new_name,
        "equal": comparison.equal,
        "year_over_year": comparison.years is not None,
        "summary": {
            "paragraphs": s.paragraphs,
            "characters": s.characters,
            "structure": s.structure,
            "new_characters": s.new_characters,
            "reused_characters": s.reused,
            "reuse": round(s.reuse, 4),
        },
        "blocks": [
            {
                "kind": block.kind,
                "old": {"path": _path(block.old.key), "heading": block.old.heading} if block.old else None,
                "new": {"path": _path(block.new.key), "heading": block.new.heading} if block.new else None,
                "moved": block.moved,
                "renamed": block.renamed,
                "restyled": block.restyled,
                "rows": [
                    {
                        "status": row.status,
                        "old": _unit(row.old),
                        "new": _unit(row.new),
                        "moved_from": row.moved_from,
                        "ops": [{"op": op.kind, "old": op.old, "new": op.new} for op in row.ops if op.old or op.new],
                    }
                    for row in block.rows
                ],
            }
            for block in comparison.blocks
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_html(comparison: Comparison, old_name: str, new_name: str) -> str:
    from rolreport.render import environment

    env = environment()
    template = env.get_template("diff.html")
    return template.render(
        comparison=comparison,
        old_name=old_name,
        new_name=new_name,
        summary=summary_lines(comparison.summary),
        notes=block_notes,
    )
