"""Each hard rule of the CP-SAT model: a tiny case where it holds (solved,
then accepted by the independent checker) and a forced violation that the
rule, and only the rule, refuses."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import time, timedelta
from pathlib import Path

import pytest

from models import (
    Arrival,
    BilateralRequest,
    Event,
    Person,
    SecurityWindow,
    Sequence,
    SequenceMember,
    Slot,
    Venue,
    objective,
    parse_scope,
)
from models.checker import BASELINE_CHECKERS, CHECKERS
from models.rules import BASELINE_RULES, HARD_RULES, SOFT_RULES
from scheduler.model.constraints import HARD
from scheduler.model.objective import SOFT
from tests.factory import at, delegation, room, settings, tiny

from .helpers import (
    assert_checker_finds,
    assert_model_refuses,
    assert_rule_refuses,
    forced_status,
    solve_checked,
)


def ev(eid, minutes=60, attendance=50, **kw):
    kw.setdefault("mandatory", True)
    kw.setdefault("kind", "workshop")
    return Event(
        eid,
        f"Event {eid}",
        duration_minutes=minutes,
        attendance=attendance,
        **kw,
    )


def test_catalogues_match():
    """Every hard rule has a model function and a checker, and back."""
    ids = {r.rule_id for r in HARD_RULES}
    assert set(HARD) == ids
    assert set(CHECKERS) == ids - set(BASELINE_RULES)
    assert set(BASELINE_CHECKERS) == set(BASELINE_RULES)


def test_twins_are_filed_alike():
    """A rule's model function and its checker twin live in modules of
    the same name (``constraints/rooms.py`` and ``checker/rooms.py``), so
    finding one finds the other."""
    for rule_id, fn in HARD.items():
        model_module = fn.__module__.rsplit(".", 1)[1]
        twin = CHECKERS.get(rule_id) or BASELINE_CHECKERS[rule_id]
        checker_module = twin.__module__.rsplit(".", 1)[1]
        assert model_module == checker_module, rule_id
        assert fn.__name__ == twin.__name__ == rule_id


def test_soft_catalogues_match():
    """The soft rules are listed once, with their weights, in
    ``models.rules``; the model's terms, the penalties recomputed from a
    schedule, their upper bounds and the objective's documentation follow
    that list."""
    ids = [r.rule_id for r in SOFT_RULES]
    assert not set(ids) & {r.rule_id for r in HARD_RULES}
    assert list(objective.WEIGHTS) == ids
    assert list(SOFT) == ids
    s = tiny(events=(ev("A", rooms=("R1",)),))
    assert list(objective.soft_upper_bounds(s)) == ids
    schedule = solve_checked(s).schedule
    assert list(objective.penalties(s, schedule)) == [*ids, "unplaced_value"]
    for r in SOFT_RULES:
        fn = SOFT[r.rule_id]
        assert fn.__name__ == r.rule_id
        said = fn.__doc__.lower()
        assert said.startswith("soft: " + r.statement[:20].lower())
        assert r.weight > 0
        assert f"``{r.rule_id}`` ({r.weight})" in objective.__doc__


def test_every_hard_rule_has_a_checker_test():
    """For every hard rule some test of this folder makes a schedule that
    breaks that rule alone and sees the checker name exactly that rule
    (through ``assert_rule_refuses`` or ``assert_checker_finds``)."""
    calls = re.compile(r"assert_(?:rule_refuses|checker_finds)\(\s*\"(\w+)\"")
    tested = {
        m.group(1)
        for path in Path(__file__).parent.glob("test_*.py")
        for m in calls.finditer(path.read_text())
    }
    assert tested >= {r.rule_id for r in HARD_RULES}


def test_every_model_rule_has_a_one_sentence_docstring():
    for rule_id, fn in HARD.items():
        assert fn.__doc__ and fn.__doc__.startswith("Hard: "), rule_id


# ------------------------------------------------------------------ time
def test_day_hours():
    s = tiny(events=(ev("A", rooms=("R1",)),))
    assert solve_checked(s).status == "OPTIMAL"
    assert_rule_refuses("day_hours", s, starts={"E:A": "07:00"})


def test_time_grid():
    s = tiny(events=(ev("A", rooms=("R1",)),))
    assert_rule_refuses("time_grid", s, starts={"E:A": "09:03"})


def test_time_window():
    s = tiny(
        events=(
            ev("A", rooms=("R1",), earliest=at("10:00"), latest=at("12:00")),
        )
    )
    r = solve_checked(s)
    assert r.schedule.assignments[0].start == at("10:00")
    assert_rule_refuses("time_window", s, starts={"E:A": "09:00"})


def test_fixed_start():
    s = tiny(events=(ev("A", rooms=("R1",), fixed_start=at("11:00")),))
    assert solve_checked(s).schedule.assignments[0].start == at("11:00")
    assert_rule_refuses("fixed_start", s, starts={"E:A": "10:00"})


def test_slot_set():
    s = tiny(
        events=(ev("A", rooms=("R1",), slot_set="S"),),
        slots=(
            Slot("S", at("09:00"), at("10:15")),
            Slot("S", at("14:00"), at("15:15")),
        ),
    )
    assert solve_checked(s).schedule.assignments[0].start == at("09:00")
    assert_rule_refuses("slot_set", s, starts={"E:A": "11:00"})


def test_event_order():
    s = tiny(
        events=(ev("A", rooms=("R1",)), ev("B", rooms=("R2",), after=("A",)))
    )
    r = solve_checked(s)
    a, b = r.schedule.by_item()["E:A"], r.schedule.by_item()["E:B"]
    assert a.end <= b.start
    assert_rule_refuses(
        "event_order", s, starts={"E:A": "10:00", "E:B": "09:30"}
    )


# ----------------------------------------------------------------- rooms
def test_room_open():
    rooms = (room("R1", available_to=at("12:00")),)
    s = tiny(rooms=rooms, events=(ev("A", rooms=("R1",)),))
    assert_rule_refuses("room_open", s, starts={"E:A": "11:30"})


def test_room_open_closed_window():
    s = tiny(
        events=(ev("A", rooms=("R1",)),),
        windows=(
            SecurityWindow(
                "W1",
                at("09:00"),
                at("10:00"),
                parse_scope("venue:NCC"),
                "closed",
            ),
        ),
    )
    r = solve_checked(s)
    a = r.schedule.assignments[0]
    assert a.end <= at("09:00") or a.start >= at("10:00")
    assert_rule_refuses("room_open", s, starts={"E:A": "09:30"})


def test_room_allowed():
    # 600 seats needed; the largest room holds 500: the model has no room
    # for it at all, so the schedule is made by hand
    s = tiny(events=(ev("A", attendance=600, kind="discussion"),))
    assert_model_refuses("room_allowed", s)
    fits = tiny(events=(ev("A", attendance=400, kind="discussion"),))
    good = solve_checked(fits).schedule
    (a,) = good.assignments
    assert a.room_id == "HALL"
    # a discussion takes a hall: R1 is a meeting room
    moved = replace(a, room_id="R1")
    assert_checker_finds(
        "room_allowed", fits, replace(good, assignments=(moved,))
    )


def test_item_shape_one_room():
    s = tiny(events=(ev("A", kind="other"),))
    assert_model_refuses("item_shape", s, rooms={"E:A": ["R1", "HALL"]})


def test_item_shape_in_the_checker():
    """Rows the solver never writes: an unknown item, a second row for
    one item, a wrong length, a missing participant."""
    s = tiny(
        delegations=(delegation("FRA"),),
        events=(ev("A", rooms=("R1",), participants=("FRA",)),),
    )
    good = solve_checked(s).schedule
    (a,) = good.assignments
    later = a.start + timedelta(hours=3)
    again = replace(a, start=later, end=later + (a.end - a.start))
    for rows in (
        (a, replace(a, item_id="E:GHOST", ref_id="GHOST")),
        (a, again),
        (replace(a, end=a.end - timedelta(minutes=5)),),
        (replace(a, participants=()),),
    ):
        assert_checker_finds("item_shape", s, replace(good, assignments=rows))


def test_mandatory():
    s = tiny(events=(ev("A", rooms=("R1",)),))
    assert_rule_refuses("mandatory", s, present={"E:A": False})


def test_optional_item_may_be_left_out_but_is_placed_when_it_fits():
    s = tiny(events=(ev("A", rooms=("R1",), mandatory=False),))
    r = solve_checked(s)
    assert [a.item_id for a in r.schedule.assignments] == ["E:A"]


def test_room_no_overlap_and_changeover():
    s = tiny(events=(ev("A", rooms=("R1",)), ev("B", rooms=("R1",))))
    r = solve_checked(s)
    a, b = sorted(r.schedule.assignments, key=lambda x: x.start)
    assert (b.start - a.end).total_seconds() >= 600
    assert_rule_refuses(
        "room_no_overlap", s, starts={"E:A": "09:00", "E:B": "09:30"}
    )
    # back to back without the 10-minute changeover
    assert_rule_refuses(
        "room_no_overlap", s, starts={"E:A": "09:00", "E:B": "10:05"}
    )


def test_exhibition_booths():
    expo = room("EXPO", "exhibition", 3)
    s = tiny(
        rooms=(expo,),
        events=(
            ev("X1", attendance=2, kind="exhibition"),
            ev("X2", attendance=2, kind="exhibition"),
        ),
    )
    r = solve_checked(s)
    x1, x2 = r.schedule.by_item()["E:X1"], r.schedule.by_item()["E:X2"]
    assert x1.end <= x2.start or x2.end <= x1.start
    assert_rule_refuses(
        "exhibition_booths", s, starts={"E:X1": "09:00", "E:X2": "09:30"}
    )


def test_exhibitions_share_the_room_within_booth_units():
    expo = room("EXPO", "exhibition", 4)
    s = tiny(
        rooms=(expo,),
        events=(
            ev("X1", attendance=2, kind="exhibition", fixed_start=at("09:00")),
            ev("X2", attendance=2, kind="exhibition", fixed_start=at("09:00")),
        ),
    )
    assert solve_checked(s).status == "OPTIMAL"


def test_vip_sweep():
    s = tiny(
        delegations=(delegation("FRA", "HOS"),),
        events=(
            ev("A", rooms=("R1",)),
            ev("B", rooms=("R1",), participants=("FRA",)),
        ),
    )
    r = solve_checked(s)
    a, b = r.schedule.by_item()["E:A"], r.schedule.by_item()["E:B"]
    if a.start < b.start:
        assert (b.start - a.end).total_seconds() >= 1800
    # changeover (10 min) is kept, the 30-minute sweep is not
    assert_rule_refuses(
        "vip_sweep", s, starts={"E:A": "09:00", "E:B": "10:15"}
    )


# ---------------------------------------------------------------- people
def test_person_no_overlap():
    s = tiny(
        delegations=(delegation("FRA"),),
        events=(
            ev("A", rooms=("R1",), participants=("FRA",)),
            ev("B", rooms=("R2",), participants=("FRA",)),
        ),
    )
    solve_checked(s)
    assert_rule_refuses(
        "person_no_overlap", s, starts={"E:A": "09:00", "E:B": "09:30"}
    )
    # same venue, no 5-minute buffer
    assert_rule_refuses(
        "person_no_overlap", s, starts={"E:A": "09:00", "E:B": "10:00"}
    )


def test_person_no_overlap_of_two_queues_inside_one_event():
    """One member in two queues held inside the same event: each slot is
    part of the event, but the two slots never overlap (issue 14: the
    model once placed both at once). The lists are in two rooms, so that
    room_no_overlap does not keep them apart."""
    s = tiny(
        rooms=(room("HALL", "hall", 500), room("STAGE", "hall", 500)),
        delegations=(delegation("FRA", "HOS"), delegation("DEU")),
        events=(ev("OPEN", rooms=("HALL",), kind="ceremony", all_heads=True),),
        sequences=tuple(
            Sequence(q, q, r, "precedence", 300, within_event="OPEN")
            for q, r in (("Q1", "HALL"), ("Q2", "STAGE"))
        ),
        members=tuple(
            SequenceMember(q, d, mandatory=True)
            for q in ("Q1", "Q2")
            for d in ("FRA", "DEU")
        ),
    )
    solve_checked(s)
    assert_rule_refuses(
        "person_no_overlap",
        s,
        starts={"S:Q1:FRA": "09:00:00", "S:Q2:FRA": "09:00:00"},
    )


def test_room_no_overlap_of_two_lists_inside_one_event():
    """Two lists of different members held in one room inside the same
    event never run at once (two speakers at one podium): the event is
    the room's use, so only this rule keeps the lists apart."""
    s = tiny(
        rooms=(room("HALL", "hall", 500), room("R1")),
        delegations=(delegation("FRA", "HOS"), delegation("DEU")),
        events=(ev("OPEN", rooms=("HALL",), kind="ceremony", all_heads=True),),
        sequences=tuple(
            Sequence(q, q, "HALL", "precedence", 300, within_event="OPEN")
            for q in ("Q1", "Q2")
        ),
        members=(
            SequenceMember("Q1", "FRA", mandatory=True),
            SequenceMember("Q2", "DEU", mandatory=True),
        ),
    )
    r = solve_checked(s)
    q1, q2 = (r.schedule.by_item()[i] for i in ("S:Q1:FRA", "S:Q2:DEU"))
    assert q1.end <= q2.start or q2.end <= q1.start
    # the greedy start holds the second list after the first
    from models.checker import check
    from scheduler.search.solve import greedy_start

    assert check(s, greedy_start(s, 5)) == []
    assert_rule_refuses(
        "room_no_overlap",
        s,
        starts={"S:Q1:FRA": "09:00:00", "S:Q2:DEU": "09:02:00"},
    )


