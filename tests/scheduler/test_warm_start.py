"""The greedy warm start (:mod:`scheduler.search.construct.greedy`): value
order, and the greedy schedule standing when the search finds nothing."""

from __future__ import annotations

from inputs.sample.hanoi2025 import build_hanoi_scenario
from models import BilateralRequest
from models.checker import check
from models.records.schedule import GREEDY_START
from scheduler import SolveParams
from scheduler.search.construct.greedy import UNTRIED, greedy
from scheduler.search.construct.static import least_wanted_first
from scheduler.search.solve import solve
from tests.factory import at, delegation, room, tiny

from .helpers import forced_status


def _two_for_one_slot():
    """Two requests of the same pair, both only possible 08:00-08:30."""
    window = dict(earliest=at("08:00"), latest=at("08:30"))
    return tiny(
        delegations=(delegation("AAA"), delegation("BBB")),
        bilaterals=(
            BilateralRequest("B1", "AAA", "BBB", priority=1, **window),
            BilateralRequest("B2", "AAA", "BBB", priority=5, **window),
        ),
    )


def test_rows_order_takes_the_first_request():
    s = _two_for_one_slot()
    placed = set(greedy(s, order="rows").schedule.by_item())
    assert placed == {"B:B1"}


def test_value_order_takes_the_most_valuable_request():
    s = _two_for_one_slot()
    r = greedy(s, order="value")
    assert set(r.schedule.by_item()) == {"B:B2"}
    assert check(s, r.schedule) == []


def _palace_and_centre():
    """At 09:00 only: CCC meets DDD in the palace alone, AAA meets BBB
    (worth more) in the palace's room or the centre's, the palace's
    listed first."""
    window = dict(earliest=at("09:00"), latest=at("09:30"))
    return tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC", "DDD")),
        rooms=(
            room("PR", "bilateral", 20, venue="PAL", features=("flags",)),
            room("BL1", "bilateral", 20, features=("flags",)),
        ),
        bilaterals=(
            BilateralRequest("B1", "AAA", "BBB", priority=5, **window),
            BilateralRequest(
                "B2", "CCC", "DDD", priority=1, venue_id="PAL", **window
            ),
        ),
    )


def test_the_warm_start_tries_the_least_wanted_room_first():
    """The palace's room is the only one CCC and DDD may use: the warm
    start puts AAA and BBB in the centre's and places both meetings,
    where the rooms in their listed order (first come, first served, as
    a clerk would) fill the palace and leave one out."""
    s = _palace_and_centre()
    rank = least_wanted_first(s)
    assert rank["BL1"] < rank["PR"]
    r = greedy(s, order="value")
    assert check(s, r.schedule) == []
    rows = r.schedule.by_item()
    assert set(rows) == {"B:B1", "B:B2"}
    assert rows["B:B1"].room_id == "BL1"
    assert set(greedy(s, order="rows").schedule.by_item()) == {"B:B1"}


def test_search_started_from_greedy_finds_the_optimum():
    s = _two_for_one_slot()
    r = solve(s, SolveParams(time_limit=10, workers=1), live=False)
    assert r.status == "OPTIMAL"
    assert set(r.schedule.by_item()) == {"B:B2"}
    assert check(s, r.schedule) == []


def test_greedy_start_stands_when_the_search_finds_nothing():
    """0.1 s is less than the sample's model takes to build: the greedy
    schedule, which the checker accepts, is the answer, FEASIBLE, with
    the relaxation's bound if it found one in its share of the time."""
    s = build_hanoi_scenario()
    r = solve(s, SolveParams(time_limit=0.1, workers=1), live=False)
    assert r.status == "FEASIBLE"
    assert r.best_bound is None or r.best_bound <= r.objective
    assert r.schedule.info.best_bound == r.best_bound
    assert r.schedule.info.method == GREEDY_START
    assert check(s, r.schedule) == []
    assert all(u.reason for u in r.schedule.unscheduled)
    assert not any(
        u.reason.startswith("greedy") for u in r.schedule.unscheduled
    )


def test_without_warm_start_nothing_is_found_in_that_time():
    s = build_hanoi_scenario()
    p = SolveParams(time_limit=0.1, workers=1, warm_start=False)
    r = solve(s, p, live=False)
    assert r.schedule is None and r.status == "UNKNOWN"


def test_greedy_out_of_time_still_tries_the_mandatory_frame():
    """With no time at all the greedy still places arrivals and mandatory
    items (with their queues), and leaves every other optional request
    out as untried."""
    s = build_hanoi_scenario()
    r = greedy(s, order="value", seconds=0)
    placed = r.schedule.by_item()
    assert all(
        it.item_id in placed
        for it in s.items
        if it.mandatory and it.kind != "sequence"
    )
    optional = {
        it.item_id
        for it in s.items
        if not it.mandatory and it.kind != "sequence"
    }
    assert optional and not optional & set(placed)
    reasons = {u.item_id: u.reason for u in r.schedule.unscheduled}
    assert {reasons[i] for i in optional} == {UNTRIED}
    assert check(s, r.schedule) == []


def test_model_accepts_the_greedy_schedule_of_the_sample():
    """Every schedule the checker accepts must be one the model allows:
    the sample's greedy schedule, every start and presence forced, is
    feasible (guards the redundant cuts against cutting off schedules)."""
    s = build_hanoi_scenario()
    schedule = greedy(s, order="value").schedule
    assert check(s, schedule) == []
    placed = schedule.by_item()
    status = forced_status(
        s,
        starts={i: a.start for i, a in placed.items()},
        present={
            it.item_id: False for it in s.items if it.item_id not in placed
        },
    )
    assert status in ("OPTIMAL", "FEASIBLE")


def test_a_model_too_large_to_build_in_time_leaves_the_greedy_start(
    monkeypatch,
):
    """The build stops at the time the search must end (4,978 bilateral
    requests took 39 s to build for a 30 s limit): the greedy schedule
    stands, checked, with the relaxation's bound; the limit holds."""
    import time

    import scheduler.search.solve as solve_module
    from scheduler.model.context import BuildTooLong

    seen = {}

    def too_slow(*args, deadline=None, **kwargs):
        seen["deadline"] = deadline
        raise BuildTooLong

    monkeypatch.setattr(solve_module, "build_model", too_slow)
    s = build_hanoi_scenario()
    began = time.monotonic()
    r = solve(s, SolveParams(time_limit=20, workers=1), live=False)
    assert seen["deadline"] is not None
    assert seen["deadline"] <= began + 20
    assert r.status == "FEASIBLE"
    assert r.schedule.info.method == GREEDY_START
    assert check(s, r.schedule) == []
    assert r.best_bound is not None and r.best_bound <= r.objective
    assert r.schedule.info.gap == r.gap


def test_the_build_stops_at_its_deadline():
    import time

    import pytest

    from scheduler.model.build import build_model
    from scheduler.model.context import BuildTooLong

    s = build_hanoi_scenario()
    with pytest.raises(BuildTooLong):
        build_model(s, deadline=time.monotonic() - 1)
    assert build_model(s, deadline=time.monotonic() + 600).model is not None
