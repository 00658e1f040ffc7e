"""One printable grid per day: time down the side, rooms across.

Rows are 15 minutes long, cut finer where a block starts or ends between
two quarter hours, so every block starts and ends on a row edge. Rooms
are grouped by venue under a venue row. Each block (see
:mod:`outputs.grid_blocks`) is a merged cell that starts with the kind's
letter and its times, then the richest text that fits it; when a text
had to be shortened, the whole of it is in the cell's comment. Rows
grow where a short block needs room for its label.

Printing: landscape on the scenario's paper at 100 %, the rooms in bands
as wide as the page (cut between venues or kinds of room), the title,
legend, venue and room rows and the time column on every page, page
breaks at the quietest time that fills the page well (a block cut by a
break is continued on the next page with its label). A page with no
block on it says so in words: the footer counts it, and a printing
program skips a page with nothing written on it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from itertools import pairwise

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from models import Scenario
from models.records.schedule import Schedule

from .cells import put
from .grid_blocks import (
    KINDS,
    RESTRICTED_MARK,
    SECURITY_KINDS,
    Block,
    day_blocks,
    minute,
    minute_up,
)
from .page_setup import Furniture, furnish, page_area
from .styles import NAVY, Edge, Look, merge, paint
from .text_metrics import (
    CELL_PAD_HEIGHT,
    column_points,
    column_text_width,
    line_height,
    text_height,
    text_width,
    wrap,
)

ROW_MINUTES = 15
FIRST_ROW = 5
TITLE_ROW, LEGEND_ROW, VENUE_ROW, ROOM_ROW = 1, 2, 3, 4
ROOM_WIDTH, TIME_WIDTH = 16, 7
#: Points of paper per quarter hour (before rows grow for labels).
QUARTER_HEIGHT = 20.0
#: Text of blocks, times, room and venue rows and the legend.
TEXT_SIZE = 8
TITLE_SIZE = 10
#: A row that shows a time is at least this tall.
LABEL_ROW_HEIGHT = 11.0
#: Lines a block is made tall enough for, at most: its times and the
#: first lines of its shortest text.
MIN_LINES = 3
#: Share of a row's height the printing program may lose to rounding
#: (LibreOffice prints rows about 2.6 % shorter than set).
ROW_SHRINK = 0.97
#: Points kept spare when text is fitted to a block: one that holds its
#: lines exactly must not lose the last to rounding (row heights are
#: stored as decimals).
FIT_SPARE = 0.05
#: Page breaks: one more sheet of paper is worth this many blocks cut; a
#: part of a block too short for a line of text is avoided at almost any
#: cost.
PAGE_WEIGHT = 20
TINY_WEIGHT = 1000
THIN: Edge = ("thin", "808080")
HOUR: Edge = ("hair", "A6A6A6")
RESTRICTED_SIDE: Edge = ("mediumDashed", "000000")
ELLIPSIS = "…"
#: The note on a page with nothing listed (:func:`_empty_pages`).
EMPTY_PAGE = Look(
    size=TEXT_SIZE,
    italic=True,
    color="595959",
    vertical="center",
    horizontal="center",
)


def grid_sheet_title(day: date) -> str:
    """``Grid 25 Oct`` (Excel sheet names are short and have no ``:``)."""
    return f"Grid {day.day} {day:%b}"


def add_day_grids(
    wb: Workbook,
    s: Scenario,
    schedule: Schedule,
    furniture: Furniture | None = None,
) -> None:
    """Add one grid sheet per event day that has at least one item.

    The full copy (``furniture.audience``) marks restricted items with
    :data:`~outputs.grid_blocks.RESTRICTED_MARK` and draws the security
    windows and sweeps of the rooms in use; the public copy does not.
    """
    furniture = furniture or Furniture.of(s, schedule)
    full_copy = furniture.audience == "full"
    for day in s.grid.days:
        blocks = day_blocks(s, schedule, day, full_copy)
        if any(b.kind not in SECURITY_KINDS for b in blocks):
            _grid_sheet(wb, s, day, blocks, furniture)


# ------------------------------------------------------------ geometry
def rooms_per_band(paper: str) -> int:
    """How many room columns one landscape page holds beside the time
    column."""
    width, _ = page_area(paper, landscape=True)
    spare = width - column_points(TIME_WIDTH)
    return max(1, int(spare // column_points(ROOM_WIDTH)))


def column_bands(
    s: Scenario, rooms: list[str], per_band: int
) -> list[list[str]]:
    """``rooms`` cut into as few runs of at most ``per_band`` as will do,
    of about even size (a band of one room would print its title and key
    a word to a line), each cut where the venue changes if there is such
    a place between half a band and a full one."""
    bands: list[list[str]] = []
    rest = list(rooms)
    while len(rest) > per_band:
        count = -(-len(rest) // per_band)
        even = -(-len(rest) // count)
        least = max(1, len(rest) - (count - 1) * per_band)
        venue_cuts = [
            k
            for k in range(max(least, per_band // 2), per_band + 1)
            if _group(s, rest[k - 1]) != _group(s, rest[k])
        ]
        cut = (
            min(venue_cuts, key=lambda k: (abs(k - even), -k))
            if venue_cuts
            else max(even, least)
        )
        bands.append(rest[:cut])
        rest = rest[cut:]
    bands.append(rest)
    return bands


def _group(s: Scenario, room_id: str) -> str:
    r = s.room_by_id.get(room_id)
    return r.venue_id if r else ""


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
        edges.add(minute(b.start))
        edges.add(minute_up(b.end))
    return sorted(edges)


def block_rows(b: Block, row_of: dict[datetime, int]) -> tuple[int, int]:
    """First and last time row (0-based) of a block."""
    return row_of[minute(b.start)], row_of[minute_up(b.end)] - 1


def usable_height(heights: list[float]) -> float:
    """Points of text a merged cell over rows of ``heights`` holds,
    whatever program prints it."""
    return sum(heights) * ROW_SHRINK


def row_heights(
    edges: list[datetime], spans: list[tuple[Block, int, int]]
) -> list[float]:
    """Height of each time row: its share of :data:`QUARTER_HEIGHT`, at
    least :data:`LABEL_ROW_HEIGHT` where it shows a time, then grown so
    every block holds its times and the start of its shortest text
    (:data:`MIN_LINES` lines at most)."""
    heights = []
    for t, nxt in pairwise(edges):
        minutes = (nxt - t).total_seconds() / 60
        h = QUARTER_HEIGHT * minutes / ROW_MINUTES
        if _labelled(t):
            h = max(h, LABEL_ROW_HEIGHT)
        heights.append(max(h, 2.0))
    width = column_text_width(ROOM_WIDTH)
    for b, top, bottom in sorted(spans, key=lambda x: x[2] - x[1]):
        lines = min(MIN_LINES, len(wrap(b.variants()[-1], width, TEXT_SIZE)))
        need = lines * line_height(TEXT_SIZE) + CELL_PAD_HEIGHT + FIT_SPARE
        have = usable_height(heights[top : bottom + 1])
        if have >= need:
            continue
        grow = need / have
        for k in range(top, bottom + 1):
            heights[k] = math.ceil(heights[k] * grow * 4) / 4
    return heights


def _labelled(t: datetime) -> bool:
    return t.minute % ROW_MINUTES == 0 and t.second == 0


def page_breaks(
    heights: list[float],
    spans: list[tuple[int, int]],
    capacity: float,
    bands: int = 1,
) -> list[int]:
    """Time rows (0-based) that start a new page.

    The breaks are chosen together, cheapest first: each page down costs
    :data:`PAGE_WEIGHT` per band of rooms (so many sheets of paper), each
    block a break cuts 1 (its parts are labelled on both pages), a part
    too short for a line of text :data:`TINY_WEIGHT`. Among equal choices
    pages are filled first.
    """
    n = len(heights)
    edge = [0.0]
    for h in heights:
        edge.append(edge[-1] + h)
    line = line_height(TEXT_SIZE) + CELL_PAD_HEIGHT
    cut = [0.0] * (n + 1)
    for top, bottom in spans:
        for k in range(top + 1, bottom + 1):
            shortest = min(edge[k] - edge[top], edge[bottom + 1] - edge[k])
            cut[k] += TINY_WEIGHT if shortest * ROW_SHRINK < line else 1
    # best[i]: (cost, breaks) of laying out rows i.. from a page top
    best: list[tuple[float, list[int]]] = [(0.0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice: tuple[float, int, list[int]] | None = None
        for j in range(i + 1, n + 1):
            if edge[j] - edge[i] > capacity and j > i + 1:
                break
            rest_cost, rest = best[j]
            page = PAGE_WEIGHT * bands
            cost = page + rest_cost + (cut[j] if j < n else 0.0)
            if choice is None or (cost, -j) <= (choice[0], -choice[1]):
                choice = (cost, j, ([j] if j < n else []) + rest)
        assert choice is not None
        best[i] = (choice[0], choice[2])
    return best[0][1]


def split_at_breaks(
    spans: list[tuple[Block, int, int]], breaks: list[int]
) -> list[tuple[Block, int, int]]:
    """Blocks cut by a page break as one part per page; the parts after
    the first are marked continued."""
    out = []
    for b, top, bottom in spans:
        cuts = [k for k in breaks if top < k <= bottom]
        lo = top
        for k in [*cuts, bottom + 1]:
            part = b if lo == top else replace(b, continued=True)
            out.append((part, lo, k - 1))
            lo = k
    return out


def fit_label(b: Block, height: float, width: float) -> tuple[str, bool]:
    """The richest text of ``b`` that fits ``height`` × ``width`` points
    (8 pt lines), and whether it is shorter than the whole text. When
    even the shortest does not fit, its last fitting line ends in an
    ellipsis; a block too short for one line shows nothing (its comment
    has the text)."""
    spare = height - CELL_PAD_HEIGHT - FIT_SPARE
    most = int(spare // line_height(TEXT_SIZE))
    if most < 1:
        return "", True
    variants = b.variants()
    for k, text in enumerate(variants):
        if len(wrap(text, width, TEXT_SIZE)) <= most:
            return text, k > 0 or b.continued
    lines = wrap(variants[-1], width, TEXT_SIZE)[:most]
    last = lines[-1]
    while last and text_width(last + ELLIPSIS, TEXT_SIZE) > width:
        last = last[:-1].rstrip()
    lines[-1] = last + ELLIPSIS
    return "\n".join(lines), True


# -------------------------------------------------------------- sheet
@dataclass
class _Layout:
    rooms: list[str]
    bands: list[list[str]]
    col_of: dict[str, int]
    edges: list[datetime]
    heights: list[float]
    spans: list[tuple[Block, int, int]]
    breaks: list[int]


def _grid_sheet(
    wb: Workbook,
    s: Scenario,
    day: date,
    blocks: list[Block],
    furniture: Furniture,
) -> None:
    ws = wb.create_sheet(grid_sheet_title(day))
    rooms = _room_columns(s, blocks)
    bands = column_bands(s, rooms, rooms_per_band(furniture.paper))
    col_of = {rid: 2 + k for k, rid in enumerate(rooms)}
    edges = row_edges(blocks, day)
    row_of = {t: k for k, t in enumerate(edges)}
    spans = [(b, *block_rows(b, row_of)) for b in blocks]
    heights = row_heights(edges, spans)
    lay = _Layout(rooms, bands, col_of, edges, heights, spans, [])
    head = _title_rows(ws, s, day, blocks, lay, furniture)
    _, page_height = page_area(furniture.paper, landscape=True)
    lay.breaks = page_breaks(
        heights, [(t, b) for _, t, b in spans], page_height - head, len(bands)
    )
    lay.spans = split_at_breaks(spans, lay.breaks)
    _time_column(ws, lay)
    _empty_pages(ws, lay, _blocks(ws, lay))
    ws.column_dimensions["A"].width = TIME_WIDTH
    for c in range(2, 2 + len(rooms)):
        ws.column_dimensions[get_column_letter(c)].width = ROOM_WIDTH
    ws.freeze_panes = ws.cell(row=FIRST_ROW, column=2)
    for band in bands[:-1]:
        ws.col_breaks.append(Break(id=col_of[band[-1]]))
    for k in lay.breaks:
        ws.row_breaks.append(Break(id=FIRST_ROW + k - 1))
    furnish(
        ws,
        furniture,
        f"{day:%A %d %B %Y}",
        landscape=True,
        title_rows=f"{TITLE_ROW}:{ROOM_ROW}",
        title_cols="A:A",
        pages=(len(lay.breaks) + 1) * len(bands),
    )


def _room_columns(s: Scenario, blocks) -> list[str]:
    """Rooms used that day, grouped by venue in the scenario's order."""
    used = {b.room_id for b in blocks if b.kind not in SECURITY_KINDS}
    venue_order = {v.venue_id: k for k, v in enumerate(s.venues)}
    rooms = [r for r in s.rooms if r.room_id in used]
    rooms.sort(key=lambda r: venue_order.get(r.venue_id, len(venue_order)))
    known = {r.room_id for r in rooms}
    return [r.room_id for r in rooms] + sorted(used - known)


