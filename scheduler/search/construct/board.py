"""What is already placed, and whether one more placement breaks a hard
rule: the incremental conflict tests of the greedy.

Each test mirrors one rule of :mod:`models.checker` (room conflict with
changeover, booth capacity, security sweep, person conflict with the
same-venue buffer and travel, availability, daily limits, arrival first,
event order). The greedy still finishes with the full checker.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from models import intervals as iv
from models.records.items import Item, event_item_id
from models.records.scenario import Scenario


@dataclass(frozen=True, slots=True)
class Placed:
    """An item in a room from ``lo`` to ``hi`` (grid seconds), with the
    people busy in it."""

    item: Item
    lo: int
    hi: int
    room: str
    people: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Use:
    """A span during which a room is taken (a queue counts as one)."""

    lo: int
    hi: int
    vip: bool
    demand: int


class Board:
    """The placements so far, indexed by room, person, day and arrival."""

    def __init__(self, scenario: Scenario) -> None:
        self.s = scenario
        self.placed: dict[str, Placed] = {}
        self.uses: dict[str, list[Use]] = defaultdict(list)
        # each person's items sorted by start, the starts alongside for
        # bisection, and each one's longest item so far: a conflict test
        # only looks at items that could come within the largest gap
        self.busy: dict[str, list[Placed]] = defaultdict(list)
        self.busy_starts: dict[str, list[int]] = defaultdict(list)
        self.longest: Counter = Counter()
        self.max_gap = max(
            [scenario.buffer_seconds]
            + [
                scenario.travel_seconds(t.from_venue, t.to_venue)
                for t in scenario.travel
            ]
        )
        self.gap = cache(scenario.gap_seconds)
        self.successors: dict[str, list[str]] = defaultdict(list)
        for e in scenario.events:
            for p in e.after:
                self.successors[p].append(e.event_id)
        self.per_day: Counter = Counter()
        self.arrivals: dict[str, Placed] = {}
        #: queue members who missed their turn and join another list
        self.moved: set[str] = set()
        #: notes of the rows (late or moved queue members)
        self.notes: dict[str, str] = {}
        #: room id -> rank: an item's rooms are tried lowest first (none:
        #: in the item's order)
        self.room_rank: dict[str, float] = {}
        #: room id -> spans of the lists held there (two never at once)
        self.lists: dict[str, list[tuple[int, int]]] = defaultdict(list)

    # ------------------------------------------------------------ people
    def is_vip(self, people) -> bool:
        return any(self.s.is_vip(p) for p in people if p in self.s.persons)

    def people_for(
        self, it: Item, lo: int, hi: int, venue: str
    ) -> tuple[str, ...]:
        """Everyone busy in the item: its participants and, for an
        all-heads item, every head present (free for the whole span and,
        if their delegation has an arrival, arrived plus travel by
        ``lo``)."""
        if not it.all_heads:
            return it.participants
        s = self.s
        heads = []
        for h in s.heads:
            if not iv.contains(s.person_free(h), lo, hi):
                continue
            d = s.delegation_of(h)
            if d in s.arrival_by_delegation:
                arr = self.arrivals.get(d)
                if arr is None or lo < arr.hi + s.travel_seconds(
                    self.venue(arr.room), venue
                ):
                    continue
            heads.append(h)
        return tuple(dict.fromkeys((*it.participants, *heads)))

    def venue(self, room_id: str) -> str:
        return self.s.room_by_id[room_id].venue_id

    def there(self, pid: str, lo: int, hi: int, venue: str) -> bool:
        """``pid`` is available for ``[lo, hi)`` and, if their delegation
        has an arrival, arrived (plus travel to ``venue``) by ``lo``."""
        s = self.s
        if not iv.contains(s.person_free(pid), lo, hi):
            return False
        d = s.delegation_of(pid)
        if d not in s.arrival_by_delegation:
            return True
        arr = self.arrivals.get(d)
        return arr is not None and lo >= arr.hi + s.travel_seconds(
            self.venue(arr.room), venue
        )

    def in_other_list(self, it: Item, lo: int, hi: int) -> bool:
        """The member of queue slot ``it`` has a slot in another list
        within the same-venue buffer of ``[lo, hi)``."""
        buf = self.s.buffer_seconds
        return any(
            b.item.kind == "sequence"
            and b.item.sequence_id != it.sequence_id
            and b.lo - buf < hi
            and lo < b.hi + buf
            for b in self.busy[it.participants[0]]
        )

    def ready(
        self, pid: str, lo: int, duration: int, venue: str
    ) -> int | None:
        """The first start from ``lo`` at which ``pid`` is there (see
        :meth:`there`) for ``duration`` seconds, or ``None``."""
        s = self.s
        d = s.delegation_of(pid)
        if d in s.arrival_by_delegation:
            arr = self.arrivals.get(d)
            if arr is None:
                return None
            lo = max(
                lo, arr.hi + s.travel_seconds(self.venue(arr.room), venue)
            )
        starts = iv.starts_inside(s.person_free(pid), duration)
        for a, b in starts:
            if b >= lo:
                return max(a, lo)
        return None

    def person_ok(
        self, pid: str, it: Item, lo: int, hi: int, venue: str
    ) -> bool:
        """``pid`` may be in ``it`` at ``[lo, hi)`` in ``venue``."""
        return self.person_next(pid, it, lo, hi, venue) is None

    def person_next(
        self, pid: str, it: Item, lo: int, hi: int, venue: str
    ) -> int | None:
        """``None`` if ``pid`` may be in ``it`` at ``[lo, hi)`` in
        ``venue``; otherwise a start before which, in this venue, the same
        conflict stands (``lo + 1`` when nothing better is known). For a
        participant who opens an event and hands over, only its first
        ``participants_minutes`` count."""
        s = self.s
        if pid not in s.persons:
            return None
        hi = min(hi, lo + it.busy_seconds(pid))
        if not iv.contains(s.person_free(pid), lo, hi):
            return lo + 1
        busy = self.busy[pid]
        starts = self.busy_starts[pid]
        first = bisect.bisect_left(
            starts, lo - self.max_gap - self.longest[pid]
        )
        last = bisect.bisect_right(starts, hi + self.max_gap)
        for b in busy[first:last]:
            if _inside_event(it, b.item) or _inside_event(b.item, it):
                continue
            b_venue = self.venue(b.room)
            b_hi = b.lo + b.item.busy_seconds(pid)
            if b.lo >= hi:
                if b.lo - hi < self.gap(venue, b_venue):
                    return b_hi + self.gap(b_venue, venue)
            elif lo >= b_hi:
                if lo - b_hi < self.gap(b_venue, venue):
                    return b_hi + self.gap(b_venue, venue)
            else:
                return b_hi + self.gap(b_venue, venue)
        limit = s.persons[pid].max_items_per_day
        if (
            limit is not None
            and it.kind in ("event", "bilateral")
            and self.per_day[pid, self.date(lo)] >= limit
        ):
            return next((d for d, _ in s.day_spans if d > lo), lo + 1)
        arr = self.arrivals.get(s.delegation_of(pid))
        if arr is None or arr.item.item_id == it.item_id:
            return None
        ready = arr.hi + s.travel_seconds(self.venue(arr.room), venue)
        return None if lo >= ready else ready

    def date(self, lo: int):
        return self.s.grid.to_datetime(lo).date()

    # ------------------------------------------------------------- rooms
    def demand(self, it: Item, room_id: str) -> int:
        """Booth units an item takes in an exhibition room (any other
        item takes the whole room)."""
        return self.s.room_demand(it, room_id)

    def room_free(
        self, room_id: str, lo: int, hi: int, vip: bool, demand: int
    ) -> bool:
        """A new use ``[lo, hi)`` keeps the room's changeover (or booth
        capacity) and every security sweep."""
        s = self.s
        room = s.room_by_id[room_id]
        uses = self.uses[room_id]
        if room.kind == "exhibition":
            points = [lo] + [u.lo for u in uses if lo <= u.lo < hi]
            for t in points:
                load = demand + sum(u.demand for u in uses if u.lo <= t < u.hi)
                if load > room.capacity:
                    return False
        else:
            co = s.changeover_seconds(room_id)
            if any(u.lo < hi + co and lo < u.hi + co for u in uses):
                return False
        sw = s.sweep_seconds
        if sw <= 0:
            return True
        if vip and any(iv.overlaps(lo - sw, lo, u.lo, u.hi) for u in uses):
            return False
        return not any(
            u.vip and iv.overlaps(u.lo - sw, u.lo, lo, hi) for u in uses
        )

    # ------------------------------------------------------------- order
    def order_ok(self, it: Item, lo: int, hi: int) -> bool:
        """Event order: after every placed predecessor, before every
        placed successor."""
        if it.kind != "event":
            return True
        s = self.s
        for p in s.event_by_id[it.ref_id].after:
            b = self.placed.get(event_item_id(p))
            if b is not None and b.hi > lo:
                return False
        for e in self.successors.get(it.ref_id, ()):
            b = self.placed.get(event_item_id(e))
            if b is not None and hi > b.lo:
                return False
        return True

    def gate_ok(self, it: Item, lo: int, venue: str) -> bool:
        """A reception ends (plus travel) before anything its delegation
        already has."""
        if it.kind != "arrival":
            return True
        s = self.s
        end = lo + it.duration
        for p in self.placed.values():
            if it.ref_id in {s.delegation_of(x) for x in p.people}:
                need = end + s.travel_seconds(venue, self.venue(p.room))
                if p.lo < need:
                    return False
        return True

    # ------------------------------------------------------------ record
    def add(
        self, it: Item, lo: int, room_id: str, people, use: bool = True
    ) -> Placed:
        p = Placed(it, lo, lo + it.duration, room_id, tuple(people))
        self.placed[it.item_id] = p
        for pid in p.people:
            self.longest[pid] = max(self.longest[pid], it.duration)
            k = bisect.bisect_right(self.busy_starts[pid], lo)
            self.busy_starts[pid].insert(k, lo)
            self.busy[pid].insert(k, p)
            if it.kind in ("event", "bilateral"):
                self.per_day[pid, self.date(lo)] += 1
        if it.kind == "arrival":
            self.arrivals[it.ref_id] = p
        if use:
            self.add_use(
                room_id,
                lo,
                p.hi,
                self.is_vip(p.people),
                self.demand(it, room_id),
            )
        return p

    def add_use(
        self, room_id: str, lo: int, hi: int, vip: bool, demand: int
    ) -> None:
        self.uses[room_id].append(Use(lo, hi, vip, demand))


def _inside_event(a: Item, b: Item) -> bool:
    """A queue slot inside its own event is part of it, not a clash."""
    return (
        a.kind == "sequence"
        and a.within_event is not None
        and b.item_id == event_item_id(a.within_event)
    )
