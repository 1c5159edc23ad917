"""libyaml against ruamel.yaml's own parser: same verdicts, same nodes, and how much faster.

``source.compose_yaml`` composes with libyaml (ruamel.yaml.clib) unless the source holds one of
the constructs where libyaml is laxer (``source.libyaml_differs``) or may nest too deep.  This
script is how those constructs were found and how the choice is kept honest: it mutates the
example, the feature fixture and the escaping fixture with YAML's own syntax (indicators, tabs,
BOMs, line separators, block headers, anchors, directives) and with the fuzzer's mutations, then
composes each source both ways.  Outcomes:

* same — both accept, and the node graphs are equal (tags, styles, values, every mark);
* both reject — with the same located messages (a syntax error is always ruamel's: libyaml's
  errors are never shown; duplicate keys and aliases are found on either graph);
* screened — the source holds a construct where libyaml differs: ruamel alone composes it;
* libyaml rejects — ruamel accepts: the fallback composes it with ruamel (only slower);
* DIFFERENT — a verdict, a message or a node that is not the same: must be 0.

The events reader (``yamlevents``: ``convert`` and ``load_report`` read a source from libyaml's
events, without a node graph) is compared on the same sources: where it reads one (``read from
events``), its data, prose slices and ``script:`` value must be the composed path's
(``EVENTS DIFFERENT``: must be 0).

Marks compared: every node's start (index, line, column) and end index — all that rolreport
reads.  Allowed to differ: the position of an empty value (libyaml puts it right after the key's
colon, ruamel at the next token), and the line and column of an end mark (at the end of a file
without a final line feed, libyaml counts one more line); nothing reads either.

    .venv/bin/python benchmarks/bench_yaml.py [--sources 20000] [--seed 1] [--runs 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz
from bench_check import big_source
from bench_cli import EXAMPLE, machine

from rolreport.diagnostics import RolreportError
from rolreport.source import SourceText, _compose_with_libyaml, compose_yaml, libyaml_differs

SYNTAX = ["\t", " \t", "|", ">", "|#", ">#", "|-", "|2", "|+", ">-2", "#", " #", "- ", "-", ": ", ":", "? ", "'",
          '"', "\\", "%", "%YAML 1.1\n", "!", "!!str ", "&", "&a ", "*a", "{", "}", "[", "]", ",", "\n", "  ",
          "\ufeff", "\u2028", "\u2029", "\x85", "---", "...", "@", "`", "\\\n", "<<: ", "~", "null", "yes"]  # fmt: skip
BASES = [
    EXAMPLE.read_text(encoding="utf-8"),
    fuzz.FIXTURE,
    (fuzz.ROOT / "tests" / "data" / "escaping.yaml").read_text(encoding="utf-8"),
]


def mutate(text: str, rng: random.Random) -> str:
    if rng.random() < 0.4:
        return fuzz.mutate(text, rng)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(text) + 1)
        if rng.random() < 0.8:
            text = text[:at] + rng.choice(SYNTAX) + text[at:]
        else:
            text = text[:at] + text[at + rng.randint(1, 5) :]
    return text


def shape(node: Any) -> Any:
    """A node graph as comparable tuples (see the module's note on marks)."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode

    if isinstance(node, ScalarNode) and node.value == "" and str(node.tag).endswith(":null") and not node.style:
        return ("empty",)
    start, end = node.start_mark, node.end_mark
    marks = (start.index, start.line, start.column, end.index)
    head = (type(node).__name__, str(node.tag), getattr(node, "style", None) or None, *marks)
    if isinstance(node, ScalarNode):
        return (*head, node.value)
    if isinstance(node, MappingNode):
        return (*head, tuple((shape(k), shape(v)) for k, v in node.value))
    return (*head, tuple(shape(item) for item in node.value))


def outcome(text: str, use_libyaml: bool) -> tuple[str, Any]:
    try:
        _constructor, root = compose_yaml(SourceText("r.yaml", text), use_libyaml=use_libyaml)
    except RolreportError as exc:
        return "rejected", [str(d) for d in exc.diagnostics]
    except RecursionError:
        return "rejected", ["recursion"]
    return "accepted", shape(root)


def libyaml_accepts(text: str) -> bool:
    """Whether compose_yaml would take libyaml's nodes (a root that is not a mapping, or
    nothing, goes to ruamel for its message)."""
    from ruamel.yaml.nodes import MappingNode

    composed = _compose_with_libyaml(text)
    return composed is not None and isinstance(composed[1], MappingNode)


def composed_reading(text: str) -> Any:
    """What the composed path makes of a source: plain data, every prose slot (slice, style,
    value, the value in the data) and the ``script:`` value's slice; None if it takes none."""
    from rolreport.scalars import prose_slots
    from rolreport.source import construct_plain

    try:
        constructor, root = compose_yaml(SourceText("r.yaml", text))
    except RolreportError:
        return None
    data = construct_plain(constructor, root)
    if data is None:
        return None
    script = [(v.start_mark.index, v.end_mark.index, v.value) for k, v in root.value if k.value == "script"]
    return data, [(s.start, s.end, s.style, s.value, s.holder[s.key]) for s in prose_slots(root, data)], script


def events_reading(text: str) -> Any:
    """The same, as the events reader gives it; None where it leaves the source to composing."""
    from rolreport import yamlevents

    read = yamlevents.read(text)
    if read is None:
        return None
    slots = [(s.start, s.end, s.style, s.value, s.holder[s.key]) for s in read.slots]
    return read.data, slots, [read.script] if read.script else []


def compare(count: int, seed: int) -> tuple[Counter[str], list[str]]:
    rng = random.Random(seed)
    tally: Counter[str] = Counter()
    bad: list[str] = []
    for _ in range(count):
        text = mutate(rng.choice(BASES), rng)
        ours, pure = outcome(text, True), outcome(text, False)
        if ours != pure:
            tally["DIFFERENT"] += 1
            bad.append(text)
        elif libyaml_differs(text):
            tally["screened"] += 1
        elif pure[0] == "rejected":
            tally["both reject"] += 1
        elif not libyaml_accepts(text):
            tally["libyaml rejects (ruamel composes)"] += 1
        else:
            tally["same"] += 1
        events = events_reading(text)
        if events is not None:
            tally["read from events"] += 1
            if events != composed_reading(text):
                tally["EVENTS DIFFERENT"] += 1
                bad.append(text)
    return tally, bad


def timing(runs: int) -> None:
    import tempfile

    path = big_source(1_000_000, Path(tempfile.mkdtemp(prefix="rolreport-bench-")))
    source = SourceText(str(path), path.read_text(encoding="utf-8"))
    for use in (False, True):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            compose_yaml(source, use_libyaml=use)
            times.append(time.perf_counter() - start)
        name = "libyaml (with the screen)" if use else "ruamel.yaml alone"
        print(f"compose {path.stat().st_size:,} bytes, {name}: {statistics.median(times) * 1000:7.1f} ms")
    from rolreport import yamlevents

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        yamlevents.read(source.text)
        times.append(time.perf_counter() - start)
    print(f"read {path.stat().st_size:,} bytes from libyaml's events (data and prose slices): "
          f"{statistics.median(times) * 1000:7.1f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"machine: {machine()}")
    timing(args.runs)
    start = time.perf_counter()
    tally, bad = compare(args.sources, args.seed)
    print(f"{args.sources:,} mutated sources in {time.perf_counter() - start:.0f} s:")
    names = ("same", "both reject", "screened", "libyaml rejects (ruamel composes)", "DIFFERENT")
    for name in (*names, "read from events", "EVENTS DIFFERENT"):
        print(f"  {name}: {tally[name]:,}")
    for text in bad[:5]:
        print("----\n" + text[:400])
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
