"""A proven lower bound from a time-indexed linear program.

The relaxation of :mod:`scheduler.search.bound` keeps "which items, on
which day" and counts minutes: it cannot see that a bilateral needs both
its people free at the same moment, nor that a room swept for a VIP is
held before the meeting. This one keeps the "when": a column per item
and start (on large scenarios, per run of a few consecutive starts),
taken from the same superset of starts (:func:`bound.plan_item`), and
rows saying that at every moment

- a person is in at most one of their items, each held for the time
  they are busy in it plus the same-venue buffer after it (an event
  every head present must attend holds each head it certainly finds
  present, :func:`scheduler.model.constraints.duties.certain_heads`);
- a set of rooms holds at most as many of the items that can only use
  its rooms as it has rooms, each held for its duration plus the
  changeover after it and, for an item with a VIP, the part of the
  security sweep the changeover does not cover before it; a set of
  exhibition rooms at most its booth units (:func:`_booth_rows`). A
  column of an item whose rooms lie at several venues is held only in
  the rooms of the venues its people can reach at its start, the travel
  from and to their fixed duties counted (:func:`_rooms_of`): a meeting
  five minutes after the opening is in the centre's rooms, not the
  palace's;

and that each item is placed at most once (a mandatory one exactly
once) and each person holds at most their daily limit of events and
bilaterals on a day.

A column for a run of starts counts only the moments that every start in
the run covers, so every schedule the independent checker accepts is a
solution (each row follows from a hard rule; none is a rule of its own),
and the optimum of the linear program is a lower bound on the value left
out. "At every moment" is one row per maximal clique of each interval
graph, found by a sweep. GLOP solves it; only its optimum is used.

An optional all-heads event at a fixed time (a banquet, a reception)
is what the program is weakest at: placed, it takes every head in town
from their other items for its span and the travel to it, and the
linear optimum places a share of it beside a share of each head's
items there. The program is therefore split on such events
(:func:`branch_items`): solved with each placed and with each left out
(its value then lost), the travel around it counted
(:func:`_travel_rows`), the least optimum of the leaves is the bound;
every schedule lies in one leaf.

On the bench family its optimum lies well above the day relaxation's
linear program (one-day 1,344 against 1,211 units left out, venues 1,815
against 1,515, hubs-b 1,734 against 1,505 with a column per start;
bench/README.md).
"""

from __future__ import annotations

import heapq
import math
import threading
import time
from collections import defaultdict
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Protocol

from ortools.linear_solver import linear_solver_pb2

from models import Scenario
from models.records.items import Item

from ..model.constraints.duties import certain_heads, duty_gaps
from .interrupt import Interrupts
from .linear import UNBOUNDED, leaf_optimum, least_whole_value, row, whole
from .work import CLOCK_STOPS


class Plan(Protocol):
    """What the program reads of a :class:`scheduler.search.bound.Plan`
    (not imported: that module calls this one)."""

    item: Item
    starts: dict[int, list[tuple[int, int]]]
    parts: list


