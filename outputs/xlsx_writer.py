"""The schedule workbook: Summary, Schedule and Unscheduled sheets (the
contract of ``shared/spec/workbooks.md``), written atomically.

Each contract sheet is a plain table: one header row, no merged cells, no
blank rows, an autofilter and a frozen header, so people and programs can
filter it. Extra sheets (Changes of a what-if run) come after them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from models import Scenario
from models.audience import (
    for_audience,
    is_restricted,
    restricted_item_ids,
)
from models.files import atomic_write
from models.records.schedule import Schedule

from .cells import SECONDS_FORMAT, put
from .changes_sheet import CHANGE_COLUMNS, change_rows
from .day_grid import add_day_grids
from .precedence_sheet import add_precedence_sheet
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

#: Sheets the public copy leaves out.
PUBLIC_OMITS = ("Arrivals", "Bilaterals", "Rooms")
#: The contract sheets, in the order they are written.
CONTRACT_SHEETS = ("Summary", "Schedule", "Unscheduled")
HEADER_FILL = PatternFill("solid", fgColor="1F3864")
HEADER_FONT = Font(bold=True, color="FFFFFF")
MIN_WIDTH, MAX_WIDTH = 8, 60
#: Rows looked at to size the columns.
WIDTH_SAMPLE = 500


def write_schedule_workbook(
    scenario: Scenario,
    schedule: Schedule,
    path,
    changes=None,
    audience: str = "full",
) -> Path:
    """Write the schedule workbook to ``path``.

    Parameters
    ----------
    scenario
        The scenario the schedule belongs to (names, settings, restricted
        flags).
    schedule
        The schedule.
    path
        The ``.xlsx`` file to write.
    changes
        Optional list of ``models.changes.Change`` (a what-if run): adds a
        Changes sheet after the contract sheets.
    audience
        ``full`` (default) or ``public``: the public copy leaves out every
        restricted item (bilaterals, arrivals, events marked restricted),
        the Arrivals, Bilaterals and Rooms sheets, and reasons that name a
        restricted item (see ``models.audience``).

    Returns
    -------
    Path
        ``path``. The file is written to a temporary file in the same
        folder, then renamed over ``path``; on any failure the temporary
        file is removed and a file already at ``path`` is left untouched.
    """
    wb = build_workbook(scenario, schedule, changes, audience)
    return _save(wb, Path(path))


def build_workbook(
    scenario: Scenario,
    schedule: Schedule,
    changes=None,
    audience: str = "full",
) -> Workbook:
    """The workbook of :func:`write_schedule_workbook`, not saved."""
    schedule = for_audience(scenario, schedule, audience)
    public = audience == "public"
    hidden = restricted_item_ids(scenario) if public else frozenset()
    wb = Workbook()
    wb.remove(wb.active)
    summary = summary_rows(scenario, schedule, hidden=hidden)
    summary.append({"key": "audience", "value": audience})
    add_table(
        wb,
        "Summary",
        SUMMARY_COLUMNS,
        summary,
        widths={"key": 34, "value": 50},
    )
    rows = schedule_rows(scenario, schedule)
    seconds = {k for k, row in enumerate(rows) if row["kind"] == "sequence"}
    add_table(
        wb,
        "Schedule",
        SCHEDULE_COLUMNS,
        rows,
        seconds,
        widths={"title": 50, "participants": 40},
    )
    add_table(
        wb,
        "Unscheduled",
        UNSCHEDULED_COLUMNS,
        unscheduled_rows(schedule),
        widths={"reason": 90, "title": 50},
    )
    if changes is not None:
        if public:
            changes = [
                c
                for c in changes
                if not is_restricted(hidden, c.item_id, c.kind)
            ]
        _changes_sheet(wb, changes)
    add_day_grids(wb, scenario, schedule)
    _view_sheets(wb, scenario, schedule, public)
    add_precedence_sheet(wb, scenario, add_table)
    return wb


def _view_sheets(
    wb: Workbook, scenario: Scenario, schedule: Schedule, public: bool
):
    """Sheets for the people who receive the schedule (after the contract
    sheets): agendas, arrivals, protocol queues, bilaterals, room use.
    The public copy has no Arrivals, Bilaterals or Rooms sheet (room use
    is internal logistics and names the bilateral suites)."""
    protocol = protocol_rows(scenario, schedule, public)
    for title, header, rows, seconds, widths in (
        (
            "Agendas",
            AGENDA_COLUMNS,
            agenda_rows(scenario, schedule),
            (),
            {"title": 50, "name": 40},
        ),
        (
            "Arrivals",
            ARRIVAL_COLUMNS,
            arrival_rows(scenario, schedule),
            (),
            {"delegation": 30},
        ),
        (
            "Protocol",
            PROTOCOL_COLUMNS,
            protocol,
            range(len(protocol)),
            {"member": 40, "sequence": 30},
        ),
        (
            "Bilaterals",
            BILATERAL_COLUMNS,
            bilateral_rows(scenario, schedule),
            (),
            {"reason": 80},
        ),
        (
            "Rooms",
            ROOM_COLUMNS,
            room_rows(scenario, schedule),
            (),
            {"name": 30},
        ),
    ):
        if public and title in PUBLIC_OMITS:
            continue
        add_table(wb, title, header, rows, seconds, widths=widths)


def write_changes_workbook(changes, path) -> Path:
    """A workbook with only the Changes sheet (``scheduler diff``),
    written atomically like :func:`write_schedule_workbook`."""
    wb = Workbook()
    wb.remove(wb.active)
    _changes_sheet(wb, changes)
    return _save(wb, Path(path))


def add_table(
    wb: Workbook,
    title: str,
    header: Sequence[str],
    rows: Iterable[Mapping | Sequence],
    seconds_rows: Iterable[int] = (),
    widths: Mapping[str, float] | None = None,
) -> None:
    """Add sheet ``title``: a bold, filled, frozen header row, then one
    row per item of ``rows`` (dicts keyed by header, or sequences in header
    order); date-times of the rows whose 0-based index is in
    ``seconds_rows`` show seconds. Autofilter over the whole table;
    column widths from the content unless ``widths`` names them."""
    ws = wb.create_sheet(title)
    for c, name in enumerate(header, start=1):
        cell = put(ws.cell(row=1, column=c), name)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    with_seconds = set(seconds_rows)
    longest = [len(name) for name in header]
    n = 0
    for n, row in enumerate(rows, start=1):
        values = (
            [row.get(name) for name in header]
            if isinstance(row, Mapping)
            else list(row)
        )
        fmt = SECONDS_FORMAT if (n - 1) in with_seconds else None
        for c, value in enumerate(values, start=1):
            put(ws.cell(row=n + 1, column=c), value, fmt)
            if n <= WIDTH_SAMPLE and c <= len(longest):
                longest[c - 1] = max(longest[c - 1], _shown_len(value))
    ws.freeze_panes = "A2"
    last = get_column_letter(len(header))
    ws.auto_filter.ref = f"A1:{last}{n + 1}"
    for c, name in enumerate(header, start=1):
        width = (widths or {}).get(name)
        if width is None:
            width = min(MAX_WIDTH, max(MIN_WIDTH, longest[c - 1] + 2))
        ws.column_dimensions[get_column_letter(c)].width = width
    _print_setup(ws)


def _print_setup(ws) -> None:
    """Print a table as people read it: landscape, every column on the
    page width, as many pages down as it takes, the header row on each."""
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _shown_len(value) -> int:
    """About how many characters a cell shows."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len("yyyy-mm-dd hh:mm:ss")
    return len(str(value))


def _changes_sheet(wb: Workbook, changes) -> None:
    add_table(
        wb,
        "Changes",
        CHANGE_COLUMNS,
        change_rows(changes),
        widths={"title": 50, "tell": 40, "reason": 60},
    )


def _save(wb: Workbook, path: Path) -> Path:
    return atomic_write(path, wb.save)
