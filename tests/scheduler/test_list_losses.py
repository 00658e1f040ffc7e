"""What the lists must lose (:func:`scheduler.search.bound.list_losses`):
a member who cannot reach their list, and members a list's span cannot
hold, are counted in the relaxation bound, and never more than a checked
schedule loses."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models.checker import check
from models.objective import penalties
from models.records.items import left_out
from scheduler.search.bound import list_losses, relaxation_bound
from scheduler.search.construct.greedy import greedy
from tests.factory import at

from .helpers import solve_checked
from .test_bound import SHAPES, _scenario
from .test_late_members import signing


def _list_loss(s, schedule) -> int:
    """The optional list value ``schedule`` leaves out."""
    placed = [a.item_id for a in schedule.assignments]
    return sum(
        it.value
        for it in left_out(s, placed)
        if it.kind == "sequence" and not it.mandatory
    )


def test_a_member_who_lands_after_the_list_is_counted_lost():
    s = signing("drop")
    lost = list_losses(s)
    # NEXT lands the day after SIGN1: no schedule has them sign it
    assert lost == s.item_by_id["S:SIGN1:NEXT"].value
    result = solve_checked(s)
    assert result.status == "OPTIMAL"
    # LATE is dropped too (the host opens by 10:13:30, LATE comes at
    # 10:40 and the policy is drop): a loss the list's order causes,
    # which this bound does not count
    assert _list_loss(s, result.schedule) == 2 * lost
    bound = relaxation_bound(s, 5)
    assert bound.unplaced is not None and bound.unplaced >= lost
    assert bound.unplaced <= penalties(s, result.schedule)["unplaced_value"]


def test_a_member_with_a_place_in_another_list_is_not_counted():
    # NEXT may sign SIGN2 instead: nothing is certainly lost
    assert list_losses(signing("move:SIGN2")) == 0


def test_a_member_received_late_by_a_closed_gate_is_counted_lost():
    # LATE may land from 09:00, but the gate opens at 10:20: received
    # 10:20-10:30, 45 minutes to the hall, 11:15, after SIGN1 (10:00-11:00)
    base = signing("drop")
    open_gate = replace(
        base,
        arrivals=tuple(
            replace(a, earliest=at("09:00"), latest=at("10:30"))
            if a.delegation_id == "LATE"
            else a
            for a in base.arrivals
        ),
    )
    s = replace(
        open_gate,
        rooms=tuple(
            replace(r, available_from=at("10:20"))
            if r.room_id == "GATE"
            else r
            for r in base.rooms
        ),
    )
    late, nxt = (s.item_by_id[f"S:SIGN1:{m}"].value for m in ("LATE", "NEXT"))
    # with the gate open LATE can be received at 09:00, in the hall 09:55
    assert list_losses(open_gate) == nxt
    # the window opens at 09:00 too, but the reception cannot start then
    lost = list_losses(s)
    assert lost == late + nxt
    result = solve_checked(s)
    assert result.status == "OPTIMAL"
    assert _list_loss(s, result.schedule) == lost


def test_a_list_longer_than_its_event_loses_the_surplus():
    s = signing("drop", members=("AAA", "BBB", "CCC"))
    assert list_losses(s) == 0
    # SIG1 cut to 5 minutes: the host's place and two of the three
    # 90-second places fit, so one member is certainly left out
    short = replace(
        s,
        events=tuple(
            replace(e, duration_minutes=5) if e.event_id == "SIG1" else e
            for e in s.events
        ),
    )
    lost = list_losses(short)
    assert lost == s.item_by_id["S:SIGN1:AAA"].value
    result = solve_checked(short)
    assert result.status == "OPTIMAL"
    assert _list_loss(short, result.schedule) == lost


@pytest.mark.parametrize("shape", list(SHAPES))
def test_never_more_than_a_checked_schedule_loses(shape):
    s = _scenario(SHAPES[shape])
    for order in ("rows", "value"):
        schedule = greedy(s, order=order).schedule
        assert check(s, schedule) == []
        assert list_losses(s) <= _list_loss(s, schedule)
