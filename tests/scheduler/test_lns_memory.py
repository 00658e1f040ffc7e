"""Each neighbourhood move's copy of the model is freed when the move
is done, not when Python's cyclic collector next runs."""

from __future__ import annotations

import gc
import weakref

from ortools.sat.python import cp_model

from scheduler import SolveParams
from scheduler.model.build import build_model
from scheduler.search.construct.greedy import greedy
from scheduler.search.lns import improve_lns, release
from scheduler.search.solve import configure
from tests.scheduler.test_bound import SHAPES, _scenario


def _models() -> int:
    return sum(isinstance(o, cp_model.CpModel) for o in gc.get_objects())


def test_a_released_model_goes_with_its_last_reference():
    model = cp_model.CpModel()
    model.new_int_var(0, 10, "x")
    gone = weakref.ref(model)
    gc.disable()
    try:
        release(model)
        del model
        assert gone() is None
    finally:
        gc.enable()


def test_the_moves_leave_no_copy_of_the_model_behind():
    s = _scenario(SHAPES["heads, hubs"], seed=5)
    built = build_model(s, hint=greedy(s, order="rows").schedule)
    solver = cp_model.CpSolver()
    configure(solver, SolveParams(time_limit=0.5, workers=1))
    solver.solve(built.model)
    gc.collect()
    before = _models()
    gc.disable()
    try:
        res = improve_lns(built, solver, 4, workers=1)
        assert res.moves > 1
        assert _models() == before
    finally:
        gc.enable()
