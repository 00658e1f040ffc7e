"""One printable grid per day: time down the side, rooms across.

Rows are 15 minutes long, cut finer where an item starts or ends between
two quarter hours, so every block starts and ends on a row edge. Rooms
are grouped by venue under a merged venue header. Each item is a merged
block coloured by kind (legend at the top). Queue slots are drawn as one
block per queue (a signature queue has 64 slots of 90 s); a queue held
inside its own event in the same room is named in the event's block
instead. Items that share a room at the same time (exhibitions in one
hall) are drawn as one block listing them.

The sheet prints landscape on A3, fitted to the page width, with the
title, venue and room rows and the time column repeated on every page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from models import Scenario
from models.records.items import event_item_id
from models.records.schedule import Assignment, Schedule

from .cells import put

#: Colour of each kind of block (event kinds, then the other item kinds).
KIND_COLOURS = {
    "ceremony": "F4B183",
    "plenary": "F8CBAD",
    "discussion": "9DC3E6",
    "workshop": "BDD7EE",
    "exhibition": "C5E0B4",
    "press": "FFE699",
    "reception": "D9B3FF",
    "other": "D9D9D9",
    "bilateral": "FFC7CE",
    "arrival": "B4C7E7",
    "sequence": "FFD966",
}
ROW_MINUTES = 15
FIRST_ROW = 5
TITLE_ROW, LEGEND_ROW, VENUE_ROW, ROOM_ROW = 1, 2, 3, 4
ROOM_WIDTH, TIME_WIDTH = 20, 7
#: Most room columns on one printed page; wider days print as bands of
#: rooms side by side, cut where the venue or the kind of room changes.
BAND_COLUMNS = 12
QUARTER_HEIGHT = 24
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


@dataclass
class Block:
    """What one merged cell shows: a room, a span and a text."""

    room_id: str
    start: datetime
    end: datetime
    kind: str
    lines: list[str] = field(default_factory=list)
    item_ids: set[str] = field(default_factory=set)


def grid_sheet_title(day: date) -> str:
    """``Grid 25 Oct`` (Excel sheet names are short and have no ``:``)."""
    return f"Grid {day.day} {day:%b}"


def add_day_grids(wb: Workbook, s: Scenario, schedule: Schedule) -> None:
    """Add one grid sheet per event day that has at least one item."""
    for day in s.grid.days:
        blocks = day_blocks(s, schedule, day)
        if blocks:
            _grid_sheet(wb, s, day, blocks)


def block_kind(s: Scenario, a: Assignment) -> str:
    """The legend entry of an item: the event's kind for events."""
    if a.kind == "event":
        e = s.event_by_id.get(a.ref_id)
        if e is not None and e.kind in KIND_COLOURS:
            return e.kind
        return "other"
    return a.kind if a.kind in KIND_COLOURS else "other"


def day_blocks(s: Scenario, schedule: Schedule, day: date) -> list[Block]:
    """The blocks of one day, one per item, queue or room cluster."""
    items = [a for a in schedule.assignments if a.start.date() == day]
    queues: dict[tuple[str, str], list[Assignment]] = defaultdict(list)
    blocks: list[Block] = []
    for a in items:
        if a.kind == "sequence":
            queues[(a.ref_id, a.room_id)].append(a)
        else:
            blocks.append(
                Block(
                    a.room_id,
                    a.start,
                    a.end,
                    block_kind(s, a),
                    [_line(a)],
                    {a.item_id},
                )
            )
    for (seq_id, room_id), slots in queues.items():
        start = min(a.start for a in slots)
        end = max(a.end for a in slots)
        seq = s.sequence_by_id.get(seq_id)
        title = seq.title if seq else seq_id
        text = f"{_hm(start)}-{_hm(end)} {title} ({len(slots)})"
        host = _holding_event(blocks, seq, room_id, start, end)
        if host is not None:
            host.lines.append(f"incl. {text}")
        else:
            blocks.append(Block(room_id, start, end, "sequence", [text]))
    return _clusters(blocks)


def _holding_event(blocks, seq, room_id, start, end) -> Block | None:
    """The block of the event a queue runs inside, in the same room."""
    if seq is None or seq.within_event is None:
        return None
    event_item = event_item_id(seq.within_event)
    for b in blocks:
        if (
            event_item in b.item_ids
            and b.room_id == room_id
            and b.start <= start
            and end <= b.end
        ):
            return b
    return None


