"""Cheap reasons why an item is left out, in a protocol officer's words.

These checks need no solver: no room at all, a window too short, a party
absent, a daily limit reached, its people never free together, every
room taken while they are, a member not present for the queue. When none
applies, the item lost its place to higher-value items.
"""

from __future__ import annotations

from . import intervals as iv
from .records.items import Item
from .records.scenario import Scenario
from .records.schedule import Schedule

#: Said when no cheaper check explains a left-out item.
GENERIC_REASON = (
    "Every time its people and a suitable room are free together "
    "is taken by items of higher priority or rank"
)


def _hm(s: Scenario, t: int) -> str:
    dt = s.grid.to_datetime(t)
    return dt.strftime("%d %b %H:%M")


def _names(s: Scenario, pids) -> str:
    return " and ".join(_who(s, p) for p in pids)


def _who(s: Scenario, pid: str) -> str:
    p = s.persons[pid]
    return f"the head of {pid}" if p.is_head else pid


def no_room_reason(s: Scenario, it: Item) -> str | None:
    if it.rooms:
        return None
    if it.kind == "event":
        e = s.event_by_id[it.ref_id]
        kinds = ", ".join(e.room_kinds) if e.room_kinds else "default kinds"
        feats = ", ".join(e.required_features) or "no special features"
        return (
            f"No room fits: it needs {it.attendance} seats in a room of "
            f"{kinds} with {feats}"
            + (f" among {', '.join(e.rooms)}" if e.rooms else "")
        )
    if it.kind == "bilateral":
        b = s.bilateral_by_id[it.ref_id]
        where = f" at {b.venue_id}" if b.venue_id else ""
        return (
            f"No bilateral room{where} with "
            f"{', '.join(b.required_features) or 'no features'} seats "
            f"{it.attendance}"
        )
    return f"No room is available for it ({it.kind})"


def time_reason(s: Scenario, it: Item) -> str | None:
    """The item's people are never free together long enough inside its
    window and the day hours."""
    if it.kind == "sequence":
        return None
    window = [(it.start_min, it.start_max + it.duration)]
    spans = iv.intersect(s.day_spans, window)
    for pid in it.participants:
        spans_p = iv.intersect(spans, s.person_free(pid))
        if not iv.starts_inside(spans_p, it.duration):
            return (
                f"{_who(s, pid)} is not available for "
                f"{it.duration // 60} minutes inside its window"
            )
    shared = spans
    for pid in it.participants:
        shared = iv.intersect(shared, s.person_free(pid))
    if not iv.starts_inside(shared, it.duration):
        return (
            f"{_names(s, it.participants)} are never free together "
            f"for {it.duration // 60} minutes inside its window"
        )
    return None


def _days_in_window(s: Scenario, it: Item) -> list:
    lo, hi = it.start_min, it.start_max + it.duration
    return [
        d
        for d, (a, b) in zip(s.grid.days, s.day_spans, strict=True)
        if a < hi and lo < b
    ]


def limit_reason(s: Scenario, it: Item, schedule: Schedule) -> str | None:
    """Every day the item could take place, one of its people has reached
    their daily limit."""
    if not it.counts_for_limit:
        return None
    days = _days_in_window(s, it)
    for pid in it.participants:
        limit = s.persons[pid].max_items_per_day
        if limit is None:
            continue
        counts: dict = {}
        for a in schedule.assignments:
            if a.kind in ("event", "bilateral") and pid in a.participants:
                counts[a.start.date()] = counts.get(a.start.date(), 0) + 1
        if days and all(counts.get(d, 0) >= limit for d in days):
            when = ", ".join(f"{d:%d %b}" for d in days)
            return (
                f"{_who(s, pid)} already has {limit} items on {when} "
                "(their daily limit)"
            )
    return None


def busy_reason(s: Scenario, it: Item, schedule: Schedule) -> str | None:
    """One of its people has no free stretch long enough inside its window
    once their placed items (with buffers) are counted."""
    if it.kind == "sequence":
        return None
    g = s.grid
    window = iv.intersect(
        s.day_spans, [(it.start_min, it.start_max + it.duration)]
    )
    buf = s.buffer_seconds
    for pid in it.participants:
        mine = sorted(
            (a for a in schedule.assignments if pid in a.participants),
            key=lambda a: a.start,
        )
        busy = [
            (g.to_index(a.start) - buf, g.to_index(a.end) + buf) for a in mine
        ]
        free = iv.subtract(iv.intersect(window, s.person_free(pid)), busy)
        if iv.starts_inside(free, it.duration):
            continue
        inside = [
            a
            for a in mine
            if iv.intersect(window, [(g.to_index(a.start), g.to_index(a.end))])
        ]
        shown = ", ".join(
            f"{a.item_id} {a.start:%d %b %H:%M}" for a in inside[:4]
        )
        more = f" and {len(inside) - 4} more" if len(inside) > 4 else ""
        text = (
            f"{_who(s, pid)} has no free {it.duration // 60} minutes "
            "inside its window"
        )
        return f"{text}: busy with {shown}{more}" if shown else text
    return None


def _span_text(s: Scenario, spans) -> str:
    shown = [f"{_hm(s, lo)}–{_hm(s, hi)[-5:]}" for lo, hi in spans[:3]]
    more = f" and {len(spans) - 3} more" if len(spans) > 3 else ""
    return ", ".join(shown) + more


