"""Cheap reasons why an item is left out, in a protocol officer's words.

These checks need no solver: no room at all, a window too short, a party
absent, a daily limit reached, a member not present for the queue. When
none applies, the item lost its place to higher-value items.
"""

from __future__ import annotations

from . import intervals as iv
from .items import Item
from .scenario import Scenario
from .schedule import Schedule

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
            return r
    for fn in (limit_reason, busy_reason, member_reason):
        r = fn(s, it, schedule)
        if r:
            return r
    return GENERIC_REASON