def _clusters(blocks: list[Block]) -> list[Block]:
    """Blocks of one room that overlap in time merged into one."""
    out: list[Block] = []
    by_room: dict[str, list[Block]] = defaultdict(list)
    for b in blocks:
        by_room[b.room_id].append(b)
    for room_blocks in by_room.values():
        room_blocks.sort(key=lambda b: (b.start, b.end))
        current: Block | None = None
        count = 0
        for b in room_blocks:
            # Rows are whole minutes: blocks that meet inside one minute
            # would share a row, so they count as overlapping.
            if current is not None and _minute(b.start) < _minute_up(
                current.end
            ):
                current.end = max(current.end, b.end)
                current.lines += b.lines
                current.item_ids |= b.item_ids
                count += 1
                if b.kind != current.kind:
                    current.kind = "other"
                continue
            if current is not None:
                out.append(_headed(current, count))
            current = Block(
                b.room_id,
                b.start,
                b.end,
                b.kind,
                list(b.lines),
                set(b.item_ids),
            )
            count = 1
        if current is not None:
            out.append(_headed(current, count))
    return out


def _headed(b: Block, count: int) -> Block:
    if count > 1:
        b.lines.insert(0, f"{count} items:")
    return b


def row_edges(blocks: list[Block], day: date) -> list[datetime]:
    """Row boundaries: every quarter hour from the hour before the first
    block to the hour after the last, plus every block's start and end."""
    first = min(b.start for b in blocks)
    last = max(b.end for b in blocks)
    lo = datetime.combine(day, time(first.hour))
    hi = datetime.combine(day, time(last.hour)) + timedelta(hours=1)
    if last == hi - timedelta(hours=1):
        hi = last
    edges = set()
    t = lo
    while t <= hi:
        edges.add(t)
        t += timedelta(minutes=ROW_MINUTES)
    for b in blocks:
        edges.add(_minute(b.start))
        edges.add(_minute_up(b.end))
    return sorted(edges)


def _grid_sheet(wb: Workbook, s: Scenario, day: date, blocks) -> None:
    ws = wb.create_sheet(grid_sheet_title(day))
    rooms = _room_columns(s, blocks)
    col_of = {rid: 2 + k for k, rid in enumerate(rooms)}
    last_col = 1 + len(rooms)
    edges = row_edges(blocks, day)
    row_of = {t: FIRST_ROW + k for k, t in enumerate(edges)}
    bands = column_bands(s, rooms)
    _title_rows(ws, s, day, blocks, last_col)
    _venue_rows(ws, s, rooms, col_of, {band[0] for band in bands})
    _time_column(ws, edges)
    for b in blocks:
        top = row_of[_minute(b.start)]
        bottom = row_of[_minute_up(b.end)] - 1
        col = col_of[b.room_id]
        cell = put(ws.cell(row=top, column=col), "\n".join(b.lines))
        cell.fill = PatternFill("solid", fgColor=KIND_COLOURS[b.kind])
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.font = Font(size=8)
        for r in range(top, bottom + 1):
            ws.cell(row=r, column=col).border = BOX
        if bottom > top:
            ws.merge_cells(
                start_row=top, end_row=bottom, start_column=col, end_column=col
            )
    ws.column_dimensions["A"].width = TIME_WIDTH
    for c in range(2, last_col + 1):
        ws.column_dimensions[get_column_letter(c)].width = ROOM_WIDTH
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=2)
    for band in bands[1:]:
        ws.col_breaks.append(Break(id=col_of[band[0]] - 1))
    _print_setup(ws, s, day, len(bands))


def _room_columns(s: Scenario, blocks) -> list[str]:
    """Rooms used that day, grouped by venue in the scenario's order."""
    used = {b.room_id for b in blocks}
    venue_order = {v.venue_id: k for k, v in enumerate(s.venues)}
    rooms = [r for r in s.rooms if r.room_id in used]
    rooms.sort(key=lambda r: venue_order.get(r.venue_id, len(venue_order)))
    known = {r.room_id for r in rooms}
    return [r.room_id for r in rooms] + sorted(used - known)


def _title_rows(ws: Worksheet, s: Scenario, day, blocks, last_col) -> None:
    title = f"{s.settings.event_name} - {day:%A %d %B %Y}"
    cell = put(ws.cell(row=TITLE_ROW, column=1), title)
    cell.font = Font(bold=True, size=14)
    ws.merge_cells(
        start_row=TITLE_ROW,
        end_row=TITLE_ROW,
        start_column=1,
        end_column=max(2, last_col),
    )
    put(ws.cell(row=LEGEND_ROW, column=1), "Legend").font = Font(bold=True)
    kinds = [k for k in KIND_COLOURS if any(b.kind == k for b in blocks)]
    for k, kind in enumerate(kinds, start=2):
        cell = put(ws.cell(row=LEGEND_ROW, column=k), kind)
        cell.fill = PatternFill("solid", fgColor=KIND_COLOURS[kind])
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center")


