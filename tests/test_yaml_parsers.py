"""libyaml composes what ruamel.yaml's own parser composes, or leaves the source to it (issue 10).

``source.compose_yaml`` uses libyaml (ten times faster) except where the two parsers are known to
differ; benchmarks/bench_yaml.py runs the large differential comparison, these tests a sample of
it and each known difference.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from bench_yaml import composed_reading, events_reading

from conftest import EXAMPLE, ROOT
from rolreport.diagnostics import RolreportError
from rolreport.source import SourceText, _compose_with_libyaml, compose_yaml

FIXTURES = [EXAMPLE, ROOT / "tests" / "data" / "features.yaml", ROOT / "tests" / "data" / "escaping.yaml"]
SYNTAX = ["\t", "|", ">", "|#", "|2  #", "#", " #", "- ", ": ", "? ", "'", '"', "\\", "%YAML 1.1\n", "!!str ", "&a ",
          "*a", "{", "}", "[", "]", ",", "\n", "  ", "\ufeff", "\u2028", "\x85", "---", "...", "@", "yes", "规范性文件"]  # fmt: skip


def shape(node):
    """Everything rolreport reads of a node graph: tags, styles, values, start marks, end indexes.
    An empty value's position is left out: libyaml puts it right after the key's colon."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    if isinstance(node, ScalarNode) and node.value == "" and str(node.tag).endswith(":null") and not node.style:
        return "empty"
    start = node.start_mark
    head = (type(node).__name__, node.tag, getattr(node, "style", None), start.index, start.line, start.column)
    head += (node.end_mark.index,)
    if isinstance(node, ScalarNode):
        return (*head, node.value)
    if isinstance(node, MappingNode):
        return (*head, tuple((shape(k), shape(v)) for k, v in node.value))
    return (*head, tuple(shape(item) for item in node.value))


def outcome(text: str, use_libyaml: bool):
    try:
        _constructor, root = compose_yaml(SourceText("r.yaml", text), use_libyaml=use_libyaml)
    except RolreportError as exc:
        return [str(d) for d in exc.diagnostics]
    return shape(root)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_libyaml_composes_the_fixtures_as_ruamel_does(path):
    text = path.read_text(encoding="utf-8")
    if path.name != "escaping.yaml":  # that one holds tabs on purpose: composed by ruamel
        assert _compose_with_libyaml(text) is not None, "the fast path is not taken"
    assert outcome(text, True) == outcome(text, False)


def mutated(bases: list[str], count: int, seed: int):
    """``count`` sources, each one of ``bases`` with one to three pieces of YAML syntax put in."""
    rng = random.Random(seed)
    for _ in range(count):
        text = rng.choice(bases)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + rng.choice(SYNTAX) + text[at + rng.choice((0, 0, 1, 3)) :]
        yield text


def test_mutated_sources_get_the_same_verdict_and_nodes_both_ways():
    fast = 0
    for text in mutated([p.read_text(encoding="utf-8") for p in FIXTURES], 300, seed=10):
        assert outcome(text, True) == outcome(text, False), text
        fast += _compose_with_libyaml(text) is not None
    assert fast > 50  # the comparison covered sources that libyaml composed


@pytest.mark.parametrize(
    "text",
    [
        "title: 某县\t2024年法治政府建设年度报告\n",  # libyaml accepts a tab inside a plain scalar
        "title: |#\n  某县2024年法治政府建设年度报告\n",  # and a comment glued to a block header
        "conversion:\n  # 说明\n|2  # 说明\n  overrides: {}\n",  # ruamel fails on this one: located
        "title: &a 某县\nissuer: *a\n",  # an anchor (aliases are refused)
        "title: &某县\n",  # an anchor with no node
        "%YAML 1.1\n---\ntitle: yes\n",  # libyaml drops the version that decides what yes means
        "title: 某县\ufeff2024年\n",  # a BOM inside the text
        "title: 某县\u20282024年\n",  # a Unicode line separator
    ],
)
def test_where_libyaml_differs_ruamel_composes(text):
    assert _compose_with_libyaml(text) is None
    assert outcome(text, True) == outcome(text, False)


