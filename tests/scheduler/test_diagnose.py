"""Left-out items get the solver's reason: the rules and the placed items
that block them."""

from __future__ import annotations

from dataclasses import replace

from models import Event
from models.reasons import GENERIC_REASON
from scheduler.diagnosis.diagnose import (
    AUTO_SECONDS,
    diagnose_left_out,
    diagnosis_plan,
)
from tests.factory import at, room, tiny

from .helpers import solve_checked


def _one_room_two_workshops():
    """One room, one hour, a priority-5 keynote and a priority-1 chat."""
    window = {"earliest": at("09:00"), "latest": at("10:00")}
    return tiny(
        rooms=(room("R1", capacity=100),),
        events=(
            Event("A", "Keynote", "workshop", 60, 50, priority=5, **window),
            Event("B", "Side chat", "workshop", 60, 50, priority=1, **window),
        ),
    )


def test_blocked_by_a_higher_priority_item_in_the_only_room():
    s = _one_room_two_workshops()
    r = solve_checked(s)
    out = diagnose_left_out(s, r.schedule, budget=10)
    reason = {u.item_id: u.reason for u in out.unscheduled}["E:B"]
    assert "E:A (Keynote)" in reason
    assert "room conflict" in reason


def test_no_budget_keeps_the_cheap_reason():
    s = _one_room_two_workshops()
    r = solve_checked(s)
    assert diagnose_left_out(s, r.schedule, budget=0) == r.schedule


def test_only_the_named_items_are_diagnosed():
    s = _one_room_two_workshops()
    r = solve_checked(s)
    assert diagnose_left_out(s, r.schedule, budget=10, only=set()) == (
        r.schedule
    )
    out = diagnose_left_out(s, r.schedule, budget=10, only={"E:B"})
    assert "E:A (Keynote)" in out.unscheduled[0].reason


def test_by_default_only_unexplained_items_of_small_scenarios():
    s = _one_room_two_workshops()
    r = solve_checked(s)
    (left,) = r.schedule.unscheduled
    assert diagnosis_plan(s, r.schedule, 3.0) == (3.0, None)
    assert diagnosis_plan(s, r.schedule, 0.0) == (0.0, None)
    explained = replace(r.schedule, unscheduled=(replace(left, reason="x"),))
    assert diagnosis_plan(s, explained, None) == (0.0, set())
    unexplained = replace(
        r.schedule, unscheduled=(replace(left, reason=GENERIC_REASON),)
    )
    assert diagnosis_plan(s, unexplained, None) == (AUTO_SECONDS, {"E:B"})


def test_too_little_time_begins_no_diagnosis():
    """With less than an item's least share (2 s) in all, the diagnosis
    model is not even built (on a large event that alone took longer
    than the time there was): the cheap reason stays."""
    s = _one_room_two_workshops()
    r = solve_checked(s)
    assert diagnose_left_out(s, r.schedule, budget=1.5) == r.schedule
