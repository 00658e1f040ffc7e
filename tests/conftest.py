"""Fixtures shared by several test folders."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def solved_sample():
    """The bundled sample solved once for 8 s with 2 workers, checked by
    the independent checker: ``(scenario, schedule)``."""
    from inputs.sample.hanoi2025 import build_hanoi_scenario
    from models.checker import check
    from scheduler import SolveParams
    from scheduler.search.solve import solve

    s = build_hanoi_scenario()
    r = solve(s, SolveParams(time_limit=8, workers=2), live=False)
    assert r.schedule is not None
    assert check(s, r.schedule) == []
    return s, r.schedule
