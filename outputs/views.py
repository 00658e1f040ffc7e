"""Extra views of a schedule for the people who receive it: agendas,
arrivals, protocol queues, bilaterals, room use (pure; rows only)."""

from __future__ import annotations

from collections import defaultdict

from models import Scenario
from models import intervals as iv
from models.audience import public_sequence_ids
from models.reasons import missed_turn
from models.records.items import (
    bilateral_item_id,
    busy_end,
    event_item_id,
    valued_guest,
)
from models.records.schedule import Assignment, Schedule
from models.titles import person_label

#: Agendas: the columns people read first (and print), then the codes.
AGENDA_COLUMNS = [
    "name",
    "delegation",
    "day",
    "start",
    "end",
    "title",
    "room",
    "venue",
    "counterpart_name",
    "person_id",
    "item_id",
    "kind",
    "room_id",
    "venue_id",
    "counterpart",
]
#: How many of the Agendas columns are printed.
AGENDA_PRINTED = 9
ARRIVAL_COLUMNS = [
    "start",
    "end",
    "delegation_id",
    "delegation",
    "head",
    "rank",
    "point",
    "point_name",
    "venue_id",
    "venue",
    "greeter",
    "greeter_name",
]
PROTOCOL_COLUMNS = [
    "sequence_id",
    "sequence",
    "position",
    "start",
    "end",
    "delegation_id",
    "delegation",
    "member",
    "rank",
    "room_id",
    "room",
    "note",
    "why",
]
BILATERAL_COLUMNS = [
    "request_id",
    "party_a",
    "party_a_name",
    "party_b",
    "party_b_name",
    "priority",
    "value",
    "valued_guest",
    "status",
    "start",
    "end",
    "room_id",
    "room",
    "venue_id",
    "venue",
    "reason",
]
ROOM_COLUMNS = [
    "room_id",
    "name",
    "venue_id",
    "venue",
    "kind",
    "capacity",
    "day",
    "items",
    "minutes_used",
    "minutes_open",
    "share_used",
]


def _delegation_name(s: Scenario, pid: str) -> str:
    d = s.delegation_by_id.get(s.persons[pid].delegation_id)
    return d.name if d else ""


def room_name(s: Scenario, room_id: str) -> str:
    room = s.room_by_id.get(room_id)
    return room.name if room else ""


def venue_name(s: Scenario, venue_id: str) -> str:
    venue = s.venue_by_id.get(venue_id)
    return venue.name if venue else ""


def names(s: Scenario, pids) -> str:
    """Person ids as titles name them, ``;``-separated."""
    return "; ".join(person_label(s, p) for p in pids)


def agenda_rows(s: Scenario, schedule: Schedule) -> list[list]:
    """One block per delegation head and per principal, in time order
    (queue slots inside an event the person attends are left out); the
    end is when that person is free again (a chair who opens an event and
    hands over leaves after its first ``participants_minutes``)."""
    mine: dict[str, list] = defaultdict(list)
    for a in schedule.assignments:
        for pid in a.participants:
            if pid in s.persons:
                mine[pid].append(a)
    rows = []
    principals = [p.person_id for p in s.people]
    for pid in [*s.heads, *principals]:
        items = sorted(mine.get(pid, ()), key=lambda a: a.start)
        events = {a.item_id for a in items}
        for a in items:
            it = s.item_by_id.get(a.item_id)
            if (
                it
                and it.within_event
                and event_item_id(it.within_event) in events
            ):
                continue
            other = [p for p in a.participants if p != pid]
            if a.kind != "bilateral":
                other = []
            rows.append(
                [
                    s.persons[pid].name,
                    _delegation_name(s, pid),
                    a.start.date(),
                    a.start,
                    busy_end(s, a, pid),
                    a.title,
                    room_name(s, a.room_id),
                    venue_name(s, a.venue_id),
                    names(s, other),
                    pid,
                    a.item_id,
                    a.kind,
                    a.room_id,
                    a.venue_id,
                    "; ".join(other),
                ]
            )
    return rows


