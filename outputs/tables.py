"""Rows of each sheet of the schedule workbook (pure; no openpyxl).

Each ``*_rows`` function returns a list of dicts keyed by the sheet's
column names (``*_COLUMNS``, contract columns first, extras after);
:mod:`outputs.frames` turns them into pandas DataFrames.
"""

from __future__ import annotations

from datetime import date, datetime, time

from models import Scenario
from models.records import schedule as contract
from models.records.schedule import Schedule

#: Schedule sheet: the contract columns, the version-2 ``note``, then
#: extras for people.
SCHEDULE_COLUMNS = (
    *contract.SCHEDULE_COLUMNS,
    *contract.SCHEDULE_OPTIONAL_COLUMNS,
    "room_name",
    "venue_name",
    "day",
    "duration_minutes",
    "restricted",
)
#: Unscheduled sheet: the contract columns, then the item id.
UNSCHEDULED_COLUMNS = (*contract.UNSCHEDULED_COLUMNS, "item_id")
#: Summary sheet.
SUMMARY_COLUMNS = ("key", "value")
#: The Summary rows the contract requires, in this order.
SUMMARY_KEYS = (
    "event_name",
    "status",
    "objective",
    "best_bound",
    "solve_seconds",
    "items_scheduled",
    "items_unscheduled",
    "generated_at",
)


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def schedule_rows(s: Scenario, schedule: Schedule) -> list[dict]:
    """One row per assignment, sorted by start, then room (then item id,
    so the order is the same on every run).

    Parameters
    ----------
    s
        The scenario: room and venue names and the ``restricted`` flag of
        each item come from it (empty / ``"no"`` for unknown ids).
    schedule
        The schedule to show.
    """
    rows = []
    ordered = sorted(
        schedule.assignments, key=lambda a: (a.start, a.room_id, a.item_id)
    )
    for a in ordered:
        it = s.item_by_id.get(a.item_id)
        room = s.room_by_id.get(a.room_id)
        venue = s.venue_by_id.get(a.venue_id)
        seconds = (a.end - a.start).total_seconds()
        minutes = seconds / 60
        rows.append(
            {
                "item_id": a.item_id,
                "kind": a.kind,
                "ref_id": a.ref_id,
                "title": a.title,
                "start": a.start,
                "end": a.end,
                "room_id": a.room_id,
                "venue_id": a.venue_id,
                "participants": "; ".join(a.participants),
                "position": a.position,
                "locked": yes_no(a.locked),
                "note": a.note,
                "room_name": room.name if room else "",
                "venue_name": venue.name if venue else "",
                "day": a.start.date(),
                "duration_minutes": (
                    int(minutes) if minutes.is_integer() else round(minutes, 2)
                ),
                "restricted": yes_no(bool(it and it.restricted)),
            }
        )
    return rows


def unscheduled_rows(schedule: Schedule) -> list[dict]:
    """One row per left-out item, in the schedule's order."""
    return [
        {
            "ref_id": u.ref_id,
            "kind": u.kind,
            "title": u.title,
            "priority": u.priority,
            "reason": u.reason,
            "item_id": u.item_id,
        }
        for u in schedule.unscheduled
    ]


def summary_rows(
    s: Scenario,
    schedule: Schedule,
    now: datetime | None = None,
    hidden: frozenset[str] = frozenset(),
) -> list[dict]:
    """``key``/``value`` rows: the contract keys first, then how the
    schedule was obtained, one ``penalty:<rule_id>`` row per soft penalty,
    one ``setting:<key>`` row per setting, and counts per item kind.

    ``generated_at`` is the schedule's, else ``now`` (default: the current
    time, whole seconds). Unknown values are ``None`` (an empty cell).
    Items in ``hidden`` (the public copy's restricted items) are not
    counted.
    """
    info = schedule.info
    when = schedule.generated_at or now or datetime.now()
    pairs: list[tuple[str, object]] = [
        ("event_name", s.settings.event_name or schedule.event_name),
        ("status", info.status if info else "UNKNOWN"),
        ("objective", info.objective if info else None),
        ("best_bound", info.best_bound if info else None),
        ("solve_seconds", info.solve_seconds if info else None),
        ("items_scheduled", len(schedule.assignments)),
        ("items_unscheduled", len(schedule.unscheduled)),
        ("generated_at", when.replace(microsecond=0)),
        ("gap", info.gap if info else None),
        ("solutions", info.solutions if info else None),
        ("workers", info.workers if info else None),
        ("seed", info.seed if info else None),
        ("time_limit", info.time_limit if info else None),
        ("scenario_file", schedule.scenario_source or s.source),
        ("method", info.method if info else None),
    ]
    if info:
        pairs += [(f"penalty:{k}", v) for k, v in info.penalties.items()]
    st = s.settings
    for key in st.__dataclass_fields__:
        pairs.append((f"setting:{key}", setting_value(getattr(st, key))))
    counts: dict[str, list[int]] = {}
    placed = schedule.by_item()
    for it in s.items:
        if it.item_id in hidden:
            continue
        c = counts.setdefault(it.kind, [0, 0])
        c[0 if it.item_id in placed else 1] += 1
    for kind, (n_in, n_out) in counts.items():
        pairs.append((f"count:{kind}:scheduled", n_in))
        pairs.append((f"count:{kind}:left_out", n_out))
    return [{"key": k, "value": v} for k, v in pairs]


def setting_value(value):
    """A setting as a cell value: lists ``;``-joined, times ``HH:MM``,
    dates ``YYYY-MM-DD``, ``None`` kept (empty cell)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (tuple, list, set, frozenset)):
        return "; ".join(str(setting_value(v)) for v in value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
