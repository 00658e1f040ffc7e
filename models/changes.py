"""What changed between two schedules, and who must be told.

Used by the Changes sheet of a what-if run and by ``scheduler diff``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .records.schedule import Assignment, Schedule


@dataclass(frozen=True, slots=True)
class Change:
    """One difference. ``change`` is ``added``, ``moved``, ``dropped`` (in
    the old schedule, left out of the new one: ``reason`` says why) or
    ``cancelled`` (no longer in the scenario)."""

    change: str
    item_id: str
    kind: str
    title: str
    old_start: datetime | None = None
    old_end: datetime | None = None
    old_room: str | None = None
    new_start: datetime | None = None
    new_end: datetime | None = None
    new_room: str | None = None
    tell: tuple[str, ...] = ()
    reason: str = ""

    @property
    def shift_minutes(self) -> int | None:
        if self.old_start is None or self.new_start is None:
            return None
        return int((self.new_start - self.old_start).total_seconds() // 60)


ORDER = {"moved": 0, "dropped": 1, "cancelled": 2, "added": 3}


def diff_schedules(
    old: Schedule, new: Schedule, known_items: set[str] | None = None
) -> list[Change]:
    """Changes from ``old`` to ``new``. ``known_items`` (the item ids of
    the new scenario) tells a dropped item from a cancelled one; without
    it, anything gone is ``dropped``."""
    before, after = old.by_item(), new.by_item()
    reasons = {u.item_id: u.reason for u in new.unscheduled}
    out: list[Change] = []
    for iid, a in before.items():
        b = after.get(iid)
        if b is None:
            gone = known_items is not None and iid not in known_items
            out.append(
                Change(
                    "cancelled" if gone else "dropped",
                    iid,
                    a.kind,
                    a.title,
                    a.start,
                    a.end,
                    a.room_id,
                    tell=a.participants,
                    reason="no longer in the scenario"
                    if gone
                    else reasons.get(iid, "left out of the new schedule"),
                )
            )
        elif (a.start, a.end, a.room_id) != (b.start, b.end, b.room_id):
            out.append(
                Change(
                    "moved",
                    iid,
                    b.kind,
                    b.title,
                    a.start,
                    a.end,
                    a.room_id,
                    b.start,
                    b.end,
                    b.room_id,
                    tell=_union(a, b),
                )
            )
    for iid, b in after.items():
        if iid not in before:
            out.append(
                Change(
                    "added",
                    iid,
                    b.kind,
                    b.title,
                    new_start=b.start,
                    new_end=b.end,
                    new_room=b.room_id,
                    tell=b.participants,
                )
            )
    out.sort(
        key=lambda c: (ORDER[c.change], c.old_start or c.new_start, c.item_id)
    )
    return out


def _union(a: Assignment, b: Assignment) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*a.participants, *b.participants)))
