"""Large neighbourhood search over the built model.

CP-SAT's own neighbourhoods are generic and, on two cores, few: on the
family's two-day scenarios they made one to three moves a minute. This
loop makes its own, from what the schedule is about: the items of one
person (the one with the most value left out, by lot; with nothing left
out, the one with the most items, or, half the time, a principal whose
bilaterals lie at several venues, with every bilateral of their
partners: :func:`_split_person`), of one stretch of one day, or of one
set of rooms on one day, together with the left-out requests that could
take their place; or every item, on any day, that can use only one pool
of rooms (:func:`_pool`). Everything else is held where it is (its
presence, start and room fixed in a copy of the model), and CP-SAT
solves what is left, which presolve shrinks to a few dozen items,
starting from the current schedule. A better schedule is kept; the
neighbourhood grows when solved to optimality and shrinks when its time
runs out (a pool move is the pool's size, given more time). A pool move
holds its items to the starts a linear program of the neighbourhood
uses (:mod:`scheduler.search.pool_support`): searched over every start,
CP-SAT seldom re-packs a pool that is some people's only choice. When
that program proves the pool can hold no more value, the move does not
go on to search every start; a pool proven to hold nothing better is
not drawn again until the schedule changes. Once the schedule in hand
places every request (the moves' start or a move's), the model holds
them all placed for the moves after it (:mod:`scheduler.search.tiers`).

Only the search moves: the model, its rules and its objective are the
ones built by :func:`scheduler.model.build.build_model`, so every
schedule kept satisfies every hard rule the full model has.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model import Domain

from ..model.build import BuiltModel
from .interrupt import Interrupts
from .params import DET_PER_SECOND
from .pool_support import support
from .tiers import every_request_placed, hold_every_request
from .work import CLOCK_STOPS, limit, record

#: Nominal seconds a repeatable run charges a move at least (copying the
#: model and fixing its variables, which CP-SAT's deterministic time does
#: not count).
MOVE_CHARGE = 3.0

#: Items freed per move at the start, and the bounds it moves within.
START_SIZE = 30
MIN_SIZE = 8
MAX_SIZE = 200
#: Less time than this is not worth a move.
MIN_SECONDS = 1.0
#: Seconds one move may take.
MOVE_SECONDS = 2.0


@dataclass
class LnsResult:
    """The best solver (its response holds the solution) and its
    objective, the moves tried and kept."""

    solver: cp_model.CpSolver | None
    objective: float
    moves: int
    kept: int
    interrupted: bool = False
    #: a move freed every item and CP-SAT proved it optimal
    proven: bool = False


def _index(var) -> int:
    return var.index


class _Items:
    """Per item: the model variables that place it, and its people."""

    def __init__(self, built: BuiltModel):
        ctx = built.ctx
        self.vars = ctx.vars.items
        #: item variables -> venue -> its room literals there
        self.venues_of = ctx.vars.venues_of
        self.fixed: dict[str, list[int]] = {}
        for iid, v in self.vars.items():
            ids = {_index(v.present), _index(v.start)}
            for lit in v.rooms.values():
                ids.add(_index(lit))
            for lit in v.days.values():
                ids.add(_index(lit))
            self.fixed[iid] = sorted(ids)
        self.by_person: dict[str, list[str]] = defaultdict(list)
        for iid, v in self.vars.items():
            for p in v.item.participants:
                self.by_person[p].append(iid)
        self.by_pool: dict[str, list[str]] = defaultdict(list)
        #: pool -> the items that can use no other (:func:`_pool`)
        self.only_in: dict[str, list[str]] = defaultdict(list)
        for iid, v in self.vars.items():
            for pool in v.rooms:
                self.by_pool[pool].append(iid)
            if len(v.rooms) == 1 and v.item.kind != "sequence":
                self.only_in[next(iter(v.rooms))].append(iid)


def _neighbourhood(
    kind: str,
    items: _Items,
    values,
    s,
    rng: random.Random,
    size: int,
    settled: AbstractSet[str] = frozenset(),
) -> set[str]:
    vs = items.vars

    def placed(iid):
        return values[_index(vs[iid].present)] == 1

    left = {
        iid
        for iid, v in vs.items()
        if not v.item.mandatory
        and not placed(iid)
        and v.item.kind != "sequence"
    }
    if kind == "person":
        weight: dict[str, int] = defaultdict(int)
        for iid in left:
            for p in vs[iid].item.participants:
                weight[p] += vs[iid].item.value
        if not weight:
            # nothing left out: the soft preferences are what is left to
            # gain. Half the moves go to a principal whose bilaterals lie
            # at several venues, with every bilateral of their partners
            splits = venue_splits(items, values)
            if splits and rng.random() < 0.5:
                return _split_person(items, splits, rng, size)
            # the others to the people who have the most items (rooms
            # that fit lie with them)
            for p, lst in items.by_person.items():
                if len(lst) > 1:
                    weight[p] = len(lst)
        if not weight:
            return set()
        people = list(weight)
        people.sort()
        pid = rng.choices(people, [weight[p] for p in people])[0]
        # in order (a dict): which items a move keeps when there are too
        # many never depends on Python's string hashing, so a seeded run
        # repeats in any process
        picked = dict.fromkeys(items.by_person[pid])
        partners = [
            q
            for iid in items.by_person[pid]
            for q in vs[iid].item.participants
            if q != pid
        ]
        rng.shuffle(partners)
        return _with_partners(items, picked, partners, size)
    if kind == "window":
        d = rng.randrange(len(s.day_spans))
        lo, hi = s.day_spans[d]
        width = max(3600, (hi - lo) * size // max(1, len(vs)))
        t = rng.randrange(lo, max(lo + 1, hi - width))
        chosen = set()
        for iid, v in vs.items():
            start = values[_index(v.start)]
            if placed(iid):
                if start < t + width and t < start + v.duration:
                    chosen.add(iid)
            elif (
                iid in left
                and v.item.start_min < t + width
                and v.item.start_max + v.duration > t
            ):
                chosen.add(iid)
        return _trim(chosen, size * 2, rng)
    if kind == "pool":
        return _pool(items, left, rng, settled)
    # rooms
    pools = [p for p, lst in items.by_pool.items() if len(lst) > 1]
    pool = rng.choice(pools)
    d = rng.randrange(len(s.day_spans))
    lo, hi = s.day_spans[d]
    chosen = set()
    for iid in items.by_pool[pool]:
        v = vs[iid]
        if placed(iid):
            start = values[_index(v.start)]
            if lo <= start < hi:
                chosen.add(iid)
        elif iid in left:
            chosen.add(iid)
    return _trim(chosen, size * 2, rng)


def _with_partners(
    items: _Items, picked: dict[str, None], partners: list[str], size: int
) -> set[str]:
    """``picked``, then the first items of each partner in turn while
    the move has room; at most twice its size."""
    for q in partners:
        if len(picked) >= size:
            break
        picked.update(dict.fromkeys(items.by_person[q][: max(1, size // 4)]))
    return set(list(picked)[: size * 2])


def venue_splits(items: _Items, values) -> dict[str, int]:
    """Person -> the venues of their placed bilaterals beyond the first,
    for the people at more than one (the venue term's share of each)."""
    out: dict[str, int] = {}
    for p, iids in items.by_person.items():
        used = {
            venue
            for iid in iids
            if items.vars[iid].item.kind == "bilateral"
            for venue, lits in items.venues_of(items.vars[iid]).items()
            if any(values[_index(lit)] == 1 for lit in lits)
        }
        if len(used) > 1:
            out[p] = len(used) - 1
    return out


def _split_person(
    items: _Items, splits: dict[str, int], rng, size: int
) -> set[str]:
    """A principal whose bilaterals lie at several venues, by lot weighted
    by how many: their items, every bilateral of each partner (which
    venue suits one side is bound up with the other's), then the
    partners' other items while the move has room.

    Bringing one principal's bilaterals to one venue moves their
    partners' meetings with them; a move freeing the principal and a
    few of each partner's items seldom could (a generated two-day event
    whose every request was placed kept ten principals at two venues
    where holding them one by one at one venue left seven)."""
    people = sorted(splits)
    pid = rng.choices(people, [splits[p] for p in people])[0]
    picked = dict.fromkeys(items.by_person[pid])
    partners = sorted(
        {
            q
            for iid in items.by_person[pid]
            if items.vars[iid].item.kind == "bilateral"
            for q in items.vars[iid].item.participants
            if q != pid
        }
    )
    rng.shuffle(partners)
    for q in partners:
        picked.update(
            dict.fromkeys(
                iid
                for iid in items.by_person[q]
                if items.vars[iid].item.kind == "bilateral"
            )
        )
    return _with_partners(items, picked, partners, size)


def _pool(
    items: _Items, left: set[str], rng, settled: AbstractSet[str] = frozenset()
) -> set[str]:
    """Every item, on any day, that can only use one pool of rooms: the
    pool drawn by lot weighted by the value left out that only it could
    hold (with nothing left out there, by its number of such items).

    A pool that is some people's only choice is where their requests
    compete: a palace of two rooms, the only place the host's leaders
    meet, each meeting also holding its room for a security sweep. The
    other moves free one day of it, or one person's items, and never
    re-pack the whole of it at once; at most :data:`MAX_SIZE` items. A
    pool in ``settled`` (a move proved nothing better there, the rest
    held as the schedule has it) is not drawn."""
    only = items.only_in
    weight = {
        pool: sum(items.vars[i].item.value for i in lst if i in left)
        for pool, lst in sorted(only.items())
        if len(lst) > 1
    }
    if not any(weight.values()):
        # nothing left out there: the soft preferences (rooms that fit)
        # are what is left to gain, most of it in the busiest pools
        weight = {pool: len(only[pool]) for pool in weight}
    weight = {
        pool: w for pool, w in weight.items() if w > 0 and pool not in settled
    }
    if not weight:
        return set()
    pool = rng.choices(list(weight), list(weight.values()))[0]
    return _trim(set(only[pool]), MAX_SIZE, rng)


def _search(
    model: cp_model.CpModel,
    wall: float,
    work: float | None,
    workers: int,
    seed: int,
    intr: Interrupts,
    fuller: bool = False,
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    """A move's CP-SAT search of ``model`` for ``wall`` seconds (``work``
    deterministic ones in a repeatable run); ``fuller``: with the fuller
    linear relaxation (see :data:`POOL_TIMES`)."""
    trial = cp_model.CpSolver()
    limit(trial, wall, work)
    p = trial.parameters
    p.num_workers = workers
    p.random_seed = seed
    if fuller:
        p.linearization_level = 2
        p.add_lp_constraints_lazily = False
    return trial, intr.solve(trial, model)


def _within(sub: cp_model.CpModel, items: _Items, spans) -> None:
    """Hold each item of ``spans`` (item id -> start intervals, from
    :func:`scheduler.search.pool_support.support`) to those starts in
    ``sub``, or out of it when it has none."""
    for iid, allowed in spans.items():
        v = items.vars[iid]
        if allowed:
            sub.add_linear_expression_in_domain(
                v.start, Domain.from_intervals(allowed)
            ).only_enforce_if(v.present)
        else:
            sub.add(v.present == 0)


def _trim(chosen: set[str], size: int, rng) -> set[str]:
    if len(chosen) <= size:
        return chosen
    return set(rng.sample(sorted(chosen), size))


KINDS = ("person", "window", "rooms", "pool")
#: Seconds a pool move may take, as a multiple of :data:`MOVE_SECONDS`
#: (its linear program's time on top, half of it at most). Its items are
#: held to the program's support; when the program has no answer, it is
#: solved with CP-SAT's fuller linear relaxation instead (level 2, every
#: row from the start): on a generated event's palace (93 items that can
#: only use its two rooms, a 60 s schedule), 15 s moves gained 6, 13 and
#: 33 units of value with it and none in three runs without; 5 s gained
#: 4 (bench/README.md, session 20).
POOL_TIMES = 3


def release(model: cp_model.CpModel) -> None:
    """Free ``model``'s memory now: a copy is done with.

    ortools' ``CpModel`` binds its old CamelCase method names to itself
    in its own ``__dict__``, a reference cycle: a dropped model waits
    for Python's cyclic collector, which runs rarely, and each copy
    holds the whole model in C++. One copy per move kept memory
    growing by about 20 MB a move (venues at 60 s: 403 MB when the
    moves began, 1,005 MB after 28 moves). Emptying the
    ``__dict__`` breaks the cycle, so the copy goes with its last
    reference."""
    attributes = getattr(model, "__dict__", None)
    if attributes is not None:
        attributes.clear()


def complete_hint(
    built: BuiltModel, seconds: float, interrupts=None, det=None
):
    """A solver holding the model's hint completed into a full solution
    (every hinted variable fixed, the rest solved for), or ``None``."""
    sub = built.model.clone()
    hint = sub.proto.solution_hint
    if not len(hint.vars):
        return None
    for k, value in zip(hint.vars, hint.values, strict=True):
        dom = sub.proto.variables[k].domain
        dom.clear()
        dom.extend([value, value])
    solver = cp_model.CpSolver()
    limit(solver, max(0.1, seconds), det)
    solver.parameters.num_workers = 1
    code = (
        solver.solve(sub)
        if interrupts is None
        else interrupts.solve(solver, sub)
    )
    release(sub)
    record(solver, "neighbourhood moves")
    if code not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return solver


def improve_lns(
    built: BuiltModel,
    solver: cp_model.CpSolver,
    seconds: float,
    workers: int = 1,
    seed: int = 0,
    interrupts: Interrupts | None = None,
    bound: float | None = None,
    det: float | None = None,
) -> LnsResult:
    """Improve the solution held by ``solver`` (a solve of ``built``) by
    neighbourhood moves for ``seconds``; see the module. Stops early
    when the schedule meets ``bound`` (a proven lower bound) or a move
    that freed every item was solved to optimality (``proven``). With
    ``det`` (a repeatable run) the moves stop when they have spent that
    much deterministic time, the clock only a safety net."""
    if (seconds if det is None else det / DET_PER_SECOND) < MIN_SECONDS:
        return LnsResult(None, float("inf"), 0, 0)
    deadline = time.monotonic() + seconds
    rng = random.Random(seed)
    intr = interrupts or Interrupts()  # inactive unless entered
    start = complete_hint(
        built,
        seconds / 4 if det is None else seconds,
        intr,
        None if det is None else det / 4,
    )
    if det is not None:
        det -= start.deterministic_time if start is not None else 0.0
    move_det = MOVE_SECONDS * DET_PER_SECOND
    if len(solver.response_proto.solution) and (
        start is None or solver.objective_value <= start.objective_value
    ):
        start = solver
    if start is None:
        return LnsResult(None, float("inf"), 0, 0)
    solver = start
    if every_request_placed(built, solver):
        # the moves search the soft preferences alone
        hold_every_request(built)
    items = _Items(built)
    s = built.ctx.scenario
    best = solver
    values = list(solver.response_proto.solution)
    objective = solver.objective_value
    size, moves, kept = START_SIZE, 0, 0
    # pools a move proved hold nothing better while the schedule stands
    settled: set[str] = set()
    n_vars = len(values)
    while True:
        if bound is not None and objective - bound < 1:
            break  # nothing better exists
        left = deadline - time.monotonic()
        if det is not None and det <= 0:
            break
        if left < 0.3:
            if det is not None:
                CLOCK_STOPS.add("neighbourhood moves")
            break
        kind = KINDS[moves % len(KINDS)]
        free = _neighbourhood(kind, items, values, s, rng, size, settled)
        moves += 1
        if not free:
            continue
        sub = built.model.clone()
        sub.clear_hints()
        proto = sub.proto
        for iid, ids in items.fixed.items():
            if iid in free:
                continue
            for k in ids:
                dom = proto.variables[k].domain
                dom.clear()
                dom.extend([values[k], values[k]])
        proto.solution_hint.vars.extend(range(n_vars))
        proto.solution_hint.values.extend(values)
        times = POOL_TIMES if kind == "pool" else 1
        spans, hopeless = None, False
        if kind == "pool":
            began = time.monotonic()
            # its own time, on top of the move's: half the move's at most
            # (in a repeatable run only a safety net: GLOP is repeatable)
            found = support(
                built,
                best,
                free,
                min(times * MOVE_SECONDS, left) / 2 if det is None else left,
                intr,
            )
            spans = None if found is None else found.spans
            # the program proves no schedule of the neighbourhood places
            # more value: only the soft preferences are left to gain, at
            # the program's starts
            hopeless = found is not None and not found.may_gain()
            left -= time.monotonic() - began
        wall = (
            min(times * MOVE_SECONDS, left - 0.2)
            if det is None
            else left - 0.2
        )
        work = None if det is None else min(times * move_det, det)
        spent = 0.0  # deterministic time of a first, narrowed search
        if spans is not None:
            narrow = sub.clone()
            _within(narrow, items, spans)
            trial, code = _search(
                narrow, wall, work, workers, rng.randrange(1 << 30), intr
            )
            release(narrow)
            rest = wall - trial.wall_time
            if work is not None:
                record(trial, "neighbourhood moves")
                spent = trial.deterministic_time
                rest = (work - spent) / DET_PER_SECOND
            if (
                code == cp_model.OPTIMAL
                and trial.objective_value >= objective - 0.5
                and rest >= MIN_SECONDS
                and not hopeless
                and not intr.seen
            ):
                # nothing better at the program's starts: the rest of the
                # move's time searches every start, as before it
                spans = None
                trial, code = _search(
                    sub,
                    rest if det is None else wall,
                    None if work is None else work - spent,
                    workers,
                    rng.randrange(1 << 30),
                    intr,
                    fuller=True,
                )
        else:
            trial, code = _search(
                sub,
                wall,
                work,
                workers,
                rng.randrange(1 << 30),
                intr,
                fuller=kind == "pool",
            )
        release(sub)
        if det is not None:
            record(trial, "neighbourhood moves")
            # a move costs Python time CP-SAT does not count: charge it
            det -= max(
                spent + trial.deterministic_time,
                MOVE_CHARGE * DET_PER_SECOND,
            )
        if intr.seen:  # Ctrl-C: keep what was found so far
            return LnsResult(best, objective, moves, kept, interrupted=True)
        if (
            code == cp_model.OPTIMAL
            and len(free) == len(items.fixed)
            and spans is None  # held to some starts, it proves nothing
        ):
            # nothing was held: this was the whole model, solved
            return LnsResult(
                trial, trial.objective_value, moves, kept + 1, proven=True
            )
        if kind == "pool":
            # its size is the pool's, not the moves'
            if code == cp_model.OPTIMAL and (spans is None or hopeless):
                settled.update(
                    pool
                    for pool, only in items.only_in.items()
                    if free == set(only)
                )
        elif code == cp_model.OPTIMAL:
            size = min(MAX_SIZE, size + max(2, size // 5))
        elif code != cp_model.FEASIBLE or (
            trial.wall_time >= MOVE_SECONDS
            if det is None
            else trial.deterministic_time >= 0.99 * move_det
        ):
            size = max(MIN_SIZE, size - max(2, size // 5))
        if (
            code in (cp_model.OPTIMAL, cp_model.FEASIBLE)
            and trial.objective_value < objective - 0.5
        ):
            objective = trial.objective_value
            values = list(trial.response_proto.solution)
            best = trial
            kept += 1
            if every_request_placed(built, trial):
                hold_every_request(built)  # for the next moves
            settled.clear()  # a pool may hold more beside the new schedule
    return LnsResult(best, objective, moves, kept)
