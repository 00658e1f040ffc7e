"""Members who are late for their place (issue 18): placed after the
list (``end``), moved to another list (``move:``) or left out (``drop``),
each marked, with true reasons; the ``late_member`` rule and its checker
twin; the greedy agrees."""

from __future__ import annotations

from dataclasses import replace

import pytest

from models import (
    Arrival,
    Event,
    SecurityWindow,
    Sequence,
    SequenceMember,
    Travel,
    Venue,
    parse_scope,
)
from models.checker import check
from models.reasons import cheap_reason
from models.records.schedule import LATE_NOTE, Schedule
from scheduler.search.construct.greedy import greedy
from tests.factory import DAY2, at, delegation, room, settings, tiny

from .helpers import (
    assert_model_refuses,
    assert_rule_refuses,
    forced_status,
    solve_checked,
)


def signing(
    policy=None,
    *,
    members=("AAA", "BBB", "CCC", "LATE", "NEXT"),
    aaa_to=None,
    host_to="10:15",
):
    """Signing on 25 Oct 10:00-11:00 (SIGN1) and 26 Oct 10:00-11:00
    (SIGN2, its own member ZZZ). The host signs first and must leave at
    10:15, so SIGN1 begins by 10:13:30. LATE reaches the hall at 10:40,
    NEXT lands on 26 Oct."""
    host = replace(
        delegation("VNM", "HOS", name="Viet Nam", available_to=at(host_to)),
        kind="host",
    )
    dels = (
        host,
        delegation("AAA", "FM", name="Albania", available_to=aaa_to),
        delegation("BBB", "FM", name="Bhutan"),
        delegation("CCC", "FM", name="Chile"),
        delegation("LATE", "FM", name="Kenya"),
        delegation("NEXT", "FM", name="Nauru"),
        delegation("ZZZ", "FM", name="Zambia"),
    )
    venues = (Venue("NCC", "Centre"), Venue("AIR", "Airport"))
    rooms = (room("HALL", "hall", 500), room("GATE", "arrival", 40, "AIR"))
    events = tuple(
        Event(
            eid,
            f"Signing {eid}",
            "ceremony",
            60,
            300,
            rooms=("HALL",),
            mandatory=True,
            fixed_start=at("10:00", day),
        )
        for eid, day in (("SIG1", at("10:00").date()), ("SIG2", DAY2))
    )
    seqs = (
        Sequence(
            "SIGN1",
            "Order of signature (25 Oct)",
            "HALL",
            "precedence",
            90,
            within_event="SIG1",
            late_policy=policy,
        ),
        Sequence(
            "SIGN2",
            "Order of signature (26 Oct)",
            "HALL",
            "precedence",
            90,
            within_event="SIG2",
        ),
    )
    mem = (
        SequenceMember("SIGN1", "VNM", position=1, mandatory=True),
        *(SequenceMember("SIGN1", m) for m in members),
        SequenceMember("SIGN2", "ZZZ"),
    )
    arrivals = (
        # reception 09:45-09:55, then 45 minutes to the hall: 10:40
        Arrival("LATE", at("09:45"), at("09:45"), point="GATE"),
        Arrival("NEXT", at("08:00", DAY2), at("08:00", DAY2), point="GATE"),
    )
    return tiny(
        settings=settings(days=(at("10:00").date(), DAY2)),
        venues=venues,
        travel=(Travel("NCC", "AIR", 45),),
        rooms=rooms,
        delegations=dels,
        events=events,
        sequences=seqs,
        members=mem,
        arrivals=arrivals,
    )


def _rows(schedule: Schedule, seq: str):
    return sorted(
        (a for a in schedule.assignments if a.ref_id == seq),
        key=lambda a: a.start,
    )


def _who(rows):
    return [a.participants[0] for a in rows]


def _both(s):
    """The solver's schedule and the greedy's, each checked."""
    result = solve_checked(s)
    assert result.status == "OPTIMAL"
    solved = result.schedule
    quick = greedy(s, order="value").schedule
    assert check(s, quick) == []
    return solved, quick


def test_end_places_a_late_member_after_the_list_marked():
    s = signing()
    solved, quick = _both(s)
    for sched in (solved, quick):
        rows = _rows(sched, "SIGN1")
        assert _who(rows) == ["VNM", "AAA", "BBB", "CCC", "LATE"]
        late = rows[-1]
        assert late.note == LATE_NOTE and late.start >= at("10:40")
        assert [a.note for a in rows[:-1]] == [""] * 4
        assert [a.position for a in rows] == [1, 2, 3, 4, 5]
        assert {u.item_id for u in sched.unscheduled} == {"S:SIGN1:NEXT"}
    # the one who lands the next day is left out, and told why
    reason = solved.unscheduled[0].reason
    assert "lands at AIR on 26 Oct" in reason and "after SIGN1 ends" in reason


