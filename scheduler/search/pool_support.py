"""Where a move may put a pool's items: the support of a linear program.

The pool move of :mod:`scheduler.search.lns` frees every item that can
only use one pool of rooms (the host's palace: two rooms, each VIP
meeting holding its room for a security sweep) and holds the rest.
Searched over all their starts, CP-SAT stalls there: from a 60 s
schedule of a generated event it gained nothing in 15 s (bench/README.md,
session 20), while the linear program of the same items places more.

This module writes that neighbourhood as the time-indexed program of
:mod:`scheduler.search.time_bound`: a column per freed item and start
that the held schedule leaves it (each person's held items, with the
travel from the room they are in; their delegation's arrival where it
is; the pool's rooms taken by held items that may also use others; each
person's daily limit less what they hold), and solves its linear
relaxation with GLOP. Each freed item may then only take a start the
optimum uses, or the one it has; an item the optimum leaves out and the
schedule leaves out stays out. This is RENS, a rounding of the linear
optimum searched exactly (T. Berthold, "RENS: the optimal rounding",
Mathematical Programming Computation 6, 2014): CP-SAT solves the much
smaller neighbourhood under every rule of the full model, so a start the
program allows and a rule refuses is never kept. (Every start of the
optimum's face as well, the columns of reduced cost zero, made the
neighbourhood some forty times larger and the moves worse: 6 better, 13
worse in 22 paired runs; bench/README.md, session 24.)

The program's optimum also says how much more value the neighbourhood
may place at most (:attr:`Support.gain`): below one unit, a move can
only better the soft preferences. The schedule in hand is always one of
the program's solutions, so that is never below zero.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from ortools.linear_solver import pywraplp
from ortools.sat.python import cp_model

from ..model.build import BuiltModel
from .bound import _Cache, plan_item
from .extract import placed_rows
from .interrupt import Interrupts
from .time_bound import Plan, build_program, program_proto

#: A column at or below this share of a start is not in the support.
EPSILON = 1e-6


@dataclass
class Support:
    """Item id -> start intervals (see :func:`support`), and the most
    value the neighbourhood may place beyond the schedule's: below 1,
    no schedule of it places more."""

    spans: dict[str, list[list[int]]]
    gain: float

    def may_gain(self) -> bool:
        """Whether a schedule of the neighbourhood may place more value
        than the one in hand (values are whole units)."""
        return self.gain >= 1 - EPSILON


def support(
    built: BuiltModel,
    solver: cp_model.CpSolver,
    free: set[str],
    seconds: float,
    interrupts: Interrupts,
) -> Support | None:
    """The start intervals ``[first, last]`` each item of ``free`` may
    take in a move from the schedule ``solver`` holds (those of the
    linear optimum's columns, and its own start; ``[]`` for an item out
    of both), and how much more value the move may place. ``None`` if the
    program cannot be built or GLOP does not solve it in ``seconds``
    (the move then searches every start)."""
    s = built.ctx.scenario
    g = s.grid
    pools = built.ctx.vars.pools
    items = built.ctx.vars.items
    rooms = {
        r for iid in free for pool in items[iid].rooms for r in pools[pool]
    }
    duties: dict[str, list[tuple]] = defaultdict(list)
    used: dict[tuple[str, int], int] = defaultdict(int)
    cache = _Cache(s)
    held_plans = {}
    mine: dict[str, int] = {}
    for a in placed_rows(s, built, solver):
        start = g.to_index(a.start)
        if a.item_id in free:
            mine[a.item_id] = start
            continue
        it = s.item_by_id[a.item_id]
        day = g.day_index(start)
        # a held item in one of the pool's rooms is a column of its own
        # (below), which the daily limit's row of its people counts
        column = a.room_id in rooms
        for pid in a.participants:
            busy = (
                it.busy_seconds(pid) if pid in it.participants else it.duration
            )
            duties[pid].append((start, start + busy, it.item_id, (a.room_id,)))
            if (
                it.kind in ("event", "bilateral")
                and day is not None
                and not (column and pid in it.participants)
            ):
                used[pid, day] += 1
        if it.kind == "arrival":
            cache.received[it.item_id] = start
        if column:
            # fixed where it is, so the room rows count it
            here = replace(
                it,
                rooms=(a.room_id,),
                start_min=start,
                start_max=start,
                fixed_start=start,
                mandatory=True,
            )
            plan = plan_item(s, here, {}, cache)
            if not plan.starts:
                return None
            held_plans[it.item_id] = plan
    # in order: the program's columns, so GLOP's optimum among equals and
    # the move, never depend on Python's string hashing
    order = sorted(free)
    plans: dict[str, Plan] = {
        iid: plan_item(s, items[iid].item, duties, cache) for iid in order
    }
    plans.update(held_plans)
    prog = build_program(s, plans, 1, split=False, used=used)
    if prog is None:
        return None
    lp = pywraplp.Solver.CreateSolver("GLOP")
    if lp is None or lp.LoadModelFromProto(program_proto(prog)):
        return None
    lp.SetTimeLimit(max(1, int(1000 * seconds)))
    if interrupts.solve_linear(lp) != pywraplp.Solver.OPTIMAL:
        return None
    left = sum(
        items[iid].item.value
        for iid in order
        if iid not in mine and not items[iid].item.mandatory
    )
    x = lp.variables()
    out: dict[str, list[list[int]]] = {}
    for iid in order:
        spans = [
            [first, last]
            for first, last, c in prog.columns.get(iid, ())
            if x[c].solution_value() > EPSILON
        ]
        if iid in mine:
            spans.append([mine[iid], mine[iid]])
        out[iid] = sorted(spans)
    return Support(out, left - lp.Objective().Value())