def legend(blocks: list[Block]) -> str:
    """The key printed on every band: the letters of the kinds drawn,
    the restricted mark if used, what the counts mean."""
    kinds = [k for k in KINDS if any(b.kind == k for b in blocks)]
    parts = [f"{KINDS[k].code} {KINDS[k].name}" for k in kinds]
    if any(b.restricted for b in blocks):
        parts.append(f"{RESTRICTED_MARK} restricted")
    if any(b.lists for b in blocks):
        parts.append("people: members of a protocol list")
    return "Key: " + " · ".join(parts)


def _title_rows(ws, s, day, blocks, lay: _Layout, furniture) -> float:
    """Title and legend over each band, venues, rooms, and the day in
    column A; returns their height in points."""
    key = legend([b for b, _, _ in lay.spans])
    title_h = legend_h = venue_h = room_h = 0.0
    for band in lay.bands:
        lo, hi = lay.col_of[band[0]], lay.col_of[band[-1]]
        width = column_text_width(ROOM_WIDTH * len(band))
        venues = []
        for rid in band:
            room = s.room_by_id.get(rid)
            v = s.venue_by_id.get(room.venue_id) if room else None
            if v is not None and v.name not in venues:
                venues.append(v.name)
        # the event in full (the page header may have to shorten it)
        parts = [furniture.event_name, f"{day:%A %d %B %Y}", *venues]
        title = " – ".join(p for p in parts if p)
        for row, text, h in (
            (TITLE_ROW, title, TITLE_SIZE),
            (LEGEND_ROW, key, TEXT_SIZE),
        ):
            cell = put(ws.cell(row=row, column=lo), text)
            paint(cell, Look(size=h, bold=row == TITLE_ROW))
            if hi > lo:
                merge(ws, row, lo, row, hi)
            need = text_height(text, width, h, bold=row == TITLE_ROW)
            if row == TITLE_ROW:
                title_h = max(title_h, need)
            else:
                legend_h = max(legend_h, need)
    day_cell = put(ws.cell(row=TITLE_ROW, column=1), f"{day:%d %b}")
    paint(day_cell, Look(size=TEXT_SIZE, bold=True))
    venue_h = _venue_rows(ws, s, lay)
    room_h = _room_row(ws, s, lay)
    for row, h in (
        (TITLE_ROW, title_h),
        (LEGEND_ROW, legend_h),
        (VENUE_ROW, venue_h),
        (ROOM_ROW, room_h),
    ):
        ws.row_dimensions[row].height = math.ceil(h / ROW_SHRINK)
    return sum(ws.row_dimensions[r].height for r in range(1, FIRST_ROW))