def test_ruamel_assertion_is_a_located_error_not_an_internal_error(tmp_path, run):
    path = tmp_path / "r.yaml"
    path.write_text("title: 某县\nconversion:\n  # 说明\n|2  # 说明\n  overrides: {}\n", encoding="utf-8")
    result = run("check", path)
    assert result.exit_code == 1
    assert "YAML 无法解析" in result.stdout and "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize("opening", ["[", "{a: ", "- "])
def test_deep_nesting_is_refused_without_crashing(tmp_path, opening):
    """libyaml recurses in C: 100,000 levels would overflow the stack (a segmentation fault)."""
    blocks = "".join(" " * (2 * i) + "- \n" for i in range(3000))  # indented block levels
    body = blocks if opening == "- " else opening * 100_000
    path = tmp_path / "deep.yaml"
    path.write_text("title: 某县\nparts: " + body + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "rolreport", "check", str(path)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1, result.stderr[-500:]
    assert "Traceback" not in result.stderr


# -- plain construction (validate.constructed) -----------------------------------------------------------


def _sources() -> list[Path]:
    data = Path(__file__).parent / "data"
    return [*sorted(data.glob("*.yaml")), *sorted((data / "corpus").glob("*.yaml")), EXAMPLE]


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_plain_construction_gives_the_report_that_the_located_one_gives(path):
    from rolreport.source import compose_yaml, construct, read_source
    from rolreport.validate import constructed, validate

    source = read_source(str(path))
    try:
        located = validate(source.name, construct(source.name, *compose_yaml(source)))
    except RolreportError:
        return  # an invalid fixture: both take the located way
    _, report, fast = constructed(source, *compose_yaml(source))
    assert fast and report.model_dump() == located.model_dump()


def test_what_only_ruamel_constructs_goes_the_located_way():
    from rolreport.source import construct_plain

    merged = compose_yaml(SourceText("x.yaml", "<<: {year: 2024}\ntitle: x\n"))
    assert construct_plain(*merged) is None  # a merge key: ruamel merges it
    # ruamel's own parser (an "&" sends the source there) keeps an explicit !!str as a TaggedScalar
    tagged = compose_yaml(SourceText("x.yaml", "title: 甲&乙\nclosing: {date: !!str 2025-03-01}\n"))
    assert construct_plain(*tagged) is None
    assert construct_plain(*compose_yaml(SourceText("x.yaml", "title: x\nyear: 2024\n"))) == {
        "title": "x",
        "year": 2024,
    }


# -- the events reader (yamlevents: convert and load_report) ---------------------------------------


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.name)
def test_the_events_reader_reads_each_fixture_as_the_composed_path_does(path):
    text = path.read_text(encoding="utf-8")
    events = events_reading(text)
    if path.name != "escaping.yaml":  # tabs: composed by ruamel alone
        assert events is not None, "the events reader is not taken"
    if events is not None:
        assert events == composed_reading(text)


def test_the_events_reader_agrees_with_the_composed_path_or_leaves_the_source_to_it():
    """On mutated sources the events reader gives the composed path's data, prose slices and
    script, or nothing (and the composed path then reads it, with its messages)."""
    taken = 0
    for text in mutated([p.read_text(encoding="utf-8") for p in _sources()], 600, seed=15):
        events = events_reading(text)
        if events is not None:
            taken += 1
            assert events == composed_reading(text), text
    assert taken > 150


@pytest.mark.parametrize(
    "text",
    [
        "title: &a 某县\nissuer: *a\n",  # an anchor and an alias
        "title: x\ntitle: y\n",  # a duplicate key: the composed path reports it
        "1: x\n'1': y\n",  # the same key as written, though one is a number
        "<<: {year: 2024}\ntitle: x\n",  # a merge key
        "title: !!str 2024\n",  # an explicit tag
        "title: x\n---\ntitle: y\n",  # a second document
        "- x\n",  # a top level that is not a mapping
        "",  # nothing
        "closing: {date: 2025-02-29}\n",  # a value that does not construct
        "? [a]\n: b\n",  # a key that is not a scalar
    ],
)
def test_what_the_events_reader_does_not_take_goes_the_composed_way(text):
    from rolreport import yamlevents

    assert yamlevents.read(text) is None


@given(text=st.text(alphabet=st.sampled_from(list(" \n?:-|>#%+0123\t&\ufeff\u2028\u2029\x85a中["))))
@settings(max_examples=400, deadline=None)
def test_the_quick_screen_finds_what_the_one_pattern_found(text):
    """libyaml_differs and the nesting bound search piece by piece what one alternation and a
    MULTILINE pattern used to find (they were 30 ms of a 1 MB source)."""
    import re

    from rolreport.source import _nesting_bound, libyaml_differs

    differs = re.compile(r"[\t\ufeff\u2028\u2029\x85&]|[|>][-+0-9]* *#|^%", re.MULTILINE)
    prefixes = re.compile(r"^[ ?:-]+", re.MULTILINE)
    assert libyaml_differs(text) == bool(differs.search(text))
    prefix = max((m.end() - m.start() for m in prefixes.finditer(text)), default=0)
    assert _nesting_bound(text) == text.count("[") + text.count("{") + 2 * (prefix + 1)
