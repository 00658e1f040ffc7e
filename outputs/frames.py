"""A schedule's sheets as pandas DataFrames, for notebooks: the rows and
columns of the schedule workbook (:mod:`outputs.tables`,
:mod:`outputs.views`, :mod:`outputs.changes_sheet`), ``start`` and
``end`` as date-times, for the same audience (``full`` or ``public``:
the public copy leaves out every restricted item and the Arrivals,
Bilaterals and Rooms sheets, as :mod:`outputs.xlsx_writer` does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from models import Scenario
from models.audience import (
    for_audience,
    public_changes,
    withheld_item_ids,
)
from models.changes import Change
from models.records.schedule import Schedule

from .changes_sheet import CHANGE_COLUMNS, change_rows
from .tables import (
    SCHEDULE_COLUMNS,
    SUMMARY_COLUMNS,
    UNSCHEDULED_COLUMNS,
    schedule_rows,
    summary_rows,
    unscheduled_rows,
)
from .views import (
    AGENDA_COLUMNS,
    ARRIVAL_COLUMNS,
    BILATERAL_COLUMNS,
    PROTOCOL_COLUMNS,
    ROOM_COLUMNS,
    agenda_rows,
    arrival_rows,
    bilateral_rows,
    protocol_rows,
    room_rows,
)
from .xlsx_writer import PUBLIC_OMITS

Rows = Sequence[Sequence[Any]] | Sequence[dict[str, Any]]


def frame(rows: Rows, columns: Sequence[str]) -> pd.DataFrame:
    """``rows`` (dicts keyed by column, or lists in column order) as a
    DataFrame with exactly ``columns``, also when there are no rows."""
    return pd.DataFrame(list(rows), columns=list(columns))


#: Sheet -> (its columns, its rows from the scenario and the schedule as
#: the audience sees it, and whether it is the public copy), in workbook
#: order. The Summary and the Changes come from :func:`schedule_frames`.
VIEWS: dict[
    str, tuple[Sequence[str], Callable[[Scenario, Schedule, bool], Rows]]
] = {
    "Schedule": (SCHEDULE_COLUMNS, lambda s, x, p: schedule_rows(s, x)),
    "Unscheduled": (
        UNSCHEDULED_COLUMNS,
        lambda s, x, p: unscheduled_rows(s, x),
    ),
    "Agendas": (AGENDA_COLUMNS, lambda s, x, p: agenda_rows(s, x)),
    "Arrivals": (ARRIVAL_COLUMNS, lambda s, x, p: arrival_rows(s, x)),
    "Protocol": (PROTOCOL_COLUMNS, protocol_rows),
    "Bilaterals": (BILATERAL_COLUMNS, lambda s, x, p: bilateral_rows(s, x)),
    "Rooms": (ROOM_COLUMNS, lambda s, x, p: room_rows(s, x)),
}


def schedule_frames(
    scenario: Scenario,
    schedule: Schedule,
    changes: list[Change] | None = None,
    audience: str = "full",
) -> dict[str, pd.DataFrame]:
    """Every table sheet of the schedule workbook as a DataFrame, keyed by
    sheet name: Summary, Schedule, Unscheduled, Changes (what-if runs),
    Agendas, Arrivals, Protocol, Bilaterals, Rooms (the public copy
    without the last three)."""
    public = audience == "public"
    shown = for_audience(scenario, schedule, audience)
    # not counted: what the public copy leaves out (restricted, or
    # withheld by the schedule workbook)
    hidden = withheld_item_ids(scenario, schedule) if public else frozenset()
    summary = summary_rows(scenario, shown, hidden=hidden)
    summary.append({"key": "audience", "value": audience})
    out = {"Summary": frame(summary, SUMMARY_COLUMNS)}
    for name in ("Schedule", "Unscheduled"):
        columns, rows = VIEWS[name]
        out[name] = frame(rows(scenario, shown, public), columns)
    if changes is not None:
        if public:
            changes = public_changes(scenario, changes, schedule)
        out["Changes"] = changes_frame(changes)
    for name, (columns, rows) in VIEWS.items():
        if name in out or (public and name in PUBLIC_OMITS):
            continue
        out[name] = frame(rows(scenario, shown, public), columns)
    return out


def changes_frame(changes: list[Change]) -> pd.DataFrame:
    """What was added, moved, dropped or cancelled, one row per item (the
    Changes sheet)."""
    return frame(change_rows(changes), CHANGE_COLUMNS)
