"""A signal that comes between two steps of a search: the run ends as
after any stopped search, never with a traceback."""

from __future__ import annotations

import pytest
from ortools.sat.python import cp_model

from models.checker import check
from scheduler import SolveParams
from scheduler import interrupts as process_signals
from scheduler.search import solve as solve_module
from scheduler.search.interrupt import Interrupts
from scheduler.search.solve import solve
from tests.factory import tiny


@pytest.fixture
def signal_came():
    """Say a SIGTERM came (as :mod:`scheduler.interrupts` records one),
    then forget it."""
    yield process_signals._received.set
    process_signals._received.clear()


def test_a_solve_stopped_before_it_began_still_has_a_response():
    m = cp_model.CpModel()
    x = m.new_int_var(0, 10, "x")
    m.minimize(x)
    solver = cp_model.CpSolver()
    with Interrupts() as intr:
        intr._stop()  # the signal came first
        assert intr.solve(solver, m) == cp_model.UNKNOWN
    # read as after any stopped search (it raised "solve() has not been
    # called")
    assert solver.best_objective_bound <= 0
    assert not solver.response_proto.solution


def test_a_signal_between_the_model_and_the_search(monkeypatch, signal_came):
    # a SIGTERM once came after the model was built and before the
    # search began: reading the search's bound raised RuntimeError and
    # `scheduler solve` ended with a traceback, exit 1
    real = solve_module.build_model

    def built_then_signal(*args, **kwargs):
        built = real(*args, **kwargs)
        signal_came()
        return built

    monkeypatch.setattr(solve_module, "build_model", built_then_signal)
    s = tiny()
    r = solve(s, SolveParams(time_limit=10, workers=1), live=False)
    assert r.schedule is not None and not check(s, r.schedule)
