"""Pruning from fixed duties (:mod:`scheduler.model.constraints.duties`): who
is certainly busy at a fixed time, and what that rules out."""

from __future__ import annotations

from models import (
    Arrival,
    Event,
    SecurityWindow,
    parse_scope,
)
from scheduler.model.build import build_model
from scheduler.model.constraints.duties import fixed_duties
from tests.factory import at, delegation

from .helpers import solve_checked
from .test_rules import _airport


def _banquet_scenario():
    """A mandatory all-heads banquet 12:00-13:00. AAA is free; BBB lands
    that morning (received by 09:00, 45 minutes from the centre); EEE's
    reception may start as late as 11:30; CCC is closed 12:30-14:00."""
    return _airport(
        delegations=tuple(
            delegation(d) for d in ("AAA", "BBB", "CCC", "DDD", "EEE")
        ),
        events=(
            Event(
                "BANQ",
                "Banquet",
                "reception",
                60,
                50,
                all_heads=True,
                mandatory=True,
                fixed_start=at("12:00"),
                rooms=("HALL",),
            ),
            Event(
                "TALK",
                "Talk",
                "workshop",
                30,
                20,
                participants=("AAA", "DDD"),
                earliest=at("11:00"),
                latest=at("14:00"),
                rooms=("R1",),
            ),
        ),
        arrivals=(
            Arrival("BBB", at("08:00"), at("09:00")),
            Arrival("EEE", at("08:00"), at("11:30")),
        ),
        windows=(
            SecurityWindow(
                "W1",
                at("12:30"),
                at("14:00"),
                parse_scope("delegation:CCC"),
                "closed",
            ),
        ),
    )


def test_only_heads_certainly_present_have_the_duty():
    s = _banquet_scenario()
    built = build_model(s)
    duties = fixed_duties(built.ctx)
    noon = s.grid.to_index(at("12:00"))
    assert duties["AAA"] == [(noon, noon + 3600, "E:BANQ")]
    assert duties["DDD"] == [(noon, noon + 3600, "E:BANQ")]
    # received by 09:00 at the latest, plus 45 minutes' travel: there
    assert duties["BBB"] == [(noon, noon + 3600, "E:BANQ")]
    assert "EEE" not in duties  # may be received too late to attend
    assert "CCC" not in duties  # closed for part of the banquet
    # the relaxation bound reads the same facts
    from scheduler.search.bound import certain_duties

    assert {p: d for p, d in certain_duties(s).items() if d} == {
        p: d for p, d in duties.items() if d
    }


def test_the_bound_sees_a_head_received_early_at_the_banquet():
    """BBB's talk can only be held during the banquet, which BBB, received
    by 09:00, must attend: no schedule holds it, and the relaxation bound
    proves it out (with the arrival ignored it proved nothing)."""
    from dataclasses import replace

    from scheduler.search.bound import relaxation_bound

    s = _banquet_scenario()
    s = replace(
        s,
        events=tuple(
            replace(
                e,
                participants=("BBB",),
                earliest=at("12:00"),
                latest=at("13:00"),
            )
            if e.event_id == "TALK"
            else e
            for e in s.events
        ),
    )
    value = s.item_by_id["E:TALK"].value
    assert relaxation_bound(s, 5).unplaced == value
    r = solve_checked(s)
    assert "E:TALK" not in r.schedule.by_item()
    assert r.status == "OPTIMAL"


def test_a_meeting_cannot_overlap_a_duty_or_its_buffer():
    s = _banquet_scenario()
    built = build_model(s)
    allowed = built.ctx.vars.items["E:TALK"].allowed
    g = s.grid
    # 30 minutes + 5 minutes of buffer must end by 12:00 or start after
    # 13:05
    assert allowed.contains(g.to_index(at("11:25")))
    assert not allowed.contains(g.to_index(at("11:30")))
    assert not allowed.contains(g.to_index(at("13:00")))
    assert allowed.contains(g.to_index(at("13:05")))
    r = solve_checked(s)
    assert "E:TALK" in r.schedule.by_item()


def test_no_pruning_when_a_rule_is_skipped():
    s = _banquet_scenario()
    built = build_model(s, skip=("mandatory",))
    allowed = built.ctx.vars.items["E:TALK"].allowed
    assert allowed.contains(s.grid.to_index(at("12:00")))


def test_a_meeting_in_another_venue_keeps_the_travel_time_to_a_duty():
    """The banquet is at the centre (HALL); a talk held only at the
    palace (20 minutes away) must end 20 minutes before it and start 20
    minutes after, and the relaxation bound rules out the same starts."""
    from dataclasses import replace

    from scheduler.search.bound import certain_duties, plan_item
    from tests.factory import room

    s = _banquet_scenario()
    s = replace(
        s,
        rooms=(*s.rooms, room("P1", venue="PAL")),
        events=tuple(
            replace(e, rooms=("P1",)) if e.event_id == "TALK" else e
            for e in s.events
        ),
    )
    built = build_model(s)
    allowed = built.ctx.vars.items["E:TALK"].allowed
    g = s.grid
    assert allowed.contains(g.to_index(at("11:10")))
    assert not allowed.contains(g.to_index(at("11:15")))
    assert not allowed.contains(g.to_index(at("13:15")))
    assert allowed.contains(g.to_index(at("13:20")))
    plan = plan_item(s, s.item_by_id["E:TALK"], certain_duties(s))
    starts = [
        t
        for spans in plan.starts.values()
        for a, b in spans
        for t in (a, b - 1)
    ]
    assert (
        g.to_index(at("11:10")) in starts and g.to_index(at("13:20")) in starts
    )
    r = solve_checked(s)
    assert "E:TALK" in r.schedule.by_item()