def test_person_travel():
    rooms = (
        room("R1"),
        room("PAL1", "bilateral", 20, venue="PAL", features=("flags",)),
    )
    s = tiny(
        rooms=rooms,
        delegations=(delegation("FRA"), delegation("DEU")),
        events=(ev("A", rooms=("R1",), participants=("FRA",)),),
        bilaterals=(BilateralRequest("B1", "FRA", "DEU", mandatory=True),),
    )
    r = solve_checked(s)
    a, b = r.schedule.by_item()["E:A"], r.schedule.by_item()["B:B1"]
    first, second = sorted((a, b), key=lambda x: x.start)
    assert (second.start - first.end).total_seconds() >= 20 * 60
    # 10 minutes between venues 20 minutes apart
    assert_rule_refuses(
        "person_travel", s, starts={"E:A": "09:00", "B:B1": "10:10"}
    )


def test_person_available():
    s = tiny(
        delegations=(delegation("FRA", available_from=at("12:00")),),
        events=(ev("A", rooms=("R1",), participants=("FRA",)),),
    )
    r = solve_checked(s)
    assert r.schedule.assignments[0].start >= at("12:00")
    assert_rule_refuses("person_available", s, starts={"E:A": "09:00"})


def test_person_closed_window():
    s = tiny(
        delegations=(delegation("FRA"),),
        events=(ev("A", rooms=("R1",), participants=("FRA",)),),
        windows=(
            SecurityWindow(
                "W",
                at("08:00"),
                at("12:00"),
                parse_scope("delegation:FRA"),
                "closed",
            ),
        ),
    )
    assert solve_checked(s).schedule.assignments[0].start >= at("12:00")
    assert_rule_refuses("person_available", s, starts={"E:A": "09:00"})


