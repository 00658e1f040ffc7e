"""Peer placements to a :class:`models.records.schedule.Schedule`."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from models.records.items import left_out
from models.records.scenario import Scenario
from models.records.schedule import Assignment, Schedule, Unscheduled


def assignment(
    s: Scenario, item_id: str, lo: int, room_id: str, people, note: str = ""
) -> Assignment:
    """One Schedule row: item ``item_id`` from ``lo`` in ``room_id``."""
    it = s.item_by_id[item_id]
    g = s.grid
    return Assignment(
        item_id=it.item_id,
        kind=it.kind,
        ref_id=it.ref_id,
        title=it.title,
        start=g.to_datetime(lo),
        end=g.to_datetime(lo + it.duration),
        room_id=room_id,
        venue_id=s.room_by_id[room_id].venue_id,
        participants=tuple(people),
        note=note,
    )


def with_positions(rows) -> tuple[Assignment, ...]:
    """Rows in time order, queue slots numbered from 1 per queue."""
    rows = sorted(rows, key=lambda a: (a.start, a.room_id, a.item_id))
    count: dict[str, int] = {}
    out = []
    for a in rows:
        if a.kind == "sequence":
            count[a.ref_id] = count.get(a.ref_id, 0) + 1
            a = replace(a, position=count[a.ref_id])
        out.append(a)
    return tuple(out)


def schedule_of(
    s: Scenario, rows, reasons: dict[str, str], default_reason: str
) -> Schedule:
    """A schedule of ``rows``; every other item of the scenario is left
    out with its reason from ``reasons`` (else ``default_reason``)."""
    rows = with_positions(rows)
    placed = {a.item_id for a in rows}
    left = tuple(
        Unscheduled.of(it, reasons.get(it.item_id, default_reason))
        for it in left_out(s, placed)
    )
    return Schedule(
        assignments=rows,
        unscheduled=left,
        generated_at=datetime.now().replace(microsecond=0),
        event_name=s.settings.event_name,
        scenario_source=s.source,
    )
