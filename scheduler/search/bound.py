"""A proven lower bound on the objective from a relaxation of the model.

The full model decides when, where and with whom; its bound comes from a
linear relaxation that knows little about time. This module drops the
"when" and keeps only "which items, on which day", with every resource
counted in minutes (a time-indexed knapsack):

- each item is placed at most once, on one day where its window, fixed
  start or slots, its people's availability and fixed duties, an open
  room and its delegation's arrival allow it; mandatory items always;
- each person's items of a day, with the same-venue buffer after each,
  fit in the time they are free that day (and in each stretch of the
  day that must hold some of them), fixed duties counted;
- each person takes part in at most their daily limit of events and
  bilaterals;
- each set of rooms holds, on a day, the items that can only use those
  rooms, each with its changeover (and, for an item with a VIP, the part
  of the security sweep the changeover does not cover), within its open
  hours;
- items that can only start at a few given times (slots, fixed starts)
  are counted per start: at one moment a person is in one of them, and a
  set of rooms holds as many as it has rooms.

Every schedule that the independent checker accepts satisfies all of
these (each is a consequence of the hard rules, never a rule of its own),
so the least value such a plan leaves out, times the placement weight, is
a lower bound on the objective: the soft tier is never negative. CP-SAT
solves the relaxation (a few hundred booleans per day, no intervals)
within a small budget; its proven bound, never its solution, is used.

Neither counts the places in protocol lists (queues); to both is added
what the lists must lose (:func:`list_losses`): members who cannot
reach their list's span, and those its span cannot hold. On the bench
family that is every list place the schedules leave out on 17 of 18
scenarios (one-day 104 units of value, welcome-signing 592).

:func:`relaxation_bound` first solves this relaxation's linear program
(hundredths of a second: a bound in hand whatever follows), then asks
the time-indexed linear program of :mod:`scheduler.search.time_bound`
(which keeps the "when", and on the bench family is the stronger), then,
without it, this relaxation in the time left, and reports the best.
The day-by-day decomposition reports it as the bound of the whole
event; a single model reports the better of it and its own.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field, replace

from ortools.linear_solver import linear_solver_pb2
from ortools.sat.python import cp_model

from models import Scenario
from models import intervals as iv
from models.objective import placement_weight
from models.records.items import Item, arrival_item_id, event_item_id

from ..model.constraints.duties import certain_heads, duty_gaps
from .interrupt import Interrupts
from .linear import least_whole_value, row
from .params import DET_PER_SECOND
from .time_bound import time_indexed_bound
from .work import limit, record

#: Relaxations with more variables than this are solved as a linear
#: program (GLOP) only: CP-SAT finds no bound for them in seconds.
LP_ONLY_VARIABLES = 20_000
#: Items this many starts or fewer are counted start by start.
FEW_STARTS = 8
#: Share of the bound's time the time-indexed linear program, tried
#: first (:mod:`scheduler.search.time_bound`), is sized for; its solves
#: may use all the bound's time left, since with its answer in hand this
#: module's CP-SAT solve is skipped (that solve has what the program
#: leaves when it gives none). Held to this share, the finest program of hubs
#: and hubs-b (after the coarser one) had 4.2-4.4 s of the 4.5-5.2 s it
#: takes: a bound 56 and 33 units of value weaker, run to run.
TIME_INDEXED_SHARE = 0.8


@dataclass
class Plan:
    """An item of the relaxation: on which days it can be, and there from
    which starts (half-open spans of start times)."""

    item: Item
    starts: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    #: for an item whose rooms lie at several venues, its plan at each
    #: venue it can be held at (:func:`venue_parts`); empty otherwise
    parts: list[Plan] = field(default_factory=list)

    def span(self, d: int, busy: int | None = None) -> tuple[int, int]:
        """Earliest start and latest end on day ``d`` (the end of the first
        ``busy`` seconds, for a person held only that long)."""
        spans = self.starts[d]
        size = self.item.duration if busy is None else busy
        return spans[0][0], spans[-1][1] - 1 + size

    def points(self) -> list[int] | None:
        """Every start it can take, when there are only a few."""
        out = []
        for spans in self.starts.values():
            for lo, hi in spans:
                if hi - lo > FEW_STARTS or len(out) > FEW_STARTS:
                    return None
                out.extend(range(lo, hi))
        return out if len(out) <= FEW_STARTS else None


def certain_duties(s: Scenario) -> dict[str, list[tuple[int, int, str]]]:
    """Person id -> (start, end, item id) of the items they certainly
    attend at a fixed time: mandatory items with a fixed start, for their
    participants and, for an all-heads one, for every head it certainly
    holds (:func:`scheduler.model.constraints.duties.certain_heads`)."""
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for it in s.items:
        if not it.mandatory or it.fixed_start is None:
            continue
        if it.kind == "sequence":
            continue
        lo, hi = it.fixed_start, it.fixed_start + it.duration
        for pid in it.participants:
            out[pid].append((lo, lo + it.busy_seconds(pid), it.item_id))
        for h in certain_heads(s, it, lo, lo):
            out[h].append((lo, hi, it.item_id))
    return out


def list_losses(s: Scenario) -> int:
    """Value of queue members that no schedule can place: a member is
    certainly left out when neither their slot nor any slot another list
    keeps for them can start inside the list's span (their event's span,
    or the list's window) with the member free, arrived and the room open;
    and, of the other optional members of a list, as much value as the
    list's span cannot hold back to back (the gap between slots counted),
    by a fractional knapsack. Members with a slot in another list, and
    slots moved in from another list, are left out of the knapsack (as
    if placed at no cost in time): every schedule the checker accepts
    leaves out at least this much list value. A member is in town from
    their reception's first possible start (:func:`receptions`)."""
    cache = _Cache(s)
    cache.received = receptions(s, certain_duties(s), cache)
    slots = [it for it in s.items if it.kind == "sequence"]
    elsewhere: dict[str, list[Item]] = defaultdict(list)
    for it in slots:
        if it.is_alternative:
            elsewhere[it.own_item_id].append(it)
    events: dict[str, Item | None] = {
        seq.sequence_id: s.item_by_id.get(event_item_id(seq.within_event))
        if seq.within_event is not None
        else None
        for seq in s.sequences
    }
    placeable: dict[str, bool] = {}
    for it in slots:
        lo, hi, _ = _list_span(it, events[it.list_id])
        trial = replace(it, start_min=lo, start_max=hi - it.duration)
        placeable[it.item_id] = hi - lo >= it.duration and bool(
            plan_item(s, trial, {}, cache, False).starts
        )
    lost = 0
    by_list: dict[str, list[Item]] = defaultdict(list)
    for it in slots:
        if it.is_alternative:
            continue
        if it.mandatory:
            by_list[it.list_id].append(it)
            continue
        options = [it, *elsewhere[it.item_id]]
        if not any(placeable[o.item_id] for o in options):
            lost += it.value
        elif len(options) == 1:
            by_list[it.list_id].append(it)
    for seq in s.sequences:
        members = by_list.get(seq.sequence_id, [])
        if not members:
            continue
        _, _, room = _list_span(members[0], events[seq.sequence_id])
        lost += _knapsack_loss(
            members, room + seq.gap_seconds, seq.gap_seconds
        )
    return lost


