"""The printable day grids."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime

from openpyxl import Workbook, load_workbook

from models import Event
from models.records.schedule import Assignment
from outputs.day_grid import (
    BAND_COLUMNS,
    FIRST_ROW,
    ROOM_ROW,
    add_day_grids,
    column_bands,
    day_blocks,
    row_edges,
)
from outputs.xlsx_writer import write_schedule_workbook
from tests.factory import at, room, tiny

from .schedules import full_scenario, full_schedule


def _grid(tmp_path, s, sched):
    path = write_schedule_workbook(s, sched, tmp_path / "g.xlsx")
    return load_workbook(path)["Grid 25 Oct"]


def _block_at(ws, text):
    """The merged range (or single cell) whose text contains ``text``."""
    for row in ws.iter_rows(min_row=FIRST_ROW):
        for c in row:
            if isinstance(c.value, str) and text in c.value:
                for rng in ws.merged_cells.ranges:
                    if c.coordinate in rng:
                        return c, rng
                return c, None
    raise AssertionError(f"no block with {text!r}")


def _row_time(ws, r):
    """The time of row ``r``: the last labelled row at or above it plus
    nothing (labels are on quarter hours)."""
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
    assert ws.cell(row=ROOM_ROW, column=rng.min_col).value.startswith("HALL")
    # the queue held inside the opening is named in its block, not drawn
    assert "incl. 09:30-09:32 Order of signature (2)" in cell.value
    # the bilateral and the arrival have blocks of their own, coloured
    bil, _ = _block_at(ws, "10:30-11:00")
    arr, _ = _block_at(ws, "08:10-08:30")
    assert bil.fill.fgColor.rgb != arr.fill.fgColor.rgb


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
    assert cell.value.startswith("2 items:") and "Booth B" in cell.value


def test_the_grid_prints_landscape_fitted_with_titles_on_every_page(
    tmp_path,
):
    s = full_scenario()
    ws = _grid(tmp_path, s, full_schedule(s))
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$1:$4"
    assert ws.freeze_panes == "B5"
    legend = [c.value for c in ws[2] if c.value]
    assert legend[0] == "Legend" and "bilateral" in legend


def test_many_rooms_print_in_bands_cut_between_kinds():
    rooms = [room(f"M{k:02d}", "meeting") for k in range(10)]
    rooms += [room(f"B{k:02d}", "bilateral") for k in range(10)]
    s = tiny(rooms=tuple(rooms))
    bands = column_bands(s, [r.room_id for r in rooms])
    assert [len(b) for b in bands] == [10, 10]
    assert all(len(b) <= BAND_COLUMNS for b in bands)
    s2 = tiny(rooms=tuple(room(f"M{k:02d}") for k in range(30)))
    sizes = [
        len(b) for b in column_bands(s2, [f"M{k:02d}" for k in range(30)])
    ]
    assert sizes == [12, 12, 6]


def test_a_day_without_items_gets_no_grid():
    s = full_scenario()
    wb = Workbook()
    sched = replace(full_schedule(s), assignments=())
    add_day_grids(wb, s, sched)
    assert wb.sheetnames == ["Sheet"]


def test_sample_grid_has_a_block_per_room_use(solved_sample, tmp_path):
    s, sched = solved_sample
    path = write_schedule_workbook(s, sched, tmp_path / "g.xlsx")
    wb = load_workbook(path)
    day = s.grid.days[0]
    ws = wb[f"Grid {day.day} {day:%b}"]
    blocks = day_blocks(s, sched, day)
    texts = [
        c.value
        for row in ws.iter_rows(min_row=FIRST_ROW, min_col=2)
        for c in row
        if c.value
    ]
    assert len(texts) == len(blocks)
    # every item of the day is named in some block (queues by their title)
    items = [a for a in sched.assignments if a.start.date() == day]
    joined = "\n".join(texts)
    for a in items:
        if a.kind != "sequence":
            assert a.title in joined, a.item_id
    assert isinstance(ws.cell(row=FIRST_ROW, column=1).value, datetime) or (
        ws.cell(row=FIRST_ROW, column=1).value is not None
    )
