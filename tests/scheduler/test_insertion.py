"""The insertion pass after the search (:mod:`scheduler.search.insertion`)."""

from __future__ import annotations

from dataclasses import replace

from models import BilateralRequest
from models.checker import check
from models.records.schedule import Schedule
from scheduler.search import solve as solve_module
from scheduler.search.construct.greedy import greedy
from scheduler.search.extract import with_reasons
from scheduler.search.insertion import insert_left_out
from scheduler.search.solve import improve_schedule
from tests.factory import at, delegation, tiny


def _pairs(window=None):
    w = window or {}
    return tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC", "DDD")),
        bilaterals=(
            BilateralRequest("B1", "AAA", "BBB", priority=5, **w),
            BilateralRequest("B2", "CCC", "DDD", priority=1, **w),
        ),
    )


def test_a_request_that_fits_is_put_in_and_the_checker_agrees():
    s = _pairs()
    empty = with_reasons(s, Schedule(assignments=()))
    better, _ = insert_left_out(s, empty, seconds=5)
    assert set(better.by_item()) == {"B:B1", "B:B2"}
    assert better.unscheduled == ()
    assert check(s, better) == []


def test_with_insert_false_nothing_is_placed():
    s = _pairs()
    empty = with_reasons(s, Schedule(assignments=()))
    same, _ = insert_left_out(s, empty, seconds=5, insert=False)
    assert same is empty


def test_a_blocked_request_is_told_which_room_and_item_block_it():
    """BL1 is the only room with flags and holds one meeting in the
    half hour both pairs can meet."""
    s = _pairs(dict(earliest=at("08:00"), latest=at("08:30")))
    start = greedy(s, order="value").schedule
    assert set(start.by_item()) == {"B:B1"}
    better, reasons = insert_left_out(s, start, seconds=5)
    assert set(better.by_item()) == {"B:B1"}
    text = reasons["B:B2"]
    assert "free together for 30 minutes only at 25 Oct 08:00-08:30" in text
    assert "every suitable room is taken then (by B:B1)" in text


def test_a_request_whose_only_room_is_closed_is_told_so():
    """The only room with flags opens at 19:00, after the day's hours:
    nothing takes it, so the reason must not say it is taken."""
    s = _pairs()
    rooms = tuple(
        replace(r, available_from=at("19:00"), available_to=at("21:00"))
        if r.room_id == "BL1"
        else r
        for r in s.rooms
    )
    s = replace(s, rooms=rooms)
    empty = with_reasons(s, Schedule(assignments=()))
    better, reasons = insert_left_out(s, empty, seconds=5)
    assert better.assignments == ()
    text = reasons["B:B1"]
    assert text.startswith("Its people are free together for 30 minutes")
    assert text.endswith("every suitable room is outside its open hours then")


def test_improve_never_keeps_a_schedule_the_checker_refuses(monkeypatch):
    """If the pass ever returned a clash, the search's schedule stands."""
    s = _pairs()
    start = greedy(s, order="value").schedule
    a = start.by_item()["B:B1"]
    clash = replace(a, item_id="B:B2", ref_id="B2")  # same room and time

    def broken(s, schedule, seconds, insert=True, nominal=None):
        return replace(schedule, assignments=(a, clash)), {}

    monkeypatch.setattr(solve_module, "insert_left_out", broken)
    kept, objective, _ = improve_schedule(s, start, 123.0, {}, "FEASIBLE", 1)
    assert kept.assignments == start.assignments
    assert objective == 123.0
