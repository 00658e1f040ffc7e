"""Day by day: the slices, the plan, and the assembled schedule."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from models import (
    Arrival,
    BilateralRequest,
    Event,
    validate_scenario,
)
from models.checker import check
from models.objective import objective_value
from scheduler import SolveParams
from scheduler.search.day_plan import plan_days
from scheduler.search.day_slices import day_slice
from scheduler.search.decompose import METHOD, solve_by_day, use_days
from tests.factory import DAY1, DAY2, at, delegation, room, settings, tiny

DAY3 = date(2025, 10, 27)
FAST = SolveParams(time_limit=20, workers=1, seed=0)


def three_days(**records):
    base = dict(
        delegations=(
            delegation("FRA", "HOS"),
            delegation("DEU"),
            delegation("ITA"),
        ),
    )
    base.update(records)
    return tiny(settings=settings(days=(DAY1, DAY2, DAY3)), **base)


def _ids(s):
    return {it.item_id for it in s.items}


def test_an_item_fixed_on_another_day_is_not_in_the_slice():
    s = three_days(
        events=(
            Event(
                "OPEN",
                "Opening",
                "ceremony",
                60,
                300,
                rooms=("HALL",),
                fixed_start=at("09:00", DAY2),
                mandatory=True,
            ),
        )
    )
    assert "E:OPEN" not in _ids(day_slice(s, DAY1, set()))
    sub = day_slice(s, DAY2, set())
    assert "E:OPEN" in _ids(sub) and validate_scenario(sub) == []
    assert "E:OPEN" not in _ids(day_slice(s, DAY2, {"E:OPEN"}))


def test_a_flexible_mandatory_item_is_mandatory_on_its_last_day_only():
    s = three_days(
        bilaterals=(
            BilateralRequest(
                "B1",
                "FRA",
                "DEU",
                mandatory=True,
                earliest=at("08:00", DAY1),
                latest=at("18:00", DAY2),
            ),
        )
    )
    on1 = day_slice(s, DAY1, set()).item_by_id["B:B1"]
    on2 = day_slice(s, DAY2, set()).item_by_id["B:B1"]
    assert not on1.mandatory and on1.priority == 5
    assert on2.mandatory
    assert "B:B1" not in _ids(day_slice(s, DAY3, set()))
    for d in (DAY1, DAY2):
        assert validate_scenario(day_slice(s, d, set())) == []


def test_a_delegation_received_later_is_absent_before():
    s = three_days(
        rooms=(
            room("R1"),
            room("BL1", "bilateral", 20, features=("flags",)),
            room("GATE", "arrival", 40),
        ),
        arrivals=(Arrival("ITA", at("09:00", DAY2), at("10:00", DAY2)),),
        bilaterals=(BilateralRequest("B1", "ITA", "DEU"),),
    )
    d1 = day_slice(s, DAY1, set())
    assert d1.person_free("ITA") == [] or all(
        hi <= lo for lo, hi in d1.person_free("ITA")
    )
    d2 = day_slice(s, DAY2, set())
    assert "A:ITA" in _ids(d2)
    d3 = day_slice(s, DAY3, set())
    assert "A:ITA" not in _ids(d3) and d3.person_free("ITA")
    # the plan never offers the bilateral before ITA is there
    assert plan_days(s)["B:B1"] in (DAY2, DAY3)


def test_an_event_waits_for_a_predecessor_that_can_still_come_later():
    s = three_days(
        events=(
            Event(
                "A",
                "First",
                "workshop",
                60,
                50,
                earliest=at("08:00", DAY2),
                latest=at("18:00", DAY3),
            ),
            Event("B", "Second", "workshop", 60, 50, after=("A",)),
        )
    )
    assert "E:B" not in _ids(day_slice(s, DAY1, set()))
    sub = day_slice(s, DAY3, {"E:A"})
    assert "E:B" in _ids(sub) and sub.event_by_id["B"].after == ()


def test_the_plan_spreads_one_persons_requests_over_days():
    reqs = tuple(
        BilateralRequest(f"B{k}", "FRA", other)
        for k, other in enumerate(["DEU", "ITA", "DEU", "ITA", "DEU", "ITA"])
    )
    s = three_days(bilaterals=reqs)
    days = sorted(plan_days(s).values())
    assert days.count(DAY1) == days.count(DAY2) == days.count(DAY3) == 2


def _generated_three_days():
    """A generated three-day event of 30 delegations."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.generate import generate

    return generate(
        delegations=30,
        days=3,
        side_events=30,
        bilaterals=60,
        rooms=20,
        seed=1,
    )


