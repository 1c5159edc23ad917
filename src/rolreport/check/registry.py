"""The rule registry: one definition per rule, everything else derived from it.

Like ruff's, each rule has an id (a public contract: CI configurations and inline suppressions
name them — never renumber or reuse one), a kebab-case name, a family, a default severity, the
fields it applies to, whether and how safely it fixes, its place in the fix order, and its
documentation: what it does, why it matters in an official document, an example that it
reports and the text to use instead (both are test cases: ``tests/test_registry.py`` checks that
every example fires and every "use instead" does not).  The engine's dispatch, the fix order,
configuration checks of ids, the SARIF catalogue, ``rolreport rule`` and the README's rule table
all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Severity = Literal["error", "warning", "info"]
FixKind = Literal["safe", "unsafe", "none"]
# Where a rule looks: every prose value; every prose value but the 文号 (words, not codes); the
# body (paragraphs, preamble, titles); paragraphs and the preamble only; the validated report as
# a whole; the source file itself.
Scope = Literal["prose", "words", "body", "paragraph", "report", "source"]
FAMILIES = {
    "RR0": "source",
    "RR1": "script",
    "RR2": "pairs",
    "RR3": "punctuation and spacing",
    "RR4": "numbering, years and numbers",
    "RR5": "residue",
    "RR6": "structure and statute",
}


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity | Literal["off"]  # default, official profile; "off": only when selected by id
    fix: FixKind
    scope: Scope
    summary: str  # one line, English (SARIF shortDescription, --help texts)
    what: str  # what it does
    why: str  # why it matters in an official document
    example: str  # text it reports (a paragraph, unless ``field`` says otherwise; in ``script``)
    use_instead: str  # text it does not report
    fix_safety: str = ""
    fix_order: int | None = None  # lower first; None: no fix
    script: str = "zh-Hans"  # the script of the example
    field: str = "paragraphs"  # where the example stands

    @property
    def family(self) -> str:
        return FAMILIES[self.id[:3]]

    @property
    def optional(self) -> bool:
        return self.severity == "off"

    def applies_to(self, key: str) -> bool:
        """Whether the rule looks at a prose value held under ``key``."""
        if self.scope == "paragraph":
            return key in ("paragraphs", "preamble")
        if self.scope == "body":
            return key in ("paragraphs", "preamble", "title")
        if self.scope == "words":
            return key != "doc_number"
        return self.scope == "prose"

    def markdown(self) -> str:
        """The rule's documentation, as ``rolreport rule`` prints it."""
        fix = {"safe": "安全修复 (safe fix)", "unsafe": "不安全修复 (unsafe fix)", "none": "无自动修复 (no fix)"}[
            self.fix
        ]
        severity = "默认关闭 (off by default)" if self.optional else self.severity
        return "\n".join(
            [
                f"# {self.name} ({self.id})",
                "",
                f"{self.family}; {severity}; {fix}",
                "",
                "## 作用 (What it does)",
                self.what,
                "",
                "## 为什么重要 (Why it matters)",
                self.why,
                "",
                "## 示例 (Example)",
                "```",
                self.example,
                "```",
                "",
                "改为 (Use instead):",
                "```",
                self.use_instead,
                "```",
                *(["", "## 修复是否安全 (Fix safety)", self.fix_safety] if self.fix_safety else []),
                "",
            ]
        )


_ORDER = ["RR501", "RR302", "RR301", "RR304", "RR303", "RR305", "RR307", "RR308", "RR402", "RR404", "RR204",
          "RR611", "RR202", "RR203", "RR101", "RR104", "RR102", "RR105", "RR103", "RR502"]  # fmt: skip


