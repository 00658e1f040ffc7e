"""The redundant busy-time cuts of :func:`scheduler.model.constraints.people.
person_no_overlap` never refuse a schedule the rules allow."""

from __future__ import annotations

from models import BilateralRequest, SecurityWindow, parse_scope
from tests.factory import at, delegation, room, tiny

from .helpers import solve_checked


def _meeting(bid, other, lo, hi):
    return BilateralRequest(
        bid, "AAA", other, priority=5, earliest=at(lo), latest=at(hi)
    )


def test_two_free_stretches_each_hold_a_trailing_buffer():
    """AAA is free 08:00-08:30 and 17:30-18:00 only: a 30-minute meeting
    fills each stretch, so the day holds 60 minutes of meetings plus two
    buffers (a cut allowing only one buffer would drop a meeting)."""
    s = tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC")),
        rooms=(
            room("BL1", "bilateral", 20, features=("flags",)),
            room("BL2", "bilateral", 20, features=("flags",)),
        ),
        windows=(
            SecurityWindow(
                "W1",
                at("08:30"),
                at("17:30"),
                parse_scope("delegation:AAA"),
                "closed",
            ),
        ),
        bilaterals=(
            _meeting("B1", "BBB", "08:00", "18:00"),
            _meeting("B2", "CCC", "08:00", "18:00"),
        ),
    )
    r = solve_checked(s)
    assert r.status == "OPTIMAL"
    assert set(r.schedule.by_item()) == {"B:B1", "B:B2"}


def test_a_stretch_holds_what_fits_and_no_more():
    """Three meetings that must all fall in 09:00-10:05: two fit (30 + 5
    + 30 minutes), the third cannot, and that is proven."""
    s = tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC", "DDD")),
        rooms=(
            room("BL1", "bilateral", 20, features=("flags",)),
            room("BL2", "bilateral", 20, features=("flags",)),
        ),
        bilaterals=(
            _meeting("B1", "BBB", "09:00", "10:05"),
            _meeting("B2", "CCC", "09:00", "10:05"),
            _meeting("B3", "DDD", "09:00", "10:05"),
        ),
    )
    r = solve_checked(s)
    assert r.status == "OPTIMAL"
    assert len(r.schedule.by_item()) == 2