def test_daily_limit():
    people = (
        Person("HOST", "Host minister", "VNM", "MIN", max_items_per_day=1),
    )
    s = tiny(
        delegations=(delegation("VNM"),),
        people=people,
        events=(
            ev("A", rooms=("R1",), participants=("HOST",), mandatory=False),
            ev("B", rooms=("R2",), participants=("HOST",), mandatory=False),
        ),
    )
    r = solve_checked(s)
    assert len(r.schedule.assignments) == 1
    assert len(r.schedule.unscheduled) == 1
    assert_rule_refuses("daily_limit", s, present={"E:A": True, "E:B": True})


# -------------------------------------------------------------- protocol
def _airport(**kw):
    venues = (
        Venue("NCC", "Convention Centre"),
        Venue("PAL", "Palace"),
        Venue("AIR", "Airport"),
    )
    from models import Travel

    travel = (
        Travel("NCC", "PAL", 20),
        Travel("NCC", "AIR", 45),
        Travel("PAL", "AIR", 50),
    )
    rooms = (
        room("R1"),
        room("R2"),
        room("HALL", "hall", 500),
        room("GATE", "arrival", 40, venue="AIR"),
    )
    return tiny(venues=venues, travel=travel, rooms=rooms, **kw)


def test_all_heads():
    s = tiny(
        delegations=(delegation("FRA"), delegation("DEU")),
        events=(
            ev(
                "OPEN",
                rooms=("HALL",),
                kind="ceremony",
                all_heads=True,
                attendance=300,
            ),
        ),
    )
    r = solve_checked(s)
    assert set(r.schedule.assignments[0].participants) == {"FRA", "DEU"}

    def drop_fra(ctx):
        ctx.model.add(ctx.vars.attends[("E:OPEN", "FRA")] == 0)

    assert_rule_refuses("all_heads", s, extra=drop_fra)


