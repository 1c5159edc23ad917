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
    "RR0": "源文件 (source)",
    "RR1": "简繁用字 (script)",
    "RR2": "成对符号 (pairs)",
    "RR3": "标点和空格 (punctuation and spacing)",
    "RR4": "序号、年份和数字 (numbering, years and numbers)",
    "RR5": "残留 (residue)",
    "RR6": "结构和法定内容 (structure and statute)",
}


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity | Literal["off"]  # default, official profile; "off": only when selected by id
    fix: FixKind
    scope: Scope
    summary: str  # one line, English: the gist (SARIF shortDescription, the README table)
    what: str  # what it does (Chinese, for the drafting office)
    why: str  # why it matters in an official document (Chinese)
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
        severity = "默认关闭 (off by default)" if self.optional else f"默认 {self.severity}"
        return "\n".join(
            [
                f"# {self.name} ({self.id})",
                "",
                f"{self.family}；{severity}；{fix}",
                "",
                self.summary,
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
              "报告源文件不是有效的 YAML 或不符合报告格式：每个问题都标出行和列。",
              "无法通过校验的报告不能生成；CI 必须一次列出全部原因。",
              "year: 2025-02-29",
              "year: 2024",
              field="metadata"),
        _rule("RR101", "simplified-only-character", "error", "safe", "words",
              "Simplified-only character in a Traditional report.",
              "找出繁体文本中只属于简体的字（并、为……）。",
              "繁体版里残留简体字，一看就是机器转换后未经校对。",
              "會議并審議通過",
              "會議並審議通過",
              script="zh-Hant-TW",
              fix_safety="OpenCC 的台湾和香港配置给出同一替换时才算安全修复。"),
        _rule("RR102", "ambiguous-character", "warning", "unsafe", "words",
              "Character used in its Simplified sense (phrase-level OpenCC evidence).",
              "找出两种文字都有、但按简体含义使用的字（干、范、于、余），依据本报告地区的 OpenCC 词组；"
              "本地区标准本来就这样写的不报（台湾的布局、周年、回音，见 data/locale-forms.tsv）。",
              "“領導干部”“規范”是机器转换繁体版最常见的错误。",
              "加強領導干部法治培訓",
              "加強領導幹部法治培訓",
              script="zh-Hant-TW",
              fix_safety="不安全：OpenCC 的词组是证据而不是定论（它把“编发”写成“編髮”）。"),
        _rule("RR103", "regional-variant", "off", "unsafe", "words",
              "Traditional regional variant differs from the report's locale.",
              "找出台湾和香港写法不同的繁体字形。",
              "面向某一地区的版本用该地区的字形更自然；属编辑选择，默认关闭。",
              "整治危污亂散企業",
              "整治危汙亂散企業",
              script="zh-Hant-TW"),
        _rule("RR104", "traditional-in-simplified", "error", "safe", "words",
              "Traditional character in a Simplified report.",
              "找出简体文本中的繁体字（關於 → 关于）。",
              "大陆报告中混入繁体字是输入或复制失误。",
              "深入贯彻關於法治的部署",
              "深入贯彻关于法治的部署",
              fix_safety="安全：t2s 会保留应当如此写的词（乾隆）。"),
        _rule("RR105", "over-conversion", "error", "unsafe", "words",
              "Over-conversion by a per-character converter (全麵, 乾部).",
              "找出逐字转换工具造成的错字（全麵、乾部）。",
              "这类字改变词义（麵是面条），说明转换后无人通读。",
              "全麵推進依法行政",
              "全面推進依法行政",
              script="zh-Hant-TW"),
        _rule("RR201", "unbalanced-pairs", "error", "none", "prose",
              "Unbalanced or crossed brackets, title marks or quotes.",
              "检查每段文字中的括号、书名号、引号是否成对、是否交叉。",
              "《…〈…》…〉交叉会使所引文件名称无法辨认；GB/T 15834 要求严格嵌套。",
              "落实《实施纲要（2021—2025年〉实施方案）》",
              "落实《实施纲要（2021—2025年）实施方案》"),
        _rule("RR202", "title-mark-levels", "error", "safe", "prose",
              "Title marks nested at the wrong level.",
              "检查书名号内的书名号是否用〈〉，以及是否误用 ASCII 的 <>。",
              "GB/T 15834 §4.15：《》内的下一层用〈〉。",
              "印发《关于贯彻《纲要》的意见》",
              "印发《关于贯彻〈纲要〉的意见》",
              fix_safety="其余配对无误时为安全修复。"),
        _rule("RR203", "quote-nesting", "warning", "safe", "prose",
              "Quotation marks nested or styled wrongly.",
              "检查引号嵌套（“…‘…’…”）和中文中的直引号。",
              "GB/T 15834 §4.1：引号内再用引号时用单引号；直引号不是中文标点。",
              "开展\"法治宣传\"活动",
              "开展“法治宣传”活动",
              fix_safety="嵌套和配对明确的直引号为安全修复。"),
        _rule("RR204", "document-number", "error", "safe", "prose",
              "Document number (文号) brackets or form.",
              "检查正文中发文字号的写法：机关代字、六角括号内的年份、不补零的序号、“号”。",
              "GB/T 9704 §7.2.4：发文字号的年份用六角括号〔〕，不用 [] 或【】。",
              "根据国发[2021]1号文件",
              "根据国发〔2021〕1号文件",
              fix_safety="安全：只替换括号。"),
        _rule("RR301", "half-width-punctuation", "error", "safe", "prose",
              "Half-width punctuation in Chinese context.",
              "找出中文旁的半角 , ; : ? ! ( ) 和句末的 .。",
              "公文使用全角标点（GB/T 15834）；半角标点是已发布报告中最常见的问题。",
              "2024年,全县依法行政",
              "2024年，全县依法行政",
              fix_safety="安全：换成同一标点的全角形式。"),
        _rule("RR302", "full-width-ascii", "error", "safe", "prose",
              "Full-width ASCII letters, digits or symbols.",
              "找出全角的字母、数字和符号（２０２４、ＡＰＰ、％）。",
              "公文中的数字和拉丁字母用半角；全角形式妨碍检索和排序。",
              "２０２４年全县依法行政",
              "2024年全县依法行政",
              fix_safety="安全：换成对应的 ASCII 字符。"),
        _rule("RR303", "cjk-latin-spacing", "warning", "safe", "prose",
              "Space between Chinese and digits or Latin letters.",
              "找出中文与数字或拉丁字母之间的空格（公文体例：不空；技术体例：空一个）。",
              "公文写作“2024年”不加空格；有空格说明文字是从别处粘贴来的。",
              "全县办理案件 12 件",
              "全县办理案件12件"),
        _rule("RR304", "stray-space", "error", "safe", "body",
              "Space next to full-width punctuation or between Chinese characters.",
              "找出两个汉字之间、全角标点旁、“一、”之后的空格。",
              "中文词与词之间不空格；多余的空格是编辑失误（标语两半之间、联合发文机关之间的单个空格是惯例，予以保留）。",
              "全县推进法治 政府建设",
              "全县推进法治政府建设"),
        _rule("RR305", "repeated-punctuation", "error", "safe", "prose",
              "Repeated or conflicting punctuation.",
              "找出重复的标点（，，）和冲突的标点（，。）。",
              "重复的标点是输入失误，读者一眼就能看出。",
              "全县依法行政，，成效明显",
              "全县依法行政，成效明显",
              fix_safety="完全重复的标点为安全修复。"),
        _rule("RR306", "duplicated-word", "warning", "none", "body",
              "Duplicated word.",
              "找出连写两次的虚词或词组（的的、在在）。",
              "重复的词是编辑失误；叠词（实实在在）不报告。",
              "推进法治政府的的建设",
              "推进法治政府的建设"),
        _rule("RR307", "ellipsis-dash-form", "warning", "safe", "prose",
              "Ellipsis or dash written in a wrong form.",
              "找出写成 ... 或 。。。 或单个 … 的省略号，写成 -- 或单个 — 的破折号。",
              "GB/T 15834：省略号为……，破折号为——，各占两个字位置。",
              "加强普法宣传...",
              "加强普法宣传……",
              fix_safety="省略号（含 。。。 和 ．．．）和汉字之间的 -- ── 为安全修复；单个 — 不安全（可能表示范围）。"),
        _rule("RR308", "enumeration-comma-between-titles", "info", "unsafe", "prose",
              "顿号 between adjacent 《》 or “” items.",
              "找出两个紧邻的《》或“”之间的顿号。",
              "GB/T 15834 §4.5.3.5：并列的书名号之间不用顿号。",
              "学习《宪法》、《民法典》",
              "学习《宪法》《民法典》",
              fix_safety="不安全：有争议的规则，两个书名号之间有说明文字时顿号是对的；只在 --unsafe-fixes 时删除。"),
        _rule("RR309", "law-name-without-title-marks", "off", "none", "prose",
              "A known law name outside 《》.",
              "找出未加书名号的常见法律、法规名称。",
              "引用法律应加书名号；因“贯彻实施新的行政复议法”是惯用说法，默认关闭。",
              "落实中华人民共和国行政处罚法",
              "落实《中华人民共和国行政处罚法》"),
        _rule("RR401", "numbering-sequence", "error", "none", "paragraph",
              "Numbering sequence (一是、二是…) with a gap or repeat.",
              "检查段内列举（一是、二是……）是否跳号或重号。",
              "跳号会让读者寻找缺失的一点。",
              "一是加强学习，三是强化监督。",
              "一是加强学习，二是强化监督。"),
        _rule("RR402", "ordinal-form", "error", "safe", "paragraph",
              "Ordinal written in the wrong form for its level.",
              "检查段首序号的形式：一、 （一） 1. （1）。",
              "GB/T 9704 §7.3.3：层次序数依次为一、（一）1.（1）；一. 或（一）、是错误写法。",
              "一.加强学习。",
              "一、加强学习。",
              fix_safety="安全：换成该层的标准形式。"),
        _rule("RR403", "year-consistency", "error", "none", "report",
              "Year differs from the report's year.",
              "检查标题和导语首句是否写明本报告的年度。",
              "2024 年的报告以“2023年”开头，说明是照抄上一年未改。",
              "preamble: 2023年，全县推进法治政府建设。",
              "preamble: 2024年，全县推进法治政府建设。"),
        _rule("RR404", "range-connector", "warning", "safe", "prose",
              "Year span with a hyphen, or numeric range missing a unit.",
              "找出用连字符连接的年份跨度（2021-2025年）和首个数字缺单位的数值范围（15～30%）。",
              "GB/T 15834：跨度用——或～，数值范围两端都带单位。",
              "落实规划（2021-2025年）",
              "落实规划（2021—2025年）",
              fix_safety="年份跨度为安全修复；单位不安全。"),
        _rule("RR405", "mixed-number-style", "info", "none", "report",
              "Numbers written in mixed styles.",
              "找出同一报告中数字写法不一（1,180 与 1180；三十余项与 30余项）。",
              "统一的数字写法是编辑过的文件应有的样子。",
              "办理案件1,180件，调解纠纷2350件。",
              "办理案件1180件，调解纠纷2350件。"),
        _rule("RR501", "residue", "error", "safe", "prose",
              "Web-page chrome, invisible characters, entities, trailing spaces or characters lost in a conversion (??).",
              "找出网页残留（扫一扫在手机打开当前页、打印本页；整段是页眉、导航或页脚的：发布时间：… 来源：…、首页 > 政务公开、无障碍 简体| 繁体，与 import 用同一识别规则）、不可见字符、不换行空格、HTML 实体、行尾空格、拼音注音，以及编码转换丢失的字符（??）。",
              "从门户网站复制的文字会把分享栏和不可见字符带进下一版。",
              "全县依法行政。扫一扫在手机打开当前页",
              "全县依法行政。",
              fix_safety="不可见字符和空格为安全修复；网页用语只报告，不删除。"),
        _rule("RR502", "glossary", "off", "unsafe", "prose",
              "Glossary of fixed expressions.",
              "报告本项目用语表（glossary = {\"旧说法\" = \"规范说法\"}）中按旧说法书写的词语。",
              "同一系列的报告应年年使用相同的机构名称和固定说法。",
              "旧说法",
              "规范说法"),
        _rule("RR503", "placeholder", "error", "none", "prose",
              "Unfilled placeholder text (在此填写, ×××, 待补充) left from a skeleton or template.",
              "找出留待填写的文字：rolreport new 的（在此填写…）、×××、XX、○○、□□、待补充、TODO。",
              "骨架不能通过 CI；发布出去的占位文字谁都看得见。",
              "全县办理案件×××件",
              "全县办理案件12件"),
        _rule("RR601", "statutory-role-missing", "error", "none", "report",
              "A statutory role is missing.",
              "检查报告是否有法定的举措和成效、不足和原因、下一年度安排三部分。",
              "《法治政府建设与责任落实督察工作规定》规定了报告内容；缺少一项在年度评估中失分。",
              "no part with role: shortcomings",
              "a part with role: shortcomings"),
        _rule("RR602", "leader-duty-missing", "error", "none", "report",
              "No 第一责任人 content.",
              "检查报告是否写明党政主要负责人履行推进法治建设第一责任人职责的情况。",
              "这是每份报告的法定内容。",
              "no leader_duty part or section",
              "a section with role: leader_duty"),
        _rule("RR603", "shortcomings-without-causes", "warning", "none", "report",
              "Shortcomings give no causes.",
              "检查“不足”部分是否写明原因（原因、主要是、由于）。",
              "法定内容是“存在的不足和原因”：不足及其原因。",
              "shortcomings without 原因",
              "title: 存在的不足和原因"),
        _rule("RR604", "shortcomings-thin", "warning", "none", "report",
              "Shortcomings are thin or boilerplate.",
              "检查“不足”部分是否至少有 2 条、100 字（且不少于举措部分的 3%）。",
              "评估对“不足”只有一句套话的报告扣分。",
              "一句“仍有差距”",
              "三条具体的不足及原因"),
        _rule("RR605", "measures-without-data", "warning", "none", "report",
              "A measures part has few quantities.",
              "检查 200 字以上的举措部分每千字是否至少有 3 个数量（件、项、%、万元……）。",
              "有实质内容的报告用数字说明成效，评估也据此打分。",
              "a long measures part without numbers",
              "办理案件12件，培训800人次……"),
        _rule("RR606", "measures-without-case", "info", "none", "report",
              "A measures part names no concrete case.",
              "检查举措部分是否写出文件、案例或首创（《》、案例、典型、全省首）。",
              "具体事例使报告可以核查。",
              "a measures part without 《》 or 案例",
              "出台《某县行政规范性文件管理办法》"),
        _rule("RR607", "plans-do-not-answer-shortcomings", "off", "none", "report",
              "A shortcoming has no echo in next year's plans.",
              "检查每条不足的用词是否在下一年度安排中出现（宽松的启发式）。",
              "下一年度的安排应回应同一报告指出的不足。",
              "基层执法力量不足 / plans without 基层",
              "plans that name 基层执法"),
        _rule("RR608", "timeliness", "warning", "none", "report",
              "Published or submitted late, or within the reporting year.",
              "检查公开日期是否早于法定期限（次年 4 月 1 日之前）。",
              "法定期限有明文规定，评估考核公开的及时性。",
              "published: 2025-04-15",
              "published: 2025-03-28"),
        _rule("RR609", "title-form", "warning", "none", "report",
              "Title lacks year or issuer, is too long, or has an unusual form.",
              "检查标题是否写明发文机关和年度，形如“……YYYY年（度）法治政府建设……报告”。",
              "标题是查找和引用报告的依据。",
              "title: 法治工作总结",
              "title: 某县2024年法治政府建设年度报告"),
        _rule("RR610", "frame-mismatch", "warning", "none", "report",
              "Frame does not match the audience.",
              "检查主送机关或称谓行是否与 audience 一致。",
              "向上级报送需要主送机关；向人大常委会报告需要称谓。",
              "preamble: 市委、市政府：",
              "audience: superior with addressee: 市委、市政府"),
        _rule("RR611", "metadata-format", "error", "safe", "prose",
              "Metadata date or document number format.",
              "检查元数据中的发文字号（括号和形式）。",
              "GB/T 9704 §7.2.4 和 §7.3.5 规定了发文字号和日期的写法。",
              "某政发[2025]3号",
              "某政发〔2025〕3号",
              field="doc_number",
              fix_safety="安全：只替换括号。"),
        _rule("RR612", "body-length", "info", "none", "report",
              "Body length or balance unusual.",
              "检查正文长度（3,000～20,000 字）以及举措部分不超过 85%。",
              "太短的报告没有实质内容；全是举措的报告漏掉了其他法定内容。",
              "a 500-character report",
              "a 5,000-character report"),
        _rule("RR613", "heading-consistency", "warning", "none", "report",
              "Headings of one level end inconsistently.",
              "检查单独成行的同级标题不以“。”结尾、标题样式一致。",
              "GB/T 9704：单独成行的标题不加句号；同一层次的格式一致。",
              "标题以“。”结尾",
              "标题不带句号"),
        _rule("RR614", "run-on-sentence", "off", "none", "report",
              "Run-on sentence without internal punctuation.",
              "找出超过 150 字且没有，；：的句子。",
              "一口气读不完的长句在会上难以宣读。",
              "a 160-character sentence without commas",
              "the same sentence with commas"),
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
