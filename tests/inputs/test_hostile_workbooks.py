"""Workbooks an adversary (or an unlucky edit) makes: a cell far below
the data, merged ranges of a whole sheet, array formulas, two sheets
that differ only in spaces. Each is read in bounded time and memory, or
refused with its place named."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Font
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from inputs.scenario_reader import read_scenario, read_workbook
from inputs.schedule_reader import read_schedule
from inputs.workbook_safety import MAX_CELLS, precheck
from outputs.xlsx_writer import write_schedule_workbook
from tests.inputs.helpers import set_cell, workbook
from tests.outputs.schedules import full_scenario, full_schedule

FAR = 20_000  # far enough to tell; a real attack uses row 1,048,576


# --- a cell far below the data ----------------------------------------------


def test_a_far_cell_makes_no_cells_of_the_rows_between(tmp_path):
    wb = load_workbook(workbook(tmp_path))
    ws = wb["Events"]
    ws.cell(row=FAR, column=ws.max_column).font = Font(bold=True)
    before = len(ws._cells)
    res = read_workbook(wb, "scenario.xlsx")
    assert res.problems == [], [str(p) for p in res.problems]
    # ws.iter_rows made a cell in each of the 20,000 x 22 places between
    # (at row 1,048,576: 23 million, and the reader ran out of memory)
    assert len(ws._cells) < before + 50


def test_a_far_value_is_named_at_its_row(tmp_path):
    def edit(wb):
        wb["Events"].cell(row=FAR, column=1, value="LATE")

    res = read_scenario(workbook(tmp_path, edit))
    assert (
        f"sheet Events, row {FAR}, column title: Required value"
        in "\n".join(str(p) for p in res.problems)
    )


def test_a_far_cell_in_a_schedule_makes_no_cells_between(tmp_path):
    s = full_scenario()
    path = tmp_path / "schedule.xlsx"
    write_schedule_workbook(s, full_schedule(s), path)
    wb = load_workbook(path)
    for name in ("Schedule", "Unscheduled", "Summary"):
        wb[name].cell(row=FAR, column=30).font = Font(bold=True)
    wb.save(path)
    res = read_schedule(path, s)
    assert res.problems == [] and len(res.schedule.assignments) == 5


# --- merged ranges that would make billions of cells ------------------------


def _with_merge(tmp_path: Path, merge: bytes) -> Path:
    """The small scenario with ``merge`` (XML) after the Venues sheet's
    data."""
    good = workbook(tmp_path)
    path = tmp_path / "merged.xlsx"
    names = load_workbook(good).sheetnames
    part = f"xl/worksheets/sheet{names.index('Venues') + 1}.xml"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == part:
                data = data.replace(b"</sheetData>", b"</sheetData>" + merge)
            dst.writestr(info, data)
    return path


@pytest.mark.parametrize(
    "merge",
    [
        b'<mergeCells count="1"><mergeCell ref="C5:XFD1048576"/></mergeCells>',
        # a prefix, spaces, a character reference: openpyxl reads them all
        b'<x:mergeCells xmlns:x="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><x:mergeCell   ref = "&#67;5:XFD1048576"'
        b"/></x:mergeCells>",
        # many ranges, each of a fair size
        b"<mergeCells>"
        + b"".join(
            f'<mergeCell ref="A{r}:CV{r + 99}"/>'.encode()
            for r in range(10, 30_000, 100)
        )
        + b"</mergeCells>",
    ],
    ids=["one-huge", "disguised", "many"],
)
def test_merged_ranges_too_large_are_refused_before_opening(tmp_path, merge):
    # (without the check openpyxl made an object for each merged cell:
    # 17 billion for the first; never opened here)
    p = precheck(_with_merge(tmp_path, merge))
    assert p is not None and f"more than {MAX_CELLS:,} cells" in p.message
    assert "merged" in p.message


def test_a_merged_range_of_fair_size_is_read(tmp_path):
    merge = b'<mergeCells count="1"><mergeCell ref="C5:D6"/></mergeCells>'
    path = _with_merge(tmp_path, merge)
    assert precheck(path) is None
    assert read_scenario(path).problems == []


# --- formulas openpyxl gives as objects -------------------------------------


def _formula(sheet: str, column: str, row: int, value):
    def edit(wb):
        set_cell(wb, sheet, column, row, "x")
        ws = wb[sheet]
        cell = next(
            ws.cell(row=row, column=c.column)
            for c in ws[1]
            if c.value == column
        )
        if value == "array":
            ws[cell.coordinate] = ArrayFormula(cell.coordinate, "=UPPER(A1)")
        else:
            ws[cell.coordinate] = DataTableFormula(cell.coordinate)

    return edit


@pytest.mark.parametrize(
    ("sheet", "column", "row", "kind", "shown"),
    [
        ("Events", "title", 2, "array", "'=UPPER(A1)'"),
        ("Rooms", "room_id", 2, "array", "'=UPPER(A1)'"),
        ("Settings", "value", 2, "array", "'=UPPER(A1)'"),
        ("Events", "title", 3, "table", "'a data table (What-If Analysis)'"),
    ],
)
def test_an_array_formula_is_a_formula(
    tmp_path, sheet, column, row, kind, shown
):
    # it was read as the text "<openpyxl...ArrayFormula object at 0x..>"
    res = read_scenario(workbook(tmp_path, _formula(sheet, column, row, kind)))
    text = "\n".join(str(p) for p in res.problems)
    assert (
        f"sheet {sheet}, row {row}, column {column}: A formula where a "
        f"value is expected (found {shown}" in text
    ), text
    assert "object at" not in text


@pytest.mark.parametrize("column", ["room_id", "item_id", "participants"])
@pytest.mark.parametrize("formula", ["=G2", "array"])
def test_a_formula_in_a_schedule_text_column_is_a_problem(
    tmp_path, column, formula
):
    s = full_scenario()
    path = tmp_path / "schedule.xlsx"
    write_schedule_workbook(s, full_schedule(s), path)
    wb = load_workbook(path)
    ws = wb["Schedule"]
    col = next(c.column for c in ws[1] if c.value == column)
    cell = ws.cell(row=3, column=col)
    if formula == "array":
        ws[cell.coordinate] = ArrayFormula(cell.coordinate, "=G2")
    else:
        cell.value = formula
    wb.save(path)
    res = read_schedule(path, s)
    assert res.schedule is None
    assert [str(p) for p in res.problems] == [
        f"{path}, sheet Schedule, row 3, column {column}: A formula in "
        f"{column} (found '=G2'; expected a value typed in, not a formula)"
    ]


# --- two sheets read as one -------------------------------------------------


def test_two_scenario_sheets_that_differ_in_spaces_are_refused(tmp_path):
    def edit(wb):
        twin = wb.copy_worksheet(wb["Rooms"])
        twin.title = "Rooms "  # (Excel allows it; case alone it does not)

    res = read_scenario(workbook(tmp_path, edit))
    assert res.scenario is None
    assert [str(p) for p in res.problems] == [
        f"{tmp_path / 'scenario.xlsx'}, sheet Rooms: 2 sheets are read as "
        "Rooms (they differ only in case or spaces); which one holds the "
        "data? (found \"'Rooms', 'Rooms '\"; expected one sheet named "
        "Rooms: rename or delete the others)"
    ]


@pytest.mark.parametrize("name", ["Schedule", "Summary"])
def test_two_schedule_sheets_that_differ_in_spaces_are_refused(tmp_path, name):
    s = full_scenario()
    path = tmp_path / "schedule.xlsx"
    write_schedule_workbook(s, full_schedule(s), path)
    wb = load_workbook(path)
    wb.copy_worksheet(wb[name]).title = f" {name.lower()}"
    wb.save(path)
    res = read_schedule(path, s)
    assert res.schedule is None and len(res.problems) == 1
    assert f"2 sheets are read as {name}" in str(res.problems[0])


def test_one_sheet_in_another_case_is_still_read(tmp_path):
    res = read_scenario(
        workbook(tmp_path, lambda wb: setattr(wb["Rooms"], "title", " rooms"))
    )
    assert res.problems == [] and "sheet ' rooms' read as 'Rooms'" in res.notes


# --- a place in a list ------------------------------------------------------


@pytest.mark.parametrize("value", [1e308, 0, -3, 20_001])
def test_a_position_that_is_no_place_in_a_list_is_a_problem(tmp_path, value):
    s = full_scenario()
    path = tmp_path / "schedule.xlsx"
    write_schedule_workbook(s, full_schedule(s), path)
    wb = load_workbook(path)
    ws = wb["Schedule"]
    col = next(c.column for c in ws[1] if c.value == "position")
    ws.cell(row=3, column=col).value = value
    wb.save(path)
    res = read_schedule(path, s)
    assert res.schedule is None
    (problem,) = res.problems
    assert (problem.sheet, problem.row, problem.column) == (
        "Schedule",
        3,
        "position",
    )
    assert "a whole number from 1 to 20,000" in str(problem)