def test_all_heads_leaves_out_a_head_not_yet_arrived():
    s = _airport(
        delegations=(delegation("FRA"), delegation("DEU")),
        events=(
            ev(
                "OPEN",
                rooms=("HALL",),
                kind="ceremony",
                all_heads=True,
                attendance=300,
                fixed_start=at("09:00"),
            ),
        ),
        arrivals=(Arrival("DEU", at("10:00"), at("11:00")),),
    )
    r = solve_checked(s)
    assert r.schedule.by_item()["E:OPEN"].participants == ("FRA",)


def test_arrival_gate():
    s = _airport(
        delegations=(delegation("FRA", "HOS"),),
        events=(ev("A", rooms=("R1",), participants=("FRA",)),),
        arrivals=(Arrival("FRA", at("09:00"), at("10:00")),),
    )
    r = solve_checked(s)
    arr, a = r.schedule.by_item()["A:FRA"], r.schedule.by_item()["E:A"]
    assert (a.start - arr.end).total_seconds() >= 45 * 60
    # reception 09:00-09:20, then 45 min to the NCC: 10:05 at the earliest
    # (the head is in both items, so person_travel refuses it too)
    assert_model_refuses(
        "arrival_gate",
        s,
        starts={"A:FRA": "09:00", "E:A": "09:30"},
        skip=("person_travel",),
    )


