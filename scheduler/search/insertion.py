"""After the search: put left-out requests into the gaps, and say what
blocks the rest (pure Python; the independent checker is the judge).

When CP-SAT stops at its time limit, some optional requests may still
fit where nobody is busy and a room is free. For each left-out event and
bilateral, most valuable first, this pass tries the starts where all its
people are free (on the item's time grid, a few per free stretch) and
its rooms from the best-fitting up, and keeps the first placement that
breaks no hard rule. A placement is judged by the checker on the items
that could conflict with it (those sharing a person, a room, an arrival
or an ``after`` link), counting only violations that name it; each rule
sees only the rows it can set against the placement (those near it in
time, or on its day: :data:`NEAR_RULES`, :data:`DAY_RULES`), so a try
costs a few pairs of rows, not every pair of its people's rows.

For a request that still does not fit, the attempts are the evidence
for its reason: the times its people share, and the rules and items
that blocked every try ("they share only 25 Oct 14:10-14:30, and BL01,
BL02 are taken then by B:BL007, B:BL012").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import timedelta
from functools import cached_property
from typing import Literal

from models import Scenario
from models import intervals as iv
from models.checker import CHECKERS, Violation
from models.reasons import free_together
from models.records.items import Item, event_item_id
from models.records.schedule import Assignment, Schedule
from models.rules import RULE_BY_ID

from .. import interrupts
from .construct.rows import assignment
from .work import Steps

#: Starts tried per free stretch of an item's people, and in all.
STARTS_PER_STRETCH = 4
MAX_STARTS = 16
#: Minutes between the starts tried inside one stretch (at least the
#: item's time step).
STRIDE_MINUTES = 15
#: Rules that can set a new event or bilateral against the rows near
#: it (the whole schedule is checked once more at the end).
LOCAL_RULES = tuple(
    r
    for r in CHECKERS
    if r
    not in (
        "mandatory",
        "all_heads",
        "sequence_order",
        "late_member",
        "sequence_contiguous",
        "no_arrivals",
    )
)


#: Rules whose violations naming a new row set it only against rows
#: that share a person or room with it and lie within the scenario's
#: reach of it in time (:meth:`_Index.reach`), or against its linked
#: rows (an ``after`` link, its delegations' arrivals), which always
#: come along; a rule not named here or in :data:`DAY_RULES` is checked
#: on every neighbouring row.
NEAR_RULES = frozenset(
    {
        "item_shape",
        "room_allowed",
        "room_open",
        "room_no_overlap",
        "exhibition_booths",
        "vip_sweep",
        "day_hours",
        "time_grid",
        "time_window",
        "fixed_start",
        "slot_set",
        "event_order",
        "person_no_overlap",
        "person_travel",
        "person_available",
        "arrival_gate",
    }
)
#: Rules that set a new row against its people's rows of the same day.
DAY_RULES = frozenset({"daily_limit"})
#: Which of a new row's neighbours a rule is judged on
#: (:meth:`_Index.neighbours`).
Scope = Literal["all", "near", "day"]

#: Each scope with the local rules judged on it (a scope with none is
#: not built).
_SCOPES: tuple[tuple[Scope, tuple[str, ...]], ...] = tuple(
    (scope, rules)
    for scope, rules in (
        ("near", tuple(r for r in LOCAL_RULES if r in NEAR_RULES)),
        ("day", tuple(r for r in LOCAL_RULES if r in DAY_RULES)),
        (
            "all",
            tuple(
                r
                for r in LOCAL_RULES
                if r not in NEAR_RULES and r not in DAY_RULES
            ),
        ),
    )
    if rules
)


@dataclass
class Attempt:
    """What trying to place one item found."""

    item_id: str
    placed: Assignment | None = None
    shared: list[tuple[int, int]] = field(default_factory=list)
    tries: int = 0
    rules: Counter = field(default_factory=Counter)
    blockers: Counter = field(default_factory=Counter)
    rooms_busy: bool = False
    #: at some start every suitable room was closed (its open hours)
    rooms_closed: bool = False


class _Index:
    """Busy times per person and room, and rows per person, room and
    delegation, kept up to date as items are inserted."""

    def __init__(self, s: Scenario, schedule: Schedule):
        self.s = s
        self.rows_person: dict[str, list[Assignment]] = defaultdict(list)
        self.rows_room: dict[str, list[Assignment]] = defaultdict(list)
        self.arrival: dict[str, Assignment] = {}
        self.by_id: dict[str, Assignment] = {}
        for a in schedule.assignments:
            self.add(a)

    def add(self, a: Assignment) -> None:
        self.by_id[a.item_id] = a
        self.rows_room[a.room_id].append(a)
        for p in a.participants:
            self.rows_person[p].append(a)
        if a.kind == "arrival":
            self.arrival[a.ref_id] = a

    def span(self, a: Assignment) -> tuple[int, int]:
        g = self.s.grid
        return g.to_index(a.start), g.to_index(a.end)

    def person_busy(self, pid: str) -> list[tuple[int, int]]:
        buf = self.s.buffer_seconds
        return [
            (lo - buf, hi + buf)
            for lo, hi in map(self.span, self.rows_person.get(pid, ()))
        ]

    def room_busy(self, room_id: str) -> list[tuple[int, int]]:
        gap = self.s.changeover_seconds(room_id)
        return [
            (lo - gap, hi + gap)
            for lo, hi in map(self.span, self.rows_room.get(room_id, ()))
        ]

    @cached_property
    def reach(self) -> int:
        """The farthest apart in time (seconds) two rows can be and still
        break a near rule together: the longest gap a person needs
        between venues, a room's changeover, the sweep before a VIP."""
        s = self.s
        return max(
            s.buffer_seconds,
            s.sweep_seconds,
            max(
                (s.travel_seconds(t.from_venue, t.to_venue) for t in s.travel),
                default=0,
            ),
            max((s.changeover_seconds(r.room_id) for r in s.rooms), default=0),
        )

    @cached_property
    def linked(self) -> dict[str, frozenset[str]]:
        """Per event id, the item ids of the events an ``after`` link
        ties it to, either way (worked out once, not per try)."""
        out: dict[str, set[str]] = defaultdict(set)
        for e in self.s.events:
            for p in e.after:
                out[e.event_id].add(event_item_id(p))
                out[p].add(event_item_id(e.event_id))
        return {k: frozenset(v) for k, v in out.items()}

    def neighbours(
        self, a: Assignment, it: Item, scope: Scope = "all"
    ) -> list[Assignment]:
        """Rows that a rule could set against ``a``: sharing a room or a
        person, its people's arrivals and its ``after`` links. ``scope``
        "near" keeps of the shared ones those within :attr:`reach` of
        ``a`` in time (and, in its room, every queue slot: a list's
        span is read from all its slots); "day" its people's rows on
        its day."""
        out = {}
        lo = a.start - timedelta(seconds=self.reach)
        hi = a.end + timedelta(seconds=self.reach)

        def near(x: Assignment) -> bool:
            return x.start < hi and lo < x.end

        def keep(x: Assignment) -> bool:
            if scope == "near":
                return near(x)
            if scope == "day":
                return x.start.date() == a.start.date()
            return True

        if scope != "day":
            for x in self.rows_room.get(a.room_id, ()):
                if scope == "all" or x.kind == "sequence" or near(x):
                    out[x.item_id] = x
        for p in a.participants:
            for x in self.rows_person.get(p, ()):
                if keep(x):
                    out[x.item_id] = x
            d = self.s.delegation_of(p)
            if d in self.arrival:
                out[self.arrival[d].item_id] = self.arrival[d]
        if it.kind == "event":
            for iid in self.linked.get(it.ref_id, ()):
                if iid in self.by_id:
                    out[iid] = self.by_id[iid]
        return list(out.values())