def _rule(*args: str, **kwargs: str) -> Rule:
    rule = Rule(*args, **kwargs)  # type: ignore[arg-type]
    return replace(rule, fix_order=_ORDER.index(rule.id) if rule.id in _ORDER else None)


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in [
        _rule("RR000", "invalid-source", "error", "none", "source",
              "The source is not a valid report (YAML or schema error).",
              "Reports a source that is not valid YAML, or not a valid report: each problem at its line and column.",
              "A report that does not validate cannot be built, and a CI run must say why, all problems at once.",
              "year: 2025-02-29", "year: 2024", field="metadata"),
        _rule("RR101", "simplified-only-character", "error", "safe", "words",
              "Simplified-only character in a Traditional report.",
              "Finds characters that exist only in Simplified Chinese (并, 为 …) in a Traditional text.",
              "A Traditional edition with Simplified characters left in it looks machine-made and unchecked.",
              "會議并審議通過", "會議並審議通過", script="zh-Hant-TW",
              fix_safety="Safe when OpenCC's Taiwan and Hong Kong configs agree on the replacement."),
        _rule("RR102", "ambiguous-character", "warning", "unsafe", "words",
              "Character used in its Simplified sense (phrase-level OpenCC evidence).",
              "Finds characters valid in both scripts (干, 范, 于, 余) used in their Simplified sense, by "
              "OpenCC's phrases for the report's locale.",
              "領導干部 and 規范 are the commonest defects of machine-made Traditional editions.",
              "加強領導干部法治培訓", "加強領導幹部法治培訓", script="zh-Hant-TW",
              fix_safety="Unsafe: OpenCC's phrases are evidence, not proof (it writes 編髮 for 编发)."),
        _rule("RR103", "regional-variant", "off", "unsafe", "words",
              "Traditional regional variant differs from the report's locale.",
              "Finds Traditional characters whose form differs between Taiwan and Hong Kong usage.",
              "An edition for one region reads more naturally in that region's forms; editorial, so off by default.",
              "整治危污亂散企業", "整治危汙亂散企業", script="zh-Hant-TW"),
        _rule("RR104", "traditional-in-simplified", "error", "safe", "words",
              "Traditional character in a Simplified report.",
              "Finds Traditional characters in a Simplified text (關於 → 关于).",
              "Mixed scripts in a mainland report are a typing or copying accident.",
              "深入贯彻關於法治的部署", "深入贯彻关于法治的部署",
              fix_safety="Safe: t2s keeps the phrases where a Traditional-looking form is right (乾隆)."),
        _rule("RR105", "over-conversion", "error", "unsafe", "words",
              "Over-conversion by a per-character converter (全麵, 乾部).",
              "Finds characters a character-by-character converter produces wrongly (全麵, 乾部).",
              "Such forms change meaning (麵 is noodles) and show the text was never read after conversion.",
              "全麵推進依法行政", "全面推進依法行政", script="zh-Hant-TW"),
        _rule("RR201", "unbalanced-pairs", "error", "none", "prose",
              "Unbalanced or crossed brackets, title marks or quotes.",
              "Checks that brackets, title marks and quotes are balanced and not crossed in each value.",
              "A crossed 《…〈…》…〉 makes a cited document's name unreadable; GB/T 15834 nests them strictly.",
              "落实《实施纲要（2021—2025年〉实施方案）》", "落实《实施纲要（2021—2025年）实施方案》"),
        _rule("RR202", "title-mark-levels", "error", "safe", "prose",
              "Title marks nested at the wrong level.",
              "Checks that a title inside a title uses 〈〉 and that ASCII <> are not used as title marks.",
              "GB/T 15834 §4.15: the inner level of 《》 is 〈〉.",
              "印发《关于贯彻《纲要》的意见》", "印发《关于贯彻〈纲要〉的意见》",
              fix_safety="Safe when the pairs are otherwise balanced."),
        _rule("RR203", "quote-nesting", "warning", "safe", "prose",
              "Quotation marks nested or styled wrongly.",
              "Checks quote nesting (“…‘…’…”) and straight quotes in Chinese text.",
              "GB/T 15834 §4.1: the inner quotation uses single quotes; straight quotes are not Chinese marks.",
              "开展\"法治宣传\"活动", "开展“法治宣传”活动",
              fix_safety="Safe for nesting and straight quotes whose pairing is unambiguous."),
        _rule("RR204", "document-number", "error", "safe", "prose",
              "Document number (文号) brackets or form.",
              "Checks the form of 文号 in prose: code, the year in 〔〕, the number without leading zeros, 号.",
              "GB/T 9704 §7.2.4: the year of a 文号 stands in 六角括号 〔〕, never [] or 【】.",
              "根据国发[2021]1号文件", "根据国发〔2021〕1号文件",
              fix_safety="Safe: only the brackets are replaced."),
        _rule("RR301", "half-width-punctuation", "error", "safe", "prose",
              "Half-width punctuation in Chinese context.",
              "Finds half-width , ; : ? ! ( ) and a sentence-final . beside Chinese text.",
              "Official documents use full-width punctuation (GB/T 15834); half-width marks are the commonest "
              "defect of published reports.",
              "2024年,全县依法行政", "2024年，全县依法行政",
              fix_safety="Safe: the full-width counterpart of the same mark."),
        _rule("RR302", "full-width-ascii", "error", "safe", "prose",
              "Full-width ASCII letters, digits or symbols.",
              "Finds full-width letters, digits and symbols (２０２４, ＡＰＰ, ％).",
              "Digits and Latin letters in official text are half-width; full-width ones break search and sorting.",
              "２０２４年全县依法行政", "2024年全县依法行政",
              fix_safety="Safe: the ASCII counterpart."),
        _rule("RR303", "cjk-latin-spacing", "warning", "safe", "prose",
              "Space between Chinese and digits or Latin letters.",
              "Finds spaces between Chinese and digits or Latin letters (official profile: none; technical "
              "profile: exactly one).",
              "Official documents set 2024年 without a space; a space shows text pasted from elsewhere.",
              "全县办理案件 12 件", "全县办理案件12件"),
        _rule("RR304", "stray-space", "error", "safe", "body",
              "Space next to full-width punctuation or between Chinese characters.",
              "Finds spaces between two Chinese characters, beside full-width punctuation, after 一、.",
              "Chinese text has no spaces between words; a stray space is an editing accident (a single space "
              "between the halves of a slogan or between joint issuers is the convention and is kept).",
              "全县推进法治 政府建设", "全县推进法治政府建设"),
        _rule("RR305", "repeated-punctuation", "error", "safe", "prose",
              "Repeated or conflicting punctuation.",
              "Finds doubled marks (，，) and conflicting pairs (，。).",
              "A doubled mark is a typing accident that a reader notices at once.",
              "全县依法行政，，成效明显", "全县依法行政，成效明显",
              fix_safety="Safe for exact repeats."),
        _rule("RR306", "duplicated-word", "warning", "none", "body",
              "Duplicated word.",
              "Finds a function word or a phrase written twice in a row (的的, 在在).",
              "A duplicated word is an editing accident; reduplicated words are left alone.",
              "推进法治政府的的建设", "推进法治政府的建设"),
        _rule("RR307", "ellipsis-dash-form", "warning", "safe", "prose",
              "Ellipsis or dash written in a wrong form.",
              "Finds ellipses written ... or 。。。 or a lone …, and dashes written -- or a lone —.",
              "GB/T 15834: the ellipsis is …… and the dash ——, each two characters wide.",
              "加强普法宣传...", "加强普法宣传……",
              fix_safety="Safe for ellipses; unsafe for dashes (a lone — may be a range)."),
        _rule("RR308", "enumeration-comma-between-titles", "info", "safe", "prose",
              "顿号 between adjacent 《》 or “” items.",
              "Finds 、 between two directly adjacent 《》 or “” items.",
              "GB/T 15834 §4.5.3.5: adjacent titles in 《》 need no 顿号 between them.",
              "学习《宪法》、《民法典》", "学习《宪法》《民法典》"),
        _rule("RR309", "law-name-without-title-marks", "off", "none", "prose",
              "A known law name outside 《》.",
              "Finds the names of well-known laws and regulations cited without 《》.",
              "A cited law stands in 《》; off by default because 贯彻实施新的行政复议法 is idiomatic prose.",
              "落实中华人民共和国行政处罚法", "落实《中华人民共和国行政处罚法》"),
        _rule("RR401", "numbering-sequence", "error", "none", "paragraph",
              "Numbering sequence (一是、二是…) with a gap or repeat.",
              "Checks inline enumerations (一是、二是…) for gaps and repeats.",
              "A skipped number makes a reader look for a missing point.",
              "一是加强学习，三是强化监督。", "一是加强学习，二是强化监督。"),
        _rule("RR402", "ordinal-form", "error", "safe", "paragraph",
              "Ordinal written in the wrong form for its level.",
              "Checks the form of numbers at the start of a paragraph: 一、 （一） 1. （1）.",
              "GB/T 9704 §7.3.3: the levels are 一、 （一） 1. （1）; 一. or （一）、 are wrong forms.",
              "一.加强学习。", "一、加强学习。",
              fix_safety="Safe: the level's standard form."),
        _rule("RR403", "year-consistency", "error", "none", "report",
              "Year differs from the report's year.",
              "Checks that the title and the opening sentence name the report's year.",
              "A 2024 report opening with 2023年 was copied from last year's and not updated.",
              "preamble: 2023年，全县推进法治政府建设。", "preamble: 2024年，全县推进法治政府建设。"),
        _rule("RR404", "range-connector", "warning", "safe", "prose",
              "Year span with a hyphen, or numeric range missing a unit.",
              "Finds year spans written with a hyphen (2021-2025年) and numeric ranges whose first number lacks "
              "its unit (15～30%).",
              "GB/T 15834: a span takes the dash —— or ～, and each end of a numeric range its unit.",
              "落实规划（2021-2025年）", "落实规划（2021—2025年）",
              fix_safety="Safe for year spans; unsafe for units."),
        _rule("RR405", "mixed-number-style", "info", "none", "report",
              "Numbers written in mixed styles.",
              "Finds one report writing numbers in two styles (1,180 and 1180; 三十余项 and 30余项).",
              "A consistent number style is part of an edited document.",
              "办理案件1,180件，调解纠纷2350件。", "办理案件1180件，调解纠纷2350件。"),
        _rule("RR501", "residue", "error", "safe", "prose",
              "Web-page chrome, invisible characters, entities or trailing spaces.",
              "Finds web-page furniture (扫一扫在手机打开当前页, 打印本页), invisible characters, NBSP, HTML "
              "entities, trailing spaces and pinyin residue.",
              "Text copied from a portal carries its share bars and invisible characters into the next edition.",
              "全县依法行政。扫一扫在手机打开当前页", "全县依法行政。",
              fix_safety="Safe for invisible characters and spaces; web-page phrases are reported, not removed."),
        _rule("RR502", "glossary", "off", "unsafe", "prose",
              "Glossary of fixed expressions.",
              "Reports the project's glossary entries (glossary = {\"旧说法\" = \"规范说法\"}) written the old way.",
              "A report series keeps agency names and fixed expressions the same from year to year.",
              "旧说法", "规范说法"),
        _rule("RR503", "placeholder", "error", "none", "prose",
              "Unfilled placeholder text (在此填写, ×××, 待补充) left from a skeleton or template.",
              "Finds text left for someone to fill in: rolreport new's （在此填写…）, ×××, XX, ○○, □□, 待补充, TODO.",
              "A skeleton must not pass CI; a published placeholder is an embarrassment no reader misses.",
              "全县办理案件×××件", "全县办理案件12件"),
        _rule("RR601", "statutory-role-missing", "error", "none", "report",
              "A statutory role is missing.",
              "Checks that the report has the statute's measures, shortcomings and next-year parts.",
              "The 督察工作规定 prescribes the content; a missing part fails the yearly evaluation.",
              "no part with role: shortcomings", "a part with role: shortcomings"),
        _rule("RR602", "leader-duty-missing", "error", "none", "report",
              "No 第一责任人 content.",
              "Checks that the report says how the party and government heads performed their 第一责任人 duty.",
              "It is a statutory item of every report.",
              "no leader_duty part or section", "a section with role: leader_duty"),
        _rule("RR603", "shortcomings-without-causes", "warning", "none", "report",
              "Shortcomings give no causes.",
              "Checks that the shortcomings part names causes (原因, 主要是, 由于).",
              "The statute asks for 存在的不足和原因: shortcomings and their causes.",
              "shortcomings without 原因", "title: 存在的不足和原因"),
        _rule("RR604", "shortcomings-thin", "warning", "none", "report",
              "Shortcomings are thin or boilerplate.",
              "Checks that the shortcomings part has at least 2 items and 100 characters (3 % of the measures).",
              "Evaluations mark down reports whose shortcomings are one sentence of boilerplate.",
              "一句“仍有差距”", "三条具体的不足及原因"),
        _rule("RR605", "measures-without-data", "warning", "none", "report",
              "A measures part has few quantities.",
              "Checks that a measures part of 200+ characters has 3 quantities (件, 项, %, 万元 …) per 1,000.",
              "Substantive reports show results in numbers; evaluations score it.",
              "a long measures part without numbers", "办理案件12件，培训800人次……"),
        _rule("RR606", "measures-without-case", "info", "none", "report",
              "A measures part names no concrete case.",
              "Checks that a measures part names a document, a case or a first (《》, 案例, 典型, 全省首).",
              "Concrete cases make a report checkable.",
              "a measures part without 《》 or 案例", "出台《某县行政规范性文件管理办法》"),
        _rule("RR607", "plans-do-not-answer-shortcomings", "off", "none", "report",
              "A shortcoming has no echo in next year's plans.",
              "Checks that each shortcoming's words recur in next year's plans (a lenient heuristic).",
              "A plan should answer the shortcomings the same report names.",
              "基层执法力量不足 / plans without 基层", "plans that name 基层执法"),
        _rule("RR608", "timeliness", "warning", "none", "report",
              "Published or submitted late, or within the reporting year.",
              "Checks the publication date against the statutory deadline (before 1 April of the next year).",
              "The statute sets the deadline; evaluations score timeliness.",
              "published: 2025-04-15", "published: 2025-03-28"),
        _rule("RR609", "title-form", "warning", "none", "report",
              "Title lacks year or issuer, is too long, or has an unusual form.",
              "Checks that the title names the issuer and the year in the form …YYYY年（度）法治政府建设…报告.",
              "A title is how the report is found and cited.",
              "title: 法治工作总结", "title: 某县2024年法治政府建设年度报告"),
        _rule("RR610", "frame-mismatch", "warning", "none", "report",
              "Frame does not match the audience.",
              "Checks the addressee or salutation lines against audience.",
              "A report upward needs its 主送机关; one to the people's congress its salutation.",
              "preamble: 市委、市政府：", "audience: superior with addressee: 市委、市政府"),
        _rule("RR611", "metadata-format", "error", "safe", "prose",
              "Metadata date or document number format.",
              "Checks the 文号 in the metadata (brackets, form).",
              "GB/T 9704 §7.2.4 and §7.3.5 fix the form of the 文号 and the date.",
              "某政发[2025]3号", "某政发〔2025〕3号", field="doc_number",
              fix_safety="Safe: only the brackets are replaced."),
        _rule("RR612", "body-length", "info", "none", "report",
              "Body length or balance unusual.",
              "Checks the body's length (3,000–20,000 characters) and that measures are at most 85 % of it.",
              "Too short a report is not substantive; one that is all measures leaves out the statute's other items.",
              "a 500-character report", "a 5,000-character report"),
        _rule("RR613", "heading-consistency", "warning", "none", "report",
              "Headings of one level end inconsistently.",
              "Checks that standalone headings of one level do not end in 。 and that styles are consistent.",
              "GB/T 9704: a standalone heading has no full stop; one level is set one way.",
              "标题以“。”结尾", "标题不带句号"),
        _rule("RR614", "run-on-sentence", "off", "none", "report",
              "Run-on sentence without internal punctuation.",
              "Finds sentences over 150 characters with no ，；：.",
              "A long unbroken sentence is hard to read aloud at a meeting.",
              "a 160-character sentence without commas", "the same sentence with commas"),
    ]
}  # fmt: skip


def rule_table() -> str:
    """The README's rule table (generated; tests/test_registry.py fails when the README is stale)."""
    rows = ["| id | name | default | fix | what it finds |", "|---|---|---|---|---|"]
    for rule in RULES.values():
        severity = "off" if rule.optional else rule.severity
        rows.append(f"| {rule.id} | `{rule.name}` | {severity} | {rule.fix} | {rule.summary} |")
    return "\n".join(rows) + "\n"


def as_json(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id, "name": rule.name, "family": rule.family, "severity": rule.severity, "fix": rule.fix,
        "scope": rule.scope, "fix_order": rule.fix_order, "summary": rule.summary, "what": rule.what,
        "why": rule.why, "example": rule.example, "use_instead": rule.use_instead, "fix_safety": rule.fix_safety,
    }  # fmt: skip


def fix_rank(rule_id: str) -> int:
    """A fix's place in the fix order (rules.md: invisible characters first, script last)."""
    order = RULES[rule_id].fix_order if rule_id in RULES else None
    return len(RULES) if order is None else order
