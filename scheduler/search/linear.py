"""The least whole value of a linear program, solved by GLOP.

Both relaxation bounds (:mod:`scheduler.search.bound` and
:mod:`scheduler.search.time_bound`) end in a linear program whose
objective, the value left out, is a whole number at every integer
solution: the optimum rounded up, after a margin for floating point, is
a proven lower bound on it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
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
    leaves=((),),
) -> float | None:
    """The optimum of ``proto`` (a minimisation) rounded up to a whole
    number after a margin for floating point, at least 0; ``None``
    unless GLOP proves it optimal in ``seconds`` (or on Ctrl-C).

    ``leaves``: ways of fixing some columns, as (column, value) pairs,
    that between them hold every integer solution; the least optimum
    over them, ``None`` unless each is proven in the ``seconds`` they
    share. ``proto`` is emptied once GLOP holds its copy of the last
    leaf, so the two are not in memory together while it solves."""
    deadline = time.monotonic() + seconds
    leaves = list(leaves)
    best = math.inf
    with (
        Interrupts() if interrupts is None else nullcontext(interrupts) as intr
    ):
        for k, leaf in enumerate(leaves):
            last = k == len(leaves) - 1
            found = leaf_optimum(
                proto, leaf, deadline, intr, proto.Clear if last else None
            )
            if found is None:
                return None
            best = min(best, found)
    return whole(best)


def whole(value: float) -> float:
    """``value`` (a linear optimum) rounded up to a whole number after a
    margin for floating point, at least 0."""
    return float(max(0, math.ceil(value - 1e-6 * (1 + abs(value)))))


def leaf_optimum(
    proto: linear_solver_pb2.MPModelProto,
    leaf,
    deadline: float,
    interrupts: Interrupts,
    loaded: Callable[[], object] | None = None,
) -> float | None:
    """The optimum of ``proto`` with the columns of ``leaf`` fixed
    ((column, value) pairs), ``None`` unless GLOP proves it by
    ``deadline`` (a ``time.monotonic()``) or on Ctrl-C. ``loaded`` is
    called once GLOP holds its copy (to empty ``proto`` when no other
    leaf still needs it)."""
    lp = pywraplp.Solver.CreateSolver("GLOP")
    failed = lp is None or lp.LoadModelFromProto(proto)
    if loaded is not None:
        loaded()
    if failed:
        return None
    columns = lp.variables()
    for col, value in leaf:
        columns[col].SetBounds(value, value)
    left = deadline - time.monotonic()
    if left <= 0:
        return None
    lp.SetTimeLimit(max(1, int(1000 * left)))
    code = interrupts.solve_linear(lp)
    if code != pywraplp.Solver.OPTIMAL:
        return None
    return lp.Objective().Value()
