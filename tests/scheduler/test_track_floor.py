"""The track pairs' floor
(:func:`scheduler.model.objective.track_pairs_floor`): events of one
track held in slots, more of them than slot starts, share a start in at
least the pigeonhole's number of pairs; the cut says so to CP-SAT's
bound and refuses no schedule the checker accepts."""

from __future__ import annotations

import pytest

from bench.generate import Shape, generate
from models import Event, Slot
from models.objective import penalties
from scheduler import SolveParams
from scheduler.model.build import build_model
from scheduler.model.objective import least_pairs
from scheduler.search.solve import solve
from tests.factory import at, tiny

from .helpers import (
    broken_rows,
    checked_schedules,
    hinted_values,
    solve_checked,
)


@pytest.mark.parametrize(
    ("n", "m", "pairs"),
    [(2, 2, 0), (3, 2, 1), (5, 2, 4), (12, 8, 4), (9, 3, 9), (1, 4, 0)],
)
def test_least_pairs(n, m, pairs):
    assert least_pairs(n, m) == pairs


def _five_talks_in_two_slots():
    """Five one-hour talks of track T, each in one of two slots; three
    rooms, so three talks may share a slot: four pairs at least."""
    talks = tuple(
        Event(e, e, "workshop", 60, 50, track="T", slot_set="S")
        for e in ("A", "B", "C", "D", "E")
    )
    return tiny(
        events=talks,
        slots=(
            Slot("S", at("09:00"), at("10:15")),
            Slot("S", at("14:00"), at("15:15")),
        ),
    )


def test_the_floor_is_a_cut_per_slope_and_the_optimum_meets_it():
    s = _five_talks_in_two_slots()
    built = build_model(s)
    names = sorted(
        c.name
        for c in built.model.proto.constraints
        if c.name.startswith("track_pairs_floor|")
    )
    # lines of slope 1 through 2 placed and of slope 2 through 4
    assert names == ["track_pairs_floor|T|1", "track_pairs_floor|T|2"]
    r = solve_checked(s)
    assert r.status == "OPTIMAL"
    assert len(r.schedule.assignments) == 5
    assert r.schedule.info.penalties["track_parallel"] == 4


def test_no_floor_when_a_rule_is_left_out():
    """Left out, the slot-set rule no longer holds the talks to the slot
    starts the floor counts: no cut (explain and diagnose build so)."""
    built = build_model(_five_talks_in_two_slots(), skip=("slot_set",))
    assert not any(
        c.name.startswith("track_pairs_floor|")
        for c in built.model.proto.constraints
    )


def _tracked():
    """A generated event whose workshops are held in slots and share
    tracks, more of a track than there are slots."""
    return generate(
        delegations=30,
        days=1,
        side_events=40,
        bilaterals=30,
        rooms=20,
        seed=5,
        shape=Shape(),
    )


def test_every_checked_schedule_keeps_the_floor():
    s = _tracked()
    by_track: dict[str, list] = {}
    for it in s.items:
        if it.kind == "event" and it.track and it.slots:
            by_track.setdefault(it.track, []).append(it)
    starts = {
        t: {lo for it in its for lo, hi in it.slots if hi - lo >= it.duration}
        for t, its in by_track.items()
    }
    assert any(len(its) > len(starts[t]) for t, its in by_track.items())
    r = solve(s, SolveParams(time_limit=4, workers=1), live=False)
    for schedule in checked_schedules(s, r.schedule):
        # the model's own cuts, at the schedule's values: each item's
        # presence from the hint, each pair's "both placed and
        # overlapping" (not hinted) from the schedule's rows
        hinted, value = hinted_values(s, schedule)
        rows = schedule.by_item()
        for k, var in enumerate(hinted.model.proto.variables):
            x, sep, y = var.name.partition("||")
            if sep:
                a, b = rows.get(x), rows.get(y)
                value[k] = int(
                    a is not None
                    and b is not None
                    and a.start < b.end
                    and b.start < a.end
                )
        assert broken_rows(hinted, "track_pairs_floor|", value) == []
        placed = rows
        floor = sum(
            least_pairs(
                sum(it.item_id in placed for it in its), len(starts[t])
            )
            for t, its in by_track.items()
        )
        assert penalties(s, schedule)["track_parallel"] >= floor
