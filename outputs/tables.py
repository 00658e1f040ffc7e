"""Rows of each sheet of the schedule workbook (pure; no openpyxl)."""

from __future__ import annotations

from models import Scenario
from models import schedule as schedule_contract
from models.schedule import Schedule

SCHEDULE_COLUMNS = [
    *schedule_contract.SCHEDULE_COLUMNS,
    "room",
    "venue",
    "day",
    "duration_minutes",
    "restricted",
]
UNSCHEDULED_COLUMNS = [*schedule_contract.UNSCHEDULED_COLUMNS, "item_id"]


def schedule_rows(s: Scenario, schedule: Schedule) -> list[list]:
    rows = []
    for a in sorted(
        schedule.assignments, key=lambda a: (a.start, a.room_id, a.item_id)
    ):
        it = s.item_by_id.get(a.item_id)
        room = s.room_by_id.get(a.room_id)
        venue = s.venue_by_id.get(a.venue_id)
        rows.append(
            [
                a.item_id,
                a.kind,
                a.ref_id,
                a.title,
                a.start,
                a.end,
                a.room_id,
                a.venue_id,
                "; ".join(a.participants),
                a.position,
                "yes" if a.locked else "no",
                room.name if room else "",
                venue.name if venue else "",
                a.start.date(),
                round((a.end - a.start).total_seconds() / 60, 2),
                "yes" if (it and it.restricted) else "no",
            ]
        )
    return rows


def unscheduled_rows(schedule: Schedule) -> list[list]:
    return [
        [u.ref_id, u.kind, u.title, u.priority, u.reason, u.item_id]
        for u in schedule.unscheduled
    ]


def summary_rows(s: Scenario, schedule: Schedule) -> list[list]:
    info = schedule.info
    rows = [
        ["event_name", s.settings.event_name],
        ["status", info.status if info else "UNKNOWN"],
        ["objective", info.objective if info else None],
        ["best_bound", info.best_bound if info else None],
        ["solve_seconds", info.solve_seconds if info else None],
        ["items_scheduled", len(schedule.assignments)],
        ["items_unscheduled", len(schedule.unscheduled)],
        ["generated_at", schedule.generated_at],
        ["gap", info.gap if info else None],
        ["solutions", info.solutions if info else None],
        ["workers", info.workers if info else None],
        ["seed", info.seed if info else None],
        ["time_limit", info.time_limit if info else None],
        ["scenario_file", schedule.scenario_source or s.source],
    ]
    if info:
        rows += [[f"penalty:{k}", v] for k, v in info.penalties.items()]
    st = s.settings
    for key in st.__dataclass_fields__:
        value = getattr(st, key)
        if isinstance(value, tuple):
            value = "; ".join(str(v) for v in value)
        elif not isinstance(value, (int, float, str)):
            value = str(value)
        rows.append([f"setting:{key}", value])
    counts: dict[str, list[int]] = {}
    placed = schedule.by_item()
    for it in s.items:
        c = counts.setdefault(it.kind, [0, 0])
        c[0 if it.item_id in placed else 1] += 1
    for kind, (n_in, n_out) in counts.items():
        rows.append([f"count:{kind}:scheduled", n_in])
        rows.append([f"count:{kind}:left_out", n_out])
    return rows
