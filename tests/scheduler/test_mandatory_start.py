"""The start that places every mandatory item when the greedy's does not
(:mod:`scheduler.search.mandatory_start`)."""

from __future__ import annotations

from dataclasses import replace

from models import Arrival, BilateralRequest, Person, Travel, Venue
from models.checker import check
from scheduler import SolveParams
from scheduler.model.build import build_model
from scheduler.search import solve as solve_module
from scheduler.search.construct.greedy import greedy
from scheduler.search.interrupt import Interrupts
from scheduler.search.mandatory_start import complete, mandatory_start
from tests.factory import at, delegation, room, tiny


def _greeter_in_order():
    """One greeter, one gate: the first arrival listed may come any time
    before 11:00, the second only by 09:10. Taken in row order, each at
    its first free start, the first takes 09:00 and the second has no
    start left; the other way round both fit."""
    return tiny(
        venues=(Venue("NCC", "Convention Centre"), Venue("AIR", "Airport")),
        travel=(Travel("NCC", "AIR", 45),),
        rooms=(
            room("BL1", "bilateral", 20, features=("flags",)),
            room("GATE", "arrival", 40, venue="AIR"),
        ),
        delegations=(delegation("FRA"), delegation("DEU"), delegation("ITA")),
        people=(Person("HOST", "Host minister", "ITA", "MIN"),),
        arrivals=(
            Arrival("FRA", at("09:00"), at("11:00"), greeter="HOST"),
            Arrival("DEU", at("09:00"), at("09:10"), greeter="HOST"),
        ),
        bilaterals=(BilateralRequest("B1", "FRA", "ITA", priority=3),),
    )


def test_the_greedy_misses_a_mandatory_arrival_a_schedule_places():
    s = _greeter_in_order()
    start = greedy(s, order="value").schedule
    assert "A:DEU" not in start.by_item()
    assert not complete(s, start)
    with Interrupts() as intr:
        fixed = mandatory_start(
            build_model(s, hint=start), 5.0, workers=1, seed=0, interrupts=intr
        )
    assert fixed is not None
    assert complete(s, fixed)
    assert check(s, fixed) == []
    assert "B:B1" in fixed.by_item()  # the optional request placed around


def test_a_search_that_finds_nothing_still_has_the_mandatory_start(
    monkeypatch,
):
    """The search's own CP-SAT given no time: before, the greedy's start
    (an arrival out) was no schedule and the run had none."""
    s = _greeter_in_order()
    configure = solve_module.configure

    def no_time(solver, params, det=None):
        configure(solver, params, det)
        solver.parameters.max_time_in_seconds = 0.0

    monkeypatch.setattr(solve_module, "configure", no_time)
    params = SolveParams(time_limit=5, workers=1, seed=0)
    r = solve_module.solve(s, replace(params, lns=False), live=False)
    assert r.schedule is not None
    assert check(s, r.schedule) == []
    assert {"A:FRA", "A:DEU"} <= set(r.schedule.by_item())