def test_arrival_gate_holds_for_the_whole_delegation():
    """An aide of FRA is not at the reception, so only the gate keeps
    them from starting before their head has arrived."""
    s = _airport(
        delegations=(delegation("FRA", "HOS"),),
        people=(Person("FRA_AIDE", "Aide", "FRA", "OFF"),),
        events=(ev("A", rooms=("R1",), participants=("FRA_AIDE",)),),
        arrivals=(Arrival("FRA", at("09:00"), at("10:00")),),
    )
    assert_rule_refuses(
        "arrival_gate", s, starts={"A:FRA": "09:00", "E:A": "09:30"}
    )


def test_no_arrivals():
    s = _airport(
        delegations=(delegation("FRA"),),
        arrivals=(Arrival("FRA", at("09:00"), at("11:00")),),
        windows=(
            SecurityWindow(
                "M1",
                at("09:00"),
                at("10:30"),
                parse_scope("venue:AIR"),
                "no_arrivals",
            ),
        ),
    )
    r = solve_checked(s)
    assert r.schedule.assignments[0].start >= at("10:30")
    assert_rule_refuses("no_arrivals", s, starts={"A:FRA": "09:30"})


def _queue(order="precedence", position=None, late_policy=None):
    dels = (
        delegation("VNM", "HOS", name="Viet Nam"),
        delegation("ALB", "MIN", name="Albania"),
        delegation("BRA", "HOS", name="Brazil"),
        delegation("CAN", "MIN", name="Canada"),
    )
    members = tuple(
        SequenceMember(
            "SIG",
            d.delegation_id,
            position=position if d.delegation_id == "VNM" else None,
        )
        for d in dels
    )
    return tiny(
        delegations=dels,
        events=(
            ev(
                "SIGNING",
                30,
                300,
                rooms=("HALL",),
                kind="ceremony",
                all_heads=True,
                fixed_start=at("10:00"),
            ),
        ),
        sequences=(
            Sequence(
                "SIG",
                "Order of signature",
                "HALL",
                order,
                90,
                within_event="SIGNING",
                late_policy=late_policy,
            ),
        ),
        members=members,
    )


