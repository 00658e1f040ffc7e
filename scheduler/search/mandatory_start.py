"""A start that places every mandatory item when the greedy's does not.

The greedy takes arrivals and mandatory items first, each at its first
free start, and never goes back: when a greeter's arrivals crowd
between motorcade windows, the first ones taken can leave a later one
no start, though another order fits them all. Its schedule then misses
a mandatory item, which is no schedule at all; the search starts from a
hint it must first repair, and at a short limit on a large event it
ended far below the greedy's own placements (a generated three-day
event of 432 items at 5 s: 270 items left out, where the greedy placed
all but 116 and one arrival).

Here CP-SAT places the mandatory items alone (every optional item held
out, which presolve removes, so the model is small and solved in a
tenth of a second on that event) and the greedy then places the
optional requests around them, most valuable first. The result is
kept only if the independent checker accepts it whole."""

from __future__ import annotations

from ortools.sat.python import cp_model

from models import Scenario
from models.checker import check
from models.records.schedule import Schedule

from ..model.build import BuiltModel
from .construct.greedy import greedy
from .extract import extract
from .interrupt import Interrupts
from .lns import release
from .work import limit, record


def complete(scenario: Scenario, schedule: Schedule) -> bool:
    """Every mandatory item of ``scenario`` is placed in ``schedule``."""
    placed = schedule.by_item()
    return all(it.item_id in placed for it in scenario.items if it.mandatory)


def mandatory_start(
    built: BuiltModel,
    seconds: float,
    workers: int,
    seed: int,
    interrupts: Interrupts,
    det: float | None = None,
    nominal: float | None = None,
) -> Schedule | None:
    """A schedule the checker accepts with every mandatory item placed:
    the mandatory items where CP-SAT puts them with every optional item
    held out (``built``, before any cut on the value left out is added),
    the optional requests placed greedily around them; each step has
    ``seconds`` (a repeatable run: CP-SAT ``det`` units of work, the
    greedy the steps of ``nominal`` seconds). ``None`` when CP-SAT
    finds no such placement in its time or the result breaks a rule."""
    scenario = built.ctx.scenario
    sub = built.model.clone()
    for v in built.ctx.vars.items.values():
        if not v.item.mandatory:
            domain = sub.proto.variables[v.present.index].domain
            domain.clear()
            domain.extend([0, 0])
    solver = cp_model.CpSolver()
    limit(solver, max(0.1, seconds), det)
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    code = interrupts.solve(solver, sub)
    release(sub)
    record(solver, "mandatory start")
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    rows = extract(scenario, built, solver).assignments
    schedule = greedy(
        scenario, order="value", seconds=seconds, keep=rows, nominal=nominal
    ).schedule
    if not complete(scenario, schedule) or check(scenario, schedule):
        return None
    return schedule
