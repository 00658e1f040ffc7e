"""The insertion pass after the search (:mod:`scheduler.search.insertion`)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings

from models import BilateralRequest, Event, Person, Travel
from models.checker import CHECKERS, check
from models.records.schedule import Schedule
from scheduler.search import solve as solve_module
from scheduler.search.construct.greedy import greedy
from scheduler.search.construct.rows import assignment
from scheduler.search.extract import with_reasons
from scheduler.search.insertion import (
    LOCAL_RULES,
    _Index,
    insert_left_out,
    insertable,
    local_violations,
)
from scheduler.search.solve import improve_schedule
from tests.factory import at, delegation, room, tiny
from tests.factory import settings as make_settings

from .strategies import scenarios


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


def _whole_verdict(s, schedule, a):
    """The local rules that a whole check of ``schedule`` with ``a`` added
    finds broken by ``a``."""
    rows = Schedule((*schedule.assignments, a))
    return sorted(
        {
            v.rule
            for rule in LOCAL_RULES
            for v in CHECKERS[rule](s, rows)
            if a.item_id in v.items
        }
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenarios())
def test_the_local_check_agrees_with_a_whole_check(s):
    """Every left-out request, and every placed one taken out in turn,
    tried at its own start and at starts across its window, in each of
    its rooms: the pass's check, each rule on the rows within its reach,
    refuses exactly what a check of the whole schedule refuses."""
    start = greedy(s, order="value").schedule
    placed = start.by_item()
    for iid in [u.item_id for u in start.unscheduled] + list(placed):
        it = s.item_by_id.get(iid)
        if it is None or not insertable(s, it):
            continue
        rest = Schedule(
            tuple(a for a in start.assignments if a.item_id != iid)
        )
        index = _Index(s, rest)
        stride = max(it.step, (it.start_max - it.start_min) // 8)
        starts = set(range(it.start_min, it.start_max + 1, stride))
        if iid in placed:
            starts.add(s.grid.to_index(placed[iid].start))
        for t in sorted(starts):
            t -= t % it.step
            for r in it.rooms:
                a = assignment(s, iid, t, r, it.participants)
                local = sorted(
                    {v.rule for v in local_violations(s, it, a, index)}
                )
                assert local == _whole_verdict(s, rest, a), (iid, t, r)


def _talk(eid: str, room_id: str, people: tuple[str, ...]) -> Event:
    """An optional one-hour workshop held only in ``room_id``."""
    return Event(
        eid,
        f"Event {eid}",
        kind="workshop",
        duration_minutes=60,
        attendance=20,
        rooms=(room_id,),
        participants=people,
        mandatory=False,
    )


def _at(s, eid: str, hhmm: str, room_id: str):
    """``eid``'s workshop placed at ``hhmm`` in ``room_id``."""
    it = s.item_by_id[f"E:{eid}"]
    return assignment(
        s, it.item_id, s.grid.to_index(at(hhmm)), room_id, it.participants
    )


def _refused(s, placed, eid: str, hhmm: str, room_id: str) -> list[str]:
    """The rules the pass's check finds broken by ``eid`` at ``hhmm`` in
    ``room_id``, beside the rows ``placed``."""
    index = _Index(s, Schedule(tuple(placed)))
    it = s.item_by_id[f"E:{eid}"]
    a = _at(s, eid, hhmm, room_id)
    return [v.rule for v in local_violations(s, it, a, index)]


def test_the_local_check_counts_a_limit_over_the_whole_day():
    """Pat may take one item a day and has one at 08:00: a second at
    17:00, far beyond any gap or sweep, is refused all the same."""
    s = tiny(
        delegations=(delegation("AAA"),),
        people=(Person("PAT", "Pat", "AAA", "MIN", max_items_per_day=1),),
        events=(_talk("A", "R1", ("PAT",)), _talk("B", "R1", ("PAT",))),
    )
    first = _at(s, "A", "08:00", "R1")
    assert _refused(s, [first], "B", "17:00", "R1") == ["daily_limit"]
    assert _refused(s, [], "B", "17:00", "R1") == []


def test_the_local_check_reaches_as_far_as_the_longest_travel():
    """No sweep, a 10-minute changeover, 45 minutes from the centre to
    the palace: Pat's workshop at the palace 40 minutes after one at the
    centre is refused for travel, one 50 minutes after is not."""
    s = tiny(
        settings=make_settings(vip_sweep_minutes=0),
        travel=(Travel("NCC", "PAL", 45),),
        rooms=(room("R1"), room("P1", venue="PAL")),
        delegations=(delegation("AAA"),),
        people=(Person("PAT", "Pat", "AAA", "MIN"),),
        events=(_talk("A", "R1", ("PAT",)), _talk("B", "P1", ("PAT",))),
    )
    first = _at(s, "A", "09:00", "R1")
    assert _refused(s, [first], "B", "10:40", "P1") == ["person_travel"]
    assert _refused(s, [first], "B", "10:50", "P1") == []


def test_the_local_check_reaches_as_far_as_the_sweep():
    """A 30-minute sweep before the head of state's talk at 10:00 in R1,
    a 10-minute changeover, 20 minutes' travel: a talk in R1 ending at
    09:35 is refused for the sweep, one ending at 09:30 is not."""
    s = tiny(
        delegations=(delegation("FRA", "HOS"),),
        events=(_talk("V", "R1", ("FRA",)), _talk("A", "R1", ())),
    )
    vip = _at(s, "V", "10:00", "R1")
    assert _refused(s, [vip], "A", "08:35", "R1") == ["vip_sweep"]
    assert _refused(s, [vip], "A", "08:30", "R1") == []