def _rooms_of(
    plan: Plan, runs: list[tuple[int, int, int]]
) -> list[tuple[str, ...]]:
    """The rooms each column of ``plan``'s item (``runs``: day, first and
    last start, from :func:`_runs`) may be held in: for an item whose
    rooms lie at several venues, those of the venues whose own plan
    (:attr:`scheduler.search.bound.Plan.parts`) has a start in the run
    (none: no schedule starts it then), else all its rooms."""
    rooms = plan.item.rooms
    parts = plan.parts
    if not parts:
        return [rooms] * len(runs)
    hits = []
    for part in parts:
        # the runs of a day come in order of their first start: one walk
        # along the part's spans of starts (sorted, disjoint) per day
        mine, day, spans, k = [], None, (), 0
        for d, first, last in runs:
            if d != day:
                day, spans, k = d, part.starts.get(d, ()), 0
            while k < len(spans) and spans[k][1] <= first:
                k += 1
            mine.append(k < len(spans) and spans[k][0] <= last)
        hits.append(mine)
    out = []
    known: dict[tuple[bool, ...], tuple[str, ...]] = {}
    for key in zip(*hits, strict=True):
        if key not in known:
            here = {
                r
                for part, hit in zip(parts, key, strict=True)
                if hit
                for r in part.item.rooms
            }
            known[key] = tuple(r for r in rooms if r in here)
        out.append(known[key])
    return out


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
#: Most items the program is split on (:func:`branch_items`): each
#: doubles the programs solved.
MAX_BRANCH = 2
#: Time of one program with a split item fixed, against the program
#: itself (bench family, 2-core AMD EPYC, column per start: a fixed
#: all-heads event takes presolve most of the way; 0.3-0.7 s against
#: 0.6-1.1 s on drawn-305, 0.9-1.3 s against 1.8-2.3 s on
#: welcome-signing).
LEAF_SHARE = 0.6
#: Share of the time the finest program's leaves may run past it when
#: a coarser program is solved beside it (:func:`_side_by_side`). On
#: the bench family at 60 s (7.1 s for the programs, 2-core AMD EPYC)
#: the finest program of hubs and three-days-venues, both split on
#: their optional banquet, ended 0.2 s after the time, or 0.1 s before
#: it: the coarser bound, 39 and 50 units of value weaker (a point and
#: almost three points of the gap), stood in 12 of 26 runs; with the
#: overrun in 1 of 6 (bench/README.md, session 22). The search is given
#: what the programs leave.
OVERRUN_SHARE = 0.15


class _Program:
    """The linear program as sparse rows over columns ``0..n-1``."""

    def __init__(self) -> None:
        self.objective: list[float] = []  # value placed per column
        self.rows: list[tuple[list[int], float, float]] = []
        #: rows with coefficients: (columns, coefficients, upper side)
        self.weighted: list[tuple[list[int], list[float], float]] = []
        self.offset = 0.0
        #: item id -> (first start, last start, column) of its columns
        self.columns: dict[str, list[tuple[int, int, int]]] = {}
        #: columns the program is split on (:func:`branch_items`)
        self.branch: list[int] = []
        #: column -> the rooms it is held in, where narrower than its
        #: item's (the venues its people can reach, :func:`_rooms_of`)
        self.rooms: dict[int, tuple[str, ...]] = {}

    def column(self, value: float) -> int:
        self.objective.append(value)
        return len(self.objective) - 1

    def row(self, cols: list[int], lo: float, hi: float) -> None:
        self.rows.append((cols, lo, hi))

    def weighted_row(
        self, cols: list[int], coefs: list[float], hi: float
    ) -> None:
        self.weighted.append((cols, coefs, hi))


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


def branch_items(s: Scenario, plans: dict[str, Plan]) -> list[str]:
    """The optional items the program is split on: those held at one
    start that every head present must attend (all-heads events: a
    reception, a banquet), at most :data:`MAX_BRANCH`, the most valuable
    first.

    Placed, such an event takes every head in town away from their other
    items for its span and the travel to it; the linear program places
    a share of it and keeps a share of each head's items there, which no
    schedule can. Solved once with it placed and once without (its
    value then left out), the least of the two is still a bound on every
    schedule: on the bench family 20 to 50 units of value above the
    program's own on nine of the eleven events that have a gap
    (bench/README.md, session 18)."""
    found = []
    for iid, plan in plans.items():
        it = plan.item
        if it.mandatory or not it.all_heads:
            continue
        starts = sum(
            hi - lo for spans in plan.starts.values() for lo, hi in spans
        )
        if starts == 1:
            found.append((-it.value, iid))
    return [iid for _, iid in sorted(found)[:MAX_BRANCH]]


