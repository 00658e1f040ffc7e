"""The schedule workbook: Summary, Schedule and Unscheduled sheets (the
contract of ``shared/spec/workbooks.md``), written atomically.

Each contract sheet is a plain table: one header row, no merged cells, no
blank rows, an autofilter and a frozen header, so people and programs can
filter it. Extra sheets (Changes of a what-if run) come after them, then
the documents to print (day grids, programmes, runs of show), then more
tables.

Every table prints on the scenario's paper (``paper_size``) at 100 %,
text wrapped in its column, landscape when it is too wide for portrait,
its columns split over pages (the first column repeated) when it is too
wide for landscape, with the page furniture of
:mod:`outputs.page_setup`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from functools import partial
from itertools import combinations, pairwise
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

from models import Scenario
from models.audience import (
    for_audience,
    public_changes,
    withheld_item_ids,
)
from models.files import atomic_write
from models.records.schedule import Schedule

from .cells import DATETIME_FORMAT, SECONDS_FORMAT, put
from .changes_sheet import CHANGE_COLUMNS, change_rows
from .day_grid import add_day_grids
from .handout import shown
from .page_setup import Furniture, furnish, page_area, row_pages
from .precedence_sheet import add_precedence_sheet
from .programmes import add_programmes
from .run_of_show import add_run_of_show
from .styles import BODY_SIZE, NAVY, Look, new_workbook, paint
from .tables import (
    SCHEDULE_COLUMNS,
    SUMMARY_COLUMNS,
    UNSCHEDULED_COLUMNS,
    schedule_rows,
    summary_sections,
    unscheduled_rows,
)
from .text_metrics import (
    column_points,
    column_text_width,
    text_height,
    text_width,
)
from .views import (
    AGENDA_COLUMNS,
    AGENDA_PRINTED,
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
MIN_WIDTH, MAX_WIDTH = 6, 60
#: Rows looked at to size the columns.
WIDTH_SAMPLE = 500
#: Number formats of some columns of the view sheets.
FORMATS = {
    "Agendas": {"start": "hh:mm", "end": "hh:mm"},
    "Rooms": {"share_used": "0.0%"},
}
#: Summary columns' widths (portrait A4).
SUMMARY_WIDTHS = {"key": 22, "value": 24, "about": 44}
TECHNICAL_HEADING = "Technical details (for the scheduling team)"
#: Height of a one-line row (Excel's for Arial 10) and the share of a
#: row's height a printing program may lose (LibreOffice: 2.6 %).
ROW_HEIGHT = 12.75
ROW_SHRINK = 0.97
HEADER = Look(size=BODY_SIZE, bold=True, color="FFFFFF", fill=NAVY)
BODY = Look(size=BODY_SIZE)
BOLD = Look(size=BODY_SIZE, bold=True)
SECTION = Look(size=BODY_SIZE, bold=True, fill="D9E1F2")


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
        ``full`` (default) or ``public``: the public copy holds only what
        the scenario marks public, with reasons in public words and no
        figures of value, and no Arrivals, Bilaterals or Rooms sheet (see
        ``models.audience``).

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
    full = schedule
    schedule = for_audience(scenario, schedule, audience)
    public = audience == "public"
    # the public Summary counts only what the public copy shows: not the
    # restricted items, nor those the schedule workbook withholds (a
    # count of events left out that the Unscheduled sheet does not list
    # would tell of them)
    hidden = withheld_item_ids(scenario, full) if public else frozenset()
    furniture = Furniture.of(scenario, schedule, audience)
    wb = new_workbook()
    _summary_sheet(wb, scenario, schedule, hidden, audience, furniture)
    rows = schedule_rows(scenario, schedule)
    seconds = {k for k, row in enumerate(rows) if row["kind"] == "sequence"}
    add_table(
        wb,
        "Schedule",
        SCHEDULE_COLUMNS,
        rows,
        seconds,
        # two landscape A4 pages wide (the first column repeated)
        widths={
            "item_id": 12,
            "kind": 9,
            "ref_id": 10,
            "title": 36,
            "start": 19,
            "end": 19,
            "participants": 24,
            "note": 12,
            "room_name": 18,
            "venue_name": 14,
        },
        furniture=furniture,
        subject="Every placed item, by start",
    )
    add_table(
        wb,
        "Unscheduled",
        UNSCHEDULED_COLUMNS,
        unscheduled_rows(scenario, schedule),
        widths={"reason": 60, "title": 36},
        furniture=furniture,
        subject="Items left out, and why",
    )
    if changes is not None:
        if public:
            changes = public_changes(scenario, changes, full)
        _changes_sheet(wb, changes, furniture)
    add_day_grids(wb, scenario, schedule, furniture)
    add_programmes(wb, scenario, schedule, furniture)
    add_run_of_show(wb, scenario, schedule, furniture)
    _view_sheets(wb, scenario, schedule, public, furniture)
    add_precedence_sheet(
        wb,
        scenario,
        partial(add_table, furniture=furniture, subject="Order of precedence"),
        # the full schedule: the public people are worked out from it
        # (models.audience.public_person_ids)
        full,
        audience,
    )
    return wb


def _summary_sheet(wb, s, schedule, hidden, audience, furniture) -> None:
    """Summary: the rows for people, then the technical ones under a
    heading of their own (``summary_sections``)."""
    people, technical = summary_sections(s, schedule, hidden=hidden)
    people.append(
        {
            "key": "audience",
            "value": audience,
            "about": furniture.marking,
        }
    )
    ws = wb.create_sheet("Summary")
    _header_row(ws, SUMMARY_COLUMNS)
    r = 2
    for k, row in enumerate([*people, None, *technical]):
        if row is None:
            # a row with no key: readers of the contract skip it
            put(ws.cell(row=r + 1, column=3), TECHNICAL_HEADING)
            for c in range(1, 4):
                paint(ws.cell(row=r + 1, column=c), SECTION)
            r += 2
            continue
        values = [row["key"], row["value"], row["about"]]
        for c, value in enumerate(values, start=1):
            cell = put(ws.cell(row=r, column=c), value, row.get("format"))
            if row.get("format") and isinstance(value, (int, float)):
                cell.number_format = row["format"]
            paint(cell, BOLD if c == 2 and k < len(people) else BODY)
        _fit_row(ws, r, values, list(SUMMARY_WIDTHS.values()), bold=True)
        r += 1
    for c, name in enumerate(SUMMARY_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = SUMMARY_WIDTHS[name]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:C{r - 1}"
    print_table(ws, list(SUMMARY_WIDTHS.values()), furniture, "Summary")


def _view_sheets(
    wb: Workbook,
    scenario: Scenario,
    schedule: Schedule,
    public: bool,
    furniture: Furniture,
):
    """Sheets for the people who receive the schedule (after the contract
    sheets): agendas, arrivals, protocol queues, bilaterals, room use.
    The public copy has no Arrivals, Bilaterals or Rooms sheet (room use
    is internal logistics and names the bilateral suites)."""
    protocol = protocol_rows(scenario, schedule, public)
    for title, header, rows, seconds, widths, subject in (
        (
            "Agendas",
            AGENDA_COLUMNS,
            agenda_rows(scenario, schedule),
            (),
            {
                "name": 20,
                "delegation": 14,
                "day": 10,
                "start": 6,
                "end": 6,
                "title": 28,
                "room": 16,
                "venue": 16,
                "counterpart_name": 20,
            },
            "Each principal's items, in time order",
        ),
        (
            "Arrivals",
            ARRIVAL_COLUMNS,
            arrival_rows(scenario, schedule),
            (),
            {"delegation": 20, "head": 24, "venue": 20, "greeter_name": 24},
            "Arrivals, in time order",
        ),
        (
            "Protocol",
            PROTOCOL_COLUMNS,
            protocol,
            range(len(protocol)),
            {"member": 30, "sequence": 24, "delegation": 22},
            "Places in the protocol lists",
        ),
        (
            "Bilaterals",
            BILATERAL_COLUMNS,
            bilateral_rows(scenario, schedule),
            (),
            {
                "party_a_name": 24,
                "party_b_name": 24,
                "room": 16,
                "venue": 16,
                "reason": 50,
            },
            "Every bilateral request, placed or not",
        ),
        (
            "Rooms",
            ROOM_COLUMNS,
            room_rows(scenario, schedule),
            (),
            {"name": 18, "venue": 16},
            "Use of each room, per day",
        ),
    ):
        if public and title in PUBLIC_OMITS:
            continue
        agendas = title == "Agendas"
        add_table(
            wb,
            title,
            header,
            rows,
            seconds,
            widths=widths,
            furniture=furniture,
            subject=subject,
            print_columns=AGENDA_PRINTED if agendas else None,
            formats=FORMATS.get(title),
        )


def write_changes_workbook(changes, path) -> Path:
    """A workbook with only the Changes sheet (``scheduler diff``),
    written atomically like :func:`write_schedule_workbook`."""
    wb = new_workbook()
    _changes_sheet(wb, changes, Furniture())
    return _save(wb, Path(path))


def add_table(
    wb: Workbook,
    title: str,
    header: Sequence[str],
    rows: Iterable[Mapping | Sequence],
    seconds_rows: Iterable[int] = (),
    widths: Mapping[str, float] | None = None,
    furniture: Furniture | None = None,
    subject: str = "",
    print_columns: int | None = None,
    formats: Mapping[str, str] | None = None,
    bold_rows=None,
) -> None:
    """Add sheet ``title``: a bold, filled, frozen header row, then one
    row per item of ``rows`` (dicts keyed by header, or sequences in header
    order); date-times of the rows whose 0-based index is in
    ``seconds_rows`` show seconds. Autofilter over the whole table;
    column widths from the content unless ``widths`` names them; text
    wrapped, rows as tall as their text; printed as the module says
    (only the first ``print_columns`` columns, if given). ``formats``
    gives the number format of a column's date-times; rows for which
    ``bold_rows(row)`` is true (headings inside a table) are bold."""
    ws = wb.create_sheet(title)
    _header_row(ws, header)
    with_seconds = set(seconds_rows)
    table = []
    longest = [_header_chars(name) for name in header]
    for n, row in enumerate(rows, start=1):
        values = (
            [row.get(name) for name in header]
            if isinstance(row, Mapping)
            else list(row)
        )
        table.append(values)
        if n <= WIDTH_SAMPLE:
            for c, value in enumerate(values[: len(longest)]):
                longest[c] = max(
                    longest[c], _shown_len(value, n - 1 in with_seconds)
                )
    col_widths = []
    for c, name in enumerate(header):
        width = (widths or {}).get(name)
        if width is None:
            width = min(MAX_WIDTH, max(MIN_WIDTH, longest[c] + 2))
        col_widths.append(width)
        ws.column_dimensions[get_column_letter(c + 1)].width = width
    by_column = [(formats or {}).get(name) for name in header]
    for n, values in enumerate(table, start=2):
        fmt = SECONDS_FORMAT if (n - 2) in with_seconds else None
        bold = bool(bold_rows and bold_rows(values))
        for c, value in enumerate(values, start=1):
            own = by_column[c - 1]
            cell = put(ws.cell(row=n, column=c), value, own or fmt)
            if own and isinstance(value, float):
                cell.number_format = own
            paint(cell, BOLD if bold else BODY)
        _fit_row(
            ws,
            n,
            values,
            col_widths,
            bold=bold,
            formats=[f or fmt or DATETIME_FORMAT for f in by_column],
        )
    _fit_row(ws, 1, list(header), col_widths, bold=True)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(header))
    ws.auto_filter.ref = f"A1:{last}{len(table) + 1}"
    printed = col_widths[:print_columns] if print_columns else col_widths
    if print_columns:
        ws.print_area = (
            f"A1:{get_column_letter(print_columns)}{len(table) + 1}"
        )
    print_table(ws, printed, furniture or Furniture(), subject or title, table)


def print_table(
    ws,
    widths: list[float],
    furniture: Furniture,
    subject: str,
    table: list[list] | None = None,
) -> None:
    """Portrait if the columns fit the page width, else landscape; if
    they do not fit that either, the columns go over several pages side
    by side (breaks between columns, the first column repeated). Rows
    are paginated here, so the footer can say how many pages the sheet
    has."""
    points = [column_points(w) for w in widths]
    portrait, _ = page_area(furniture.paper, landscape=False)
    wide = sum(points) > portrait
    width, height = page_area(furniture.paper, landscape=wide)
    heights = [
        ws.row_dimensions[r].height or ROW_HEIGHT
        for r in range(1, ws.max_row + 1)
    ]
    starts = row_pages(heights[1:], height - heights[0])
    for k in starts[1:]:
        ws.row_breaks.append(Break(id=k + 1))
    # which columns have text on each page: on the first, the header row
    # itself (elsewhere it is only repeated, and that does not count)
    filled = [
        [
            k == 0 or any(_has_text(row[c]) for row in (table or [])[lo:hi])
            for c in range(len(widths))
        ]
        for k, (lo, hi) in enumerate(
            zip(starts, [*starts[1:], len(heights) - 1], strict=True)
        )
    ]
    cuts, empty = column_groups(points, width, filled)
    for c in cuts:
        ws.col_breaks.append(Break(id=c))
    furnish(
        ws,
        furniture,
        subject,
        landscape=wide,
        title_rows="1:1",
        title_cols="A:A" if cuts else None,
        pages=len(starts) * (len(cuts) + 1) - empty,
    )


def column_groups(
    points: list[float], width: float, filled: list[list[bool]]
) -> tuple[list[int], int]:
    """Where the columns go over to another page (0-based index of each
    group's first column) and how many pages print empty.

    The fewest groups that fit ``width`` points (the first column is
    repeated on every group after the first), as even as can be, and
    none that leaves a page without text: ``filled[page][column]`` says
    whether a column has text on a page of rows. A printing program
    skips a page whose only text is the repeated column (LibreOffice
    does), so such pages are counted and avoided."""
    n = len(points)
    best: tuple | None = None
    for g in range(1, n + 1):
        for cuts in combinations(range(1, n), g - 1):
            bounds = [0, *cuts, n]
            spans = list(pairwise(bounds))
            sizes = [sum(points[a:b]) for a, b in spans]
            if sizes[0] > width or any(
                s + points[0] > width for s in sizes[1:]
            ):
                continue
            empty = sum(
                1
                for page in filled
                for a, b in spans[1:]
                if not any(page[a:b])
            )
            score = (empty, g, max(sizes))
            if best is None or score < best[0]:
                best = (score, list(cuts))
        if best is not None and (best[0][0] == 0 or g > n // 2):
            return best[1], best[0][0]
    return [], 0


def _has_text(value) -> bool:
    return value is not None and value != ""


def _header_row(ws, header: Sequence[str]) -> None:
    for c, name in enumerate(header, start=1):
        paint(put(ws.cell(row=1, column=c), name), HEADER)


def _header_chars(name: str) -> int:
    """Columns wide enough for a header's longest word (``_`` does not
    break a line)."""
    longest = max(name.split(), key=len)
    return int(text_width(longest, BODY_SIZE, bold=True) / 5.5) + 1


def _fit_row(ws, r, values, widths, bold=False, formats=None) -> None:
    """Row ``r`` as tall as its most wrapped cell (date-times shown in
    ``formats``, one per column)."""
    formats = formats or [None] * len(widths)
    height = max(
        text_height(shown(v, f), column_text_width(w), BODY_SIZE, bold)
        for v, w, f in zip(values, widths, formats, strict=False)
    )
    ws.row_dimensions[r].height = max(
        ROW_HEIGHT, math.ceil(height / ROW_SHRINK * 4) / 4
    )


def _shown_len(value, seconds: bool = False) -> int:
    """About how many characters a cell shows."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(SECONDS_FORMAT if seconds else "yyyy-mm-dd hh:mm")
    return max((len(line) for line in str(value).split("\n")), default=0)


def _changes_sheet(wb: Workbook, changes, furniture: Furniture) -> None:
    add_table(
        wb,
        "Changes",
        CHANGE_COLUMNS,
        change_rows(changes),
        widths={"title": 40, "tell": 30, "reason": 50},
        furniture=furniture,
        subject="What changed since the baseline, and whom to tell",
    )


def _save(wb: Workbook, path: Path) -> Path:
    return atomic_write(path, wb.save)