def _days_params(monkeypatch) -> list[SolveParams]:
    """Each day's solver parameters, as a day-by-day run solves it."""
    import scheduler.search.decompose as decompose

    asked: list[SolveParams] = []
    real = decompose.solve

    def solve(sub, params, **kwargs):
        asked.append(params)
        return real(sub, params, **kwargs)

    monkeypatch.setattr(decompose, "solve", solve)
    return asked


def test_by_day_gives_a_checked_schedule_and_a_bound_of_the_whole_event():
    s = _generated_three_days()
    r, days = solve_by_day(s, FAST)
    # the days prove nothing; the relaxation of the whole event does
    assert r.status in ("FEASIBLE", "OPTIMAL")
    assert r.best_bound is not None and 0 < r.best_bound <= r.objective
    assert r.schedule.info.best_bound == r.best_bound
    assert r.schedule.info.gap == r.gap
    assert len(days) == 3
    assert check(s, r.schedule) == []
    placed = r.schedule.by_item()
    assert all(it.item_id in placed for it in s.items if it.mandatory)
    assert r.schedule.info.method == METHOD
    assert r.objective == objective_value(s, r.schedule)
    # every item is placed once or left out with a reason
    assert len(placed) + len(r.schedule.unscheduled) == len(s.items)
    assert all(u.reason for u in r.schedule.unscheduled)


@pytest.mark.parametrize(
    ("days", "items", "expected"),
    [(2, 5000, False), (3, 999, False), (3, 1000, True)],
)
def test_auto_uses_days_for_long_large_events(days, items, expected):
    class Fake:
        def __init__(self):
            self.settings = settings(days=(DAY1, DAY2, DAY3)[:days])
            self.items = [None] * items

    assert use_days(Fake()) is expected


def test_the_days_share_a_short_limit_instead_of_each_taking_two_seconds(
    monkeypatch,
):
    """Three days with 3 s in all: each day's model once got at least
    2 s, so the days alone took 6 s (a generated three-day event given
    5 s took 8.1 s). With less than 2 s left for each day still to
    come, a day gets its share of what is left."""
    from scheduler.search.decompose import MIN_DAY_SECONDS

    asked = _days_params(monkeypatch)
    s = _generated_three_days()
    r, _ = solve_by_day(s, SolveParams(time_limit=3, workers=2, seed=0))
    assert r.schedule is not None and check(s, r.schedule) == []
    # the first two days, with the third still to come, under the old floor
    assert len(asked) == 3
    assert all(p.time_limit < MIN_DAY_SECONDS for p in asked[:2])


def test_a_day_never_searches_on_in_the_whole_run_s_after_time(monkeypatch):
    """The seconds the pipeline keeps after the search (the left-out
    diagnosis, writing) are the whole event's: a day's model that finds
    nothing must not take a third of them, day after day."""
    asked = _days_params(monkeypatch)
    s = three_days(
        events=(Event("A", "A", "workshop", 60, 50, earliest=at("09:00")),),
    )
    params = SolveParams(
        time_limit=5, workers=1, diagnosis_s=3.0, writing_s=3.0
    )
    r, _ = solve_by_day(s, params)
    kept = {p.diagnosis_s + p.writing_s for p in asked}
    assert r.schedule is not None and kept == {0.0}