def _list_span(it: Item, ev: Item | None) -> tuple[int, int, int]:
    """``(lo, hi, length)``: where a slot of a list may lie (its event's
    possible span, or the list's window) and how long the list may last
    (the event's duration, or the window's length)."""
    if ev is None:
        lo, hi = it.start_min, it.start_max + it.duration
        return lo, hi, hi - lo
    if ev.fixed_start is not None:
        lo = hi = ev.fixed_start
    else:
        lo, hi = ev.start_min, ev.start_max
    return lo, hi + ev.duration, ev.duration


def _knapsack_loss(members: list[Item], room: int, gap: int) -> int:
    """Least optional value left out when ``members`` (each taking its
    slot plus ``gap``) share ``room`` seconds, mandatory ones first: the
    value placed is at most the fractional knapsack's, and at most that
    of the most valuable ``k`` members when no ``k + 1`` of them fit."""
    room -= sum(m.duration + gap for m in members if m.mandatory)
    optional = [m for m in members if not m.mandatory]
    total = sum(m.value for m in optional)
    placed = 0.0
    left = room
    for m in sorted(
        optional, key=lambda m: -m.value / max(1, m.duration + gap)
    ):
        if left <= 0:
            break
        placed += min(1.0, left / max(1, m.duration + gap)) * m.value
        left -= m.duration + gap
    fit, used = 0, 0
    for width in sorted(m.duration + gap for m in optional):
        if used + width > room:
            break
        fit, used = fit + 1, used + width
    best = sum(sorted((m.value for m in optional), reverse=True)[:fit])
    return max(0, total - min(best, math.floor(placed + 1e-9)))


