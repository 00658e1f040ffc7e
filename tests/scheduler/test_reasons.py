"""Cheap left-out reasons that name the shared free time of an item's
people and what holds its rooms then (:func:`models.reasons.taken_reason`)."""

from __future__ import annotations

from models import BilateralRequest
from models.reasons import cheap_reason
from tests.factory import at, delegation, tiny

from .helpers import solve_checked


def _reason(s, result, item_id):
    assert item_id not in result.schedule.by_item()
    return cheap_reason(s, s.item_by_id[item_id], result.schedule)


def _bilateral(bid, a, b, priority, lo, hi):
    return BilateralRequest(
        bid, a, b, priority=priority, earliest=at(lo), latest=at(hi)
    )


def test_the_only_suite_is_taken_while_both_heads_are_free():
    """One bilateral suite, two meetings that both fit only 08:00-08:30:
    the lower-priority one is out because the suite is taken."""
    s = tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC", "DDD")),
        bilaterals=(
            _bilateral("B1", "AAA", "BBB", 5, "08:00", "08:30"),
            _bilateral("B2", "CCC", "DDD", 1, "08:00", "08:30"),
        ),
    )
    r = solve_checked(s)
    reason = _reason(s, r, "B:B2")
    assert reason.startswith("No room it may use (BL1) is free for 30")
    assert "the head of CCC and the head of DDD are free together" in reason
    assert "25 Oct 08:00–08:30" in reason
    assert "taken by B:B1" in reason


def test_heads_free_together_only_a_few_minutes():
    """AAA meets CCC until 08:30, BBB meets DDD from 08:45: with the
    5-minute buffer AAA and BBB share only 08:35-08:40."""
    s = tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC", "DDD")),
        bilaterals=(
            _bilateral("B1", "AAA", "CCC", 5, "08:00", "08:30"),
            _bilateral("B3", "BBB", "DDD", 5, "08:45", "09:15"),
            _bilateral("B2", "AAA", "BBB", 1, "08:00", "09:15"),
        ),
    )
    r = solve_checked(s)
    assert {"B:B1", "B:B3"} <= set(r.schedule.by_item())
    assert _reason(s, r, "B:B2") == (
        "The head of AAA and the head of BBB are free together only "
        "25 Oct 08:35–08:40, less than the 30 minutes it needs"
    )


def test_a_closed_room_is_not_blamed_on_the_meeting_after_it():
    """AAA and BBB are free together 08:30-10:05; a security window
    closes the only suite 08:00-10:00 and CCC-DDD hold it from 10:05.
    The suite is closed while AAA and BBB are free together: the reason
    says so, and never blames the meeting that starts after the window."""
    from models import SecurityWindow, parse_scope

    free = {"available_from": at("08:30"), "available_to": at("10:05")}
    s = tiny(
        delegations=(
            delegation("AAA", **free),
            delegation("BBB", **free),
            delegation("CCC"),
            delegation("DDD"),
        ),
        bilaterals=(
            _bilateral("B1", "CCC", "DDD", 5, "10:05", "10:35"),
            _bilateral("B2", "AAA", "BBB", 1, "08:30", "10:05"),
        ),
        windows=(
            SecurityWindow(
                "W1",
                at("08:00"),
                at("10:00"),
                parse_scope("room:BL1"),
                "closed",
                "sealed",
            ),
        ),
    )
    r = solve_checked(s)
    reason = _reason(s, r, "B:B2")
    assert "B:B1" not in reason
    assert reason.endswith("the rooms are closed then")
