"""A labelled benchmark for `check` (issue 12): defects planted in real report text, and hard negatives.

Real paragraphs (the example, its zh-Hans conversion, and the real pages of tests/data/pages)
that `check` finds clean are the ground.  Into each, one defect of a family is planted at a
random place, seeded, together with the text a reader intended; `check`'s rules then run on the
defective paragraph as they do on a report value.  Per family:

* recall — a finding of the family's rule covers the planted span;
* exact — its span is exactly the planted span;
* precision — the findings on defective paragraphs that the plant explains;
* fixed — a fix is offered and applying it gives back exactly the intended text;
* damaging — a *safe* fix gives anything else (must be 0); unsafe≠ — an unsafe fix (offered
  only with --unsafe-fixes, for a human to confirm) that does.

Hard negatives are correct official text that looks wrong (separator spaces in quoted slogans,
实实在在, 全年访问量达1200万次, “十一个坚持”, 第十四个五年规划 …) and every clean paragraph itself:
no finding of a text rule may fire on them.

    .venv/bin/python benchmarks/bench_labelled.py [--per-family 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import ROOT, machine

from rolreport.check.registry import RULES
from rolreport.check.script_rules import script_hits
from rolreport.check.text_rules import TEXT_RULES, Context, Hit, _quote_depths

HAN = "\u4e00-\u9fff"


@dataclass
class Case:
    text: str  # the defective paragraph
    intended: str  # what the writer meant
    start: int  # the planted span in ``text``
    end: int


Planter = Callable[[str, random.Random], Case | None]


def _at(text: str, pattern: str, rng: random.Random) -> re.Match[str] | None:
    found = list(re.finditer(pattern, text))
    return rng.choice(found) if found else None


def replace_one(pattern: str, make: Callable[[str], str], keep_tail: int = 0) -> Planter:
    """Replace one match of ``pattern`` (the intended text) by ``make(match)`` (the defect); the
    planted span leaves out the last ``keep_tail`` characters (年 of 2021-2025年: not the defect)."""

    def plant(text: str, rng: random.Random) -> Case | None:
        m = _at(text, pattern, rng)
        if not m:
            return None
        bad = make(m.group(0))
        return Case(text[: m.start()] + bad + text[m.end() :], text, m.start(), m.start() + len(bad) - keep_tail)

    return plant


def insert_between(pattern: str, insert: str, intended_insert: str = "", outside_names: bool = False) -> Planter:
    """Insert ``insert`` at a zero-width match of ``pattern``; the writer meant ``intended_insert``.
    ``outside_names``: never inside “” or 《》, where a separator space is the convention."""

    def plant(text: str, rng: random.Random) -> Case | None:
        depth = _quote_depths(text) if outside_names else None
        found = [m for m in re.finditer(pattern, text) if depth is None or depth[m.start()] == 0]
        m = rng.choice(found) if found else None
        if not m:
            return None
        at = m.start()
        return Case(text[:at] + insert + text[at:], text[:at] + intended_insert + text[at:], at, at + len(insert))

    return plant


FAMILIES: dict[str, tuple[str, str, Planter]] = {
    # family: (rule, scripts it applies to: "any" / "hans" / "hant", planter)
    "half-width comma": ("RR301", "any", replace_one(f"(?<=[{HAN}])，(?=[{HAN}])", lambda s: ",")),
    "half-width colon": ("RR301", "any", replace_one(f"(?<=[{HAN}])：", lambda s: ":")),
    "half-width semicolon": ("RR301", "any", replace_one(f"(?<=[{HAN}])；", lambda s: ";")),
    "full-width digits": ("RR302", "any", replace_one(r"(?<![\d.])\d(?![\d.])", lambda s: chr(ord(s) + 0xFEE0))),
    "space before a digit": ("RR303", "any", insert_between(f"(?<=[{HAN}])(?=\\d)", " ")),
    "ideographic space after a digit": ("RR303", "any", insert_between("(?<=\\d)(?=[年月日件项次])", "\u3000")),
    "stray space in a word": (
        "RR304",
        "any",
        insert_between(f"(?<=[{HAN}]{{4}})(?=[{HAN}]{{4}})", " ", outside_names=True),
    ),
    "repeated comma": ("RR305", "any", insert_between(f"(?<=[{HAN}]，)(?=[{HAN}])", "，")),
    "ascii ellipsis": ("RR307", "any", insert_between(f"(?<=[{HAN}])(?=。)", "...", "……")),
    "doubled dash": ("RR307", "any", insert_between(f"(?<=[{HAN}]{{3}})(?=[{HAN}]{{3}})", "--", "——")),
    "year span hyphen": ("RR404", "any", replace_one(r"(?<!\d)20\d{2}年(?!\d)", lambda s: f"2021-{s}", keep_tail=1)),
    "invisible character": ("RR501", "any", insert_between(f"(?<=[{HAN}])(?=[{HAN}])", "\u200b")),
    "chrome phrase": ("RR501", "any", insert_between(r"$", "扫一扫在手机打开当前页")),
    "straight quotes": ("RR203", "any", replace_one("“[^“”]{1,12}”", lambda s: f'"{s[1:-1]}"')),
    "unclosed title mark": ("RR201", "any", replace_one("《[^《》]{1,30}》", lambda s: s[:-1])),
    "doubled word": ("RR306", "any", replace_one(f"(?<![{HAN}])[{HAN}]{{0}}推进|加强|完善|深化", lambda s: s + s)),
    "simplified in traditional": (
        "RR101",
        "hant",
        replace_one("[為會國實體進發]", lambda s: "为会国实体进发"["為會國實體進發".index(s)]),
    ),
    "ambiguous in traditional": (
        "RR102",
        "hant",
        replace_one("幹(?=部)|(?<=規)範|(?<=關)於", lambda s: {"幹": "干", "範": "范", "於": "于"}[s]),
    ),
    "traditional in simplified": (
        "RR104",
        "hans",
        replace_one("[会国实体与]", lambda s: "會國實體與"["会国实体与".index(s)]),
    ),
}
# The intended text of these is not the original (the planted text is a real defect with no
# restoring fix, or the fix is a different but right text): only found/exact are measured.
NO_FIX = {"straight quotes", "unclosed title mark", "doubled word"}
EXPECTED_FIX_SHAPE = {"year span hyphen": lambda s: s.replace("2021-", "2021—")}

HARD_NEGATIVES = [
    "坚持以“学习贯彻党的二十大精神 深入践行习近平法治思想”为主题开展活动。",
    "推广“绍兴创新监管服务模式 护航平台经济发展”经验。",
    "印发《关于持续优化营商环境 培育和激发市场主体活力的实施方案》。",
    "认真贯彻中共中央 国务院关于法治政府建设的决策部署。",
    "把各项工作做得实实在在，决不能不了了之。",
    "为了了解群众需求，开展以营利为目的的经营活动专项检查。",
    "召开市委全面依法治市委员会会议，的的确确解决了一批问题。",
    "全年访问量达1200万次，累计浏览次数超过5000万。",
    "典型经验分享到全市各级各部门。",
    "深入学习领会“十一个坚持”，落实“杭十条”和百项提升工程。",
    "贯彻落实第十二次党代会精神和第十四个五年规划，严格执行“十个严禁”。",
    "全年办理案件1,180件，较2023年增长5%。",
    "2024年3月28日，县司法局召开全县法治政府建设推进会。",
    "时间紧、任务重，全县上下形成合力。",
    "出台《行政规范性文件管理办法》《重大行政决策程序规定》。",
    "全面落实《法治政府建设实施纲要（2021—2025年）》。",
]
# Correct Taiwan text that OpenCC's dictionaries write otherwise (布局, 周年, 回音 are Taiwan's
# standard forms): checked as zh-Hant-TW.
HARD_NEGATIVES_TW = [
    "落實為民服務，事事有回音、件件有落實。",
    "慶祝本府成立40周年，優化區域產業布局。",
    "依法公布施行，宣布周末延長服務時間。",
]


def rules_on() -> set[str]:
    return {rule_id for rule_id, rule in RULES.items() if rule.severity != "off"}


def hits(text: str, script: str, on: set[str]) -> list[Hit]:
    ctx = Context(script=script, field="paragraphs")
    found: list[Hit] = []
    for ids, check in TEXT_RULES:
        if any(i in on for i in ids):
            found += [h for h in check(text, ctx) if h.rule in on]
    found += [h for h in script_hits(text, ctx) if h.rule in on]
    return found


def _full_width(line: str) -> str:
    from rolreport.check.text_rules import rr301

    for hit in sorted(rr301(line, Context()), key=lambda h: -h.start):
        line = line[: hit.start] + (hit.fix or "") + line[hit.end :]
    return line


def ground_paragraphs() -> list[tuple[str, str]]:
    """(text, script) of real paragraphs, from the example, its Simplified conversion and the pages."""
    from rolreport.convert import Converter
    from rolreport.source import parse_yaml, read_source
    from rolreport.validate import validate

    source = read_source(str(ROOT / "examples" / "changzhou-2024.yaml"))
    report = validate(source.name, parse_yaml(source))
    paragraphs = [p for part in report.parts for p in part.paragraphs] + [
        p for part in report.parts for s in part.sections for p in s.paragraphs
    ]
    to_hans = Converter(report.script, "zh-Hans")
    out = [(p, report.script) for p in paragraphs] + [(to_hans.convert(p), "zh-Hans") for p in paragraphs]
    from rolreport.convertfile import detect_script
    from rolreport.importer.classify import PART, SECTION, clean, is_chrome

    for page in sorted((ROOT / "tests" / "data" / "pages").glob("*.txt")):
        text = page.read_text(encoding="utf-8")
        script = detect_script(text)
        for line in text.splitlines():
            line = clean(line)
            line = _full_width(line)  # the pages corpus stores its text with ASCII punctuation
            prose = len(line) >= 40 and line.endswith("。") and "?" not in line
            if prose and not (is_chrome(line) or PART.match(line) or SECTION.match(line)):
                out.append((line, script))
    return out


def run(per_family: int, seed: int) -> int:
    on = rules_on()
    ground = ground_paragraphs()
    clean = [(t, s) for t, s in ground if not hits(t, s, on)]
    dirty = len(ground) - len(clean)
    print(f"machine: {machine()}")
    print(f"ground: {len(ground)} real paragraphs, {len(clean)} clean ({dirty} with findings of their own left out)")
    failures = 0
    negatives = [(t, "zh-Hans") for t in HARD_NEGATIVES] + [(t, "zh-Hant-TW") for t in HARD_NEGATIVES_TW] + clean
    false_alarms = [(t, h) for t, s in negatives for h in hits(t, s, on) if not RULES[h.rule].id.startswith("RR6")]
    print(f"hard negatives: {len(HARD_NEGATIVES) + len(HARD_NEGATIVES_TW)} curated + {len(clean)} clean paragraphs: "
          f"{len(false_alarms)} findings (must be 0)")  # fmt: skip
    for text, hit in false_alarms[:10]:
        print(f"    {hit.rule} “{text[max(0, hit.start - 6) : hit.end + 6]}” {hit.message}")
    failures += bool(false_alarms)
    rng = random.Random(seed)
    print(f"{'family':34s} {'n':>5s} {'recall':>7s} {'exact':>7s} {'prec.':>7s} {'fixed':>7s} {'damaging':>9s} "
          f"{'unsafe≠':>7s}")  # fmt: skip
    for family, (rule, scripts, plant) in FAMILIES.items():
        pool = [(t, s) for t, s in clean if scripts == "any" or (scripts == "hant") == (s != "zh-Hans")]
        tally: Counter[str] = Counter()
        attempts = 0
        while tally["n"] < per_family and attempts < per_family * 20:
            attempts += 1
            text, script = rng.choice(pool)
            case = plant(text, rng)
            if case is None or case.text == text:
                continue
            tally["n"] += 1
            found = hits(case.text, script, on)
            mine = [
                h
                for h in found
                if h.rule == rule and h.start < max(case.end, case.start + 1) and case.start < max(h.end, h.start + 1)
            ]
            tally["found"] += bool(mine)
            tally["exact"] += any(h.start == case.start and h.end in (case.end, case.start + 1) for h in mine)
            tally["findings"] += len(found)
            tally["explained"] += sum(1 for h in found if h.start < case.end + 1 and case.start <= h.end)
            if family in NO_FIX or not mine:
                continue
            hit = mine[0]
            if hit.fix is None:
                continue
            fixed = case.text[: hit.start] + hit.fix + case.text[hit.end :]
            intended = EXPECTED_FIX_SHAPE[family](case.text) if family in EXPECTED_FIX_SHAPE else case.intended
            tally["fixable"] += 1
            if fixed == intended:
                tally["restored"] += 1
            else:
                tally["damaging" if hit.safe else "unsafe wrong"] += 1
        n = tally["n"] or 1
        recall, exact = tally["found"] / n, tally["exact"] / n
        precision = tally["explained"] / tally["findings"] if tally["findings"] else 1.0
        fixed = f"{tally['restored'] / tally['fixable']:.1%}" if tally["fixable"] else "—"
        print(f"{family:34s} {tally['n']:5d} {recall:7.1%} {exact:7.1%} {precision:7.1%} {fixed:>7s} "
              f"{tally['damaging']:9d} {tally['unsafe wrong']:7d}")  # fmt: skip
        failures += (
            recall < 0.98
            or tally["damaging"] > 0
            or bool(tally["fixable"] and tally["restored"] / tally["fixable"] < 0.98)
        )
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-family", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    failures = run(args.per_family, args.seed)
    print(
        f"{time.perf_counter() - start:.1f} s; {'all targets met' if not failures else f'{failures} target(s) missed'}"
    )
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
