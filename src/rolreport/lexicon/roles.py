"""The statutory content of a report (the five items of the 督察工作规定) and its signal words."""

from __future__ import annotations

from typing import Literal

Role = Literal["measures", "leader_duty", "shortcomings", "next_year", "other"]

# Each role's statutory name, in the statute's order (rolreport new writes the parts so).
ROLE_NAMES: dict[str, str] = {
    "measures": "主要举措和成效",
    "leader_duty": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "shortcomings": "存在的不足和原因",
    "next_year": "下一年度的主要安排",
    "other": "其他需要报告的情况",
}

LEADER_WORDS = ("第一责任人", "第一責任人")
HEAD_WORDS = ("主要负责人", "主要負責人", "主要负责同志", "主要負責同志")
CAUSE_WORDS = ("原因", "主要是", "由于", "由於", "究其原因", "根源")
CASE_WORDS = ("《", "案例", "典型", "全省首", "全国首", "全國首", "入选", "入選", "“")
BOILERPLATE = ("仍有差距", "有待进一步加强", "有待進一步加強", "还需进一步", "還需進一步")

# Words of a part's title that say its role (import), strongest first.
TITLE_ROLE_WORDS: tuple[tuple[Role, tuple[str, ...]], ...] = (
    ("leader_duty", LEADER_WORDS + HEAD_WORDS),
    ("shortcomings", ("不足", "问题", "問題", "短板", "差距")),
    ("next_year", ("下一年度", "下一步", "安排", "计划", "計劃", "打算", "思路")),
    ("measures", ("举措", "舉措", "成效", "工作情况", "工作情況", "主要工作", "工作开展", "工作開展")),
    ("other", ("其他", "其它")),
)

# Words that make a line the report's title.
TITLE_WORDS = ("报告", "報告", "总结", "總結", "情况", "情況")

# Issuing bodies (发文机关) as they stand in a joint issue (中共中央 国务院, 省委 省政府): a single
# space between two of them is the convention of 联合发文, not a stray space (RR304).
ORGAN_ENDS = ("中央", "国务院", "國務院", "省委", "市委", "县委", "縣委", "区委", "區委", "党委", "黨委", "政府",
              "委员会", "委員會", "办公厅", "辦公廳", "办公室", "辦公室", "人大常委会", "人大常委會", "政协", "政協")  # fmt: skip
ORGAN_STARTS = ("中共", "国务院", "國務院", "全国", "全國", "中央", "省", "市", "县", "縣", "区", "區", "自治区", "自治區")  # fmt: skip