def insertable(s: Scenario, it: Item) -> bool:
    """Items this pass tries: events (not all-heads, not in a slot set)
    and bilaterals."""
    if it.kind == "bilateral":
        return True
    if it.kind != "event" or it.all_heads:
        return False
    return s.event_by_id[it.ref_id].slot_set is None


def shared_free(s: Scenario, it: Item, index: _Index) -> list:
    """Stretches inside the item's window where all its people are free
    (availability, other items and buffers counted), long enough for
    it."""
    return [
        (lo, hi)
        for lo, hi in free_together(s, it, index.person_busy)
        if hi - lo >= it.duration
    ]


def candidate_starts(s: Scenario, it: Item, shared) -> list[int]:
    """A few starts on the item's grid in each shared stretch."""
    e = s.event_by_id.get(it.ref_id) if it.kind == "event" else None
    if e is not None and e.fixed_start is not None:
        t = s.grid.to_index(e.fixed_start)
        return (
            [t]
            if any(lo <= t <= hi - it.duration for lo, hi in shared)
            else []
        )
    step = it.step
    stride = max(step, STRIDE_MINUTES * 60 // step * step)
    out = []
    for lo, hi in shared:
        first = max(lo, it.start_min)
        first = -(-first // step) * step
        t, n = first, 0
        while (
            t <= min(hi - it.duration, it.start_max) and n < STARTS_PER_STRETCH
        ):
            out.append(t)
            t += stride
            n += 1
    return out[:MAX_STARTS]


def try_item(s: Scenario, it: Item, index: _Index) -> Attempt:
    """Try to place ``it``; see the module."""
    att = Attempt(it.item_id)
    att.shared = shared_free(s, it, index)
    rooms = sorted(it.rooms, key=lambda r: (s.room_by_id[r].capacity, r))
    for t in candidate_starts(s, it, att.shared):
        open_rooms = [
            r for r in rooms if iv.contains(s.room_open(r), t, t + it.duration)
        ]
        if not open_rooms:
            att.rooms_closed = True
            continue
        free_rooms = [
            r
            for r in open_rooms
            if not iv.intersect(index.room_busy(r), [(t, t + it.duration)])
        ]
        if not free_rooms:
            att.rooms_busy = True
            for r in open_rooms:
                for x in index.rows_room.get(r, ()):
                    lo, hi = index.span(x)
                    if lo < t + it.duration and t < hi:
                        att.blockers[x.item_id] += 1
            continue
        for r in free_rooms[:3]:
            a = assignment(s, it.item_id, t, r, it.participants)
            att.tries += 1
            bad = local_violations(s, it, a, index)
            if not bad:
                att.placed = a
                return att
            for v in bad:
                att.rules[v.rule] += 1
                for x in v.items:
                    if x != it.item_id:
                        att.blockers[x] += 1
    return att


def local_violations(
    s: Scenario, it: Item, a: Assignment, index: _Index
) -> list[Violation]:
    """The violations naming ``a`` (the item ``it`` placed) of the local
    rules, each rule judged on the rows it can set against ``a``
    (:data:`NEAR_RULES`, :data:`DAY_RULES`, the rest on every
    neighbour): the same verdict as on all the neighbours, in a fraction
    of the pairs."""
    out: list[Violation] = []
    for scope, rules in _SCOPES:
        rows = Schedule((*index.neighbours(a, it, scope), a))
        out.extend(
            v
            for rule in rules
            for v in CHECKERS[rule](s, rows)
            if it.item_id in v.items
        )
    return out


#: Left-out requests a repeatable run's insertion pass tries per
#: nominal second: a request's tries took 4-10 ms on average, 25 ms at
#: most, on the bench family's 20 s schedules (42-166 ms before each
#: rule was judged on the rows within its reach); 30 a second leaves
#: room for a machine three times as busy.
STEPS_PER_SECOND = 30


def insert_left_out(
    s: Scenario,
    schedule: Schedule,
    seconds: float,
    insert: bool = True,
    nominal: float | None = None,
) -> tuple[Schedule, dict[str, str]]:
    """``schedule`` with every left-out request that fits put in (for at
    most ``seconds``), and a reason for each one tried that does not.
    With ``insert`` false only the reasons are worked out. With
    ``nominal`` (a repeatable run) the tries are counted instead:
    :data:`STEPS_PER_SECOND` for each nominal second."""
    steps = Steps(seconds, nominal, STEPS_PER_SECOND, "insertion pass")
    index = _Index(s, schedule)
    left = [
        s.item_by_id[u.item_id]
        for u in schedule.unscheduled
        if u.item_id in s.item_by_id
    ]
    left = [it for it in left if insertable(s, it) and not it.mandatory]
    left.sort(key=lambda it: (-it.value, it.item_id))
    added: list[Assignment] = []
    reasons: dict[str, str] = {}
    for it in left:
        if interrupts.stopped() or steps.over():
            break
        att = try_item(s, it, index)
        if att.placed is not None and insert:
            index.add(att.placed)
            added.append(att.placed)
        elif att.placed is None:
            text = attempt_reason(s, it, att)
            if text:
                reasons[it.item_id] = text
    if not added:
        return schedule, reasons
    done = {a.item_id for a in added}
    rows = tuple(
        sorted(
            (*schedule.assignments, *added),
            key=lambda a: (a.start, a.room_id, a.item_id),
        )
    )
    return (
        replace(
            schedule,
            assignments=rows,
            unscheduled=tuple(
                u for u in schedule.unscheduled if u.item_id not in done
            ),
        ),
        reasons,
    )


def attempt_reason(s: Scenario, it: Item, att: Attempt) -> str | None:
    """A sentence from what the tries met, or ``None`` if they met
    nothing worth saying (no shared time: the cheap reasons cover it)."""
    if not att.shared:
        return None
    g = s.grid
    shown = [
        f"{g.to_datetime(lo):%d %b %H:%M}-{g.to_datetime(hi):%H:%M}"
        for lo, hi in att.shared[:3]
    ]
    more = f" and {len(att.shared) - 3} more" if len(att.shared) > 3 else ""
    who = (
        "Its people are free together"
        if len(it.participants) != 1
        else "Its person is free"
    )
    head = (
        f"{who} for {it.duration // 60} minutes only at "
        f"{', '.join(shown)}{more}"
    )
    blockers = ", ".join(x for x, _ in att.blockers.most_common(4))
    if att.tries == 0 and (att.rooms_busy or att.rooms_closed):
        state = (
            "taken or outside its open hours"
            if att.rooms_busy and att.rooms_closed
            else "taken"
            if att.rooms_busy
            else "outside its open hours"
        )
        return f"{head}; every suitable room is {state} then" + (
            f" (by {blockers})" if blockers else ""
        )
    if att.rules:
        names = ", ".join(
            RULE_BY_ID[r].name.lower() if r in RULE_BY_ID else r
            for r, _ in att.rules.most_common(3)
        )
        return f"{head}; every try there breaks {names}" + (
            f" (with {blockers})" if blockers else ""
        )
    return None