def _starts(spans, duration: int) -> list[tuple[int, int]]:
    """Half-open spans of starts ``t`` with ``[t, t + duration)`` inside
    one of ``spans``."""
    return iv.normalize(
        (lo, hi - duration + 1) for lo, hi in spans if hi - lo >= duration
    )


class _Cache:
    """Start spans shared by many items (same rooms, same person and
    duration), worked out once."""

    def __init__(self, s: Scenario):
        self.s = s
        self.rooms: dict = {}
        self.people: dict = {}
        #: reception (arrival item) id -> the first start its own plan
        #: allows (:func:`receptions`)
        self.received: dict[str, int] = {}

    def room_starts(self, it: Item) -> list[tuple[int, int]]:
        s = self.s
        key = (
            it.rooms,
            it.duration,
            it.ref_id if it.kind == "arrival" else "",
        )
        if key not in self.rooms:
            if it.kind == "arrival":
                spans = [
                    x
                    for r in it.rooms
                    for x in s.room_arrival_open(r, it.ref_id)
                ]
            else:
                distinct = {tuple(s.room_open(r)) for r in it.rooms}
                spans = [x for group in distinct for x in group]
            self.rooms[key] = _starts(iv.normalize(spans), it.duration)
        return self.rooms[key]

    def person_starts(self, pid: str, dur: int) -> list[tuple[int, int]]:
        key = (pid, dur)
        if key not in self.people:
            self.people[key] = _starts(self.s.person_free(pid), dur)
        return self.people[key]


def plan_item(
    s: Scenario, it: Item, duties, cache=None, by_venue: bool = True
) -> Plan:
    """The days and starts the hard rules leave an item (a superset).
    ``duties``: person id -> ``(start, end, item id)`` of what they
    certainly attend (:func:`certain_duties`), or ``(start, end, item
    id, rooms)`` when the room is known."""
    plan = Plan(it)
    dur = it.duration
    if not it.rooms:
        return plan
    cache = cache or _Cache(s)
    allowed = [(it.start_min, it.start_max + 1)]
    if it.fixed_start is not None:
        allowed = iv.intersect(allowed, [(it.fixed_start, it.fixed_start + 1)])
    if it.slots:
        allowed = iv.intersect(
            allowed,
            iv.normalize((lo, lo + 1) for lo in it.slot_starts),
        )
    allowed = iv.intersect(allowed, cache.room_starts(it))
    for pid in it.participants:
        if pid not in s.persons:
            continue
        busy = it.busy_seconds(pid)
        allowed = iv.intersect(allowed, cache.person_starts(pid, busy))
        holes = []
        for lo, hi, duty, *where in duties.get(pid, ()):
            if duty == it.item_id:
                continue
            # a duty held in a known room (a move's held schedule) is
            # travelled to from there, not from the nearest of its rooms
            rooms = where[0] if where else s.item_by_id[duty].rooms
            before, after = duty_gaps(s, rooms, it.rooms)
            holes.append((lo - busy - before + 1, hi + after))
        if holes:
            allowed = iv.subtract(allowed, holes)
        arrival = s.arrival_by_delegation.get(s.delegation_of(pid))
        if arrival is not None and it.kind != "arrival":
            a = s.item_by_id.get(arrival_item_id(arrival.delegation_id))
            if a is not None and a.rooms:
                here = {s.room_by_id[r].venue_id for r in it.rooms}
                there = {s.room_by_id[r].venue_id for r in a.rooms}
                travel = min(
                    s.travel_seconds(x, y) for x in there for y in here
                )
                first = cache.received.get(a.item_id, a.start_min)
                earliest = first + a.duration + travel
                allowed = iv.intersect(allowed, [(earliest, 10**12)])
    days = s.day_spans
    for a, b in allowed:  # sorted and disjoint: clip each to the days
        for d, (lo, hi) in enumerate(days):
            lo2, hi2 = max(a, lo), min(b, hi - dur + 1)
            if lo2 < hi2:
                plan.starts.setdefault(d, []).append((lo2, hi2))
    if by_venue and plan.starts:
        plan.parts = venue_parts(s, plan, duties, cache)
    return plan


