"""Tiny end-to-end instances with a hand-computed optimum."""

from __future__ import annotations

from dataclasses import replace

import pytest
from ortools.sat.python import cp_model

from models import BilateralRequest, Event
from models.objective import placement_weight
from scheduler import SolveParams
from scheduler.search.solve import BOUND_WORKER, configure
from tests.factory import at, delegation, room, tiny

from .helpers import solve_checked


def workshop(eid, priority, **kw):
    return Event(
        eid,
        f"Workshop {eid}",
        "workshop",
        60,
        50,
        priority=priority,
        earliest=at("09:00"),
        latest=at("10:00"),
        **kw,
    )


def test_higher_priority_wins_the_only_slot():
    """One room, one hour, two one-hour workshops: A (priority 5, value
    50) is placed, B (priority 2, value 20) is left out. Room fit: 50 empty
    seats = 1 unit. Soft upper bound = 1 + 1 = 2, so the placement weight
    is 3 and the optimum is 3 × 20 + 1 = 61."""
    s = tiny(
        rooms=(room("R1", capacity=100),),
        events=(workshop("A", 5), workshop("B", 2)),
    )
    assert placement_weight(s) == 3
    r = solve_checked(s)
    assert r.status == "OPTIMAL" and r.objective == 61
    assert [a.ref_id for a in r.schedule.assignments] == ["A"]
    assert [u.ref_id for u in r.schedule.unscheduled] == ["B"]
    assert r.schedule.info.penalties["room_fit"] == 1


def test_same_track_in_parallel_costs_its_weight():
    """Two mandatory one-hour events of one track must both run 9-10 in
    two rooms that fit exactly: one parallel pair, weight 30."""
    s = tiny(
        rooms=(room("R1", capacity=50), room("R2", capacity=60)),
        events=(
            workshop("A", 3, track="T", mandatory=True),
            workshop("B", 3, track="T", mandatory=True),
        ),
    )
    r = solve_checked(s)
    assert r.status == "OPTIMAL" and r.objective == 30
    assert r.schedule.info.penalties["track_parallel"] == 1


def test_same_track_events_are_spread_when_time_allows():
    s = tiny(
        rooms=(room("R1", capacity=50), room("R2", capacity=60)),
        events=(
            Event("A", "A", "workshop", 60, 50, track="T", mandatory=True),
            Event("B", "B", "workshop", 60, 50, track="T", mandatory=True),
        ),
    )
    r = solve_checked(s)
    assert r.objective == 0
    a, b = r.schedule.assignments
    assert a.end <= b.start or b.end <= a.start


def test_principal_bilaterals_grouped_at_the_palace():
    """FRA meets DEU at the palace (required) and ITA anywhere: holding
    both at the palace costs nothing; splitting would cost 10."""
    pal = room("PB", "bilateral", 20, venue="PAL", features=("flags",))
    s = tiny(
        rooms=(
            room("R1"),
            room("BL1", "bilateral", 20, features=("flags",)),
            pal,
        ),
        delegations=(
            delegation("FRA", size=4),
            delegation("DEU", size=4),
            delegation("ITA", size=4),
        ),
        bilaterals=(
            BilateralRequest(
                "B1", "FRA", "DEU", venue_id="PAL", mandatory=True
            ),
            BilateralRequest("B2", "FRA", "ITA", mandatory=True),
        ),
    )
    r = solve_checked(s)
    assert r.status == "OPTIMAL" and r.objective == 0
    assert {a.venue_id for a in r.schedule.assignments} == {"PAL"}


def test_big_hall_is_avoided_for_a_small_workshop():
    s = tiny(
        rooms=(room("R1", capacity=60), room("HALL", "hall", 500)),
        events=(Event("A", "A", "workshop", 60, 40, mandatory=True),),
    )
    r = solve_checked(s)
    assert r.schedule.assignments[0].room_id == "R1"
    assert r.objective == 0


def test_same_seed_and_one_worker_give_the_same_schedule():
    from scheduler import SolveParams
    from tests.scheduler.strategies import NAMES

    dels = tuple(delegation(n[:3].upper(), name=n) for n in NAMES)
    bil = tuple(
        BilateralRequest(
            f"B{k}",
            dels[k].delegation_id,
            dels[(k + 1) % len(dels)].delegation_id,
        )
        for k in range(len(dels))
    )
    s = tiny(
        delegations=dels,
        bilaterals=bil,
        events=(workshop("A", 3), workshop("B", 4)),
    )
    p = SolveParams(time_limit=20, workers=1, seed=7)
    first = solve_checked(s, p).schedule.assignments
    second = solve_checked(s, p).schedule.assignments
    assert first == second