def leaves(prog: _Program) -> list[tuple[tuple[int, float], ...]]:
    """Each way of fixing the columns the program is split on, as
    (column, value) pairs; one leaf with nothing fixed if none."""
    out: list[tuple[tuple[int, float], ...]] = [()]
    for c in prog.branch:
        out = [(*leaf, (c, v)) for leaf in out for v in (0.0, 1.0)]
    return out


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
    s: Scenario,
    plans: dict[str, Plan],
    run: int = 1,
    split: bool = True,
    used: dict[tuple[str, int], int] | None = None,
) -> _Program | None:
    """The program of ``s`` over ``plans`` (item id -> plan of every
    non-queue item), ``None`` if a mandatory item has no start; ``split``:
    on :func:`branch_items` (:attr:`_Program.branch`); ``used``: (person,
    day) -> events and bilaterals they already hold that day outside
    ``plans`` (a move's held schedule), taken from their daily limit."""
    prog = _Program()
    buf = s.buffer_seconds
    # a program not split on them leaves out the rows of the items it
    # would be split on: with such an item's share free, the rows of the
    # heads it holds made GLOP take up to fifteen times as long for a
    # bound a few units higher (bench/README.md, session 18)
    branch = branch_items(s, plans)
    unsplit = set() if split else set(branch)
    person_uses: dict[str, list] = defaultdict(list)
    counted: dict[tuple[str, int], list[int]] = defaultdict(list)
    in_rooms: list[tuple[frozenset, object, list]] = []
    in_booths: list[tuple[frozenset, Item, list]] = []
    for plan in plans.values():
        it = plan.item
        value = 0.0 if it.mandatory else it.value
        cols = []  # in order of their starts
        by_rooms: dict[tuple[str, ...], list] = defaultdict(list)
        runs = _runs(s, plan, run)
        for (d, first, last), here in zip(
            runs, _rooms_of(plan, runs), strict=True
        ):
            if here:
                cols.append((d, first, last, prog.column(value)))
                by_rooms[here].append(cols[-1])
        if not cols:
            if it.mandatory:
                return None
            prog.offset += it.value
            continue
        vip = any(s.is_vip(p) for p in it.participants if p in s.persons)
        for here, mine in by_rooms.items():
            if here != it.rooms:
                prog.rooms.update((c, here) for *_, c in mine)
            booths = [s.room_by_id[r].kind == "exhibition" for r in here]
            if not any(booths):
                in_rooms.append((frozenset(here), (it, vip), mine))
            elif all(booths):
                in_booths.append((frozenset(here), it, mine))
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
        for _, first, last, c in cols if it.item_id not in unsplit else ():
            for h in certain_heads(s, it, first, last):
                person_uses[h].append((last, first + it.duration + buf, c))
    for uses in person_uses.values():
        for clique in maximal_cliques(uses):
            if len(clique) > 1:
                prog.row(clique, 0, 1)
    for (pid, day), today in counted.items():
        limit = s.persons[pid].max_items_per_day
        if limit is None:
            continue
        limit = max(0, limit - (used or {}).get((pid, day), 0))
        if len(today) > limit:
            prog.row(today, 0, limit)
    _room_rows(s, prog, in_rooms)
    _booth_rows(s, prog, in_booths)
    for iid in branch if split else ():
        if len(prog.columns.get(iid, ())) == 1:
            prog.branch.append(prog.columns[iid][0][2])
            _travel_rows(s, prog, plans, iid)
    return prog


def _travel_rows(s: Scenario, prog: _Program, plans, iid: str) -> None:
    """Placed, the item ``iid`` (held at one start, a column of its own)
    takes none of its people's other items that would overlap it, the
    same-venue buffer or the travel between their venues counted: for
    each person of it (an all-heads event's every head it certainly holds
    included) and each other item of theirs, its column and that item's
    starts too near it sum to at most one.

    The rows at each moment count only the same-venue buffer. This is
    the travel :func:`scheduler.model.constraints.duties.clear_of_fixed_duties`
    keeps around a mandatory item at a fixed time, for an item the
    program is split on: once its column is fixed, these rows go with it
    or fix the near starts out."""
    it = plans[iid].item
    first, last, c = prog.columns[iid][0]
    held = prog.rooms.get(c, it.rooms)
    people = [(p, it.busy_seconds(p)) for p in it.participants]
    people += [(h, it.duration) for h in certain_heads(s, it, first, last)]
    mine: dict[str, list[str]] = defaultdict(list)
    for jid, plan in plans.items():
        if jid != iid and jid in prog.columns:
            for pid in plan.item.participants:
                mine[pid].append(jid)
    for pid, busy in people:
        for jid in mine.get(pid, ()):
            other = plans[jid].item
            took = other.busy_seconds(pid)
            gaps = {}
            near = []
            for a, b, k in prog.columns[jid]:
                # each column in its own rooms: one venue's, or any
                where = prog.rooms.get(k, other.rooms)
                if where not in gaps:
                    gaps[where] = duty_gaps(s, held, where)
                before, after = gaps[where]
                # every start of the run [a, b] ends, plus the gap, after
                # the item starts, and starts before it ends plus the gap
                if a > last - took - before and b < first + busy + after:
                    near.append(k)
            if near:
                prog.row([c, *near], 0, 1)


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


