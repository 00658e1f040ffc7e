"""What-if runs: a baseline stays put unless a change forces a move."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from models import Event, SecurityWindow, parse_scope
from models.baseline import Baseline, moves_cost
from models.changes import diff_schedules
from models.checker import check
from models.objective import objective_value
from scheduler import SolveParams
from scheduler.search.solve import solve
from tests.factory import at, delegation, tiny

from .helpers import assert_checker_finds, assert_rule_refuses

P = SolveParams(time_limit=20, workers=1)


def _scenario(**kw):
    events = tuple(
        Event(f"W{k}", f"Workshop {k}", "workshop", 60, 50, participants=(d,))
        for k, d in enumerate(["FRA", "DEU", "ITA"])
    )
    base = dict(
        delegations=(delegation("FRA"), delegation("DEU"), delegation("ITA")),
        events=events,
    )
    base.update(kw)
    return tiny(**base)


def _solve(s, baseline=None):
    r = solve(s, P, live=False, baseline=baseline)
    assert not check(s, r.schedule)
    assert objective_value(s, r.schedule, baseline) == round(r.objective)
    return r.schedule


def test_rerun_without_changes_moves_nothing():
    s = _scenario()
    v1 = _solve(s)
    v2 = _solve(s, Baseline(v1))
    assert diff_schedules(v1, v2) == []


def _room_lost(s, v1):
    """``s`` with the room of ``v1``'s first row closed by security while
    that row is held: the row and the changed scenario."""
    hit = v1.assignments[0]
    closed = SecurityWindow(
        "W9", hit.start, hit.end, parse_scope(f"room:{hit.room_id}"), "closed"
    )
    return hit, replace(s, windows=(closed,))


def test_room_lost_to_security_moves_only_what_it_must():
    s = _scenario()
    v1 = _solve(s)
    hit, s2 = _room_lost(s, v1)
    base = Baseline(v1)
    v2 = _solve(s2, base)
    changes = diff_schedules(v1, v2, set(s2.item_by_id))
    assert [c.item_id for c in changes] == [hit.item_id]
    assert changes[0].change == "moved"
    assert moves_cost(s2, base, v2) > 0


def test_locked_row_never_moves_and_new_item_fits_around_it():
    s = _scenario()
    v1 = _solve(s)
    locked = replace(v1.assignments[0], locked=True)
    v1 = replace(v1, assignments=(locked, *v1.assignments[1:]))
    s2 = replace(
        s,
        events=(
            *s.events,
            Event(
                "NEW",
                "New workshop",
                "workshop",
                60,
                50,
                mandatory=True,
                rooms=(locked.room_id,),
                earliest=locked.start,
                latest=locked.end + 2 * (locked.end - locked.start),
            ),
        ),
    )
    v2 = _solve(s2, Baseline(v1))
    after = v2.by_item()
    assert after[locked.item_id].start == locked.start
    assert after[locked.item_id].locked
    assert "E:NEW" in after


def test_freeze_keeps_the_morning():
    s = _scenario()
    v1 = _solve(s)
    freeze = max(a.start for a in v1.assignments)
    v2 = _solve(s, Baseline(v1, freeze_before=freeze))
    for a in v1.assignments:
        if a.start < freeze:
            assert v2.by_item()[a.item_id].start == a.start
    assert at("08:00") <= freeze


def test_checker_twin_of_baseline_pins():
    s = _scenario()
    v1 = _solve(s)
    locked = replace(v1.assignments[0], locked=True)
    base = Baseline(replace(v1, assignments=(locked, *v1.assignments[1:])))
    assert check(s, v1, base) == []
    # to a time after everything else, where it breaks no other rule
    free = max(a.end for a in v1.assignments) + timedelta(minutes=30)
    moved = replace(locked, start=free, end=free + (locked.end - locked.start))
    bad = replace(v1, assignments=(moved, *v1.assignments[1:]))
    assert check(s, bad) == []  # without the baseline, nothing to see
    assert_checker_finds("baseline_pins", s, bad, base)


def test_model_refuses_to_move_a_locked_row():
    s = _scenario()
    v1 = _solve(s)
    locked = replace(v1.assignments[0], locked=True)
    base = Baseline(replace(v1, assignments=(locked, *v1.assignments[1:])))
    later = locked.start + timedelta(hours=2)
    assert_rule_refuses(
        "baseline_pins", s, baseline=base, starts={locked.item_id: later}
    )


def test_nothing_new_starts_before_the_freeze():
    s = _scenario()
    v1 = _solve(s)
    first = min(v1.assignments, key=lambda a: a.start)
    rest = tuple(a for a in v1.assignments if a is not first)
    base = Baseline(replace(v1, assignments=rest), freeze_before=at("17:00"))
    # the first workshop is new to this baseline and may not start first
    assert_rule_refuses(
        "baseline_pins", s, baseline=base, starts={first.item_id: at("09:00")}
    )


def test_rank_change_moves_the_delegation_in_its_queue_and_nothing_else():
    from models import Sequence, SequenceMember

    dels = (
        delegation("ALB", "MIN", name="Albania"),
        delegation("BRA", "FM", name="Brazil"),
        delegation("CAN", "MIN", name="Canada"),
    )
    events = (
        Event(
            "SIGNING",
            "Signing",
            "ceremony",
            30,
            300,
            rooms=("HALL",),
            all_heads=True,
            mandatory=True,
            fixed_start=at("10:00"),
        ),
        Event(
            "W",
            "Workshop",
            "workshop",
            60,
            50,
            mandatory=True,
            participants=("CAN",),
        ),
    )
    s = tiny(
        delegations=dels,
        events=events,
        sequences=(
            Sequence(
                "Q",
                "Order of signature",
                "HALL",
                "precedence",
                90,
                within_event="SIGNING",
            ),
        ),
        members=tuple(SequenceMember("Q", d.delegation_id) for d in dels),
    )
    v1 = _solve(s)
    order1 = [
        a.participants[0]
        for a in sorted(
            (a for a in v1.assignments if a.kind == "sequence"),
            key=lambda a: a.start,
        )
    ]
    assert order1 == ["BRA", "ALB", "CAN"]
    s2 = replace(
        s,
        delegations=tuple(
            replace(d, head_rank="VMIN") if d.delegation_id == "BRA" else d
            for d in dels
        ),
    )
    v2 = _solve(s2, Baseline(v1))
    order2 = [
        a.participants[0]
        for a in sorted(
            (a for a in v2.assignments if a.kind == "sequence"),
            key=lambda a: a.start,
        )
    ]
    assert order2 == ["ALB", "CAN", "BRA"]
    moved = {c.item_id for c in diff_schedules(v1, v2)}
    assert moved <= {"S:Q:ALB", "S:Q:BRA", "S:Q:CAN"}


def test_a_new_guest_of_honour_reorders_the_lists_and_moves_nothing_else():
    """Issue 18: naming a guest of honour after publication puts them in
    the most senior guest's place in every list; every other item stays
    where it was."""
    from models import Sequence, SequenceMember

    dels = (
        delegation("FRA", "HOS", name="France"),
        delegation("DEU", "HOS", name="Germany"),
        delegation("ITA", "FM", name="Italy"),
    )
    events = (
        Event(
            "SIG",
            "Signing",
            "ceremony",
            30,
            100,
            rooms=("HALL",),
            mandatory=True,
            fixed_start=at("10:00"),
        ),
        *(
            Event(
                f"W{k}", f"Workshop {k}", "workshop", 60, 50, participants=(d,)
            )
            for k, d in enumerate(["FRA", "DEU", "ITA"])
        ),
    )
    seqs = (
        Sequence(
            "SIGN", "Signature", "HALL", "precedence", 90, within_event="SIG"
        ),
        Sequence(
            "WL",
            "Welcome line",
            "R2",
            "reverse_precedence",
            30,
            earliest=at("08:00"),
            latest=at("08:30"),
        ),
    )
    members = tuple(
        SequenceMember(q, d.delegation_id)
        for q in ("SIGN", "WL")
        for d in dels
    )
    s = _scenario(
        delegations=dels, events=events, sequences=seqs, members=members
    )
    v1 = _solve(s)
    guest = replace(dels[2], role="guest_of_honour")
    s2 = replace(s, delegations=(dels[0], dels[1], guest))
    v2 = _solve(s2, Baseline(v1))

    def order(schedule, seq):
        rows = sorted(
            (a for a in schedule.assignments if a.ref_id == seq),
            key=lambda a: a.start,
        )
        return [a.participants[0] for a in rows]

    assert order(v1, "SIGN") == ["FRA", "DEU", "ITA"]
    assert order(v2, "SIGN") == ["ITA", "FRA", "DEU"]
    assert order(v1, "WL") == ["ITA", "DEU", "FRA"]
    assert order(v2, "WL") == ["DEU", "FRA", "ITA"]
    changes = diff_schedules(v1, v2, set(s2.item_by_id))
    assert changes and all(c.item_id.startswith("S:") for c in changes)


def test_the_repair_start_keeps_what_no_change_touches():
    """Without the solver, a what-if run has a schedule at once: the
    baseline's unbroken rows where they were, the rest placed greedily,
    checked whole (the search stands on it when it finds nothing)."""
    from scheduler.search.solve import repair_start

    s = _scenario()
    v1 = _solve(s)
    hit = v1.assignments[0]
    closed = SecurityWindow(
        "W9", hit.start, hit.end, parse_scope(f"room:{hit.room_id}"), "closed"
    )
    s2 = replace(s, windows=(closed,))
    base = Baseline(v1)
    v2 = repair_start(s2, base)
    assert v2 is not None
    assert check(s2, v2, base) == []
    changes = diff_schedules(v1, v2, set(s2.item_by_id))
    assert [c.item_id for c in changes] == [hit.item_id]


def test_the_repair_start_puts_nothing_new_before_the_freeze():
    from scheduler.search.solve import repair_start

    s = _scenario()
    v1 = _solve(s)
    late = max(a.start for a in v1.assignments)
    s2 = replace(
        s,
        events=(
            *s.events,
            Event("W9", "New workshop", "workshop", 60, 50, mandatory=True),
        ),
    )
    base = Baseline(v1, late)
    v2 = repair_start(s2, base)
    assert v2 is not None and check(s2, v2, base) == []
    assert v2.by_item()["E:W9"].start >= late


def test_a_what_if_run_out_of_time_keeps_its_first_schedule():
    """A room lost to security with a limit the first phase (which holds
    what the change leaves alone) already uses up: the full model is not
    built and searched past the limit; the first phase's schedule, which
    moves only what it must, stands, FEASIBLE with no bound claimed."""
    s = _scenario()
    v1 = _solve(s)
    hit, s2 = _room_lost(s, v1)
    short = SolveParams(time_limit=0.01, workers=2)
    r = solve(s2, short, live=False, baseline=Baseline(v1))
    assert r.status == "FEASIBLE" and r.best_bound is None
    assert not check(s2, r.schedule)
    changes = diff_schedules(v1, r.schedule, set(s2.item_by_id))
    assert [c.item_id for c in changes] == [hit.item_id]


def test_a_repeatable_what_if_run_out_of_time_keeps_its_limit(monkeypatch):
    """The same with one worker (a run that repeats): the clock, not the
    work, decides that the full model is not built, so the run keeps its
    limit and records that the clock stopped it (the Summary then says
    it may not repeat). It once built and searched the full model past
    the limit: 6.4 s for a 5 s what-if run on 334 items."""
    from scheduler.search import solve as solve_module
    from scheduler.search.work import CLOCK_STOPS

    s = _scenario()
    v1 = _solve(s)
    _, s2 = _room_lost(s, v1)
    built = []
    real = solve_module.build_model
    monkeypatch.setattr(
        solve_module,
        "build_model",
        lambda *a, **k: built.append(1) or real(*a, **k),
    )
    CLOCK_STOPS.reset()
    short = SolveParams(time_limit=0.01, workers=1)
    r = solve(s2, short, live=False, baseline=Baseline(v1))
    assert r.status == "FEASIBLE" and not check(s2, r.schedule)
    assert built == [1]  # the first phase's model only
    assert "what-if full search" in CLOCK_STOPS.stages


def test_a_first_phase_worse_than_the_repair_start_is_not_kept(monkeypatch):
    """The first phase, stopped by its time, may end on a schedule worse
    than the repair start (the baseline itself, when nothing changed):
    a run with no time for more keeps the better of the two, here the
    baseline with nothing moved or dropped."""
    from scheduler.search import solve as solve_module

    s = _scenario()
    v1 = _solve(s)
    worse = replace(v1, assignments=v1.assignments[1:])

    def first_phase(scenario, params, baseline, intr, deadline=None):
        return worse, None, 0.0

    monkeypatch.setattr(solve_module, "_hold_phase", first_phase)
    short = SolveParams(time_limit=0.01, workers=2)
    r = solve(s, short, live=False, baseline=Baseline(v1))
    assert not check(s, r.schedule)
    assert diff_schedules(v1, r.schedule) == []


def test_an_unchanged_event_starts_from_its_baseline(monkeypatch):
    """Nothing changed: however the greedy repair and the first phase
    end (here both worse: an item left out), a run with no time for more
    keeps the baseline itself, which the checker accepts whole."""
    from scheduler.search import solve as solve_module

    s = _scenario()
    v1 = _solve(s)
    worse = replace(v1, assignments=v1.assignments[1:])
    monkeypatch.setattr(solve_module, "_greedy_repair", lambda *args: worse)
    monkeypatch.setattr(
        solve_module, "_hold_phase", lambda *args: (worse, None, 0.0)
    )
    short = SolveParams(time_limit=0.01, workers=2)
    r = solve(s, short, live=False, baseline=Baseline(v1))
    assert diff_schedules(v1, r.schedule) == []


def test_a_what_if_run_stopped_by_its_time_reports_its_own_objective():
    """A what-if run the search cannot finish (a generated event of 318
    items, 156 left out, 5 s, one worker): the schedule kept, the search's
    or its start's, is valued as the search values it, with the moves
    tier; its start was once valued on the plain scale, 60 times smaller,
    so it always won and the Summary showed the plain objective."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bench.family import draw
    from bench.generate import generate

    args, shape, _ = draw(41)
    s = generate(**args, shape=shape)
    params = SolveParams(time_limit=5, workers=1)
    first = solve(s, params, live=False)
    base = Baseline(first.schedule)
    r = solve(s, params, live=False, baseline=base)
    assert r.status == "FEASIBLE"
    assert not check(s, r.schedule)
    assert objective_value(s, r.schedule, base) == round(r.objective)