def venue_parts(s: Scenario, plan: Plan, duties, cache) -> list[Plan]:
    """The plan of ``plan``'s item at each venue its rooms lie at, when
    there are several and some venue cannot take a start the whole plan
    has (none otherwise): its rooms narrowed to that venue's, so the
    travel to and from its people's duties is that venue's, not the
    nearest one's.

    A bilateral that may meet in the palace or at the convention centre
    can start five minutes after the opening only at the centre: its
    plan alone lets it start then in any of its rooms, and the
    time-indexed program (:mod:`scheduler.search.time_bound`) filled
    every bilateral room of both venues around the opening, which no
    schedule can (a generated one-day event: 31 of the program's
    placements broke travel or rooms). A venue where it has no start is
    left out."""
    it = plan.item
    if it.kind in ("arrival", "sequence"):
        return []
    rooms: dict[str, list[str]] = defaultdict(list)
    for r in it.rooms:
        rooms[s.room_by_id[r].venue_id].append(r)
    if len(rooms) < 2:
        return []
    parts = []
    for venue in sorted(rooms):
        part = plan_item(
            s, replace(it, rooms=tuple(rooms[venue])), duties, cache, False
        )
        if part.starts:
            parts.append(part)
    if len(parts) == len(rooms) and all(
        part.starts == plan.starts for part in parts
    ):
        return []  # every venue takes every start: nothing narrows
    return parts


def receptions(s: Scenario, duties, cache: _Cache) -> dict[str, int]:
    """Arrival item id -> the first start its own plan allows: its
    window, its points' hours and no-arrivals windows, and its greeter's
    free time and fixed ``duties`` counted. A delegation's people are in
    town no earlier than that start plus the reception and the travel
    from it (:func:`plan_item`); the window's opening alone let a head
    whose plane lands during a motorcade's no-arrivals window reach a
    welcome line that closes before they can (bench/README.md, session
    19)."""
    out: dict[str, int] = {}
    for it in s.items:
        if it.kind == "arrival":
            days = plan_item(s, it, duties, cache, False).starts
            if days:
                out[it.item_id] = days[min(days)][0][0]
    return out


def _capacity(free, lo: int, hi: int, buf: int) -> int:
    """Busy seconds (items plus trailing buffers) that free time inside
    ``[lo, hi)`` can hold."""
    pieces = [(max(a, lo), min(b, hi)) for a, b in free if a < hi and lo < b]
    return sum(b - a + buf for a, b in pieces)


@dataclass
class Relaxation:
    """The relaxation's CP-SAT model, and the placement weight its
    objective is to be multiplied by."""

    model: cp_model.CpModel
    weight: int
    constant: int = 0
    feasible: bool = True
    plans: dict[str, Plan] = field(default_factory=dict)


def build_relaxation(s: Scenario) -> Relaxation:
    """The relaxation of ``s`` (see the module)."""
    m = cp_model.CpModel()
    duties = certain_duties(s)
    rel = Relaxation(m, placement_weight(s))
    # y[item][day] and, for items with few starts, z[item][start]
    day_lits: dict[str, dict[int, object]] = {}
    start_lits: dict[str, dict[int, object]] = {}
    objective = []
    cache = _Cache(s)
    cache.received = receptions(s, duties, cache)
    for it in s.items:
        if it.kind == "sequence":
            continue
        plan = plan_item(s, it, duties, cache)
        rel.plans[it.item_id] = plan
        if not plan.starts:
            if it.mandatory:
                rel.feasible = False
            elif it.value:
                rel.constant += it.value
            continue
        present = m.new_bool_var(f"{it.item_id}|present")
        if len(plan.starts) == 1:
            lits = {d: present for d in plan.starts}
        else:
            lits = {
                d: m.new_bool_var(f"{it.item_id}|d{d}") for d in plan.starts
            }
            m.add(sum(lits.values()) == present)
        day_lits[it.item_id] = lits
        if it.mandatory:
            m.add(present == 1)
        else:
            objective.append(it.value * (1 - present))
        points = plan.points()
        if points is not None and len(points) > 1:
            z = {t: m.new_bool_var(f"{it.item_id}|t{t}") for t in points}
            start_lits[it.item_id] = z
            for d, lit in lits.items():
                lo, hi = s.day_spans[d]
                m.add(sum(z[t] for t in points if lo <= t < hi) == lit)
        elif points is not None:
            start_lits[it.item_id] = {points[0]: present}
    if not rel.feasible:
        return rel
    _people(s, rel, day_lits, duties)
    _rooms(s, rel, day_lits)
    _moments(s, rel, start_lits)
    m.minimize(sum(objective) + rel.constant)
    return rel


