"""The schedule workbook: Summary, Schedule and Unscheduled sheets (the
contract of ``shared/spec/workbooks.md``), written atomically."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from models import Scenario
from models.files import atomic_write
from models.schedule import Schedule

from .cells import SECONDS_FORMAT, put
from .changes_sheet import CHANGE_COLUMNS, change_rows
from .tables import (
    SCHEDULE_COLUMNS,
    UNSCHEDULED_COLUMNS,
    schedule_rows,
    summary_rows,
    unscheduled_rows,
)

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")


def _sheet(
    wb: Workbook,
    title: str,
    header: list[str],
    rows: list[list],
    seconds_rows: set[int] = frozenset(),
    widths=None,
) -> None:
    ws = wb.create_sheet(title)
    for c, name in enumerate(header, start=1):
        cell = put(ws.cell(row=1, column=c), name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for r, row in enumerate(rows, start=2):
        fmt = SECONDS_FORMAT if (r - 2) in seconds_rows else None
        for c, value in enumerate(row, start=1):
            put(ws.cell(row=r, column=c), value, fmt)
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = (
            f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
        )
    for c, name in enumerate(header, start=1):
        longest = max(
            [len(name)] + [len(_text(row[c - 1])) for row in rows[:500]]
        )
        width = (widths or {}).get(name, min(60, max(10, longest + 2)))
        ws.column_dimensions[get_column_letter(c)].width = width


def _text(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return "yyyy-mm-dd hh:mm:ss"
    return str(value)


def build_workbook(
    scenario: Scenario, schedule: Schedule, changes=None
) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(
        wb,
        "Summary",
        ["key", "value"],
        summary_rows(scenario, schedule),
        widths={"value": 60},
    )
    rows = schedule_rows(scenario, schedule)
    seconds = {k for k, row in enumerate(rows) if row[1] == "sequence"}
    _sheet(
        wb,
        "Schedule",
        SCHEDULE_COLUMNS,
        rows,
        seconds,
        widths={"title": 50, "participants": 40},
    )
    if changes is not None:
        _sheet(
            wb,
            "Changes",
            CHANGE_COLUMNS,
            change_rows(changes),
            widths={"title": 50, "tell": 40, "reason": 60},
        )
    _sheet(
        wb,
        "Unscheduled",
        UNSCHEDULED_COLUMNS,
        unscheduled_rows(schedule),
        widths={"reason": 90, "title": 50},
    )
    return wb


def write_changes_workbook(changes, path) -> Path:
    """A workbook with only the Changes sheet (``scheduler diff``)."""
    wb = Workbook()
    wb.remove(wb.active)
    _sheet(
        wb,
        "Changes",
        CHANGE_COLUMNS,
        change_rows(changes),
        widths={"title": 50, "tell": 40, "reason": 60},
    )
    return _save(wb, Path(path))


def write_schedule_workbook(
    scenario: Scenario, schedule: Schedule, path, changes=None
) -> Path:
    """Write the workbook to ``path`` atomically: a temporary file in the
    same folder, then a rename; on failure the old file is untouched."""
    path = Path(path)
    wb = build_workbook(scenario, schedule, changes)
    return _save(wb, path)


def _save(wb: Workbook, path: Path) -> Path:
    return atomic_write(path, wb.save)