def _venue_rows(ws: Worksheet, s: Scenario, lay: _Layout) -> float:
    """Venue names merged over their rooms, again at each band; returns
    the height they need."""
    head = Look(
        size=TEXT_SIZE,
        bold=True,
        color="FFFFFF",
        fill=NAVY,
        horizontal="center",
    )
    cuts = {band[0] for band in lay.bands}
    runs: list[list] = []
    for rid in lay.rooms:
        room = s.room_by_id.get(rid)
        venue = room.venue_id if room else ""
        col = lay.col_of[rid]
        if runs and runs[-1][0] == venue and rid not in cuts:
            runs[-1][2] = col
        else:
            runs.append([venue, col, col])
    need = 0.0
    for venue_id, lo, hi in runs:
        v = s.venue_by_id.get(venue_id)
        name = v.name if v else venue_id
        paint(put(ws.cell(row=VENUE_ROW, column=lo), name), head)
        width = column_text_width(ROOM_WIDTH * (hi - lo + 1))
        need = max(need, text_height(name, width, TEXT_SIZE, bold=True))
        if hi > lo:
            merge(ws, VENUE_ROW, lo, VENUE_ROW, hi)
    return need


def _room_row(ws: Worksheet, s: Scenario, lay: _Layout) -> float:
    """One header cell per room: name, id and seats; returns the height
    they need."""
    width = column_text_width(ROOM_WIDTH)
    need = 0.0
    for rid in lay.rooms:
        room = s.room_by_id.get(rid)
        label = (
            f"{room.name}\n{rid} · {room.capacity:,} seats" if room else rid
        )
        cell = put(ws.cell(row=ROOM_ROW, column=lay.col_of[rid]), label)
        paint(
            cell,
            Look(size=TEXT_SIZE, bold=True, horizontal="center").boxed(THIN),
        )
        need = max(need, text_height(label, width, TEXT_SIZE, bold=True))
    paint(
        put(ws.cell(row=ROOM_ROW, column=1), "Time"),
        Look(size=TEXT_SIZE, bold=True),
    )
    return need