def test_a_what_if_model_too_large_to_build_keeps_the_repaired_baseline(
    monkeypatch,
):
    """Neither model of a what-if run built by the time the search must
    end (a huge event): the baseline's unbroken rows, the rest placed
    greedily, stand, checked, and nothing moves without cause."""
    import scheduler.search.solve as solve_module
    from scheduler.model.context import BuildTooLong

    s = _scenario()
    v1 = _solve(s)
    deadlines = []

    def too_slow(*args, deadline=None, **kwargs):
        deadlines.append(deadline)
        raise BuildTooLong

    monkeypatch.setattr(solve_module, "build_model", too_slow)
    r = solve(s, P, live=False, baseline=Baseline(v1))
    assert deadlines and all(d is not None for d in deadlines)
    assert r.status == "FEASIBLE"
    assert not check(s, r.schedule)
    assert diff_schedules(v1, r.schedule) == []


def test_a_what_if_run_reports_the_value_the_relaxation_proves_lost():
    """A what-if run's bound counts the value no schedule can place (the
    relaxation's, times the what-if placement weight): a run whose first
    phase stands once reported no bound at all, and a short full search
    CP-SAT's alone, often 0 (gap 100%) where the relaxation proves half
    the gap. The bound is proven: never above the schedule's objective,
    and the schedule passes the checker."""
    from models.objective import placement_weight

    big = Event("BIG", "Too large for any room", "workshop", 60, 100_000)
    s = _scenario()
    s = replace(s, events=(*s.events, big))
    v1 = _solve(s)
    _, s2 = _room_lost(s, v1)
    base = Baseline(v1)
    lost = placement_weight(s2, base) * s2.item_by_id["E:BIG"].value
    for limit in (0.01, 5):  # the first phase stands; the full search
        params = SolveParams(time_limit=limit, workers=1)
        r = solve(s2, params, live=False, baseline=base)
        assert r.status in ("FEASIBLE", "OPTIMAL")
        assert not check(s2, r.schedule)
        assert r.best_bound is not None
        assert lost <= r.best_bound <= r.objective