def test_summary_says_when_no_bound_was_proven():
    from scheduler.search.result import Result

    text = Result("FEASIBLE", None, 100.0, None, 1.0).summary()
    assert "none proven" in text and "gap" not in text


def test_two_workers_put_the_bound_worker_first():
    two, one = cp_model.CpSolver(), cp_model.CpSolver()
    configure(two, SolveParams(time_limit=5, workers=2))
    configure(one, SolveParams(time_limit=5, workers=1))
    assert list(two.parameters.extra_subsolvers) == [BOUND_WORKER]
    assert list(one.parameters.extra_subsolvers) == []


def test_overrides_set_repeated_parameters():
    solver = cp_model.CpSolver()
    params = SolveParams(
        time_limit=5, workers=2, overrides={"subsolvers": ["core", "no_lp"]}
    )
    configure(solver, params)
    assert list(solver.parameters.subsolvers) == ["core", "no_lp"]
    with pytest.raises(ValueError, match="no_such_parameter"):
        configure(
            solver,
            SolveParams(time_limit=5, overrides={"no_such_parameter": 1}),
        )


def _a_relaxation_saying(monkeypatch, unplaced):
    """The relaxation bound replaced by one that claims ``unplaced`` units
    of value must be left out (what a relaxation of a scenario with no
    schedule may say, or a wrong one)."""
    from scheduler.search import solve as solve_module
    from scheduler.search.bound import Bound

    def said(s, *args, **kwargs):
        return Bound(
            float(unplaced * placement_weight(s)), unplaced, 0.0, "LP"
        )

    monkeypatch.setattr(solve_module, "relaxation_bound", said)


def _no_schedule():
    """Two mandatory one-hour workshops, one room, one hour."""
    return tiny(
        rooms=(room("R1", capacity=100),),
        events=(
            workshop("A", 5, mandatory=True),
            workshop("B", 2, mandatory=True),
        ),
    )


def test_no_schedule_is_infeasible_even_when_the_relaxation_has_one(
    monkeypatch,
):
    """Two mandatory one-hour workshops, one room, one hour: no schedule.
    A relaxation may still find one and put its cut in the model, which
    then refuses every schedule: the run says INFEASIBLE (and the
    diagnosis can say why), not UNKNOWN as if time had run out."""
    s = _no_schedule()
    _a_relaxation_saying(monkeypatch, 1)
    assert solve_checked(s).status == "INFEASIBLE"


def test_a_wrong_relaxation_cut_costs_no_schedule(monkeypatch):
    """A relaxation that claims more must be left out than any schedule
    leaves (a bug) makes the model with its cut refuse every schedule;
    the search runs again without it and finds the optimum (61, as in
    the first test), claiming no bound of the relaxation's."""
    s = tiny(
        rooms=(room("R1", capacity=100),),
        events=(workshop("A", 5), workshop("B", 2)),
    )
    _a_relaxation_saying(monkeypatch, 1000)
    r = solve_checked(
        s, SolveParams(time_limit=20, workers=1, warm_start=False)
    )
    assert r.status == "OPTIMAL" and r.objective == 61


def test_no_time_to_solve_again_without_the_cut_is_no_crash(monkeypatch):
    """The model with the relaxation's cut refused every schedule and no
    time is left to solve it again: the run ends without a schedule
    (UNKNOWN), reading no solver that never ran."""
    from scheduler.search import solve as solve_module

    s = _no_schedule()
    _a_relaxation_saying(monkeypatch, 1)
    monkeypatch.setattr(solve_module, "insertion_seconds", lambda limit: 50)
    # and no time is worth searching on in (see the next test)
    monkeypatch.setattr(solve_module, "MIN_SEARCH_SECONDS", 1e9)
    r = solve_checked(s, SolveParams(time_limit=20, workers=2))
    assert r.status == "UNKNOWN" and r.schedule is None


@pytest.mark.parametrize(
    "scenario, status", [("none", "INFEASIBLE"), ("one", "OPTIMAL")]
)
def test_a_search_with_nothing_yet_goes_on_in_the_time_kept_after_it(
    monkeypatch, scenario, status
):
    """The portfolio's share of the time ends with no schedule (here it
    is made all but nothing): the time kept for the moves and the
    insertion pass, which need a schedule, goes to the search instead. A
    5 s run once said "no schedule found within 5 s" after 2.9 s, where
    0.7 s more proved the scenario infeasible."""
    from scheduler.search import solve as solve_module

    monkeypatch.setattr(solve_module, "MAIN_SHARE", 1e-9)
    s = (
        _no_schedule()
        if scenario == "none"
        else tiny(
            rooms=(room("R1", capacity=100),),
            events=(workshop("A", 5), workshop("B", 2)),
        )
    )
    r = solve_checked(
        s, SolveParams(time_limit=20, workers=2, warm_start=False)
    )
    assert r.status == status


