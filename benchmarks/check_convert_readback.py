"""Differential check of ``convert`` on YAML (issue 15): the result read back by a second parser
run must hold exactly the converted values.

``convert`` parses a source once and proves by construction that its edits keep the YAML's
structure (``scalars.same_syntax``); this script checks that proof from the outside.  Sources are
the feature fixture mutated as ``fuzz.py`` mutates it (escapes in prose, quotes, indicators,
tabs, odd values …), each converted to zh-Hant-TW and zh-Hant-HK; every result is parsed again and
its prose values compared with the source's values converted one by one.  Mismatches must be 0.

    .venv/bin/python benchmarks/check_convert_readback.py [--sources 4000] [--seed 7]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from rolreport import convertfile
    from rolreport.diagnostics import RolreportError
    from rolreport.model import ConversionSettings
    from rolreport.scalars import prose_scalars
    from rolreport.source import compose_yaml, construct, decode
    from rolreport.validate import validate
    from rolreport.variants import ConversionOptions, make_converter

    options, project = ConversionOptions(None, False, None), ConversionSettings()
    rng = random.Random(args.seed)
    checked = mismatches = refused = 0
    for number in range(args.sources):
        text = fuzz.mutate(fuzz.FIXTURE, rng)
        source = decode("fuzzed.yaml", text.encode("utf-8"), None)
        for target in ("zh-Hant-TW", "zh-Hant-HK"):  # real conversions: the fixture is zh-Hans
            try:
                result = convertfile._convert_yaml(source, target, None, options, project)
            except RolreportError:
                refused += 1  # an invalid source: refused with its messages, nothing written
                continue
            constructor, root = compose_yaml(source)
            report = validate(source.name, construct(source.name, constructor, root))
            converter = make_converter(
                report.script, target, project=project, report=report.conversion, options=options
            )
            wanted = [converter.convert(s.value) for s in prose_scalars(text, root)]
            again, root_again = compose_yaml(replace(source, text=result))
            got = [s.value for s in prose_scalars(result, root_again)]
            read_back = validate(source.name, construct(source.name, again, root_again))
            checked += 1
            if got != wanted or read_back.script != target:
                mismatches += 1
                print(f"mismatch: source {number} → {target}", file=sys.stderr)
    print(
        f"{checked:,} conversions read back and compared: {mismatches} mismatches; {refused:,} invalid sources refused"
    )
    return 1 if mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