def _time_column(ws: Worksheet, lay: _Layout) -> None:
    """Start time of each quarter-hour row in column A, a hairline
    across the grid on each full hour; row heights."""
    page_starts = set(lay.breaks)
    for k, (t, h) in enumerate(zip(lay.edges, lay.heights, strict=False)):
        row = FIRST_ROW + k
        hour = t.minute == 0 and t.second == 0
        if _labelled(t) or k in page_starts:
            cell = put(ws.cell(row=row, column=1), t.time(), "hh:mm")
            paint(
                cell,
                Look(size=TEXT_SIZE, bold=hour, top=HOUR if hour else None),
            )
        if hour:
            for col in range(2, 2 + len(lay.rooms)):
                paint(ws.cell(row=row, column=col), Look(top=HOUR))
        ws.row_dimensions[row].height = h


def _blocks(ws: Worksheet, lay: _Layout) -> list[tuple[int, int, bool]]:
    """Each block part as a merged cell with its label; per part,
    ``(column, first time row, whether it shows text)``."""
    shown = []
    width = column_text_width(ROOM_WIDTH)
    for b, top, bottom in lay.spans:
        col = lay.col_of[b.room_id]
        height = usable_height(lay.heights[top : bottom + 1])
        text, shortened = fit_label(b, height, width)
        shown.append((col, top, bool(text)))
        cell = put(ws.cell(row=FIRST_ROW + top, column=col), text)
        look = Look(
            size=TEXT_SIZE,
            italic=b.kind in SECURITY_KINDS,
            fill=KINDS[b.kind].fill,
        ).boxed(RESTRICTED_SIDE if b.restricted else THIN)
        paint(cell, look)
        if shortened:
            full = b.comment()
            cell.comment = Comment(
                full,
                "scheduler",
                width=260,
                height=int(24 + 14 * len(wrap(full, 190, 9))),
            )
        if bottom > top:
            merge(ws, FIRST_ROW + top, col, FIRST_ROW + bottom, col, look)
    return shown


