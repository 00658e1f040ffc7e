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
