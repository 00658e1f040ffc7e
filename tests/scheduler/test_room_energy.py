"""The rooms' time energy
(:func:`scheduler.model.constraints.rooms.room_time_energy`): the items a
pool of rooms holds, each with its changeover, fill no more time than
there is where they can be (the rooms' open hours, cut to the times the
items' slots and windows reach); the cut says so to CP-SAT's bound and
refuses no schedule the checker accepts."""

from __future__ import annotations

from bench.generate import Shape, generate
from models import Event, Slot
from scheduler import SolveParams
from scheduler.model.build import build_model
from scheduler.search.solve import solve
from tests.factory import at, room, tiny

from .helpers import (
    broken_rows,
    checked_schedules,
    hinted_values,
    solve_checked,
)


def _talks(n: int):
    """``n`` one-hour talks that only room R1 can hold, R1 open 09:00 to
    11:10 with a ten-minute changeover: two of them fit."""
    return tiny(
        rooms=(
            room(
                "R1",
                available_from=at("09:00"),
                available_to=at("11:10"),
            ),
        ),
        events=tuple(
            Event(f"T{k}", f"Talk {k}", "workshop", 60, 50, rooms=("R1",))
            for k in range(n)
        ),
    )


def _cuts(built):
    return {
        c.name: c
        for c in built.model.proto.constraints
        if c.name.startswith("room_time_energy|")
    }


def test_the_cut_holds_the_pool_to_its_open_time_and_a_changeover():
    built = build_model(_talks(3))
    cuts = _cuts(built)
    # on the whole event (its one day would say the same)
    assert sorted(cuts) == ["room_time_energy|R1|all"]
    row = cuts["room_time_energy|R1|all"].linear
    assert sorted(row.coeffs) == [4200] * 3  # an hour and the changeover
    # open 2 h 10, and a changeover more
    assert list(row.domain)[-1] == 7800 + 600
    r = solve_checked(_talks(3))
    assert len(r.schedule.assignments) == 2


def test_no_cut_when_every_item_fits_or_a_rule_is_left_out():
    assert not _cuts(build_model(_talks(2)))
    # left out, the opening hours no longer hold the talks inside them
    assert not _cuts(build_model(_talks(3), skip=("room_open",)))


def _slotted(n: int, *others: Event):
    """``n`` one-hour talks held to two slots of slot set S (09:00 and
    14:00, each 75 minutes), and ``others``, that only room R1 can hold;
    R1 is open all day, so its hours alone would take them all."""
    talks = tuple(
        Event(
            f"T{k}",
            f"Talk {k}",
            "workshop",
            60,
            50,
            rooms=("R1",),
            slot_set="S",
        )
        for k in range(n)
    )
    return tiny(
        rooms=(room("R1"),),
        events=talks + others,
        slots=(
            Slot("S", at("09:00"), at("10:15")),
            Slot("S", at("14:00"), at("15:15")),
        ),
    )


def test_talks_held_to_slots_fill_the_slots_not_the_opening_hours():
    built = build_model(_slotted(3))
    row = _cuts(built)["room_time_energy|R1|all"].linear
    # a talk starts when its slot does: an hour and a changeover per slot
    assert list(row.domain)[-1] == 2 * (3600 + 600)
    r = solve_checked(_slotted(3))
    assert len(r.schedule.assignments) == 2


def test_the_slots_have_their_own_row_beside_an_item_that_can_be_any_time():
    meeting = Event("M", "Meeting", "workshop", 60, 50, rooms=("R1",))
    s = _slotted(3, meeting)
    cuts = _cuts(build_model(s))
    # all four fit in R1's day; the three talks do not fit in their slots
    assert sorted(cuts) == ["room_time_energy|R1|slots0"]
    row = cuts["room_time_energy|R1|slots0"].linear
    assert len(row.vars) == 3
    assert list(row.domain)[-1] == 2 * (3600 + 600)
    r = solve_checked(s)
    assert len(r.schedule.assignments) == 3
    # checked schedules, greedy ones built without the model included,
    # keep the row
    for schedule in checked_schedules(s, r.schedule):
        hinted, value = hinted_values(s, schedule)
        assert broken_rows(hinted, "room_time_energy|", value) == []


def _busy_rooms():
    """A generated event with more requests than its rooms hold."""
    return generate(
        delegations=40,
        days=2,
        side_events=40,
        bilaterals=80,
        rooms=10,
        seed=3,
        shape=Shape(),
    )


def test_every_checked_schedule_keeps_the_cut_room_by_room():
    """The model's rows at each schedule's values, and the claim they
    rest on room by room (which implies it pool by pool), on the whole
    event and day by day: every schedule the checker accepts keeps them,
    the greedy ones built without the model included."""
    s = _busy_rooms()
    built = build_model(s)
    assert _cuts(built)  # the event needs the cut somewhere
    r = solve(s, SolveParams(time_limit=4, workers=1), live=False)
    items = {it.item_id: it for it in s.items}
    for schedule in checked_schedules(s, r.schedule):
        # the model's own rows, at the schedule's values
        hinted, value = hinted_values(s, schedule)
        assert broken_rows(hinted, "room_time_energy|", value) == []
        filled: dict[tuple[str, int | None], int] = {}
        for a in schedule.assignments:
            it = items[a.item_id]
            if it.kind == "sequence" or s.room_by_id[a.room_id].kind == (
                "exhibition"
            ):
                continue
            co = s.changeover_seconds(a.room_id)
            lo, hi = s.grid.to_index(a.start), s.grid.to_index(a.end)
            for key in ((a.room_id, None), (a.room_id, s.grid.day_index(lo))):
                filled[key] = filled.get(key, 0) + hi - lo + co
        for (room_id, day), used in filled.items():
            co = s.changeover_seconds(room_id)
            spans = s.room_open(room_id)
            if day is not None:
                lo_d, hi_d = s.day_spans[day]
                spans = [(lo, hi) for lo, hi in spans if lo_d <= lo < hi_d]
            assert used <= sum(hi - lo + co for lo, hi in spans), room_id