def _people(s: Scenario, rel: Relaxation, day_lits, duties) -> None:
    m, buf = rel.model, s.buffer_seconds
    by_person: dict[str, list[Item]] = defaultdict(list)
    for iid in day_lits:
        it = s.item_by_id[iid]
        for pid in it.participants:
            if pid in s.persons:
                by_person[pid].append(it)
    for pid in set(by_person) | set(duties):
        mine = {it.item_id for it in by_person.get(pid, ())}
        fixed = [
            (lo, hi) for lo, hi, iid in duties.get(pid, ()) if iid not in mine
        ]
        limit = s.persons[pid].max_items_per_day
        free = s.person_free(pid)
        for d, (lo, hi) in enumerate(s.day_spans):
            today = [
                (it, day_lits[it.item_id][d])
                for it in by_person.get(pid, ())
                if d in day_lits[it.item_id]
            ]
            load = [(a, b) for a, b in fixed if lo <= a < hi]
            if limit is not None:
                counted = [
                    lit
                    for it, lit in today
                    if it.kind in ("event", "bilateral")
                ]
                if len(counted) > limit:
                    m.add(sum(counted) <= limit)
            spans = [
                (
                    *rel.plans[it.item_id].span(d, it.busy_seconds(pid)),
                    it.busy_seconds(pid),
                    lit,
                )
                for it, lit in today
            ]
            spans += [(a, b, None, None) for a, b in load]
            _stretch_cuts(m, free, spans, lo, hi, buf)


def _stretch_cuts(m, free, spans, day_lo, day_hi, buf) -> None:
    """For the whole day and each stretch from one earliest start to one
    latest end: the items that can only fall inside it (fixed duties as
    constants) fit in the free time there. ``spans`` holds, per item,
    ``(earliest start, latest end, seconds busy, literal)``, and per fixed
    duty ``(start, end, None, None)``."""
    los = sorted({a for a, *_ in spans} | {day_lo})
    his = sorted({b for _, b, *_ in spans} | {day_hi})
    seen: dict[frozenset, int] = {}
    for lo in los:
        for hi in his:
            if hi <= lo:
                continue
            inside = [x for x in spans if x[0] >= lo and x[1] <= hi]
            if not inside:
                continue
            total = sum(
                b - a + buf for a, b, size, _ in inside if size is None
            )
            total += sum(size + buf for _, _, size, _ in inside if size)
            cap = _capacity(free, lo, hi, buf)
            if total <= cap:
                continue
            key = frozenset(id(x) for x in inside)
            if key in seen and seen[key] <= cap:
                continue
            seen[key] = cap
            fixed = sum(
                b - a + buf for a, b, size, _ in inside if size is None
            )
            m.add(
                sum((size + buf) * lit for _, _, size, lit in inside if size)
                <= cap - fixed
            )


def _rooms(s: Scenario, rel: Relaxation, day_lits) -> None:
    """Room sets: the items that can only use rooms in a set fit in its
    open hours on each day."""
    m = rel.model
    sweep = s.sweep_seconds
    sets = set()
    items = []
    for iid in day_lits:
        it = s.item_by_id[iid]
        rooms = frozenset(it.rooms)
        if any(s.room_by_id[r].kind == "exhibition" for r in rooms):
            continue
        items.append((it, rooms))
        sets.add(rooms)
    by_kind: dict[tuple, set] = defaultdict(set)
    for rooms in sets:
        for r in rooms:
            room = s.room_by_id[r]
            by_kind[room.kind].add(r)
            by_kind[room.kind, room.venue_id].add(r)
    sets |= {frozenset(v) for v in by_kind.values()}
    for rooms in sets:
        inside = [(it, r) for it, r in items if r <= rooms]
        if len(inside) < 2:
            continue
        co = min(s.changeover_seconds(r) for r in rooms)
        pre = max(0, sweep - max(s.changeover_seconds(r) for r in rooms))
        for d, (lo, hi) in enumerate(s.day_spans):
            cap = sum(
                b - a + s.changeover_seconds(r) + pre
                for r in rooms
                for a, b in iv.intersect(s.room_open(r), [(lo, hi)])
            )
            terms, total = [], 0
            for it, _ in inside:
                lit = day_lits[it.item_id].get(d)
                if lit is None:
                    continue
                vip = any(
                    s.is_vip(p) for p in it.participants if p in s.persons
                )
                size = it.duration + co + (pre if vip else 0)
                terms.append(size * lit)
                total += size
            if total > cap:
                m.add(sum(terms) <= cap)