def _room_list(rooms) -> str:
    rooms = sorted(rooms)
    if len(rooms) <= 6:
        return ", ".join(rooms)
    return f"{', '.join(rooms[:3])} … {rooms[-1]} ({len(rooms)} rooms)"


def free_together(s: Scenario, it: Item, busy_of) -> list[tuple[int, int]]:
    """The stretches inside the item's window and the day hours where
    all its people are available and not busy; ``busy_of(pid)`` gives a
    person's busy spans (their placed items, buffers included)."""
    shared = iv.intersect(
        s.day_spans, [(it.start_min, it.start_max + it.duration)]
    )
    for pid in it.participants:
        if pid in s.persons:
            free = iv.subtract(s.person_free(pid), busy_of(pid))
            shared = iv.intersect(shared, free)
    return shared


def taken_reason(s: Scenario, it: Item, schedule: Schedule) -> str | None:
    """Its people are free together (placed items and buffers counted)
    only when every room it may use is taken: say when they are free
    together and what holds the rooms then."""
    if it.kind == "sequence" or not it.rooms or len(it.participants) < 2:
        return None
    if any(s.room_by_id[r].kind == "exhibition" for r in it.rooms):
        return None  # booths share a room: occupancy alone says nothing
    g = s.grid
    buf = s.buffer_seconds

    def busy_of(pid):
        return [
            (g.to_index(a.start) - buf, g.to_index(a.end) + buf)
            for a in schedule.assignments
            if pid in a.participants
        ]

    shared = free_together(s, it, busy_of)
    names = _names(s, it.participants)
    minutes = it.duration // 60
    if not iv.starts_inside(shared, it.duration):
        if not shared:
            return (
                f"{names} are never free together inside its window once "
                "their scheduled items are counted"
            )
        return (
            f"{names} are free together only {_span_text(s, shared)}, "
            f"less than the {minutes} minutes it needs"
        )
    shared = [(lo, hi) for lo, hi in shared if hi - lo >= it.duration]
    blockers: dict[str, object] = {}
    for room_id in it.rooms:
        co = s.changeover_seconds(room_id)
        held = [
            (g.to_index(a.start) - co, g.to_index(a.end) + co, a)
            for a in schedule.assignments
            if a.room_id == room_id
        ]
        free = iv.subtract(
            iv.intersect(shared, s.room_open(room_id)),
            [(lo, hi) for lo, hi, _ in held],
        )
        if iv.starts_inside(free, it.duration):
            return None  # a room is free then: no cheap explanation
        for lo, hi, a in held:
            if any(iv.overlaps(lo, hi, x, y) for x, y in shared):
                blockers.setdefault(a.item_id, a)
    taken = sorted(blockers.values(), key=lambda a: a.start)
    shown = ", ".join(f"{a.item_id} ({a.title})" for a in taken[:4])
    more = f" and {len(taken) - 4} more" if len(taken) > 4 else ""
    rooms = _room_list(it.rooms)
    text = (
        f"No room it may use ({rooms}) is free for {minutes} minutes while "
        f"{names} are free together ({_span_text(s, shared)})"
    )
    if not taken:
        return f"{text}: the rooms are closed then"
    return f"{text}: the rooms are taken by {shown}{more}"


def member_reason(s: Scenario, it: Item, schedule: Schedule) -> str | None:
    if it.kind != "sequence":
        return None
    pid = it.participants[0]
    placed = schedule.by_item()
    seq = s.sequence_by_id[it.sequence_id]
    if seq.within_event:
        ev = placed.get(f"E:{seq.within_event}")
        if ev is None:
            return f"Its event {seq.within_event} is not scheduled"
        lo, hi = s.grid.to_index(ev.start), s.grid.to_index(ev.end)
    else:
        lo, hi = s.grid.to_index(seq.earliest), s.grid.to_index(seq.latest)
    if not iv.intersect(s.person_free(pid), [(lo, hi)]):
        return (
            f"{_who(s, pid)} is not in town or not available during "
            f"{_hm(s, lo)}–{_hm(s, hi)[-5:]}"
        )
    arr = placed.get(f"A:{s.delegation_of(pid)}")
    if arr is not None:
        venue = s.room_by_id[seq.room_id].venue_id
        there = s.grid.to_index(arr.end) + s.travel_seconds(
            arr.venue_id, venue
        )
        if there > lo:
            return (
                f"{_who(s, pid)} lands at {arr.venue_id} at "
                f"{arr.start:%H:%M} ({arr.start:%d %b}) and can be at "
                f"{venue} only from {s.grid.to_datetime(there):%H:%M}, "
                "after the queue has begun"
            )
    return (
        "The queue is full: its event cannot hold every member's slot, "
        "and members of higher value were kept"
    )


def cheap_reason(s: Scenario, it: Item, schedule: Schedule) -> str:
    """A sentence saying why ``it`` is not in ``schedule``."""
    for fn in (no_room_reason, time_reason):
        r = fn(s, it)
        if r:
            return r[0].upper() + r[1:]
    for fn in (limit_reason, busy_reason, taken_reason, member_reason):
        r = fn(s, it, schedule)
        if r:
            return r[0].upper() + r[1:]
    return GENERIC_REASON
