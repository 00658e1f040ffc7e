"""A run of show per protocol list (welcome line, order of signature,
speakers list): who comes when, to the second, in order, on pages of
its own, for the protocol officer holding the clipboard. A member placed
late or moved from another list says so under their name."""

from __future__ import annotations

from collections import defaultdict

from openpyxl import Workbook

from models import Scenario
from models.records.items import event_item_id
from models.records.schedule import Assignment, Schedule

from .handout import Column, Handout
from .page_setup import Furniture

SHEET = "Run of show"
COLUMNS = [
    Column("Place", 5),
    Column("From", 9, "hh:mm:ss"),
    Column("To", 9, "hh:mm:ss"),
    Column("Name", 28),
    Column("Delegation", 20),
    Column("Rank", 20),
]
ORDER_WORDS = {
    "precedence": "by precedence, the most senior first",
    "reverse_precedence": "by reverse precedence, the most senior last",
}


def queues(schedule: Schedule) -> dict[str, list[Assignment]]:
    """Sequence id -> its placed slots in time order, lists in the order
    they first start."""
    slots: dict[str, list[Assignment]] = defaultdict(list)
    for a in schedule.assignments:
        if a.kind == "sequence":
            slots[a.ref_id].append(a)
    for lst in slots.values():
        lst.sort(key=lambda a: (a.start, a.position or 0))
    return dict(sorted(slots.items(), key=lambda kv: kv[1][0].start))


def add_run_of_show(
    wb: Workbook, s: Scenario, schedule: Schedule, furniture: Furniture
) -> None:
    """The Run of show sheet: a section per protocol list."""
    lists = queues(schedule)
    if not lists:
        return
    doc = Handout(
        wb.create_sheet(SHEET),
        COLUMNS,
        furniture,
        "Run of show",
    )
    placed = schedule.by_item()
    for seq_id, slots in lists.items():
        seq = s.sequence_by_id.get(seq_id)
        title = seq.title if seq else seq_id
        first, last = slots[0], slots[-1]
        room = s.room_by_id.get(first.room_id)
        venue = s.venue_by_id.get(first.venue_id)
        where = ", ".join(
            x
            for x in (
                room.name if room else first.room_id,
                venue.name if venue else "",
            )
            if x
        )
        lines = [
            f"{first.start:%A %d %B %Y}, {first.start:%H:%M:%S} to "
            f"{last.end:%H:%M:%S}, {where}",
        ]
        within = seq.within_event if seq else None
        host = placed.get(event_item_id(within)) if within else None
        if host is not None:
            lines.append(
                f"During: {host.title}, {host.start:%H:%M}–{host.end:%H:%M}"
            )
        order = ORDER_WORDS.get(seq.order, seq.order) if seq else ""
        count = f"{len(slots)} {'person' if len(slots) == 1 else 'people'}"
        lines.append(f"{count}, {order}" if order else count)
        doc.section(f"Run of show: {title}", lines)
        for a in slots:
            pid = a.participants[0] if a.participants else ""
            p = s.persons.get(pid)
            d = s.delegation_by_id.get(p.delegation_id) if p else None
            rank = s.rank_by_code.get(p.rank) if p else None
            name = p.name if p else pid
            doc.add(
                [
                    a.position,
                    a.start,
                    a.end,
                    f"{name}\n({a.note})" if a.note else name,
                    d.name if d else "",
                    rank.label if rank else (p.rank if p else ""),
                ]
            )
    doc.finish()