def _moments(s: Scenario, rel: Relaxation, start_lits) -> None:
    """Items with few starts: at any moment a person is in one of them,
    and a room set holds at most as many as it has rooms."""
    m = rel.model
    covering: dict[int, list[tuple[Item, object, int]]] = defaultdict(list)
    for iid, z in start_lits.items():
        it = s.item_by_id[iid]
        if any(s.room_by_id[r].kind == "exhibition" for r in it.rooms):
            continue
        for t, lit in z.items():
            covering[t].append((it, lit, t))
    moments = sorted(covering)
    uses = [x for lst in covering.values() for x in lst]
    for t in moments:
        here = [(it, lit) for it, lit, a in uses if a <= t < a + it.duration]
        if len(here) < 2:
            continue
        by_person: dict[str, list] = defaultdict(list)
        for it, lit, a in (
            x for x in uses if x[2] <= t < x[2] + x[0].duration
        ):
            for pid in it.participants:
                if t < a + it.busy_seconds(pid):
                    by_person[pid].append(lit)
        for lits in by_person.values():
            if len(lits) > 1:
                m.add(sum(lits) <= 1)
        by_rooms: dict[frozenset, list] = defaultdict(list)
        for it, lit in here:
            by_rooms[frozenset(it.rooms)].append(lit)
        for rooms in by_rooms:
            lits = [lit for it, lit in here if frozenset(it.rooms) <= rooms]
            if len(lits) > len(rooms):
                m.add(sum(lits) <= len(rooms))


@dataclass(frozen=True)
class Bound:
    """A proven lower bound on the objective (``None``: none found), and
    on the value left out, with what it took."""

    objective: float | None
    unplaced: float | None
    seconds: float
    status: str
    #: CP-SAT stopped well before its time without an answer (Ctrl-C)
    interrupted: bool = False


def relaxation_bound(
    s: Scenario,
    seconds: float,
    workers: int = 1,
    seed: int = 0,
    interrupts: Interrupts | None = None,
    det: float | None = None,
    lp_only: bool = False,
    threads: int = 1,
) -> Bound:
    """The best proven bound on the value left out that ``seconds`` (and
    ``det`` units of deterministic time in a repeatable run) give: the
    linear program of this module's relaxation first (a bound in hand
    in hundredths of a second), then the time-indexed linear program
    (:mod:`scheduler.search.time_bound`), then, without the latter, this
    relaxation solved by CP-SAT in the time left; that times the
    placement weight is the bound on the objective. ``lp_only`` (little
    time left): the linear programs only, weaker and much faster.
    ``threads``: how many time-indexed programs may be solved at once
    (:func:`scheduler.search.time_bound.time_indexed_bound`)."""
    with (
        Interrupts() if interrupts is None else nullcontext(interrupts) as intr
    ):
        return _relaxation_bound(
            s, seconds, workers, seed, intr, det, lp_only, threads
        )


