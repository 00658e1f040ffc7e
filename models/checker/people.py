"""People rules: one place at a time, travel, availability, daily limits,
all heads attend, arrival first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from .. import intervals as iv
from ..records.items import busy_end, event_item_id
from ..records.scenario import Scenario
from ..records.schedule import Assignment, Schedule
from .violation import Violation, known_rows, label, span, venue


def _rows_of(s: Scenario, schedule: Schedule) -> dict[str, list[Assignment]]:
    out: dict[str, list[Assignment]] = defaultdict(list)
    for a in known_rows(s, schedule):
        for p in dict.fromkeys(a.participants):
            if p in s.persons:
                out[p].append(a)
    return out


def _inside_event(s: Scenario, a: Assignment, b: Assignment) -> bool:
    """A queue slot inside its own event is part of it, not a clash."""
    for x, y in ((a, b), (b, a)):
        it = s.item_by_id[x.item_id]
        if (
            it.kind == "sequence"
            and it.within_event
            and y.item_id == event_item_id(it.within_event)
        ):
            return True
    return False


def _pairs(
    s: Scenario, schedule: Schedule
) -> Iterator[tuple[str, Assignment, Assignment]]:
    for pid, rows in _rows_of(s, schedule).items():
        rows = sorted(rows, key=lambda a: a.start)
        for i, a in enumerate(rows):
            for b in rows[i + 1 :]:
                if not _inside_event(s, a, b):
                    yield pid, a, b


def person_no_overlap(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Nobody is in two items at once, and between two items in one venue
    a person has the same-venue buffer."""
    out = []
    for pid, a, b in _pairs(s, schedule):
        a_end = busy_end(s, a, pid)
        gap = (b.start - a_end).total_seconds()
        if b.start < a_end:
            out.append(
                Violation(
                    "person_no_overlap",
                    f"{pid} is in two items at once: "
                    f"{label(a)} and {label(b)}",
                    (a.item_id, b.item_id),
                    (pid,),
                )
            )
        elif venue(s, a) == venue(s, b) and gap < s.gap_seconds(
            venue(s, a), venue(s, b)
        ):
            out.append(
                Violation(
                    "person_no_overlap",
                    f"{pid} has {int(gap) // 60} min "
                    f"between {label(a)} and {label(b)}; needs "
                    f"{s.buffer_seconds // 60} min",
                    (a.item_id, b.item_id),
                    (pid,),
                )
            )
    return out


def person_travel(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Between items at two venues a person has the travel time between
    them (or the buffer if longer)."""
    out = []
    for pid, a, b in _pairs(s, schedule):
        va, vb = venue(s, a), venue(s, b)
        a_end = busy_end(s, a, pid)
        if va == vb or b.start < a_end:
            continue
        gap = (b.start - a_end).total_seconds()
        need = s.gap_seconds(va, vb)
        if gap < need:
            out.append(
                Violation(
                    "person_travel",
                    f"{pid} has {int(gap) // 60} min to go "
                    f"from {va} to {vb} between {label(a)} and {label(b)}; "
                    f"needs {need // 60} min",
                    (a.item_id, b.item_id),
                    (pid,),
                )
            )
    return out


def person_available(s: Scenario, schedule: Schedule) -> list[Violation]:
    """A person takes part only inside their availability and outside
    closed windows on them or their delegation."""
    out = []
    for pid, rows in _rows_of(s, schedule).items():
        free = s.person_free(pid)
        for a in rows:
            lo = span(s, a)[0]
            hi = lo + s.item_by_id[a.item_id].busy_seconds(pid)
            if not iv.contains(free, lo, hi):
                out.append(
                    Violation(
                        "person_available",
                        f"{pid} is not available during {label(a)}",
                        (a.item_id,),
                        (pid,),
                    )
                )
    return out


def daily_limit(s: Scenario, schedule: Schedule) -> list[Violation]:
    """A person takes part in at most max_items_per_day events and
    bilaterals on one day."""
    out = []
    for pid, rows in _rows_of(s, schedule).items():
        limit = s.persons[pid].max_items_per_day
        if limit is None:
            continue
        per_day: dict[date, list[str]] = defaultdict(list)
        for a in rows:
            if a.kind in ("event", "bilateral"):
                per_day[a.start.date()].append(a.item_id)
        for day, ids in sorted(per_day.items()):
            if len(ids) > limit:
                out.append(
                    Violation(
                        "daily_limit",
                        f"{pid} has {len(ids)} items on "
                        f"{day:%d %b}; the limit is {limit}",
                        tuple(ids),
                        (pid,),
                    )
                )
    return out
