"""The labelled benchmark of benchmarks/bench_labelled.py, seeded and small, as a test (issue 12):
every family of planted defects found at its exact place, no safe fix that damages, ≥ 98% of
fixable defects restored, and no finding on the hard negatives."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def test_planted_defects_are_found_and_fixed_and_hard_negatives_stay_clean(capsys):
    import bench_labelled

    failures = bench_labelled.run(per_family=40, seed=5)
    assert failures == 0, capsys.readouterr().out
