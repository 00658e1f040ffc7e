"""Each neighbourhood move's copy of the model is freed when the move
is done, not when Python's cyclic collector next runs."""

from __future__ import annotations

import gc
import weakref

from ortools.sat.python import cp_model

from models.checker import check
from scheduler.search.extract import extract
from scheduler.search.lns import improve_lns, release
from tests.scheduler.test_bound import lns_start


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
    s, _, built, solver = lns_start()
    gc.collect()
    before = _models()
    gc.disable()
    try:
        res = improve_lns(built, solver, 4, workers=1)
        assert res.moves > 1
        assert _models() == before
    finally:
        gc.enable()
    assert res.solver is not None
    assert check(s, extract(s, built, res.solver)) == []
