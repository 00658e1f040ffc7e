"""The printable day grids."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import timedelta

import pytest
from openpyxl import Workbook, load_workbook

from models import Event, SecurityWindow
from models.records.schedule import Assignment
from models.records.security import Scope
from outputs.day_grid import (
    FIRST_ROW,
    ROOM_ROW,
    TEXT_SIZE,
    add_day_grids,
    column_bands,
    page_breaks,
    rooms_per_band,
    row_edges,
)
from outputs.grid_blocks import KINDS, RESTRICTED_MARK, day_blocks
from outputs.page_setup import page_area
from outputs.text_metrics import column_points, line_height, wrap
from outputs.xlsx_writer import write_schedule_workbook
from tests.factory import at, room, settings, tiny

from .schedules import full_scenario, full_schedule


def _grid(tmp_path, s, sched, audience="full"):
    path = write_schedule_workbook(
        s, sched, tmp_path / f"g-{audience}.xlsx", audience=audience
    )
    return load_workbook(path)["Grid 25 Oct"]


def _block_at(ws, text):
    """The merged range (or single cell) whose text contains ``text``."""
    for row in ws.iter_rows(min_row=FIRST_ROW, min_col=2):
        for c in row:
            if isinstance(c.value, str) and text in c.value:
                for rng in ws.merged_cells.ranges:
                    if c.coordinate in rng:
                        return c, rng
                return c, None
    raise AssertionError(f"no block with {text!r}")


def _row_time(ws, r):
    return ws.cell(row=r, column=1).value


def test_each_item_is_a_merged_block_from_its_start_to_its_end(tmp_path):
    s = full_scenario()
    ws = _grid(tmp_path, s, full_schedule(s))
    cell, rng = _block_at(ws, "Opening")
    assert rng is not None
    # 09:00-10:00 in 15-minute rows: the block starts on the 09:00 row and
    # spans every row up to 10:00
    assert _row_time(ws, rng.min_row).strftime("%H:%M") == "09:00"
    assert _row_time(ws, rng.max_row + 1).strftime("%H:%M") == "10:00"
    assert "HALL" in ws.cell(row=ROOM_ROW, column=rng.min_col).value
    # the block starts with the kind's letter and the times; the queue
    # held inside the opening is named in it, its count explained
    assert cell.value.startswith("C 09:00–10:00\nOpening")
    assert "Order of signature: 2 people in the list" in cell.value
    # the bilateral and the arrival have blocks of their own, told apart
    # by their letters (and colours)
    bil, _ = _block_at(ws, "10:30–11:00")
    arr, _ = _block_at(ws, "08:10–08:30")
    assert bil.value.startswith("B ") and arr.value.startswith("A ")
    assert bil.fill.fgColor.rgb != arr.fill.fgColor.rgb


def test_restricted_items_are_marked_in_the_full_copy_only(tmp_path):
    s = full_scenario()
    sched = full_schedule(s)
    bil, _ = _block_at(_grid(tmp_path, s, sched), "10:30–11:00")
    assert RESTRICTED_MARK in bil.value.splitlines()[0]
    assert bil.border.left.style == "mediumDashed"
    public = _grid(tmp_path, s, sched, "public")
    texts = [c.value for row in public.iter_rows() for c in row if c.value]
    assert not any(RESTRICTED_MARK in str(t) for t in texts)


def test_bilateral_labels_go_from_names_to_codes_as_room_shrinks():
    s = full_scenario()
    sched = full_schedule(s)
    (b,) = [
        b
        for b in day_blocks(s, sched, at("09:00").date())
        if b.kind == "bilateral"
    ]
    # the senior party (France, head of state) first, each named once
    assert b.texts[0] == ["France (Head of FRA) – Germany (Head of DEU)"]
    assert b.texts[-1] == ["FRA – DEU"]
    assert b.full == [
        "Bilateral: France (Head of FRA) – Germany (Head of DEU)"
    ]


def test_rows_are_quarter_hours_cut_finer_where_items_need_it():
    s = full_scenario()
    blocks = day_blocks(s, full_schedule(s), at("09:00").date())
    edges = row_edges(blocks, at("09:00").date())
    hm = [t.strftime("%H:%M") for t in edges]
    assert hm[:4] == ["08:00", "08:10", "08:15", "08:30"]
    assert "09:45" in hm and "11:00" in hm
    assert all(b > a for a, b in itertools.pairwise(edges))


def test_items_sharing_a_room_at_once_are_one_block_listing_them(tmp_path):
    s = full_scenario()
    s = replace(
        s,
        rooms=(*s.rooms, room("EXPO", "exhibition", 10)),
        events=(
            *s.events,
            Event("X1", "Booth A", "exhibition", 120, 2),
            Event("X2", "Booth B", "exhibition", 60, 2),
        ),
    )
    sched = full_schedule(s)

    def place(eid, start, end):
        it = s.item_by_id[f"E:{eid}"]
        return Assignment(
            it.item_id, "event", eid, it.title, start, end, "EXPO", "NCC"
        )

    sched = replace(
        sched,
        assignments=(
            *sched.assignments,
            place("X1", at("12:00"), at("14:00")),
            place("X2", at("13:00"), at("14:00")),
        ),
    )
    ws = _grid(tmp_path, s, sched)
    cell, _rng = _block_at(ws, "Booth A")
    assert "2 exhibitions at once:" in cell.value and "Booth B" in cell.value


def test_sweeps_and_closed_windows_are_drawn_in_the_full_copy(tmp_path):
    s = full_scenario()
    s = replace(
        s,
        windows=(
            SecurityWindow(
                "W1",
                at("08:00"),
                at("08:40"),
                Scope("room", "HALL"),
                "closed",
                "Sweep of the hall",
            ),
        ),
    )
    sched = full_schedule(s)
    ws = _grid(tmp_path, s, sched)
    closed, _ = _block_at(ws, "Closed: Sweep of the hall")
    assert closed.value.startswith("X 08:00–08:40")
    # France is a head of state: the hall is swept before the opening
    # (the closed window hides the first ten minutes of the sweep)
    code = KINDS["sweep"].code
    sweep, _ = _block_at(ws, f"{code} 08:40–09:00")
    assert sweep.value.endswith("Sweep before a VIP item")
    public = _grid(tmp_path, s, sched, "public")
    texts = [str(c.value) for row in public.iter_rows() for c in row]
    assert not any("Closed" in t or "Sweep" in t for t in texts)


def test_the_grid_prints_at_a_fixed_scale_with_its_furniture(tmp_path):
    s = full_scenario()
    ws = _grid(tmp_path, s, full_schedule(s))
    ps = ws.page_setup
    assert ps.orientation == "landscape"
    assert not ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ps.scale) == 100 and int(ps.paperSize) == 9  # A4
    # the header has room to print
    m = ws.page_margins
    assert m.header < m.top - 0.3 and m.footer < m.bottom - 0.3
    assert ws.print_title_rows == "$1:$4"
    assert ws.print_title_cols == "$A:$A"
    assert ws.freeze_panes == "B5"
    assert ws.oddHeader.left.text == "RESTRICTED – full copy"
    assert ws.oddHeader.center.text == "Test summit"
    assert ws.oddHeader.right.text == "Saturday 25 October 2025"
    assert ws.oddFooter.center.text == "Page &P of 1"
    assert ws.oddFooter.left.text == "Generated 2025-10-01 12:30"
    assert ws.oddHeader.left.font == "Arial,Bold"
    # the key says what the letters mean
    key = ws.cell(row=2, column=2).value
    assert "B bilateral" in key and "A arrival" in key
    assert f"{RESTRICTED_MARK} restricted" in key


def _twelve_rooms(hours) -> tuple:
    """Twelve rooms in two bands of six, a one-hour talk in each, room
    ``k``'s starting at ``hours(k)`` (``"HH:MM"``): ``(scenario,
    schedule)``."""
    s = tiny(rooms=tuple(room(f"M{k:02d}") for k in range(12)), events=())
    items = []
    for k in range(12):
        start = at(hours(k))
        items.append(
            Assignment(
                f"E:X{k}",
                "event",
                f"X{k}",
                f"Talk {k}",
                start,
                start + timedelta(hours=1),
                f"M{k:02d}",
                "NCC",
            )
        )
    return s, replace(full_schedule(full_scenario()), assignments=tuple(items))


def test_every_band_has_its_title_and_key(tmp_path):
    s, sched = _twelve_rooms(lambda k: "09:00")
    wb = Workbook()
    wb.remove(wb.active)
    add_day_grids(wb, s, sched)
    ws = wb["Grid 25 Oct"]
    bands = [b.id for b in ws.col_breaks.brk]
    # twelve rooms on pages of eight: two bands of six
    assert rooms_per_band("A4") == 8 and bands == [1 + 6]
    for first in (2, bands[0] + 1):
        title = ws.cell(row=1, column=first).value
        assert title.startswith("Test summit – Saturday")
        assert ws.cell(row=2, column=first).value.startswith("Key:")
    assert ws.oddFooter.center.text == "Page &P of 2"


def _half_empty_day():
    """Talks in the first band's six rooms in the morning and in the
    other six in the afternoon: two pages down, and the morning of the
    second band and the afternoon of the first have nothing on them."""
    return _twelve_rooms(lambda k: "09:00" if k < 6 else "16:00")


def _pages_without_text(ws) -> list[tuple[int, int]]:
    """(first row, first column) of each page laid out (bands by row
    pages, title rows and time column aside) with no text in it."""
    last_row, last_col = ws.max_row, ws.max_column
    rows = [FIRST_ROW, *(b.id + 1 for b in ws.row_breaks.brk), last_row + 1]
    cols = [2, *(b.id + 1 for b in ws.col_breaks.brk), last_col + 1]
    out = []
    for top, bottom in itertools.pairwise(rows):
        for left, right in itertools.pairwise(cols):
            if not any(
                ws.cell(row=r, column=c).value
                for r in range(top, bottom)
                for c in range(left, right)
            ):
                out.append((top, left))
    return out


def test_a_page_with_nothing_on_it_says_nothing_is_listed():
    s, sched = _half_empty_day()
    wb = Workbook()
    wb.remove(wb.active)
    add_day_grids(wb, s, sched)
    ws = wb["Grid 25 Oct"]
    assert [b.id for b in ws.col_breaks.brk] == [1 + 6]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert len(breaks) == 1
    # every page laid out is one "Page x of 4" counts, and has text
    assert ws.oddFooter.center.text == "Page &P of 4"
    assert _pages_without_text(ws) == []
    cut = _row_time(ws, breaks[0] + 1)
    note, rng = _block_at(ws, "Nothing listed in these rooms from 09:00")
    assert (
        note.value
        == f"Nothing listed in these rooms from 09:00 to {cut:%H:%M}"
    )
    assert str(rng) == f"H{FIRST_ROW}:M{breaks[0]}"
    note, rng = _block_at(
        ws, f"Nothing listed in these rooms from {cut:%H:%M}"
    )
    assert note.value.endswith("to 17:00")
    assert str(rng) == f"B{breaks[0] + 1}:G{ws.max_row}"


@pytest.mark.slow
def test_sample_grids_have_text_on_every_page(solved_sample, tmp_path):
    s, sched = solved_sample
    wb = load_workbook(write_schedule_workbook(s, sched, tmp_path / "f.xlsx"))
    for day in s.grid.days:
        assert _pages_without_text(wb[f"Grid {day.day} {day:%b}"]) == []


def test_bands_fit_the_paper_and_cut_between_venues():
    for paper in ("A4", "A3", "Letter"):
        width, _ = page_area(paper, landscape=True)
        n = rooms_per_band(paper)
        assert column_points(7) + n * column_points(16) <= width
        assert column_points(7) + (n + 1) * column_points(16) > width
    assert rooms_per_band("A3") > rooms_per_band("A4")
    rooms = [room(f"A{k:02d}") for k in range(6)]
    rooms += [room(f"B{k:02d}", venue="PAL") for k in range(6)]
    s = tiny(rooms=tuple(rooms))
    bands = column_bands(s, [r.room_id for r in rooms], 8)
    assert [len(b) for b in bands] == [6, 6]
    s2 = tiny(rooms=tuple(room(f"M{k:02d}") for k in range(20)))
    ids = [f"M{k:02d}" for k in range(20)]
    assert [len(b) for b in column_bands(s2, ids, 8)] == [7, 7, 6]
    # nine rooms of one venue on a page of eight: not eight and one
    assert [len(b) for b in column_bands(s2, ids[:9], 8)] == [5, 4]


def test_page_breaks_fall_where_no_block_is_cut():
    heights = [20.0] * 20
    # two pages of at most 12 rows: the break is at row 8, 9, 10, 11 or
    # 12; only 8 cuts no block
    spans = [(8, 12), (13, 15)]
    assert page_breaks(heights, spans, 240) == [8]
    # a block over the whole day: cut it, filling the first page
    assert page_breaks(heights, [(0, 19)], 240) == [12]
    # a third page is worth it only to spare many blocks
    many = [(7, 13)] * 25
    assert page_breaks(heights, many, 240) == [7, 19]
    assert page_breaks(heights, many[:2], 240) == [12]
    assert page_breaks(heights, [], 1000) == []


def test_a_day_without_items_gets_no_grid():
    s = full_scenario()
    wb = Workbook()
    sched = replace(full_schedule(s), assignments=())
    add_day_grids(wb, s, sched)
    assert wb.sheetnames == ["Sheet"]


def _label_fits(ws, cell, rng) -> bool:
    """Whether the text of a block cell fits its merged range, from the
    row heights and column width written in the file."""
    top = cell.row
    bottom = rng.max_row if rng is not None else top
    height = sum(ws.row_dimensions[r].height for r in range(top, bottom + 1))
    from openpyxl.utils import get_column_letter

    from outputs.text_metrics import CELL_PAD_HEIGHT, column_text_width

    # a merged range's text wraps across all its columns (the note on a
    # page with nothing listed spans a band of rooms)
    last = rng.max_col if rng is not None else cell.column
    width = sum(
        column_text_width(ws.column_dimensions[get_column_letter(c)].width)
        for c in range(cell.column, last + 1)
    )
    lines = len(wrap(cell.value, width, TEXT_SIZE))
    # LibreOffice prints rows 2.6 % shorter than set
    return lines * line_height(TEXT_SIZE) + CELL_PAD_HEIGHT <= height * 0.97


def check_no_label_is_cut(ws) -> int:
    """Every block's text fits its block; the number of blocks."""
    merged = {rng.start_cell.coordinate: rng for rng in ws.merged_cells.ranges}
    n = 0
    for row in ws.iter_rows(min_row=FIRST_ROW, min_col=2):
        for c in row:
            if isinstance(c.value, str) and c.value:
                rng = merged.get(c.coordinate)
                assert _label_fits(ws, c, rng), c.value
                assert c.font.size >= 8 and c.font.name == "Arial"
                n += 1
    return n


