"""The relaxation bound (:mod:`scheduler.search.bound`) refuses nothing
the checker accepts, and the neighbourhood search
(:mod:`scheduler.search.lns`) only ever keeps checked schedules."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from ortools.sat.python import cp_model

from models import BilateralRequest, Person
from models.checker import check
from models.objective import objective_value
from scheduler import SolveParams
from scheduler.model.build import build_model
from scheduler.search.bound import (
    TIME_INDEXED_SHARE,
    build_relaxation,
    relaxation_bound,
)
from scheduler.search.construct.greedy import greedy
from scheduler.search.extract import extract
from scheduler.search.lns import improve_lns
from scheduler.search.solve import configure, solve
from tests.factory import at, delegation, room, tiny

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench.generate import Shape, generate

SHAPES = {
    "plain": Shape(),
    "venues and windows": Shape(venues=2, window_share=0.5),
    "heads, hubs": Shape(
        rank_mix=(("HOS", 5), ("HOG", 3), ("MIN", 2)),
        popular=2,
        popular_share=0.6,
    ),
    "welcome and flights": Shape(
        welcome=True, welcome_slack=1, arrival_share=0.3, arrival_days=1
    ),
}


def _scenario(shape: Shape, seed: int = 3):
    return generate(
        delegations=24,
        days=2,
        side_events=18,
        bilaterals=60,
        rooms=16,
        seed=seed,
        shape=shape,
    )


def accepts(s, schedule) -> bool:
    """The relaxation with ``schedule`` forced in (presence, day and,
    where counted, start of every item) is feasible."""
    rel = build_relaxation(s)
    m = rel.model
    names = {v.name: k for k, v in enumerate(m.proto.variables)}
    placed = schedule.by_item()
    g = s.grid

    def fix(name, value):
        if name in names:
            m.add(m.get_bool_var_from_proto_index(names[name]) == value)

    for it in s.items:
        if it.kind == "sequence":
            continue
        plan = rel.plans[it.item_id]
        a = placed.get(it.item_id)
        if not plan.starts:
            if a is not None:
                return False
            continue
        fix(f"{it.item_id}|present", int(a is not None))
        if a is None:
            continue
        t = g.to_index(a.start)
        d = g.day_index(t)
        if not any(lo <= t < hi for lo, hi in plan.starts.get(d, ())):
            return False
        fix(f"{it.item_id}|d{d}", 1)
        fix(f"{it.item_id}|t{t}", 1)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 20
    return solver.solve(m) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_relaxation_accepts_every_checked_schedule(shape):
    s = _scenario(SHAPES[shape])
    schedules = [greedy(s, order=o).schedule for o in ("rows", "value")]
    r = solve(s, SolveParams(time_limit=4, workers=1), live=False)
    schedules.append(r.schedule)
    for schedule in schedules:
        assert check(s, schedule) == []
        assert accepts(s, schedule)
        bound = relaxation_bound(s, 5)
        assert bound.objective is not None
        assert bound.objective <= objective_value(s, schedule)


def test_a_daily_limit_is_counted_and_proves_the_optimum():
    """AAA may hold one item a day on a one-day event and asks for two
    meetings: the relaxation proves one must stay out (the cheaper)."""
    s = tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC")),
        people=(Person("AAA-X", "Aide", "AAA", "MIN", max_items_per_day=1),),
        rooms=(room("BL1", "bilateral", 20, features=("flags",)),),
        bilaterals=(
            BilateralRequest("B1", "AAA-X", "BBB", priority=5),
            BilateralRequest("B2", "AAA-X", "CCC", priority=2),
        ),
    )
    bound = relaxation_bound(s, 5)
    low = s.item_by_id["B:B2"].value
    assert bound.unplaced == low
    r = solve(s, SolveParams(time_limit=5, workers=1), live=False)
    assert r.status == "OPTIMAL"
    assert "B:B1" in r.schedule.by_item()


def test_a_person_free_for_one_meeting_bounds_the_day():
    """BBB is free 09:00-09:40 only: of three 30-minute meetings with
    them one fits, and the bound says so before any search."""
    s = tiny(
        delegations=tuple(
            delegation(d)
            if d != "BBB"
            else delegation(
                d, available_from=at("09:00"), available_to=at("09:40")
            )
            for d in ("AAA", "BBB", "CCC", "DDD")
        ),
        rooms=(
            room("BL1", "bilateral", 20, features=("flags",)),
            room("BL2", "bilateral", 20, features=("flags",)),
        ),
        bilaterals=tuple(
            BilateralRequest(f"B{k}", "BBB", other, priority=3)
            for k, other in enumerate(("AAA", "CCC", "DDD"))
        ),
    )
    bound = relaxation_bound(s, 5)
    assert bound.unplaced == 2 * s.item_by_id["B:B0"].value


def lns_start():
    """A generated scenario, its greedy start, its model hinted with it
    and a short solve of it: what the neighbourhood moves start from."""
    s = _scenario(SHAPES["heads, hubs"], seed=5)
    start = greedy(s, order="rows").schedule
    built = build_model(s, hint=start)
    solver = cp_model.CpSolver()
    configure(solver, SolveParams(time_limit=0.5, workers=1))
    solver.solve(built.model)
    return s, start, built, solver


def test_lns_keeps_only_checked_and_better_schedules():
    s, start, built, solver = lns_start()
    res = improve_lns(built, solver, 6, workers=1)
    assert res.solver is not None and res.moves > 0
    schedule = extract(s, built, res.solver)
    assert check(s, schedule) == []
    assert objective_value(s, schedule) <= objective_value(s, start)


def test_a_chair_who_hands_over_is_counted_for_the_opening_only():
    """The PM chairs a 210-minute plenary for its first 30 minutes, then
    is free for an optional meeting inside the plenary's span: the
    relaxation must leave room for it (it once counted all 210 minutes,
    claimed the meeting could not be held and made the solve report a
    false OPTIMAL)."""
    from tests.scheduler.test_partial_attendance import plenary

    b = BilateralRequest(
        "B1",
        "PM",
        "AAA",
        priority=5,
        earliest=at("09:00"),
        latest=at("12:30"),
        venue_id="NCC",
    )
    s = plenary(bilateral=b)
    bound = relaxation_bound(s, 5)
    assert bound.unplaced == 0
    r = solve(s, SolveParams(time_limit=5, workers=1), live=False)
    assert "B:B1" in r.schedule.by_item()
    assert accepts(s, r.schedule)
    assert r.best_bound is None or r.best_bound <= r.objective + 1e-6


def test_the_linear_relaxation_bounds_the_relaxation_from_below():
    """Large relaxations are solved as linear programs: their optimum is
    at most the integer one CP-SAT proves."""
    from scheduler.search.bound import lp_bound

    s = _scenario(SHAPES["venues and windows"], seed=7)
    rel = build_relaxation(s)
    lb = lp_bound(rel.model, 10)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = 20
    solver.parameters.linearization_level = 2
    assert solver.solve(rel.model) == cp_model.OPTIMAL
    assert lb is not None and 0 <= lb <= solver.objective_value


def test_a_large_relaxation_goes_to_the_linear_program(monkeypatch):
    import scheduler.search.bound as bound

    s = _scenario(SHAPES["plain"], seed=8)
    monkeypatch.setattr(bound, "LP_ONLY_VARIABLES", 10)
    b = bound.relaxation_bound(s, 10)
    assert b.status == "LP" and b.unplaced is not None
    schedule = greedy(s, order="value").schedule
    assert b.objective <= objective_value(s, schedule)


def test_little_time_left_asks_for_the_linear_program_only():
    """A day-by-day run with little time left after its days still gets a
    valid bound: the relaxation's linear program, never above the integer
    one."""
    from scheduler.search.bound import relaxation_bound

    s = _scenario(SHAPES["plain"], seed=8)
    lp = relaxation_bound(s, 10, lp_only=True)
    full = relaxation_bound(s, 10)
    assert lp.status == "LP"
    assert lp.unplaced is not None and full.unplaced is not None
    assert lp.unplaced <= full.unplaced
    schedule = greedy(s, order="value").schedule
    assert lp.objective <= objective_value(s, schedule)


def test_cp_sat_stopped_short_falls_back_to_the_linear_program():
    """When CP-SAT stops before the relaxation's optimum (here on a tiny
    deterministic budget), the bound is at least the linear program's,
    and still below a checked schedule."""
    from scheduler.search.bound import lp_bound, relaxation_bound

    s = _scenario(SHAPES["venues and windows"], seed=7)
    b = relaxation_bound(s, 10, det=0.0001)
    lp = lp_bound(build_relaxation(s).model, 10)
    assert lp is not None and b.unplaced is not None
    assert b.unplaced >= lp
    schedule = greedy(s, order="value").schedule
    assert b.objective <= objective_value(s, schedule)


def test_a_time_indexed_program_that_runs_out_still_leaves_a_bound(
    monkeypatch,
):
    """The time-indexed program may use all its time and find nothing
    (the GA week: 10.9 s of 11): the relaxation's linear program, solved
    first, is still the bound, never above a checked schedule."""
    import time

    import scheduler.search.bound as bound

    def runs_out(s, plans, seconds, *args, **kwargs):
        """All of its time, and no bound (returns None)."""
        time.sleep(seconds)

    s = _scenario(SHAPES["plain"], seed=8)
    monkeypatch.setattr(bound, "time_indexed_bound", runs_out)
    b = bound.relaxation_bound(s, 1.0)
    assert b.status == "LP" and b.unplaced is not None
    schedule = greedy(s, order="value").schedule
    assert b.objective <= objective_value(s, schedule)


def test_no_soft_penalty_has_a_bound_below_zero():
    """A principal's bilaterals at two venues: the venue-grouping penalty
    (a count of venues less one, built from max-equalities) has a root
    bound below zero in CP-SAT's linear relaxation unless the model says
    it never is (a generated event, every item placed, was reported with
    a bound of -897 on an objective of 803). Each soft term minimised
    alone, root bound only, must be at least 0."""
    from models import objective as soft

    s = generate(
        delegations=10,
        days=1,
        side_events=3,
        bilaterals=10,
        rooms=12,
        seed=1,
        shape=Shape(venues=1),
    )
    built = build_model(s)
    for name in soft.WEIGHTS:
        term = built.terms[name]
        if isinstance(term, int):
            continue
        alone = built.model.clone()
        alone.clear_hints()
        alone.minimize(term)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_number_of_conflicts = 0
        solver.solve(alone)
        assert solver.best_objective_bound >= 0, name


def test_the_time_indexed_program_may_use_all_the_bound_time_left(
    monkeypatch,
):
    """The program is sized for a share of the bound's time, but its
    solve may run on into the rest: with its answer in hand nothing else
    uses that time (the finest program of a 404-item event needs 4.5-5.2
    s after the coarser one and had 4.2-4.4 s of its share)."""
    from scheduler.search import time_bound as tb

    given: list[float] = []
    real = tb.least_whole_value

    def records(proto, seconds, interrupts=None, leaves=((),)):
        given.append(seconds)
        return real(proto, seconds, interrupts, leaves)

    monkeypatch.setattr(tb, "least_whole_value", records)
    s = _scenario(SHAPES["plain"], seed=8)
    b = relaxation_bound(s, 10.0)
    assert given and b.unplaced is not None
    assert given[-1] > TIME_INDEXED_SHARE * 10.0
    schedule = greedy(s, order="value").schedule
    assert b.objective <= objective_value(s, schedule)
