"""Property: any schedule the engine returns for a random small scenario
passes the independent checker, and the checker's objective equals the
solver's."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from scheduler import SolveParams

from .helpers import solve_checked
from .strategies import scenarios


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenarios())
def test_random_scenarios_give_checked_schedules(s):
    result = solve_checked(s, SolveParams(time_limit=10, workers=1))
    assert result.status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE")