def _booth_rows(s: Scenario, prog: _Program, in_booths) -> None:
    """At any moment, a set of exhibition rooms holds, of the items that
    can only use its rooms, at most its booth units: an exhibition takes
    its own units (its attendance), any other item a whole room (at
    least the smallest of its rooms, :meth:`Scenario.room_demand`).

    The room rows (:func:`_room_rows`) leave exhibition rooms out, where
    several exhibitions share a room; without these rows a one-day event
    whose thirteen all-day exhibitions need 26 units of a 25-unit foyer
    had them all placed in the program, which no schedule can. Each
    such moment also holds at most as many items as the smallest
    demands fit in the units."""
    for rooms in {r for r, _, _ in in_booths}:
        units = sum(s.room_by_id[r].capacity for r in rooms)
        uses: list[tuple[int, int, int]] = []
        need: dict[int, int] = {}
        owner: dict[int, str] = {}
        for mine, it, cols in in_booths:
            if not mine <= rooms:
                continue
            demand = min(s.room_demand(it, r) for r in mine)
            for _, first, last, c in cols:
                if last < first + it.duration:
                    uses.append((last, first + it.duration, c))
                    need[c] = demand
                    owner[c] = it.item_id
        for clique in maximal_cliques(uses):
            if sum(need[c] for c in clique) <= units:
                continue
            prog.weighted_row(clique, [need[c] for c in clique], units)
            # and as many items as the smallest demands fit in the units:
            # the linear program would otherwise drop a third of a
            # three-unit exhibition where a schedule drops a whole one
            fit, used = 0, 0
            items = {owner[c]: need[c] for c in clique}
            for demand in sorted(items.values()):
                if used + demand > units:
                    break
                fit, used = fit + 1, used + demand
            prog.row(clique, 0, fit)


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
    for cols, coefs, hi in prog.weighted:
        row(proto, cols, coefs, -UNBOUNDED, hi)
    return proto


def solve_program(
    prog: _Program, seconds: float, interrupts: Interrupts | None = None
) -> float | None:
    """The least value ``prog`` leaves out, a whole number
    (:func:`scheduler.search.linear.least_whole_value`); ``None`` unless
    GLOP proves it in ``seconds``."""
    return least_whole_value(
        program_proto(prog), seconds, interrupts, leaves(prog)
    )