def test_move_sends_late_members_to_the_next_days_list():
    s = signing("move:SIGN2")
    for sched in _both(s):
        assert _who(_rows(sched, "SIGN1")) == ["VNM", "AAA", "BBB", "CCC"]
        day2 = _rows(sched, "SIGN2")
        # in SIGN2's own order: Kenya, Nauru, Zambia
        assert _who(day2) == ["LATE", "NEXT", "ZZZ"]
        assert [a.note for a in day2] == [
            "moved from SIGN1",
            "moved from SIGN1",
            "",
        ]
        assert [a.item_id for a in day2[:2]] == [
            "S:SIGN2:LATE",
            "S:SIGN2:NEXT",
        ]
        assert sched.unscheduled == ()  # nobody is left out


def test_drop_leaves_them_out_with_the_policy_named():
    s = signing("drop")
    for sched in _both(s)[:1]:  # the greedy gives no reasons of its own
        assert _who(_rows(sched, "SIGN1")) == ["VNM", "AAA", "BBB", "CCC"]
        out = {u.item_id: u.reason for u in sched.unscheduled}
        assert set(out) == {"S:SIGN1:LATE", "S:SIGN1:NEXT"}
        assert out["S:SIGN1:LATE"].startswith(
            "The head of LATE cannot be there at their turn (10:06:00): "
            "they can be at NCC only from 25 Oct 10:40"
        )
        assert out["S:SIGN1:LATE"].endswith(
            "and the late policy of SIGN1 is drop"
        )


def test_a_member_there_at_their_turn_is_never_late():
    # AAA leaves at 10:50, before the ceremony ends: they could miss a
    # turn, but theirs (about 10:01) they can take
    s = signing(aaa_to=at("10:50"))

    def aaa_late(ctx):
        ctx.model.add(ctx.vars.items["S:SIGN1:AAA"].late == 1)

    assert_rule_refuses("late_member", s, extra=aaa_late)


def test_a_member_there_at_their_turn_is_never_moved():
    # AAA has a closed window 10:50-11:00 on 25 Oct (not at their turn)
    s = signing("move:SIGN2")
    busy = SecurityWindow(
        "W", at("10:50"), at("11:00"), parse_scope("person:AAA"), "closed"
    )
    s = replace(s, windows=(busy,))
    assert_rule_refuses("late_member", s, present={"S:SIGN2:AAA": True})


def test_a_moved_member_signs_once():
    s = signing("move:SIGN2", members=("AAA", "BBB", "CCC", "NEXT"))
    # NEXT cannot sign on 25 Oct at all; placing both its slots is refused
    assert (
        forced_status(
            s,
            present={"S:SIGN1:NEXT": True, "S:SIGN2:NEXT": True},
            skip=("person_available", "arrival_gate"),
        )
        == "INFEASIBLE"
    )
    assert (
        forced_status(
            s,
            present={"S:SIGN1:NEXT": True, "S:SIGN2:NEXT": True},
            skip=("person_available", "arrival_gate", "late_member"),
        )
        == "OPTIMAL"
    )


def test_late_members_come_after_the_members_in_order():
    s = signing()

    def late_first(ctx):
        vs = ctx.vars.items
        ctx.model.add(vs["S:SIGN1:LATE"].late == 1)
        ctx.model.add(vs["S:SIGN1:CCC"].in_order == 1)
        ctx.model.add(vs["S:SIGN1:LATE"].start < vs["S:SIGN1:CCC"].start)

    assert_model_refuses(
        "sequence_order",
        s,
        extra=late_first,
        skip=("sequence_contiguous", "late_member"),
    )


# ------------------------------------------------------- checker twins
def _solved(policy=None):
    s = signing(policy)
    result = solve_checked(s)
    assert result.status == "OPTIMAL"
    return s, result.schedule


def _marked(schedule, item_id, note):
    rows = tuple(
        replace(a, note=note) if a.item_id == item_id else a
        for a in schedule.assignments
    )
    return replace(schedule, assignments=rows)


def test_checker_refuses_a_late_mark_on_a_member_in_order_at_the_end():
    s, sched = _solved()
    # CCC is in order, fourth; marking it late means it was not there at
    # its turn, which it was
    bad = _marked(sched, "S:SIGN1:CCC", LATE_NOTE)
    rules = {v.rule for v in check(s, bad)}
    assert "late_member" in rules or "sequence_order" in rules


def test_checker_refuses_late_when_the_policy_is_drop():
    s = signing("drop")
    _, sched = _solved()  # LATE placed late under the default policy
    msgs = [v for v in check(s, sched) if v.rule == "late_member"]
    assert msgs and "late policy of SIGN1 is drop" in msgs[0].message


def test_checker_refuses_a_member_in_two_lists():
    s, sched = _solved("move:SIGN2")
    one = next(a for a in sched.assignments if a.item_id == "S:SIGN1:AAA")
    twin = replace(
        one,
        item_id="S:SIGN2:AAA",
        ref_id="SIGN2",
        start=one.start.replace(day=26),
        end=one.end.replace(day=26),
    )
    bad = replace(sched, assignments=(*sched.assignments, twin))
    assert any(
        v.rule == "late_member" and "both" in v.message for v in check(s, bad)
    )


