"""The least whole value of a linear program, solved by GLOP.

Both relaxation bounds (:mod:`scheduler.search.bound` and
:mod:`scheduler.search.time_bound`) end in a linear program whose
objective, the value left out, is a whole number at every integer
solution: the optimum rounded up, after a margin for floating point, is
a proven lower bound on it.
"""

from __future__ import annotations

import math
from contextlib import nullcontext

from ortools.linear_solver import linear_solver_pb2, pywraplp

from .interrupt import Interrupts

#: A row bound at or beyond this is no bound (CP-SAT's "unbounded").
UNBOUNDED = 2**62


def row(
    proto: linear_solver_pb2.MPModelProto,
    cols,
    coefs,
    lo: float,
    hi: float,
) -> None:
    """Add ``lo <= sum(coefs * cols) <= hi`` to ``proto``. A side at
    :data:`UNBOUNDED` or beyond is left open: a boxed at-most row (0 to 1)
    made GLOP take minutes where an open one takes seconds (bench family,
    hubs)."""
    r = proto.constraint.add(
        lower_bound=-math.inf if lo <= -UNBOUNDED else lo,
        upper_bound=math.inf if hi >= UNBOUNDED else hi,
    )
    r.var_index.extend(cols)
    r.coefficient.extend(coefs)


def least_whole_value(
    proto: linear_solver_pb2.MPModelProto,
    seconds: float,
    interrupts: Interrupts | None = None,
) -> float | None:
    """The optimum of ``proto`` (a minimisation) rounded up to a whole
    number after a margin for floating point, at least 0; ``None``
    unless GLOP proves it optimal in ``seconds`` (or on Ctrl-C).
    ``proto`` is emptied once GLOP holds its own copy, so the two are
    not in memory together while it solves."""
    lp = pywraplp.Solver.CreateSolver("GLOP")
    if lp is None or lp.LoadModelFromProto(proto):
        return None
    proto.Clear()
    lp.SetTimeLimit(max(1, int(1000 * seconds)))
    with (
        Interrupts() if interrupts is None else nullcontext(interrupts) as intr
    ):
        code = intr.solve_linear(lp)
    if code != pywraplp.Solver.OPTIMAL:
        return None
    value = lp.Objective().Value()
    return float(max(0, math.ceil(value - 1e-6 * (1 + abs(value)))))
