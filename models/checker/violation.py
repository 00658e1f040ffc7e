"""A broken hard rule, and helpers the checker functions share."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..records.scenario import Scenario
from ..records.schedule import Assignment, Schedule


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    message: str
    items: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"[{self.rule}] {self.message}"


def hm(a_dt: datetime) -> str:
    """``25 Oct 09:30``, with the seconds when there are any."""
    return (
        a_dt.strftime("%d %b %H:%M:%S").replace(":00 ", " ")
        if a_dt.second
        else a_dt.strftime("%d %b %H:%M")
    )


def label(a: Assignment) -> str:
    return f"{a.item_id} ({a.title}) {hm(a.start)}-{a.end:%H:%M}"


def known_rows(s: Scenario, schedule: Schedule) -> list[Assignment]:
    """Rows whose item exists and whose room exists (others are reported
    by ``item_shape`` only), first occurrence of each item."""
    seen: set[str] = set()
    out = []
    for a in schedule.assignments:
        if (
            a.item_id in s.item_by_id
            and a.room_id in s.room_by_id
            and a.item_id not in seen
            and a.end > a.start
        ):
            seen.add(a.item_id)
            out.append(a)
    return out


def span(s: Scenario, a: Assignment) -> tuple[int, int]:
    g = s.grid
    return g.to_index(a.start), g.to_index(a.end)


def venue(s: Scenario, a: Assignment) -> str:
    return s.room_by_id[a.room_id].venue_id