def _built(
    s: Scenario, plans: dict[str, Plan], run: int, split: bool
) -> tuple[linear_solver_pb2.MPModelProto, list] | None:
    """The program of ``run`` as GLOP reads it, ``None`` if a mandatory
    item has no start. Its rows as Python lists are not kept while GLOP
    solves: they take about as much memory as GLOP's own copy (hubs'
    finest program: 405 MB at the peak with them, 321 MB without them
    and with the proto emptied once loaded)."""
    prog = build_program(s, plans, run, split)
    return None if prog is None else (program_proto(prog), leaves(prog))


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
    on its own thread, so the finest has all the time from the start,
    and :data:`OVERRUN_SHARE` of it more.

    A program is split on :func:`branch_items` when all its leaves fit
    the time too: one after the other, or, with ``threads`` of 2 or
    more, side by side (:func:`_side_by_side`)."""
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
    # split where every leaf's program fits too: each takes a share of
    # the one program's time, and the leaves are solved side by side on
    # as many threads as there are
    pooled = threads > 1 and nominal is None
    n = 2 ** len(branch_items(s, plans))
    per = LEAF_SHARE * math.ceil(n / (threads if pooled else 1))
    split = {r: n > 1 and sizes[r] * per <= fits for r in sizes}
    sizes = {r: sizes[r] * (per if split[r] else 1) for r in sizes}
    runs = [run]
    if run < MAX_RUN and sizes[run] > SAFE_SHARE * fits:
        runs.insert(0, run + 1)
    if pooled and (len(runs) > 1 or split[run]):
        return _side_by_side(
            s,
            plans,
            runs,
            split,
            t0 + seconds,
            interrupts,
            threads,
            OVERRUN_SHARE * seconds,
        )
    total = sum(sizes[r] for r in runs)
    best = None
    for r in runs:
        if nominal is None and seconds - (time.monotonic() - t0) <= 0.05:
            break  # no time to build it (the GA week's finest: 1.3 s)
        built = _built(s, plans, r, split[r])
        if built is None:
            return None
        proto, ways = built
        left = seconds - (time.monotonic() - t0)
        if nominal is not None:
            # the clock a safety net only: the coarse program its share
            # of the nominal time, the finest all of it
            share = 1.0 if r == run or not total else sizes[r] / total
            left = max(left, seconds * share)
        if left <= 0.05:
            break
        found = least_whole_value(proto, left, interrupts, ways)
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
    split: dict[int, bool],
    deadline: float,
    interrupts: Interrupts | None,
    threads: int = 2,
    overrun: float = 0.0,
) -> float | None:
    """The best bound of the programs of ``runs`` solved until
    ``deadline`` on ``threads`` threads (GLOP leaves Python's lock while
    it solves): each program is built on a thread of its own, then each
    of its leaves (:func:`leaves`) solved on the next thread free, in the
    order the programs were built; a program counts once every leaf of
    it is proven. With a coarser program beside it, the finest (the
    least run) may go on for ``overrun`` seconds past the deadline
    (:data:`OVERRUN_SHARE`). ``None`` if none is proven, or Ctrl-C
    came."""
    intr = interrupts or Interrupts()
    lock = threading.Lock()
    jobs: list[Future] = []
    found: dict[int, list[float | None]] = {}
    # alone (split, no safety net beside it) the finest keeps the time
    finest = min(runs) if len(runs) > 1 else None

    def until(run: int) -> float:
        return deadline + (overrun if run == finest else 0.0)

    def submit(pool, fn, *args) -> None:
        with lock:
            jobs.append(pool.submit(fn, *args))

    def build(pool, run: int) -> None:
        # a mandatory item with no start makes every run's program None
        if until(run) - time.monotonic() <= 0.05:
            return
        built = _built(s, plans, run, split[run])
        if built is None or until(run) - time.monotonic() <= 0.05:
            return
        proto, ways = built
        found[run] = [None] * len(ways)
        waiting = [len(ways)]

        def loaded() -> None:
            with lock:
                waiting[0] -= 1
                if not waiting[0]:
                    proto.Clear()  # every leaf's GLOP holds its copy

        for k, leaf in enumerate(ways):
            submit(pool, solve, run, k, proto, leaf, loaded)

    def solve(run, k, proto, leaf, loaded) -> None:
        found[run][k] = leaf_optimum(proto, leaf, until(run), intr, loaded)

    with ThreadPoolExecutor(max_workers=max(threads, len(runs))) as pool:
        for run in runs:
            submit(pool, build, pool, run)
        done = 0
        while True:
            with lock:
                if done == len(jobs):
                    break
                job = jobs[done]
            job.result()  # a leaf's job is listed before its build ends
            done += 1
    if intr.seen:
        return None
    proven = [
        whole(min(v for v in values if v is not None))
        for values in found.values()
        if all(v is not None for v in values)
    ]
    return max(proven) if proven else None
