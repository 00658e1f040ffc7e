"""Placement rules that depend only on an item, its start and its room.

Shared by the greedy peer (to list candidate starts) and the
conference-scheduler adapter (to say which slots an event may use).
"""

from __future__ import annotations

import bisect
from collections import defaultdict

from models import intervals as iv
from models.records.items import Item
from models.records.scenario import Scenario


def day_of(s: Scenario, lo: int, hi: int) -> tuple[int, int] | None:
    """The event day span holding ``[lo, hi)``, or ``None``."""
    for d_lo, d_hi in s.day_spans:
        if d_lo <= lo and hi <= d_hi:
            return d_lo, d_hi
    return None


def start_ok(s: Scenario, it: Item, lo: int) -> bool:
    """``lo`` is a start the item may take whatever the room: inside one
    day's hours, on its step grid, inside its window, at its fixed start
    and at the start of one of its slots."""
    hi = lo + it.duration
    if not it.start_min <= lo <= it.start_max:
        return False
    if it.fixed_start is not None and lo != it.fixed_start:
        return False
    if it.slots and not any(lo == x and hi <= y for x, y in it.slots):
        return False
    day = day_of(s, lo, hi)
    if day is None:
        return False
    return it.step <= 1 or (lo - day[0]) % it.step == 0


def room_ok(s: Scenario, it: Item, lo: int, room_id: str) -> bool:
    """The item may use the room then: an allowed room, open for the whole
    span (for a reception: outside no-arrival windows too)."""
    if room_id not in it.rooms:
        return False
    hi = lo + it.duration
    if it.kind == "arrival":
        return iv.contains(s.room_arrival_open(room_id, it.ref_id), lo, hi)
    return iv.contains(s.room_open(room_id), lo, hi)


def people_free(s: Scenario, people, lo: int, hi: int) -> bool:
    """Everyone is inside their availability and outside their closed
    windows for ``[lo, hi)``."""
    return all(iv.contains(s.person_free(p), lo, hi) for p in people)


def candidate_starts(s: Scenario, it: Item) -> list[int]:
    """Every start :func:`start_ok` accepts, earliest first."""
    if it.fixed_start is not None:
        found = [it.fixed_start]
    elif it.slots:
        found = sorted({x for x, _ in it.slots})
    else:
        step = max(it.step, 1)
        found = []
        for d_lo, d_hi in s.day_spans:
            first = max(d_lo, it.start_min)
            first = d_lo + -(-(first - d_lo) // step) * step
            last = min(d_hi - it.duration, it.start_max)
            found.extend(range(first, last + 1, step))
    return [t for t in found if start_ok(s, it, t)]


def open_starts(s: Scenario, it: Item) -> list[tuple[int, tuple[str, ...]]]:
    """(start, rooms open for the whole span) for every start
    :func:`candidate_starts` gives where the item's own participants are
    free and at least one of its rooms is open, earliest first; the
    rooms in the item's order (what :func:`room_ok` accepts)."""
    dur = it.duration
    groups: dict[tuple, list[str]] = {}
    for r in it.rooms:
        spans = (
            s.room_arrival_open(r, it.ref_id)
            if it.kind == "arrival"
            else s.room_open(r)
        )
        groups.setdefault(tuple(spans), []).append(r)
    order = {r: k for k, r in enumerate(it.rooms)}
    # closed ranges of starts, half-open as (lo, hi + 1)
    free = [(-(10**12), 10**12)]
    for p in it.participants:
        if p in s.persons:
            free = iv.intersect(
                free,
                [
                    (a, b + 1)
                    for a, b in iv.starts_inside(s.person_free(p), dur)
                ],
            )
    ranges = [
        ([(a, b + 1) for a, b in iv.starts_inside(spans, dur)], members)
        for spans, members in groups.items()
    ]
    out = []
    for lo in candidate_starts(s, it):
        if not _inside(free, lo):
            continue
        rooms = [
            r
            for spans, members in ranges
            if _inside(spans, lo)
            for r in members
        ]
        if rooms:
            if len(ranges) > 1:
                rooms.sort(key=order.__getitem__)
            out.append((lo, tuple(rooms)))
    return out


def _inside(spans, t: int) -> bool:
    """``t`` lies in one of the sorted half-open ``spans``."""
    k = bisect.bisect_right(spans, (t, 10**15)) - 1
    return k >= 0 and spans[k][0] <= t < spans[k][1]


def least_wanted_first(s: Scenario) -> dict[str, float]:
    """Room id -> how much of its open time the items that may use it
    ask for, each item's duration shared among its rooms: the engine's
    greedy start tries an item's rooms least wanted first.

    A meeting of two visiting heads may be held in the palace or in any
    of the centre's bilateral rooms, but the host's meetings only in the
    palace: taken in the listed order, the visitors' meetings filled the
    palace first (14 of its 20 uses on a generated one-day event), and
    the host's requests found it full."""
    asked: dict[str, float] = defaultdict(float)
    for it in s.items:
        if it.kind == "sequence" or not it.rooms:
            continue
        share = it.duration / len(it.rooms)
        for r in it.rooms:
            asked[r] += share
    out = {}
    for room in s.rooms:
        open_s = sum(hi - lo for lo, hi in s.room_open(room.room_id))
        out[room.room_id] = asked[room.room_id] / max(1, open_s)
    return out
