"""Pools of interchangeable rooms.

Rooms that no item can tell apart (same venue, kind, seats, features,
opening spans, changeover, and named by the same items) form a pool. The
model chooses a pool, not a room, and caps the pool's simultaneous uses
(each widened by changeover and sweep) at its size; an interval graph
with at most k overlapping intervals can always be coloured with k
colours, so concrete rooms are then handed out exactly, first come first
served (:func:`assign_rooms`). This removes the symmetry between, say,
eight identical bilateral suites. Rooms that a queue or an all_heads event
may use stay on their own (their sweeps depend on who turns up), and so do
exhibition rooms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from models import Scenario


def room_pools(
    scenario: Scenario, keep_alone: Collection[str] = frozenset()
) -> dict[str, tuple[str, ...]]:
    """Pool id (its first room) -> the rooms of the pool, in sheet order.
    Rooms in ``keep_alone`` stay on their own."""
    s = scenario
    named: dict[str, set[tuple[str, str]]] = defaultdict(set)
    alone = set(keep_alone)
    for e in s.events:
        for room_id in e.rooms:
            named[room_id].add(("event", e.event_id))
        if e.all_heads:
            alone.update(s.event_rooms(e))
    for a in s.arrivals:
        if a.point:
            named[a.point].add(("arrival", a.delegation_id))
    for q in s.sequences:
        alone.add(q.room_id)
    groups: dict[tuple[object, ...], list[str]] = defaultdict(list)
    for r in s.rooms:
        if r.kind == "exhibition" or r.room_id in alone:
            key: tuple[object, ...] = ("alone", r.room_id)
        else:
            key = (
                r.venue_id,
                r.kind,
                r.capacity,
                r.features,
                tuple(s.room_open(r.room_id)),
                s.changeover_seconds(r.room_id),
                tuple(
                    sorted(
                        s.window_span(w)
                        for w in s.windows_for("no_arrivals", room=r.room_id)
                    )
                ),
                frozenset(named.get(r.room_id, ())),
            )
        groups[key].append(r.room_id)
    return {rooms[0]: tuple(rooms) for rooms in groups.values()}


def assign_rooms(
    pool: tuple[str, ...], uses: list[tuple[int, int, str]]
) -> dict[str, str]:
    """Concrete rooms for ``uses`` = (widened start, widened end, item id)
    placed in a pool whose widened uses never exceed its size at once."""
    free_at = dict.fromkeys(pool, -(10**12))
    out: dict[str, str] = {}
    for lo, hi, item_id in sorted(uses):
        room = next((r for r in pool if free_at[r] <= lo), None)
        if room is None:  # cannot happen when the pool's cap held
            raise RuntimeError(f"pool {pool[0]} over capacity at {lo}")
        out[item_id] = room
        free_at[room] = hi
    return out