def test_no_label_is_cut_and_cut_labels_keep_the_full_text(tmp_path):
    s = full_scenario()
    s = replace(s, settings=settings(event_name="Test summit"))
    sched = full_schedule(s)
    # a ten-minute bilateral gets rows tall enough for its label
    short = replace(
        sched.by_item()["B:BL01"], start=at("10:30"), end=at("10:40")
    )
    sched = replace(
        sched,
        assignments=tuple(
            short if a.item_id == "B:BL01" else a for a in sched.assignments
        ),
    )
    ws = _grid(tmp_path, s, sched)
    assert check_no_label_is_cut(ws) >= 4
    cell, _ = _block_at(ws, "10:30–10:40")
    if (
        cell.value.splitlines()[1]
        != "France (Head of FRA) – Germany (Head of DEU)"
    ):
        assert "Bilateral: France (Head of FRA)" in cell.comment.text


@pytest.mark.slow
def test_sample_grid_has_a_block_per_room_use_and_no_cut_label(
    solved_sample, tmp_path
):
    s, sched = solved_sample
    for paper in ("A4", "A3"):
        s2 = replace(s, settings=replace(s.settings, paper_size=paper))
        path = write_schedule_workbook(s2, sched, tmp_path / f"{paper}.xlsx")
        wb = load_workbook(path)
        for day in s.grid.days:
            ws = wb[f"Grid {day.day} {day:%b}"]
            blocks = day_blocks(s, sched, day, full_copy=True)
            assert check_no_label_is_cut(ws) >= len(blocks)
            # every item of the day is in some block or its comment
            texts = [
                f"{c.value}\n{c.comment.text if c.comment else ''}"
                for row in ws.iter_rows(min_row=FIRST_ROW, min_col=2)
                for c in row
                if c.value
            ]
            joined = "\n".join(texts)
            for a in sched.assignments:
                if a.start.date() == day and a.kind == "event":
                    assert a.title in joined, a.item_id
            assert ws.cell(row=FIRST_ROW, column=1).value is not None


def test_the_note_of_a_page_with_nothing_listed_fits_its_rows():
    # a page of one row across a band of two rooms: the sentence takes
    # two lines there, which the row holds without the cell's inner
    # margins but not with them; it was written whole and printed cut
    from outputs.day_grid import ROOM_WIDTH, _empty_pages, _Layout

    rooms = ["R1", "R2"]
    col_of = {"R1": 2, "R2": 3}
    height = (2 * line_height(TEXT_SIZE) + 1.5) / 0.97
    lay = _Layout(
        rooms, [rooms], col_of, [at("18:45"), at("19:00")], [height], [], []
    )
    ws = Workbook().active
    for letter in ("B", "C"):
        ws.column_dimensions[letter].width = ROOM_WIDTH
    ws.row_dimensions[FIRST_ROW].height = height
    _empty_pages(ws, lay, [])
    cell = ws.cell(row=FIRST_ROW, column=2)
    assert cell.value.startswith("Nothing listed")
    (rng,) = ws.merged_cells.ranges
    assert _label_fits(ws, cell, rng), cell.value
