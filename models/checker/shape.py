"""Item shape and mandatory items."""

from __future__ import annotations

from collections import Counter

from ..records.scenario import Scenario
from ..records.schedule import Schedule
from .violation import Violation, label


def item_shape(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Each schedule row is a known item, placed at most once, lasting
    exactly its duration, with its people."""
    out = []
    counts = Counter(a.item_id for a in schedule.assignments)
    reported: set[str] = set()
    for a in schedule.assignments:
        it = s.item_by_id.get(a.item_id)
        if it is None:
            out.append(
                Violation(
                    "item_shape",
                    f"{a.item_id} is not an item of the scenario",
                    (a.item_id,),
                )
            )
            continue
        if counts[a.item_id] > 1 and a.item_id not in reported:
            reported.add(a.item_id)
            out.append(
                Violation(
                    "item_shape",
                    f"{a.item_id} is placed {counts[a.item_id]} times",
                    (a.item_id,),
                )
            )
        if a.kind != it.kind or a.ref_id != it.ref_id:
            out.append(
                Violation(
                    "item_shape",
                    f"{a.item_id} has kind "
                    f"{a.kind!r} and ref {a.ref_id!r}; expected "
                    f"{it.kind!r} and {it.ref_id!r}",
                    (a.item_id,),
                )
            )
        seconds = int((a.end - a.start).total_seconds())
        if seconds != it.duration:
            out.append(
                Violation(
                    "item_shape",
                    f"{label(a)} lasts {seconds // 60} min "
                    f"{seconds % 60} s; it must last {it.duration // 60} min "
                    f"{it.duration % 60} s",
                    (a.item_id,),
                )
            )
        room = s.room_by_id.get(a.room_id)
        if room is None:
            out.append(
                Violation(
                    "item_shape",
                    f"{a.item_id}: unknown room {a.room_id!r}",
                    (a.item_id,),
                )
            )
        elif a.venue_id != room.venue_id:
            out.append(
                Violation(
                    "item_shape",
                    f"{a.item_id}: room "
                    f"{a.room_id} is at {room.venue_id}, not "
                    f"{a.venue_id}",
                    (a.item_id,),
                )
            )
        missing = [p for p in it.participants if p not in a.participants]
        if missing:
            out.append(
                Violation(
                    "item_shape",
                    f"{label(a)} lacks its people {', '.join(missing)}",
                    (a.item_id,),
                    tuple(missing),
                )
            )
        if it.kind == "sequence" and tuple(a.participants) != it.participants:
            out.append(
                Violation(
                    "item_shape",
                    f"{a.item_id}: a queue slot "
                    f"holds only its member {it.participants[0]}",
                    (a.item_id,),
                )
            )
    return out


def mandatory(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Every mandatory item is placed: mandatory events, bilaterals and
    queue members (in their own list or, moved, in another), and every
    arrival."""
    placed = {
        s.item_by_id[a.item_id].own_item_id
        for a in schedule.assignments
        if a.item_id in s.item_by_id
    }
    return [
        Violation(
            "mandatory",
            f"{it.item_id} ({it.title}) is mandatory but not scheduled",
            (it.item_id,),
        )
        for it in s.items
        if it.mandatory and it.item_id not in placed
    ]