def test_a_greedy_start_that_stands_keeps_the_time_after_the_search(
    monkeypatch,
):
    """With a checked greedy schedule in hand, the time kept after the
    search is for it (inserting left-out requests, asking why they are
    out): the search does not go on in it."""
    from scheduler.search import solve as solve_module

    def never(*args, **kwargs):
        raise AssertionError("searched on with a schedule in hand")

    monkeypatch.setattr(solve_module, "MAIN_SHARE", 1e-9)
    monkeypatch.setattr(solve_module, "_search_on", never)
    monkeypatch.setattr(solve_module, "improve_lns", _no_moves)
    s = tiny(
        rooms=(room("R1", capacity=100),),
        events=(workshop("A", 5), workshop("B", 2)),
    )
    r = solve_checked(s, SolveParams(time_limit=20, workers=2))
    assert r.schedule is not None


def _no_moves(*args, **kwargs):
    from scheduler.search.lns import LnsResult

    return LnsResult(None, float("inf"), 0, 0)


@pytest.mark.parametrize("both_fit, extra", [(True, 3.0), (False, 0.0)])
def test_the_diagnosis_s_time_goes_to_the_moves_when_nothing_is_left_out(
    both_fit, extra
):
    """The pipeline keeps time for asking why left-out items are out;
    a schedule that leaves nothing out needs none of it, and the moves
    (which never make a schedule worse) get it."""
    from scheduler.model.build import build_model
    from scheduler.search.solve import _undiagnosed

    late = "12:00" if both_fit else "10:00"
    s = tiny(
        rooms=(room("R1", capacity=100),),
        events=(
            workshop("A", 5),
            replace(workshop("B", 2), latest=at(late)),
        ),
    )
    built = build_model(s)
    solver = cp_model.CpSolver()
    assert solver.solve(built.model) == cp_model.OPTIMAL
    params = SolveParams(time_limit=10, workers=1, diagnosis_s=3.0)
    assert _undiagnosed(built, solver, "FEASIBLE", params) == extra


def test_a_bound_below_zero_is_no_bound():
    """Every term of the objective counts something: a bound below zero
    says nothing (a what-if run once reported "best bound -153, gap
    100.00%"), and an infinite one nothing at all."""
    from scheduler.search.solve import proven_bound

    assert proven_bound(-153.0) is None
    assert proven_bound(0.0) == 0.0
    assert proven_bound(float("inf")) is None
    assert proven_bound(-float("inf")) is None
    assert proven_bound(2_786_922.0) == 2_786_922.0


def _moves_calls(monkeypatch, workers):
    """The seconds each call of the neighbourhood moves was given, in a
    5 s solve of a small event whose portfolio stops at its first
    schedule, with no relaxation bound (so the search is not proven
    optimal at once)."""
    from models.checker import check
    from scheduler.search import solve as solve_module
    from scheduler.search.lns import LnsResult
    from tests.scheduler.test_warm_start import _two_for_one_slot

    configure = solve_module.configure

    def first_only(solver, params, det=None):
        configure(solver, params, det)
        solver.parameters.stop_after_first_solution = True

    calls = []

    def moves(built, solver, seconds, **kw):
        calls.append(seconds)
        return LnsResult(None, float("inf"), 0, 0)

    monkeypatch.setattr(solve_module, "configure", first_only)
    monkeypatch.setattr(solve_module, "improve_lns", moves)
    # no relaxation bound to prove the first schedule optimal
    monkeypatch.setattr(solve_module, "relaxation_bound", lambda *a, **k: None)
    s = _two_for_one_slot()
    r = solve_module.solve(
        s, SolveParams(time_limit=5, workers=workers), live=False
    )
    assert r.schedule is not None and check(s, r.schedule) == []
    return calls


def test_the_time_the_insertion_pass_leaves_goes_to_more_moves(monkeypatch):
    """60 s runs on the bench family ended 2.4-5.2 s early: the pass
    rarely needs the tenth of the limit kept for it. The moves now go on
    from its schedule in what it leaves."""
    calls = _moves_calls(monkeypatch, workers=2)
    assert len(calls) == 2
    assert calls[1] >= 0.2  # of the 0.5 s kept for the pass


def test_a_repeatable_run_makes_no_moves_on_the_clock(monkeypatch):
    """One worker: how long the insertion pass took is the clock's say,
    so the moves after it would make the run not repeat."""
    assert len(_moves_calls(monkeypatch, workers=1)) == 1
