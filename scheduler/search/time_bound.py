"""A proven lower bound from a time-indexed linear program.

The relaxation of :mod:`scheduler.search.bound` keeps "which items, on
which day" and counts minutes: it cannot see that a bilateral needs both
its people free at the same moment, nor that a room swept for a VIP is
held before the meeting. This one keeps the "when": a column per item
and start (on large scenarios, per run of a few consecutive starts),
taken from the same superset of starts (:func:`bound.plan_item`), and
rows saying that at every moment

- a person is in at most one of their items, each held for the time
  they are busy in it plus the same-venue buffer after it;
- a set of rooms holds at most as many of the items that can only use
  its rooms as it has rooms, each held for its duration plus the
  changeover after it and, for an item with a VIP, the part of the
  security sweep the changeover does not cover before it;

and that each item is placed at most once (a mandatory one exactly
once) and each person holds at most their daily limit of events and
bilaterals on a day.

A column for a run of starts counts only the moments that every start in
the run covers, so every schedule the independent checker accepts is a
solution (each row follows from a hard rule; none is a rule of its own),
and the optimum of the linear program is a lower bound on the value left
out. "At every moment" is one row per maximal clique of each interval
graph, found by a sweep. GLOP solves it; only its optimum is used.

On the bench family its optimum lies well above the day relaxation's
linear program (one-day 1,344 against 1,211 units left out, venues 1,815
against 1,515, hubs-b 1,734 against 1,505 with a column per start;
bench/README.md).
"""

from __future__ import annotations

import heapq
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from ortools.linear_solver import linear_solver_pb2

from models import Scenario
from models.records.items import Item

from .interrupt import Interrupts
from .linear import UNBOUNDED, least_whole_value, row
from .work import CLOCK_STOPS


class Plan(Protocol):
    """What the program reads of a :class:`scheduler.search.bound.Plan`
    (not imported: that module calls this one)."""

    item: Item
    starts: dict[int, list[tuple[int, int]]]


#: Seconds of starts one column covers at the finest: one start on the
#: 5-minute grid, five of an arrival's whole minutes.
BASE_WIDTH = 300
#: Widest run of :data:`BASE_WIDTH` a column may cover before the
#: program is not worth building.
MAX_RUN = 4
#: Estimated nonzeros of the program built and solved in a second (bench
#: family, 2-core AMD EPYC, idle: hubs-b 1.83 million in 4.7 s, the
#: slowest; three-days-venues 3.15 million in 4.6 s); the run of starts
#: per column grows until the estimate fits the time given.
NONZEROS_PER_SECOND = 350_000
#: Share of the time beyond which the finest program is estimated too
#: close to the limit to be the only one solved.
SAFE_SHARE = 0.5


class _Program:
    """The linear program as sparse rows over columns ``0..n-1``."""

    def __init__(self) -> None:
        self.objective: list[float] = []  # value placed per column
        self.rows: list[tuple[list[int], float, float]] = []
        self.offset = 0.0
        #: item id -> (first start, last start, column) of its columns
        self.columns: dict[str, list[tuple[int, int, int]]] = {}

    def column(self, value: float) -> int:
        self.objective.append(value)
        return len(self.objective) - 1

    def row(self, cols: list[int], lo: float, hi: float) -> None:
        self.rows.append((cols, lo, hi))