def test_sequence_order_precedence_with_host_first():
    s = _queue(position=1)
    r = solve_checked(s)
    rows = sorted(
        (a for a in r.schedule.assignments if a.kind == "sequence"),
        key=lambda a: a.start,
    )
    assert [a.participants[0] for a in rows] == ["VNM", "BRA", "ALB", "CAN"]
    assert [a.position for a in rows] == [1, 2, 3, 4]

    # force the host out of first place: BRA signs before VNM (nobody may
    # be late in this list, so VNM cannot be moved after the list)
    s = _queue(position=1, late_policy="drop")

    def host_second(ctx):
        vs = ctx.vars.items
        ctx.model.add(vs["S:SIG:VNM"].start > vs["S:SIG:BRA"].start)

    # the chain of sequence_contiguous follows protocol order too
    assert_model_refuses(
        "sequence_order",
        s,
        extra=host_second,
        present={"S:SIG:VNM": True, "S:SIG:BRA": True},
        skip=("sequence_contiguous",),
    )
    # back to back, but ALB before BRA: the order alone is broken
    by_item = r.schedule.by_item()
    alb, bra = by_item["S:SIG:ALB"], by_item["S:SIG:BRA"]
    swapped = {
        "S:SIG:BRA": replace(bra, start=alb.start, end=alb.end, position=3),
        "S:SIG:ALB": replace(alb, start=bra.start, end=bra.end, position=2),
    }
    rows = tuple(swapped.get(a.item_id, a) for a in r.schedule.assignments)
    assert_checker_finds(
        "sequence_order", s, replace(r.schedule, assignments=rows)
    )


def test_sequence_reverse_precedence():
    s = _queue(order="reverse_precedence")
    r = solve_checked(s)
    rows = sorted(
        (a for a in r.schedule.assignments if a.kind == "sequence"),
        key=lambda a: a.start,
    )
    assert [a.participants[0] for a in rows] == ["CAN", "ALB", "VNM", "BRA"]


def test_sequence_contiguous():
    s = _queue(position=1)
    r = solve_checked(s)
    rows = sorted(
        (a for a in r.schedule.assignments if a.kind == "sequence"),
        key=lambda a: a.start,
    )
    for a, b in itertools.pairwise(rows):
        assert a.end == b.start
    assert_rule_refuses(
        "sequence_contiguous",
        s,
        starts={"S:SIG:VNM": "10:00:00", "S:SIG:BRA": "10:05:00"},
    )


def test_queue_leaves_out_an_absent_member_and_keeps_order():
    s = _queue(position=1)
    from dataclasses import replace

    dels = tuple(
        replace(d, available_from=at("12:00"))
        if d.delegation_id == "BRA"
        else d
        for d in s.delegations
    )
    s = tiny(
        **{
            **{f: getattr(s, f) for f in ("events", "sequences", "members")},
            "delegations": dels,
        }
    )
    r = solve_checked(s)
    rows = sorted(
        (a for a in r.schedule.assignments if a.kind == "sequence"),
        key=lambda a: a.start,
    )
    assert [a.participants[0] for a in rows] == ["VNM", "ALB", "CAN"]
    assert [u.item_id for u in r.schedule.unscheduled] == ["S:SIG:BRA"]


@pytest.mark.parametrize("minutes", [5, 15])
def test_grid_follows_time_step(minutes):
    s = tiny(
        settings=settings(time_step_minutes=minutes, day_start=time(8, 0)),
        events=(ev("A", rooms=("R1",), earliest=at("09:01")),),
    )
    a = solve_checked(s).schedule.assignments[0]
    assert a.start.minute % minutes == 0 and a.start >= at("09:01")


def test_forced_status_helper_sees_plain_feasible_case():
    s = tiny(events=(ev("A", rooms=("R1",)),))
    assert forced_status(s, starts={"E:A": "09:00"}) == "OPTIMAL"


def test_room_pool_hands_out_distinct_identical_rooms():
    # R1 and R2 are identical: three one-hour events, two rooms, 9:00-10:00
    s = tiny(
        events=tuple(
            ev(
                f"A{k}",
                kind="workshop",
                mandatory=False,
                earliest=at("09:00"),
                latest=at("10:00"),
            )
            for k in range(3)
        )
    )
    r = solve_checked(s)
    placed = r.schedule.assignments
    assert len(placed) == 3  # the hall takes the third
    rooms = sorted(a.room_id for a in placed)
    assert rooms == ["HALL", "R1", "R2"]
