"""Rows of each sheet of the schedule workbook (pure; no openpyxl).

Each ``*_rows`` function returns a list of dicts keyed by the sheet's
column names (``*_COLUMNS``, contract columns first, extras after);
:mod:`outputs.frames` turns them into pandas DataFrames.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import PureWindowsPath

from models import Scenario
from models.audience import is_public, public_item_ids
from models.objective import placement_proven
from models.records import schedule as contract
from models.records.schedule import Schedule
from models.rules import RULE_BY_ID

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
#: Unscheduled sheet: the contract columns, then the item id and whether
#: only the full copy may show it (as on the Schedule sheet).
UNSCHEDULED_COLUMNS = (*contract.UNSCHEDULED_COLUMNS, "item_id", "restricted")
#: Summary sheet: the contract's key and value, and what each row means.
SUMMARY_COLUMNS = ("key", "value", "about")
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
        The scenario: room and venue names come from it; ``restricted``
        is ``"no"`` only for the items the public copy shows
        (:func:`models.audience.public_item_ids`; ``"yes"`` for unknown
        ids and for rows the schedule workbook marked restricted).
    schedule
        The schedule to show.
    """
    rows = []
    ordered = sorted(
        schedule.assignments, key=lambda a: (a.start, a.room_id, a.item_id)
    )
    public = public_item_ids(s)
    for a in ordered:
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
                "restricted": yes_no(
                    a.restricted or not is_public(s, public, a)
                ),
            }
        )
    return rows


def unscheduled_rows(s: Scenario, schedule: Schedule) -> list[dict]:
    """One row per left-out item, in the schedule's order; ``restricted``
    as on the Schedule sheet (:func:`schedule_rows`), so that a schedule
    workbook read again keeps a left-out item's mark (a what-if run that
    drops an item the workbook marked)."""
    public = public_item_ids(s)
    return [
        {
            "ref_id": u.ref_id,
            "kind": u.kind,
            "title": u.title,
            "priority": u.priority,
            "reason": u.reason,
            "item_id": u.item_id,
            "restricted": yes_no(u.restricted or not is_public(s, public, u)),
        }
        for u in schedule.unscheduled
    ]


def summary_rows(
    s: Scenario,
    schedule: Schedule,
    now: datetime | None = None,
    hidden: frozenset[str] = frozenset(),
) -> list[dict]:
    """Every Summary row: :func:`summary_sections` for people, then the
    technical ones."""
    people, technical = summary_sections(s, schedule, now, hidden)
    return people + technical