def _runs(s: Scenario, plan: Plan, run: int) -> list[tuple[int, int, int]]:
    """``(day, first start, last start)`` of each column of ``plan``'s
    item: its grid starts (counted from the day's start) in runs of at
    most ``run`` times :data:`BASE_WIDTH` seconds."""
    it = plan.item
    step = max(1, it.step)
    per = max(1, (run * BASE_WIDTH) // step)
    out = []
    for d, spans in plan.starts.items():
        day_lo = s.day_spans[d][0]
        for lo, hi in spans:
            first = lo + (-(lo - day_lo)) % step
            while first < hi:
                last = min(first + (per - 1) * step, hi - 1)
                last -= (last - first) % step
                out.append((d, first, last))
                first = last + step
    return out


def estimate(s: Scenario, plans: dict[str, Plan], run: int) -> int:
    """About how many nonzeros the program has with columns of ``run``
    (each column in a row per participant and room set for every
    column width it covers)."""
    total = 0
    for plan in plans.values():
        it = plan.item
        if not plan.starts:
            continue
        width = max(it.step, run * BASE_WIDTH)
        n = sum(
            (hi - lo) // max(1, it.step) + 1
            for spans in plan.starts.values()
            for lo, hi in spans
        ) // max(1, width // max(1, it.step))
        per_col = 1 + (len(it.participants) + 2) * (1 + it.duration // width)
        total += max(1, n) * per_col
    return total


def maximal_cliques(uses: list[tuple[int, int, int]]) -> list[list[int]]:
    """The maximal sets of ``(lo, hi, column)`` half-open spans that share
    a moment, as lists of columns (a sweep over the starts)."""
    out: list[list[int]] = []
    active: list[tuple[int, int]] = []  # (hi, column)
    fresh = False
    for lo, hi, col in sorted(uses):
        if active and active[0][0] <= lo:
            if fresh:
                out.append([c for _, c in active])
                fresh = False
            while active and active[0][0] <= lo:
                heapq.heappop(active)
        heapq.heappush(active, (hi, col))
        fresh = True
    if fresh:
        out.append([c for _, c in active])
    return out


def build_program(
    s: Scenario, plans: dict[str, Plan], run: int = 1
) -> _Program | None:
    """The program of ``s`` over ``plans`` (item id -> plan of every
    non-queue item), ``None`` if a mandatory item has no start."""
    prog = _Program()
    buf = s.buffer_seconds
    person_uses: dict[str, list] = defaultdict(list)
    counted: dict[tuple[str, int], list[int]] = defaultdict(list)
    in_rooms: list[tuple[frozenset, object, list]] = []
    for plan in plans.values():
        it = plan.item
        if not plan.starts:
            if it.mandatory:
                return None
            prog.offset += it.value
            continue
        cols = []
        for d, first, last in _runs(s, plan, run):
            cols.append(
                (
                    d,
                    first,
                    last,
                    prog.column(0.0 if it.mandatory else it.value),
                )
            )
        ids = [c for *_, c in cols]
        prog.columns[it.item_id] = [(a, b, c) for _, a, b, c in cols]
        if it.mandatory:
            prog.row(ids, 1, 1)
        else:
            prog.offset += it.value
            prog.row(ids, 0, 1)
        for pid in it.participants:
            if pid not in s.persons:
                continue
            busy = it.busy_seconds(pid)
            person_uses[pid].extend(
                (last, first + busy + buf, c)
                for _, first, last, c in cols
                if last < first + busy + buf
            )
            if it.kind in ("event", "bilateral"):
                for d, _, _, c in cols:
                    counted[pid, d].append(c)
        if not any(s.room_by_id[r].kind == "exhibition" for r in it.rooms):
            vip = any(s.is_vip(p) for p in it.participants if p in s.persons)
            in_rooms.append((frozenset(it.rooms), (it, vip), cols))
    for uses in person_uses.values():
        for clique in maximal_cliques(uses):
            if len(clique) > 1:
                prog.row(clique, 0, 1)
    for (pid, _), today in counted.items():
        limit = s.persons[pid].max_items_per_day
        if limit is not None and len(today) > limit:
            prog.row(today, 0, limit)
    _room_rows(s, prog, in_rooms)
    return prog


def _room_rows(s: Scenario, prog: _Program, in_rooms) -> None:
    """At any moment, a set of rooms holds at most as many of the items
    that can only use its rooms as it has rooms."""
    sweep = s.sweep_seconds
    for rooms in {r for r, _, _ in in_rooms}:
        co = min(s.changeover_seconds(r) for r in rooms)
        pre = max(0, sweep - max(s.changeover_seconds(r) for r in rooms))
        uses: list[tuple[int, int, int]] = []
        for mine, (it, vip), cols in in_rooms:
            if not mine <= rooms:
                continue
            before = pre if vip else 0
            uses.extend(
                (last - before, first + it.duration + co, c)
                for _, first, last, c in cols
                if last - before < first + it.duration + co
            )
        for clique in maximal_cliques(uses):
            if len(clique) > len(rooms):
                prog.row(clique, 0, len(rooms))


def program_proto(prog: _Program) -> linear_solver_pb2.MPModelProto:
    """``prog`` as the linear program GLOP reads (a minimisation of the
    value left out)."""
    proto = linear_solver_pb2.MPModelProto()
    proto.objective_offset = prog.offset
    for value in prog.objective:
        proto.variable.add(
            lower_bound=0.0, upper_bound=1.0, objective_coefficient=-value
        )
    for cols, lo, hi in prog.rows:
        row(proto, cols, [1.0] * len(cols), lo if lo > 0 else -UNBOUNDED, hi)
    return proto


def solve_program(
    prog: _Program, seconds: float, interrupts: Interrupts | None = None
) -> float | None:
    """The least value ``prog`` leaves out, a whole number
    (:func:`scheduler.search.linear.least_whole_value`); ``None`` unless
    GLOP proves it in ``seconds``."""
    return least_whole_value(program_proto(prog), seconds, interrupts)


def _built(
    s: Scenario, plans: dict[str, Plan], run: int
) -> linear_solver_pb2.MPModelProto | None:
    """The program of ``run`` as GLOP reads it, ``None`` if a mandatory
    item has no start. Its rows as Python lists are not kept while GLOP
    solves: they take about as much memory as GLOP's own copy (hubs'
    finest program: 405 MB at the peak with them, 321 MB without them
    and with the proto emptied once loaded)."""
    prog = build_program(s, plans, run)
    return None if prog is None else program_proto(prog)


def time_indexed_bound(
    s: Scenario,
    plans: dict[str, Plan],
    seconds: float,
    interrupts: Interrupts | None = None,
    nominal: float | None = None,
    sized: float | None = None,
    threads: int = 1,
) -> float | None:
    """A lower bound on the value ``s`` leaves out (see the module) in at
    most about ``seconds``; ``None`` if the program does not fit or is
    not solved in time. The finest columns whose estimated size fits the
    time are used: ``sized`` seconds if given (the solves may still use
    all of ``seconds``), ``nominal`` seconds in a repeatable run (never
    the clock, which then only stops a solve that overruns, recorded).

    When the finest program is estimated to take more than
    :data:`SAFE_SHARE` of the time, the next coarser one is solved too,
    so that a solve running out of time still leaves a bound (GLOP's time
    on one program varies by a third from run to run): first, or, with
    ``threads`` of 2 or more (a racing run's workers), beside it, each
    on its own thread, so the finest has all the time from the start."""
    t0 = time.monotonic()
    if nominal is not None:
        budget = nominal
    else:
        budget = seconds if sized is None else min(sized, seconds)
    fits = NONZEROS_PER_SECOND * budget
    sizes = {r: estimate(s, plans, r) for r in range(1, MAX_RUN + 1)}
    run = next((r for r in sizes if sizes[r] <= fits), None)
    if run is None:
        return None
    runs = [run]
    if run < MAX_RUN and sizes[run] > SAFE_SHARE * fits:
        runs.insert(0, run + 1)
    if threads > 1 and nominal is None and len(runs) > 1:
        return _side_by_side(s, plans, runs, t0 + seconds, interrupts)
    total = sum(sizes[r] for r in runs)
    best = None
    for r in runs:
        if nominal is None and seconds - (time.monotonic() - t0) <= 0.05:
            break  # no time to build it (the GA week's finest: 1.3 s)
        proto = _built(s, plans, r)
        if proto is None:
            return None
        left = seconds - (time.monotonic() - t0)
        if nominal is not None:
            # the clock a safety net only: the coarse program its share
            # of the nominal time, the finest all of it
            share = 1.0 if r == run or not total else sizes[r] / total
            left = max(left, seconds * share)
        if left <= 0.05:
            break
        found = least_whole_value(proto, left, interrupts)
        if found is None and nominal is not None:
            CLOCK_STOPS.add("relaxation bound")
        if interrupts is not None and interrupts.seen:
            return None
        if found is not None and (best is None or found > best):
            best = found
    return best


def _side_by_side(
    s: Scenario,
    plans: dict[str, Plan],
    runs: list[int],
    deadline: float,
    interrupts: Interrupts | None,
) -> float | None:
    """The best bound of the programs of ``runs``, each built and solved
    on its own thread until ``deadline`` (GLOP leaves Python's lock while
    it solves); ``None`` if none is solved or Ctrl-C came."""

    def one(run: int) -> float | None:
        # a mandatory item with no start makes every run's program None
        if deadline - time.monotonic() <= 0.05:
            return None
        proto = _built(s, plans, run)
        left = deadline - time.monotonic()
        if proto is None or left <= 0.05:
            return None
        return least_whole_value(proto, left, interrupts)

    with ThreadPoolExecutor(max_workers=len(runs)) as pool:
        found = [v for v in pool.map(one, runs) if v is not None]
    if interrupts is not None and interrupts.seen:
        return None
    return max(found) if found else None
