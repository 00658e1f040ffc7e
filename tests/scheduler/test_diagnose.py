"""Left-out items get the solver's reason: the rules and the placed items
that block them."""

from __future__ import annotations

from models import Event
from scheduler.diagnose import diagnose_left_out
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