def summary_sections(
    s: Scenario,
    schedule: Schedule,
    now: datetime | None = None,
    hidden: frozenset[str] = frozenset(),
) -> tuple[list[dict], list[dict]]:
    """The Summary's ``key``/``value``/``about`` rows in two blocks.

    For people: the event, the status in words with the gap as a
    percentage, when it was generated, the scenario's file name (never a
    path), what was placed and left out (per kind of item; items in
    ``hidden``, the public copy's restricted items, are not counted).
    Technical (kept apart, so a copy can leave them out): objective,
    bound, solver figures, one ``penalty:<rule_id>`` row per soft
    penalty and one ``setting:<key>`` row per setting.

    ``generated_at`` is the schedule's, else ``now`` (default: the
    current time, whole seconds). Unknown values are ``None`` (an empty
    cell). A row may carry a ``format`` (the gap is a percentage).
    """
    info = schedule.info
    when = schedule.generated_at or now or datetime.now()
    # a Windows path is read as one too: "\\" and "/" both separate
    source = schedule.scenario_source or s.source
    people = [
        _row(
            "event_name",
            s.settings.event_name or schedule.event_name,
            "Event",
        ),
        _row(
            "status",
            info.status if info else "UNKNOWN",
            status_words(info, placement_proven(s, schedule)),
        ),
        _row(
            "gap",
            info.gap if info else None,
            "How much better the best possible schedule could be "
            "(0 % = proven the best; empty = not known)",
            PERCENT_FORMAT,
        ),
        _row("generated_at", when.replace(microsecond=0), "Generated"),
        _row(
            "scenario_file",
            PureWindowsPath(source).name if source else None,
            "Scenario workbook",
        ),
        _row(
            "items_scheduled",
            len(schedule.assignments),
            "Items placed (sheet Schedule)",
        ),
        _row(
            "items_unscheduled",
            len(schedule.unscheduled),
            "Items left out (sheet Unscheduled says why)",
        ),
    ]
    counts: dict[str, list[int]] = {}
    placed = schedule.by_item()
    for it in s.items:
        if it.item_id in hidden:
            continue
        c = counts.setdefault(it.kind, [0, 0])
        c[0 if it.item_id in placed else 1] += 1
    for kind, (n_in, n_out) in counts.items():
        noun = KIND_NOUNS.get(kind, kind)
        people.append(_row(f"count:{kind}:scheduled", n_in, f"{noun}: placed"))
        people.append(
            _row(f"count:{kind}:left_out", n_out, f"{noun}: left out")
        )
    technical = [
        _row(
            "objective",
            info.objective if info else None,
            "Objective: value of left-out items, then soft penalties "
            "(lower is better)",
        ),
        _row(
            "best_bound",
            info.best_bound if info else None,
            "No schedule can score below this",
        ),
        _row(
            "solve_seconds",
            info.solve_seconds if info else None,
            "Seconds of solving",
        ),
        _row(
            "solutions",
            info.solutions if info else None,
            "Schedules found",
        ),
        _row("workers", info.workers if info else None, "Solver workers"),
        _row("seed", info.seed if info else None, "Random seed"),
        _row(
            "time_limit",
            info.time_limit if info else None,
            "Time limit (seconds)",
        ),
        _row("method", info.method if info else None, "How it was solved"),
        _row(
            "reproducible",
            info.reproducible if info else None,
            "Whether the same input, seed and workers give this schedule "
            "again (with --workers 1 a run repeats exactly)",
        ),
    ]
    if info:
        for k, v in info.penalties.items():
            rule = RULE_BY_ID.get(k)
            name = rule.name if rule else k
            about = f"Soft rule {name}: penalty units"
            technical.append(_row(f"penalty:{k}", v, about))
    st = s.settings
    for key in st.__dataclass_fields__:
        technical.append(
            _row(
                f"setting:{key}",
                setting_value(getattr(st, key)),
                "Setting of the scenario",
            )
        )
    return people, technical


PERCENT_FORMAT = "0.00%"
#: How the Summary names each kind of item.
KIND_NOUNS = {
    "event": "Events",
    "bilateral": "Bilateral meetings",
    "arrival": "Arrivals",
    "sequence": "Places in protocol lists",
}


def _row(key: str, value, about: str, fmt: str | None = None) -> dict:
    row = {"key": key, "value": value, "about": about}
    if fmt:
        row["format"] = fmt
    return row


def status_words(info, placement_proven: bool = False) -> str:
    """The solver's verdict as a protocol officer reads it;
    ``placement_proven`` (:func:`models.objective.placement_proven`):
    the gap lies in the soft preferences alone, and it says so."""
    if info is None:
        return "Not known: the workbook does not say how it was made"
    gap = info.gap
    if info.status == "OPTIMAL":
        return "The best schedule possible (proven)"
    if info.status == "FEASIBLE":
        if gap is None:
            return (
                "A schedule that keeps every hard rule; how far it is "
                "from the best possible is not known"
            )
        words = (
            "A schedule that keeps every hard rule; the best possible "
            f"is at most {gap:.2%} better"
        )
        if placement_proven and gap > 0:
            words += (
                ", and only in the soft preferences: no schedule places "
                "more of the requests' value"
            )
        return words
    if info.status == "INFEASIBLE":
        return "No schedule can keep every hard rule"
    return "No schedule was found in the time given"


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
