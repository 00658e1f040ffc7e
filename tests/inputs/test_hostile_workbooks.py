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


# --- parts the byte counts did not see; DOCTYPEs ----------------------------


def _rewritten(tmp_path: Path, edit) -> Path:
    """The small scenario with each part ``(name, data)`` replaced by what
    ``edit`` returns: ``[(name, data), ...]`` (none: the part is left
    out)."""
    good = workbook(tmp_path)
    path = tmp_path / "hostile.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            for name, data in edit(info.filename, src.read(info)):
                dst.writestr(name, data)
    return path


def _venues_part(tmp_path: Path) -> str:
    names = load_workbook(workbook(tmp_path)).sheetnames
    return f"xl/worksheets/sheet{names.index('Venues') + 1}.xml"


BOMB = b'<mergeCells count="1"><mergeCell ref="C5:XFD1048576"/></mergeCells>'


@pytest.mark.parametrize("how", ["utf-16", "moved"])
def test_a_merged_bomb_in_another_encoding_or_place_is_refused(tmp_path, how):
    # the counts looked for b"mergeCell" and b"<c " in parts under
    # xl/worksheets/: a sheet in UTF-16, or kept at another path its
    # relationship names, made openpyxl build 17 billion cells
    part = _venues_part(tmp_path)
    moved = "xl/other/venues.xml"

    def edit(name, data):
        if name == part:
            data = data.replace(b"</sheetData>", b"</sheetData>" + BOMB)
            if how == "utf-16":
                return [
                    (name, b"\xff\xfe" + data.decode().encode("utf-16-le"))
                ]
            return [(moved, data)]
        if how == "moved" and part.encode() in data:  # rels, content types
            data = data.replace(part.encode(), moved.encode())
        if how == "moved" and name.endswith(part.rpartition("/")[2] + ".rels"):
            return [("xl/other/_rels/venues.xml.rels", data)]
        return [(name, data)]

    p = precheck(_rewritten(tmp_path, edit))
    assert p is not None and f"more than {MAX_CELLS:,} cells" in p.message
    assert "merged" in p.message


DOCTYPES = {
    "laughs": b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    "xxe": b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
}


@pytest.mark.parametrize("doctype", sorted(DOCTYPES))
@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", "venues", "docProps/core.xml"]
)
def test_a_part_that_declares_a_doctype_is_refused_unread(
    tmp_path, part, doctype
):
    part = _venues_part(tmp_path) if part == "venues" else part

    def edit(name, data):
        if name == part:
            data = DOCTYPES[doctype] + data.replace(b"&", b"&amp;")
        return [(name, data)]

    p = precheck(_rewritten(tmp_path, edit))
    assert p is not None and p.message == (
        f"Part {part} of the workbook declares a DOCTYPE (XML entities), "
        "which Excel never writes; refused unread"
    )


def test_shared_strings_beyond_the_bound_are_refused(tmp_path, monkeypatch):
    import inputs.workbook_safety as safety

    monkeypatch.setattr(safety, "MAX_CELLS", 1_000)
    strings = b"".join(b"<si><t>%d</t></si>" % i for i in range(1_001))

    def edit(name, data):
        yield name, data
        if name == "[Content_Types].xml":
            yield "xl/sharedStrings.xml", b"<sst>" + strings + b"</sst>"

    p = precheck(_rewritten(tmp_path, edit))
    assert p is not None and "more than 1,000 shared strings" in p.message


# --- headers ----------------------------------------------------------------


def test_sixteen_thousand_unknown_headers_make_one_note(tmp_path):
    def edit(wb):
        ws = wb["Venues"]
        for c in range(ws.max_column + 1, 16_385):
            ws.cell(row=1, column=c, value=f"H{c}")

    res = read_scenario(workbook(tmp_path, edit))
    assert res.problems == []
    venues = [n for n in res.notes if n.startswith("Venues:")]
    assert len(venues) == 2, venues  # (one for case, one for the format)
    assert any("and 16,374 more" in n for n in venues), venues


def test_a_header_that_is_a_formula_is_named(tmp_path):
    def edit(wb):
        wb["Events"]["A1"] = '="event_id"'

    res = read_scenario(workbook(tmp_path, edit))
    assert [str(p) for p in res.problems] == [
        f"{tmp_path / 'scenario.xlsx'}, sheet Events, row 1, column "
        "event_id: Missing required column event_id (expected the column's "
        "name typed in row 1, not a formula (header cell A1 holds "
        "'=\"event_id\"'))"
    ]


def test_a_setting_beyond_its_rules_is_named_at_its_row(tmp_path):
    def edit(wb):
        ws = wb["Settings"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "timezone":
                row[1].value = "Mars/Olympus"

    res = read_scenario(workbook(tmp_path, edit))
    (p,) = res.problems
    assert (p.sheet, p.column) == ("Settings", "value") and p.row is not None
    assert str(p).endswith(
        f"row {p.row}, column value: timezone: Unknown time zone (found "
        "'Mars/Olympus'; expected an IANA name such as Asia/Ho_Chi_Minh)"
    )


# --- ids that print alike ---------------------------------------------------


@pytest.mark.parametrize(
    ("twin", "says"),
    [
        ("V\u0421", "letters of another alphabet that look alike"),  # С
        ("\u03a1AL", "letters of another alphabet that look alike"),  # Ρ
        ("VC\u034f", "invisible characters"),
        ("VC\ufe0f", "invisible characters"),
        ("VC\u3164", "invisible characters"),
    ],
)
def test_ids_that_print_as_another_are_refused(tmp_path, twin, says):
    def edit(wb):
        ws = wb["Venues"]
        ws.append(["VC", "A venue"])
        ws.append(["PAL", "A palace"])
        ws.append([twin, "Its twin"])

    res = read_scenario(workbook(tmp_path, edit))
    text = "\n".join(str(p) for p in res.problems)
    assert "sheet Venues, row" in text and "column venue_id" in text, text
    assert says in text, text


def test_a_person_reference_that_prints_as_a_known_one_says_which(tmp_path):
    def edit(wb):
        set_cell(wb, "Events", "participants", 3, "FR\u0410")  # А

    res = read_scenario(workbook(tmp_path, edit))
    text = "\n".join(str(p) for p in res.problems)
    assert "sheet Events, row 3, column participants: Unknown" in text
    assert "'FRA', which it matches but for" in text, text
