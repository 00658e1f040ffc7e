"""Programmes to hand over: one per delegation and one per principal,
each on pages of its own, their days in time order: when, what, where
(room and venue by name), who of them, and with whom (by name).

A place in a protocol list held inside an event the person attends is
named in that event's row ("Order of signature: 14th of 59, at
10:55:30"); a list held on its own is a row of its own.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from openpyxl import Workbook

from models import Scenario
from models.audience import is_public, public_item_ids
from models.records.items import busy_end, event_item_id
from models.records.schedule import Assignment, Schedule
from models.titles import bilateral_parties, person_label

from .handout import Column, Handout
from .page_setup import Furniture

SHEET = "Programmes"
COLUMNS = [
    Column("Time", 10),
    Column("What", 29),
    Column("Where", 19),
    Column("Who", 15),
    Column("With", 19),
]
#: Events with more people than this say how many, not who.
NAMED_AT_MOST = 6
#: Printed after the title of a restricted item (full copy).
RESTRICTED_NOTE = " (restricted)"


def owners(s: Scenario, schedule: Schedule) -> list[tuple[str, str]]:
    """Whose programmes, in the order printed: each delegation with an
    item (English alphabetical order), followed by each of its principals
    with an item. ``("delegation", id)`` or ``("person", id)``."""
    busy: set[str] = set()
    for a in schedule.assignments:
        busy.update(p for p in a.participants if p in s.persons)
    principals = defaultdict(list)
    for p in s.people:
        if p.person_id in busy:
            principals[p.delegation_id].append(p)
    out = []
    delegations = sorted(s.delegations, key=lambda d: d.name.casefold())
    for d in delegations:
        members = {d.delegation_id} | {
            p.person_id for p in s.people if p.delegation_id == d.delegation_id
        }
        if members & busy:
            out.append(("delegation", d.delegation_id))
        for p in sorted(principals[d.delegation_id], key=lambda p: p.name):
            out.append(("person", p.person_id))
    return out


def add_programmes(
    wb: Workbook, s: Scenario, schedule: Schedule, furniture: Furniture
) -> None:
    """The Programmes sheet: a section per owner (see :func:`owners`)."""
    if not schedule.assignments:
        return
    full = furniture.audience == "full"
    public = public_item_ids(s)
    doc = Handout(
        wb.create_sheet(SHEET),
        COLUMNS,
        furniture,
        "Programmes",
    )
    people_of: dict[str, set[str]] = defaultdict(set)
    for pid, p in s.persons.items():
        people_of[p.delegation_id].add(pid)
    for kind, ident in owners(s, schedule):
        who = people_of[ident] if kind == "delegation" else {ident}
        title, lines = _heading(s, kind, ident)
        doc.section(title, lines)
        rows = programme_rows(s, schedule, who)
        day = None
        marked = False
        for a, extra in rows:
            if a.start.date() != day:
                day = a.start.date()
                doc.band(f"{day:%A %d %B %Y}")
            restricted = full and not is_public(s, public, a)
            marked |= restricted
            what = a.title + (RESTRICTED_NOTE if restricted else "")
            doc.add(
                [
                    _times(a, _busy_until(s, a, who)),
                    "\n".join([what, *extra]),
                    _where(s, a),
                    "; ".join(_name(s, p) for p in a.participants if p in who),
                    _with(s, a, who),
                ]
            )
        if marked:
            doc.note(
                "Items marked (restricted) are not public: do not pass "
                "them on."
            )
    doc.finish()


def _heading(s: Scenario, kind: str, ident: str) -> tuple[str, list[str]]:
    if kind == "delegation":
        d = s.delegation_by_id[ident]
        rank = s.rank_by_code.get(d.head_rank)
        head = d.head_name + (f", {rank.label}" if rank else "")
        return f"Programme: {d.name}", [f"Head of delegation: {head}"]
    p = s.persons[ident]
    own = s.delegation_by_id.get(p.delegation_id)
    return f"Programme: {p.name}", [own.name if own else p.delegation_id]


def programme_rows(
    s: Scenario, schedule: Schedule, who: set[str]
) -> list[tuple[Assignment, list[str]]]:
    """The items any of ``who`` is busy in, in time order, each with
    extra lines: their places in protocol lists held inside it."""
    mine = sorted(
        (a for a in schedule.assignments if who & set(a.participants)),
        key=lambda a: (a.start, a.end, a.item_id),
    )
    placed = {a.item_id: a for a in mine}
    sizes: dict[str, int] = defaultdict(int)
    for a in schedule.assignments:
        if a.kind == "sequence":
            sizes[a.ref_id] += 1
    extra: dict[str, list[str]] = defaultdict(list)
    out = []
    for a in mine:
        seq = s.sequence_by_id.get(a.ref_id) if a.kind == "sequence" else None
        if seq is not None and seq.within_event is not None:
            host = event_item_id(seq.within_event)
            if host in placed:
                place = _place(s, a, seq.title, sizes[a.ref_id])
                extra[host].append(place)
                continue
        out.append(a)
    return [(a, extra[a.item_id]) for a in out]


def _place(s: Scenario, a: Assignment, title: str, size: int) -> str:
    """``Order of signature: Luong Cuong, President, 1st of 59, at
    10:41:00``."""
    parts = [_name(s, a.participants[0])] if a.participants else []
    if a.position:
        parts.append(f"{_ordinal(a.position)} of {size}")
    parts.append(f"at {a.start:%H:%M:%S}")
    if a.note:
        parts.append(a.note)
    return f"{title}: " + ", ".join(parts)


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _busy_until(s: Scenario, a: Assignment, who: set[str]) -> datetime:
    """When the last of ``who`` in ``a`` is free again (a chair who opens
    a session and hands over leaves before its end)."""
    mine = [p for p in a.participants if p in who]
    return max((busy_end(s, a, p) for p in mine), default=a.end)


def _times(a: Assignment, end: datetime) -> str:
    fmt = "%H:%M:%S" if a.start.second or end.second else "%H:%M"
    return f"{a.start:{fmt}}–{end:{fmt}}"


def _where(s: Scenario, a: Assignment) -> str:
    room = s.room_by_id.get(a.room_id)
    venue = s.venue_by_id.get(a.venue_id)
    parts = [room.name if room else a.room_id, venue.name if venue else ""]
    return ", ".join(p for p in parts if p)


def _name(s: Scenario, pid: str) -> str:
    p = s.persons.get(pid)
    return p.name if p else pid


def _with(s: Scenario, a: Assignment, who: set[str]) -> str:
    """Whom the owner meets there, by name."""
    others = [p for p in a.participants if p not in who]
    if a.kind == "bilateral":
        b = s.bilateral_by_id.get(a.ref_id)
        if b is not None:
            parties = bilateral_parties(s, b.party_a, b.party_b)
            others = [p for p in parties if p not in who] or others
        return "; ".join(person_label(s, p) for p in others)
    if a.kind == "arrival":
        greeters = [p for p in a.participants if p != a.ref_id]
        if a.ref_id in who:
            return "; ".join(
                f"received by {person_label(s, p)}" for p in greeters
            )
        return f"receives {person_label(s, a.ref_id)}"
    if a.kind == "sequence":
        return ""
    it = s.item_by_id.get(a.item_id)
    if it is not None and it.all_heads:
        return "all heads of delegation"
    if not others:
        return ""
    if len(others) > NAMED_AT_MOST:
        return f"{len(others)} others"
    return "; ".join(person_label(s, p) for p in others)