def _venue_rows(ws: Worksheet, s: Scenario, rooms, col_of, cuts) -> None:
    """Venue names merged over their rooms (again at each printed band
    in ``cuts``), then one header cell per room."""
    head = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F3864")
    runs: list[tuple[str, int, int]] = []
    for rid in rooms:
        room = s.room_by_id.get(rid)
        venue = room.venue_id if room else ""
        col = col_of[rid]
        if runs and runs[-1][0] == venue and rid not in cuts:
            runs[-1] = (venue, runs[-1][1], col)
        else:
            runs.append((venue, col, col))
        label = f"{rid}\n{room.name} ({room.capacity:,})" if room else rid
        cell = put(ws.cell(row=ROOM_ROW, column=col), label)
        cell.font = Font(bold=True, size=9)
        cell.alignment = Alignment(wrap_text=True, horizontal="center")
        cell.border = BOX
    for venue_id, lo, hi in runs:
        v = s.venue_by_id.get(venue_id)
        name = v.name if v else venue_id
        cell = put(ws.cell(row=VENUE_ROW, column=lo), name)
        cell.font, cell.fill = head, fill
        cell.alignment = Alignment(horizontal="center")
        if hi > lo:
            ws.merge_cells(
                start_row=VENUE_ROW,
                end_row=VENUE_ROW,
                start_column=lo,
                end_column=hi,
            )
    put(ws.cell(row=ROOM_ROW, column=1), "Time").font = Font(bold=True)
    ws.row_dimensions[ROOM_ROW].height = 30


def _time_column(ws: Worksheet, edges: list[datetime]) -> None:
    """Start time of each row in column A; row height by its length."""
    for k, (t, nxt) in enumerate(pairwise(edges)):
        row = FIRST_ROW + k
        if t.minute % ROW_MINUTES == 0 and t.second == 0:
            cell = put(ws.cell(row=row, column=1), t.time(), "hh:mm")
            cell.font = Font(bold=t.minute == 0, size=9)
        else:
            cell = ws.cell(row=row, column=1)
        cell.alignment = Alignment(vertical="top")
        minutes = (nxt - t).total_seconds() / 60
        ws.row_dimensions[row].height = max(
            11, QUARTER_HEIGHT * minutes / ROW_MINUTES
        )


def column_bands(s: Scenario, rooms: list[str]) -> list[list[str]]:
    """``rooms`` cut into runs of at most :data:`BAND_COLUMNS`, each cut
    where the venue or room kind changes if there is such a place."""
    bands: list[list[str]] = []
    rest = list(rooms)
    while len(rest) > BAND_COLUMNS:
        cut = BAND_COLUMNS
        for k in range(BAND_COLUMNS, BAND_COLUMNS // 2, -1):
            if _group(s, rest[k - 1]) != _group(s, rest[k]):
                cut = k
                break
        bands.append(rest[:cut])
        rest = rest[cut:]
    bands.append(rest)
    return bands


def _group(s: Scenario, room_id: str) -> tuple[str, str]:
    r = s.room_by_id.get(room_id)
    return (r.venue_id, r.kind) if r else ("", "")


def _print_setup(ws: Worksheet, s: Scenario, day: date, bands: int) -> None:
    """Landscape A3, each band of rooms fitted to the page width, title
    rows and the time column on every page."""
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = bands
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{TITLE_ROW}:{ROOM_ROW}"
    ws.print_title_cols = "A:A"
    ws.page_margins.left = ws.page_margins.right = 0.3
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddHeader.center.text = f"{day:%d %B %Y}"
    ws.oddFooter.center.text = "Page &P of &N"
    ws.print_options.gridLines = False


def _line(a: Assignment) -> str:
    return f"{_hm(a.start)}-{_hm(a.end)} {a.title}"


def _hm(t: datetime) -> str:
    return t.strftime("%H:%M")


def _minute(t: datetime) -> datetime:
    return t.replace(second=0, microsecond=0)


def _minute_up(t: datetime) -> datetime:
    down = _minute(t)
    return down if down == t else down + timedelta(minutes=1)
