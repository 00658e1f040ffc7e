"""Room rules: allowed room, opening, conflicts, booths, sweeps."""

from __future__ import annotations

from dataclasses import dataclass

from .. import intervals as iv
from ..records.items import event_item_id
from ..records.scenario import Scenario
from ..records.schedule import Assignment, Schedule
from .violation import Violation, hm, known_rows, label, span


def room_allowed(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Each placed item is in one of its allowed rooms: right kind or
    listed, with every required feature and seats for its attendance."""
    out = []
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        if a.room_id not in it.rooms:
            room = s.room_by_id[a.room_id]
            out.append(
                Violation(
                    "room_allowed",
                    f"{label(a)} is in {a.room_id} ({room.kind},"
                    f" {room.capacity} seats), which it may not use; allowed: "
                    f"{', '.join(it.rooms) or 'none'}",
                    (a.item_id,),
                )
            )
    return out


def room_open(s: Scenario, schedule: Schedule) -> list[Violation]:
    """An item lies inside its room's availability and outside closed
    windows on the room, its kind, its venue or all."""
    out = []
    for a in known_rows(s, schedule):
        lo, hi = span(s, a)
        if not iv.contains(s.room_available(a.room_id), lo, hi):
            out.append(
                Violation(
                    "room_open",
                    f"{label(a)}: room {a.room_id} is closed or "
                    "unavailable then",
                    (a.item_id,),
                )
            )
    return out


@dataclass
class _Use:
    label: str
    lo: int
    hi: int
    vip: bool
    demand: int
    items: tuple[str, ...]


def room_uses(s: Scenario, schedule: Schedule) -> dict[str, list[_Use]]:
    """Uses per room: each non-queue item, and each queue as one span
    (skipped when it sits inside its event placed in the same room)."""
    out: dict[str, list[_Use]] = {}
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        if it.kind == "sequence":
            continue
        room = s.room_by_id[a.room_id]
        demand = room.capacity
        if (
            room.kind == "exhibition"
            and it.kind == "event"
            and s.event_by_id[it.ref_id].kind == "exhibition"
        ):
            demand = it.attendance
        lo, hi = span(s, a)
        out.setdefault(a.room_id, []).append(
            _Use(label(a), lo, hi, _vip(s, a), demand, (a.item_id,))
        )
    for room_id, lists in list_spans(s, schedule).items():
        for q in lists:
            if q.inside:
                continue
            seq = s.sequence_by_id[q.sequence_id]
            first = min(a.start for a in q.rows)
            out.setdefault(room_id, []).append(
                _Use(
                    f"queue {q.sequence_id} ({seq.title}) {hm(first)}",
                    q.lo,
                    q.hi,
                    any(_vip(s, a) for a in q.rows),
                    s.room_by_id[room_id].capacity,
                    tuple(a.item_id for a in q.rows),
                )
            )
    return out


def _vip(s: Scenario, a: Assignment) -> bool:
    return any(s.is_vip(p) for p in a.participants if p in s.persons)


@dataclass
class ListSpan:
    """A list held in one room: from its first slot's start to its last
    slot's end; ``inside`` when it sits inside its event placed in that
    room (the event is then the room's use)."""

    sequence_id: str
    lo: int
    hi: int
    inside: bool
    rows: tuple[Assignment, ...]


def list_spans(s: Scenario, schedule: Schedule) -> dict[str, list[ListSpan]]:
    """Per room, each list held there."""
    rows = known_rows(s, schedule)
    by_id = {a.item_id: a for a in rows}
    slots: dict[tuple[str, str], list[Assignment]] = {}
    for a in rows:
        it = s.item_by_id[a.item_id]
        if it.kind == "sequence":
            slots.setdefault((it.list_id, a.room_id), []).append(a)
    out: dict[str, list[ListSpan]] = {}
    for (seq_id, room_id), mine in slots.items():
        seq = s.sequence_by_id[seq_id]
        ev = (
            by_id.get(event_item_id(seq.within_event))
            if seq.within_event
            else None
        )
        out.setdefault(room_id, []).append(
            ListSpan(
                seq_id,
                min(span(s, a)[0] for a in mine),
                max(span(s, a)[1] for a in mine),
                ev is not None and ev.room_id == room_id,
                tuple(mine),
            )
        )
    return out


def room_no_overlap(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Items in one room (other than an exhibition room) never overlap and
    keep the room's changeover minutes between them. Two lists held in
    one room never run at once, inside one event included."""
    out = []
    for room_id, lists in list_spans(s, schedule).items():
        lists = sorted(lists, key=lambda q: q.lo)
        for i, x in enumerate(lists):
            for y in lists[i + 1 :]:
                # two lists outside their events are room uses (below)
                if y.lo < x.hi and (x.inside or y.inside):
                    out.append(
                        Violation(
                            "room_no_overlap",
                            f"In {room_id}, the lists {x.sequence_id} and "
                            f"{y.sequence_id} run at once "
                            f"({hm(s.grid.to_datetime(y.lo))})",
                            tuple(a.item_id for a in x.rows + y.rows),
                        )
                    )
    for room_id, uses in room_uses(s, schedule).items():
        if s.room_by_id[room_id].kind == "exhibition":
            continue
        co = s.changeover_seconds(room_id)
        uses = sorted(uses, key=lambda u: u.lo)
        for i, a in enumerate(uses):
            for b in uses[i + 1 :]:
                if b.lo >= a.hi + co:
                    continue
                what = (
                    "overlap"
                    if b.lo < a.hi
                    else f"are {(b.lo - a.hi) // 60} min apart; the room "
                    f"needs {co // 60} min changeover"
                )
                out.append(
                    Violation(
                        "room_no_overlap",
                        f"In {room_id}, {a.label} and {b.label} {what}",
                        a.items + b.items,
                    )
                )
    return out


def exhibition_booths(s: Scenario, schedule: Schedule) -> list[Violation]:
    """At any time an exhibition room holds exhibitions up to its booth
    units; any other item takes the whole room."""
    out = []
    for room_id, uses in room_uses(s, schedule).items():
        room = s.room_by_id[room_id]
        if room.kind != "exhibition":
            continue
        for t in sorted({u.lo for u in uses}):
            live = [u for u in uses if u.lo <= t < u.hi]
            load = sum(u.demand for u in live)
            if load > room.capacity:
                out.append(
                    Violation(
                        "exhibition_booths",
                        f"{room_id} holds {load} booth "
                        f"units at {hm(s.grid.to_datetime(t))}; it has "
                        f"{room.capacity}",
                        tuple(i for u in live for i in u.items),
                    )
                )
    return out


def vip_sweep(s: Scenario, schedule: Schedule) -> list[Violation]:
    """A room stays empty for vip_sweep_minutes before each VIP item (an
    item with a participant of vip_rank or higher)."""
    out: list[Violation] = []
    sweep = s.sweep_seconds
    if sweep <= 0:
        return out
    for room_id, uses in room_uses(s, schedule).items():
        room = s.room_by_id[room_id]
        for u in uses:
            if not u.vip:
                continue
            lo, hi = u.lo - sweep, u.lo
            clash = [
                x
                for x in uses
                if x is not u and iv.overlaps(lo, hi, x.lo, x.hi)
            ]
            if room.kind == "exhibition":
                load = room.capacity + sum(x.demand for x in clash)
                if load <= room.capacity:
                    continue
            for x in clash:
                out.append(
                    Violation(
                        "vip_sweep",
                        f"{room_id} must be empty for "
                        f"{sweep // 60} min before {u.label} (VIP), but "
                        f"{x.label} is there",
                        u.items + x.items,
                    )
                )
    return out
