"""Every request held placed once a schedule places them all
(:mod:`scheduler.search.tiers`)."""

from __future__ import annotations

import logging

from hypothesis import HealthCheck, given, settings
from ortools.sat.python import cp_model

from models import BilateralRequest
from models.checker import check
from scheduler import SolveParams
from scheduler.model.build import build_model
from scheduler.search import solve as solve_module
from scheduler.search import tiers
from tests.factory import at, delegation, tiny

from .helpers import solve_checked
from .strategies import scenarios


def _pairs(window=None):
    w = window or {}
    return tiny(
        delegations=tuple(delegation(d) for d in ("AAA", "BBB", "CCC")),
        bilaterals=(
            BilateralRequest("B1", "AAA", "BBB", priority=5, **w),
            BilateralRequest("B2", "AAA", "CCC", priority=1, **w),
        ),
    )


def _solve(model):
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    return solver, solver.solve(model)


def test_the_cut_refuses_a_schedule_that_leaves_out_a_request():
    built = build_model(_pairs())
    left_out = built.ctx.vars.items["B:B2"].present == 0
    built.model.add(left_out)
    assert _solve(built.model)[1] in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    assert tiers.hold_every_request(built)
    assert not tiers.hold_every_request(built)  # added once
    assert _solve(built.model)[1] == cp_model.INFEASIBLE
    tiers.release_every_request(built)
    assert _solve(built.model)[1] in (cp_model.OPTIMAL, cp_model.FEASIBLE)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(scenarios())
def test_the_cut_keeps_the_optimum_where_every_request_fits(s):
    """Where an optimum places every request, the model with the cut has
    the same optimum: the cut takes away only schedules that are worse."""
    built = build_model(s)
    solver, code = _solve(built.model)
    if code != cp_model.OPTIMAL or not tiers.every_request_placed(
        built, solver
    ):
        return
    best = round(solver.objective_value)
    again = build_model(s)
    tiers.hold_every_request(again)
    solver, code = _solve(again.model)
    assert code == cp_model.OPTIMAL
    assert round(solver.objective_value) == best


def test_a_greedy_start_that_places_everything_holds_it_and_is_checked(
    monkeypatch,
):
    held = []
    real = tiers.hold_every_request

    def spy(built):
        held.append(real(built))
        return held[-1]

    monkeypatch.setattr(solve_module, "hold_every_request", spy)
    s = _pairs()
    result = solve_checked(s, SolveParams(time_limit=10, workers=1))
    assert held == [True]
    assert result.status == "OPTIMAL"
    assert set(result.schedule.by_item()) == {"B:B1", "B:B2"}


def test_a_start_wrongly_taken_for_complete_does_not_hide_the_schedule(
    monkeypatch, caplog
):
    """AAA can meet once in the only half hour: one request must be left
    out. A start read as placing everything (the penalties of the greedy
    start faked) cuts every schedule; the run must drop the cut and
    find the one that leaves B2 out, not report no schedule."""
    s = _pairs(dict(earliest=at("08:00"), latest=at("08:30")))
    real = solve_module.obj_penalties

    def faked(scenario, schedule):
        return {**real(scenario, schedule), "unplaced_value": 0}

    monkeypatch.setattr(solve_module, "obj_penalties", faked)
    with caplog.at_level(logging.WARNING):
        result = solve_checked(s, SolveParams(time_limit=10, workers=1))
    assert "greedy start's placements refused every schedule" in caplog.text
    assert result.status in ("OPTIMAL", "FEASIBLE")
    assert set(result.schedule.by_item()) == {"B:B1"}
    assert check(s, result.schedule) == []