def arrival_rows(s: Scenario, schedule: Schedule) -> list[list]:
    rows = []
    for a in sorted(
        (a for a in schedule.assignments if a.kind == "arrival"),
        key=lambda a: a.start,
    ):
        d = s.delegation_by_id.get(a.ref_id)
        greeter = [p for p in a.participants if p != a.ref_id]
        rows.append(
            [
                a.start,
                a.end,
                a.ref_id,
                d.name if d else "",
                d.head_name if d else "",
                d.head_rank if d else "",
                a.room_id,
                room_name(s, a.room_id),
                a.venue_id,
                venue_name(s, a.venue_id),
                "; ".join(greeter),
                names(s, greeter),
            ]
        )
    return rows


def protocol_rows(
    s: Scenario, schedule: Schedule, public: bool = False
) -> list[list]:
    """Every queue slot, list by list in time order, with its note (late,
    moved) and why (the turn missed; in the full copy also from when the
    member could be there, which tells an arrival time). The public copy
    says why only when the turn missed was in a public list: a member
    moved here from a list it leaves out is not told of (that list's id
    and time are not public)."""
    shown = public_sequence_ids(s) if public else None
    rows = []
    slots = sorted(
        (a for a in schedule.assignments if a.kind == "sequence"),
        key=lambda a: (a.ref_id, a.start),
    )
    for a in slots:
        pid = a.participants[0] if a.participants else ""
        person = s.persons.get(pid)
        seq = s.sequence_by_id.get(a.ref_id)
        rows.append(
            [
                a.ref_id,
                seq.title if seq else "",
                a.position,
                a.start,
                a.end,
                person.delegation_id if person else "",
                _delegation_name(s, pid) if person else "",
                person.name if person else pid,
                person.rank if person else "",
                a.room_id,
                room_name(s, a.room_id),
                a.note,
                missed_turn(s, schedule, a, detail=not public)
                if shown is None or _own_list(s, a) in shown
                else "",
            ]
        )
    return rows


def _own_list(s: Scenario, a: Assignment) -> str | None:
    """The list whose turn the queue row ``a`` stands for: the one its
    member is moved from, else its own."""
    it = s.item_by_id.get(a.item_id)
    if it is None:
        return None
    return it.moved_from or it.sequence_id


def bilateral_rows(s: Scenario, schedule: Schedule) -> list[list]:
    """Every request, placed or with its reason, and its value: 10 ×
    priority plus the rank bonus of its most senior guest (the host
    side's people do not count; :mod:`models.objective`)."""
    placed = schedule.by_item()
    reasons = {u.item_id: u.reason for u in schedule.unscheduled}
    rows = []
    for b in s.bilaterals:
        a = placed.get(bilateral_item_id(b.request_id))
        it = s.item_by_id.get(bilateral_item_id(b.request_id))
        guest = valued_guest(s, it.participants) if it else None
        rows.append(
            [
                b.request_id,
                b.party_a,
                names(s, [s.resolve(b.party_a) or b.party_a]),
                b.party_b,
                names(s, [s.resolve(b.party_b) or b.party_b]),
                b.priority,
                it.value if it else None,
                f"{guest} ({s.persons[guest].rank})" if guest else "",
                "scheduled" if a else "left out",
                a.start if a else None,
                a.end if a else None,
                a.room_id if a else "",
                room_name(s, a.room_id) if a else "",
                a.venue_id if a else "",
                venue_name(s, a.venue_id) if a else "",
                "" if a else reasons.get(bilateral_item_id(b.request_id), ""),
            ]
        )
    return rows


def room_rows(s: Scenario, schedule: Schedule) -> list[list]:
    g = s.grid
    uses: dict[tuple, list] = defaultdict(list)
    for a in schedule.assignments:
        uses[(a.room_id, a.start.date())].append(
            (g.to_index(a.start), g.to_index(a.end))
        )
    rows = []
    for r in s.rooms:
        for day, span in zip(g.days, s.day_spans, strict=True):
            spans = uses.get((r.room_id, day), [])
            used = sum(hi - lo for lo, hi in iv.normalize(spans)) // 60
            open_ = (
                sum(
                    hi - lo
                    for lo, hi in iv.intersect(s.room_open(r.room_id), [span])
                )
                // 60
            )
            rows.append(
                [
                    r.room_id,
                    r.name,
                    r.venue_id,
                    venue_name(s, r.venue_id),
                    r.kind,
                    r.capacity,
                    day,
                    len(spans),
                    used,
                    open_,
                    round(used / open_, 3) if open_ else None,
                ]
            )
    return rows
