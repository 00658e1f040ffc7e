"""The benchmark harness stays alive: its smallest rung runs end to end
(no timing is asserted; figures live in bench/README.md)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_ladder import HEADER, row, run_rung  # noqa: E402


def test_tiny_rung_solves_and_passes_the_checker(tmp_path):
    res = run_rung("tiny", 5, 1, 0, folder=tmp_path)
    assert res["status"] in ("OPTIMAL", "FEASIBLE"), res
    assert res["violations"] == 0 and res["mandatory_placed"]
    line = row("tiny", res)
    assert line.count("|") == HEADER.splitlines()[0].count("|")
    assert (tmp_path / "ladder-tiny-seed0.xlsx").exists()


def test_gap_source_variants_are_valid_scenarios_that_remove_their_group():
    from bench.bench_gap_sources import VARIANTS
    from inputs.sample.hanoi2025 import build_hanoi_scenario
    from models import validate_scenario

    base = build_hanoi_scenario()
    sizes = {}
    for name, edit in VARIANTS.items():
        s = edit(base)
        assert validate_scenario(s) == [], name
        sizes[name] = len(s.items)
    of_mps = sum("VNM-MPS" in (b.party_a, b.party_b) for b in base.bilaterals)
    assert of_mps > 0
    assert sizes["without VNM-MPS's bilaterals"] == sizes["as given"] - of_mps
    assert sizes["without HLD1"] == sizes["as given"] - 1
    held = VARIANTS["VNM-MPS's two-day requests held to 25 Oct"](base)
    assert held.bilaterals != base.bilaterals
