"""Time rules: day hours, grid, windows, fixed starts, slots, order, and
motorcade (no-arrival) windows."""

from __future__ import annotations

from ..records.items import event_item_id
from ..records.scenario import Scenario
from ..records.schedule import Schedule
from .violation import Violation, hm, known_rows, label, span


def day_hours(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Every item lies within one event day, between day_start and
    day_end."""
    out = []
    for a in known_rows(s, schedule):
        lo, hi = span(s, a)
        if not any(d_lo <= lo and hi <= d_hi for d_lo, d_hi in s.day_spans):
            st = s.settings
            out.append(
                Violation(
                    "day_hours",
                    f"{label(a)} is outside the event days' hours "
                    f"({st.day_start:%H:%M}-{st.day_end:%H:%M})",
                    (a.item_id,),
                )
            )
    return out


def time_grid(s: Scenario, schedule: Schedule) -> list[Violation]:
    """Events and bilaterals start on the time-step grid counted from
    day_start, arrivals on whole minutes, queue slots on whole seconds."""
    out = []
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        lo, _ = span(s, a)
        bad = a.start.microsecond != 0
        if it.step > 1 and not bad:
            day = s.grid.day_span(a.start.date())[0]
            bad = (lo - day) % it.step != 0
        if bad:
            out.append(
                Violation(
                    "time_grid",
                    f"{label(a)} does not start on the "
                    f"{it.step // 60 or it.step}-"
                    f"{'minute' if it.step >= 60 else 'second'} grid",
                    (a.item_id,),
                )
            )
    return out


def time_window(s: Scenario, schedule: Schedule) -> list[Violation]:
    """An item lies inside its earliest..latest window; a reception starts
    inside its arrival window."""
    out = []
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        lo, _ = span(s, a)
        if not it.start_min <= lo <= it.start_max:
            g = s.grid
            out.append(
                Violation(
                    "time_window",
                    f"{label(a)} must start between "
                    f"{hm(g.to_datetime(max(it.start_min, 0)))} and "
                    f"{hm(g.to_datetime(min(it.start_max, g.horizon)))}",
                    (a.item_id,),
                )
            )
    return out


def fixed_start(s: Scenario, schedule: Schedule) -> list[Violation]:
    """An event with a fixed start starts exactly then."""
    out = []
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        if it.fixed_start is not None and span(s, a)[0] != it.fixed_start:
            out.append(
                Violation(
                    "fixed_start",
                    f"{label(a)} must start at "
                    f"{hm(s.grid.to_datetime(it.fixed_start))}",
                    (a.item_id,),
                )
            )
    return out


def slot_set(s: Scenario, schedule: Schedule) -> list[Violation]:
    """An event with a slot set starts at the start of one slot of the set
    and ends inside that slot."""
    out = []
    for a in known_rows(s, schedule):
        it = s.item_by_id[a.item_id]
        if not it.slots:
            continue
        lo, hi = span(s, a)
        if not any(lo == x and hi <= y for x, y in it.slots):
            out.append(
                Violation(
                    "slot_set",
                    f"{label(a)} does not fill a slot of set "
                    f"{s.event_by_id[it.ref_id].slot_set}",
                    (a.item_id,),
                )
            )
    return out


def event_order(s: Scenario, schedule: Schedule) -> list[Violation]:
    """An event starts only after every event in its after list has
    ended."""
    out = []
    rows = {a.item_id: a for a in known_rows(s, schedule)}
    for e in s.events:
        a = rows.get(event_item_id(e.event_id))
        if a is None:
            continue
        for p in e.after:
            b = rows.get(event_item_id(p))
            if b is not None and b.end > a.start:
                out.append(
                    Violation(
                        "event_order",
                        f"{label(a)} starts before {label(b)} has ended",
                        (a.item_id, b.item_id),
                    )
                )
    return out