def test_checker_refuses_a_wait_between_members_in_order():
    s, sched = _solved()
    rows = tuple(
        replace(a, start=a.start.replace(minute=a.start.minute + 1),
                end=a.end.replace(minute=a.end.minute + 1))
        if a.item_id == "S:SIGN1:CCC"
        else a
        for a in sched.assignments
    )  # fmt: skip
    assert any(
        v.rule == "sequence_contiguous"
        for v in check(s, replace(sched, assignments=rows))
    )


# -------------------------------------------------------------- reasons
def test_the_list_is_full_only_when_its_span_is():
    """Five members of 90 s in a 5-minute event: three fit, and the
    reason for the others says so with the true figures."""
    s = signing(members=("AAA", "BBB", "CCC"))
    seq = replace(s.sequences[0], slot_seconds=90)
    ev = replace(s.events[0], duration_minutes=5)
    s = tiny(
        **{
            **{f: getattr(s, f) for f in ("settings", "venues", "travel")},
            "rooms": s.rooms,
            "delegations": s.delegations,
            "events": (ev, s.events[1]),
            "sequences": (seq, s.sequences[1]),
            "members": s.members,
            "arrivals": s.arrivals,
        }
    )
    sched = solve_checked(s).schedule
    assert len(_rows(sched, "SIGN1")) == 3
    out = [u for u in sched.unscheduled if u.item_id.startswith("S:SIGN1")]
    assert len(out) == 1  # one of AAA, BBB, CCC (of equal value)
    reason = out[0].reason
    assert "cannot hold one more slot" in reason
    assert "its 3 members take 4 min 30 s" in reason


@pytest.mark.parametrize("policy", [None, "drop", "move:SIGN2"])
def test_every_reason_of_a_left_out_member_is_true(policy):
    """No "full" while time remains; no member left out while the policy
    gives them a place (checked independently of the reasons)."""
    s = signing(policy)
    sched = solve_checked(s).schedule
    for u in sched.unscheduled:
        it = s.item_by_id[u.item_id]
        assert cheap_reason(s, it, sched) == u.reason
        assert "full" not in u.reason and "cannot hold" not in u.reason
        assert "search left it unused" not in u.reason


def test_the_protocol_sheet_says_who_is_late_or_moved_and_why():
    from outputs.views import PROTOCOL_COLUMNS, protocol_rows

    note = PROTOCOL_COLUMNS.index("note")
    why = PROTOCOL_COLUMNS.index("why")
    for policy, member, said in (
        (None, "LATE", "late: after the list"),
        ("move:SIGN2", "NEXT", "moved from SIGN1"),
    ):
        s, sched = _solved(policy)
        rows = {r[5]: r for r in protocol_rows(s, sched)}
        assert rows[member][note] == said
        assert rows[member][why].startswith(
            "not there at their turn in SIGN1 ("
        )
        assert ": at NCC only from" in rows[member][why]
        public = {r[5]: r for r in protocol_rows(s, sched, public=True)}
        assert "only from" not in public[member][why]  # no arrival time
        assert rows["AAA"][note] == rows["AAA"][why] == ""


def test_a_member_speaking_elsewhere_at_their_turn_signs_after_the_list():
    """AAA speaks in another hall 10:00-10:10 and the host must leave at
    10:05: AAA's turn to sign (10:01:30 at the latest) finds them
    speaking, so they sign after the list, marked late, and the Protocol
    sheet says why."""
    s = signing(members=("AAA", "BBB", "CCC"), host_to="10:05")
    plen = Event(
        "PLEN",
        "Plenary",
        "plenary",
        10,
        200,
        rooms=("R1",),
        mandatory=True,
        fixed_start=at("10:00"),
    )
    spk = Sequence(
        "SPK", "Speakers", "R1", "precedence", 600, within_event="PLEN"
    )
    s = tiny(
        **{
            f: getattr(s, f)
            for f in ("settings", "venues", "travel", "delegations")
        },
        rooms=(*s.rooms, room("R1", "plenary", 300)),
        events=(*s.events, plen),
        sequences=(*s.sequences, spk),
        members=(*s.members, SequenceMember("SPK", "AAA", position=1)),
        arrivals=s.arrivals,
    )
    sched = _both(s)[0]  # (the greedy fills the signing first)
    rows = _rows(sched, "SIGN1")
    assert _who(rows) == ["VNM", "BBB", "CCC", "AAA"]
    assert rows[-1].note == LATE_NOTE
    assert rows[-1].start >= at("10:15")  # the speech, then the buffer
    from outputs.views import PROTOCOL_COLUMNS, protocol_rows

    why = PROTOCOL_COLUMNS.index("why")
    row = next(
        r for r in protocol_rows(s, sched) if r[0] == "SIGN1" and r[5] == "AAA"
    )
    assert row[why].endswith(": in SPK then")