def page_rows(lay: _Layout) -> list[tuple[int, int]]:
    """First and last time row (0-based) of each page down."""
    starts = [0, *lay.breaks]
    ends = [k - 1 for k in lay.breaks] + [len(lay.heights) - 1]
    return list(zip(starts, ends, strict=True))


def _empty_pages(
    ws: Worksheet, lay: _Layout, shown: list[tuple[int, int, bool]]
) -> None:
    """On each page (a band of rooms by a page of rows) where no block
    shows text (``shown``, from :func:`_blocks`), a note across its
    free rooms saying nothing is listed there.

    "Page x of y" counts every page the writer laid out; LibreOffice
    and Excel leave out a page with no text, which would make the count
    wrong and the gap look like a lost page. "Listed": the public copy
    does not show restricted items, and says nothing about them."""
    width = column_text_width(ROOM_WIDTH)
    for top, bottom in page_rows(lay):
        for band in lay.bands:
            cols = {lay.col_of[r] for r in band}
            here = [
                (col, text)
                for col, row, text in shown
                if col in cols and top <= row <= bottom
            ]
            if any(text for _, text in here):
                continue
            free = sorted(cols - {col for col, _ in here})
            if not free:
                continue
            # the longest run of free columns, leftmost first
            runs: list[list[int]] = []
            for c in free:
                if runs and runs[-1][-1] == c - 1:
                    runs[-1].append(c)
                else:
                    runs.append([c])
            run = max(runs, key=len)
            start, end = lay.edges[top], lay.edges[bottom + 1]
            rooms = "these rooms" if len(run) > 1 else "this room"
            text = (
                f"Nothing listed in {rooms} from {start:%H:%M} to {end:%H:%M}"
            )
            lines = len(wrap(text, width * len(run), TEXT_SIZE))
            height = usable_height(lay.heights[top : bottom + 1])
            # (the cell's inner margins count, as for every block: a
            # page of one 15-minute row held the sentence without them)
            need = lines * line_height(TEXT_SIZE) + CELL_PAD_HEIGHT + FIT_SPARE
            if need > height:
                text = "Nothing listed"
            row = FIRST_ROW + top
            paint(put(ws.cell(row=row, column=run[0]), text), EMPTY_PAGE)
            merge(ws, row, run[0], FIRST_ROW + bottom, run[-1])