def _relaxation_bound(s, seconds, workers, seed, intr, det, lp_only, threads):
    t0 = time.monotonic()
    rel = build_relaxation(s)
    if not rel.feasible:
        return Bound(None, None, time.monotonic() - t0, "INFEASIBLE")
    # a bound in hand first: this relaxation's linear program takes
    # hundredths of a second on the bench family (0.09 s on the GA week,
    # 0.75 s on the COP fortnight), where the time-indexed program may
    # run out (the GA week: 10.9 s of 11 without a bound, which left no
    # bound at all)
    floor = lp_bound(
        rel.model, max(0.05, seconds - (time.monotonic() - t0)), intr
    )
    if det is None:  # sized on its share, solved in all the time left
        timed = time_indexed_bound(
            s,
            rel.plans,
            seconds - (time.monotonic() - t0),
            intr,
            sized=TIME_INDEXED_SHARE * seconds,
            threads=threads,
        )
    else:  # a repeatable run: its share of the nominal time
        timed = time_indexed_bound(
            s,
            rel.plans,
            TIME_INDEXED_SHARE * seconds,
            intr,
            TIME_INDEXED_SHARE * det / DET_PER_SECOND,
        )
    if intr.seen:
        return Bound(
            None,
            None,
            time.monotonic() - t0,
            "INTERRUPTED",
            interrupted=True,
        )
    if det is not None:
        det *= 1 - TIME_INDEXED_SHARE
    # with the program's bound in hand, this relaxation's linear program
    # only: CP-SAT's solve of it beat the program on no case of the bench
    # family, and the time is the search's
    if lp_only or timed is not None:
        lb, status = floor, "LP" if floor is not None else "LP_UNSOLVED"
    else:
        lb, status = _day_bound(
            s,
            rel,
            seconds - (time.monotonic() - t0),
            workers,
            seed,
            intr,
            det,
            floor,
        )
    seconds = time.monotonic() - t0
    if status == "INTERRUPTED":
        return Bound(None, None, seconds, status, interrupted=True)
    if timed is not None and (lb is None or timed > lb):
        lb, status = timed, "TIME_LP"
    if lb is None:
        return Bound(None, None, seconds, status)
    # both programs leave queue slots out: add what the lists must lose
    lb += list_losses(s)
    return Bound(rel.weight * lb, lb, seconds, status)


def _day_bound(s, rel, left, workers, seed, intr, det, lp):
    """The relaxation's bound on the value left out, and how it was
    found: CP-SAT, or its linear program's optimum ``lp`` (found
    before, or ``None``) when CP-SAT stops short or has no time."""
    if left <= 0.05:
        if det is None:
            return lp, "LP" if lp is not None else "NO_TIME"
        left = 0.05  # a repeatable run: the clock is only a safety net
    if len(rel.model.proto.variables) > LP_ONLY_VARIABLES:
        return lp, "LP" if lp is not None else "LP_UNSOLVED"
    solver = cp_model.CpSolver()
    p = solver.parameters
    limit(solver, left, det)
    p.num_workers = workers
    p.random_seed = seed
    # the at-most-one-day rows must reach the LP, or its bound is void
    p.linearization_level = 2
    code = intr.solve(solver, rel.model)
    record(solver, "relaxation bound")
    if intr.seen:
        return None, "INTERRUPTED"
    # the bound proven so far is valid even when time ran out before a
    # plan was found (UNKNOWN); an infeasible relaxation proves nothing
    # here (the full model says why)
    if code == cp_model.INFEASIBLE or code == cp_model.MODEL_INVALID:
        return None, solver.status_name(code)
    found = solver.best_objective_bound
    lb = max(0.0, found) if found < float("inf") else None
    status = solver.status_name(code)
    # CP-SAT stopped short of the relaxation's optimum: its linear
    # program is often higher (bench family, 20 s: heads 264 against 909,
    # windows 1,075 against 1,325, hubs 0 against 3,324; bench/README.md)
    if code != cp_model.OPTIMAL and lp is not None and (lb is None or lp > lb):
        lb, status = lp, "LP"
    return lb, status


def lp_bound(
    model: cp_model.CpModel,
    seconds: float,
    interrupts: Interrupts | None = None,
) -> float | None:
    """The optimum of the linear relaxation of ``model`` (linear
    constraints over booleans only, as :func:`build_relaxation` makes,
    whose objective is a whole number), rounded up to a whole number
    after a margin for floating point; ``None`` unless GLOP proves it
    optimal in ``seconds`` (see :mod:`scheduler.search.linear`)."""
    p = model.proto
    out = linear_solver_pb2.MPModelProto()
    for v in p.variables:
        out.variable.add(
            lower_bound=v.domain[0], upper_bound=v.domain[len(v.domain) - 1]
        )
    for c in p.constraints:
        lin = c.linear
        if len(c.enforcement_literal) or not len(lin.vars):
            return None  # not a plain linear row: not this model
        if any(var < 0 for var in lin.vars):
            return None
        row(
            out,
            lin.vars,
            lin.coeffs,
            lin.domain[0],
            lin.domain[len(lin.domain) - 1],
        )
    for var, coef in zip(p.objective.vars, p.objective.coeffs, strict=True):
        if var < 0:
            return None
        out.variable[var].objective_coefficient += coef
    out.objective_offset = p.objective.offset
    return least_whole_value(out, seconds, interrupts)
