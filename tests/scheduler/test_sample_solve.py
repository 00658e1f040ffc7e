"""The bundled sample solves and the schedule passes the checker."""

from __future__ import annotations

import pytest

from inputs.sample.hanoi2025 import build_hanoi_scenario
from scheduler import SolveParams

from .helpers import solve_checked


@pytest.mark.slow
def test_sample_solves_and_passes_the_checker():
    s = build_hanoi_scenario()
    r = solve_checked(s, SolveParams(time_limit=20, workers=2, seed=0))
    assert r.status in ("OPTIMAL", "FEASIBLE")
    placed = r.schedule.by_item()
    assert all(it.item_id in placed for it in s.items if it.mandatory)
    signing = [a for a in r.schedule.assignments if a.ref_id == "SIGN1"]
    first = min(signing, key=lambda a: a.start)
    assert first.participants == ("VNM",) and first.position == 1
    # every left-out item says why
    assert all(u.reason for u in r.schedule.unscheduled)
