"""Reading schedule workbooks back: round trip, hand edits, problems."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from openpyxl import load_workbook

from inputs.schedule_reader import read_schedule
from models.records.schedule import Schedule
from outputs.xlsx_writer import write_schedule_workbook
from tests.factory import at
from tests.outputs.schedules import full_scenario, full_schedule, sec

S = full_scenario()


def _written(tmp_path, schedule=None, edit=None, name="schedule.xlsx"):
    """Write the full schedule (or ``schedule``), apply ``edit(wb)``."""
    path = tmp_path / name
    write_schedule_workbook(
        S, schedule if schedule is not None else full_schedule(S), path
    )
    if edit is not None:
        wb = load_workbook(path)
        edit(wb)
        wb.save(path)
    return path


def _cell(wb, item_id: str, column: str, sheet="Schedule"):
    """The cell of ``column`` in the row of ``item_id``."""
    ws = wb[sheet]
    col = next(c.column for c in ws[1] if c.value == column)
    row = next(
        r
        for r in range(2, ws.max_row + 1)
        if ws.cell(row=r, column=1).value == item_id
    )
    return ws.cell(row=row, column=col)


def _set(item_id, column, value, sheet="Schedule"):
    def edit(wb):
        _cell(wb, item_id, column, sheet).value = value

    return edit


def _only_problem(res):
    assert res.schedule is None
    assert len(res.problems) == 1, [str(p) for p in res.problems]
    return res.problems[0]


# --- round trip ------------------------------------------------------------


@pytest.mark.parametrize("scenario", [None, S])
def test_round_trip_is_equal(tmp_path, scenario):
    sched = full_schedule(S)
    res = read_schedule(_written(tmp_path, sched), scenario)
    assert res.problems == []
    back = res.schedule
    assert back.assignments == sched.assignments
    assert back.unscheduled == sched.unscheduled
    assert back.info == sched.info
    assert back.info.status == "FEASIBLE" and back.info.objective == 120.0
    assert back == sched  # generated_at, event_name, scenario_source too
    assert not [n for n in res.notes if "taken" in n]


def test_round_trip_keeps_seconds_of_queue_slots(tmp_path):
    back = read_schedule(_written(tmp_path)).schedule.by_item()
    assert back["S:Q:DEU"].start == sec("09:31:30")
    assert back["S:Q:DEU"].end == sec("09:32:15")
    assert back["S:Q:DEU"].position == 2


def test_rows_are_spreadsheet_rows(tmp_path):
    res = read_schedule(_written(tmp_path))
    ws = load_workbook(tmp_path / "schedule.xlsx")["Schedule"]
    for a in res.schedule.assignments:
        assert ws.cell(row=a.row, column=1).value == a.item_id
    assert [a.row for a in res.schedule.assignments] == [2, 3, 4, 5, 6]


def test_round_trip_of_an_empty_schedule(tmp_path):
    res = read_schedule(_written(tmp_path, Schedule(())))
    assert res.problems == []
    assert res.schedule.assignments == () and res.schedule.unscheduled == ()
    assert res.schedule.info.status == "UNKNOWN"
    assert res.schedule.info.objective is None


# --- hand edits ------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [datetime(2025, 10, 25, 11, 0), "2025-10-25 11:00", "2025-10-25 11:00:00"],
)
def test_moved_start(tmp_path, value):
    path = _written(tmp_path, edit=_set("B:BL01", "start", value))
    a = read_schedule(path).schedule.by_item()["B:BL01"]
    assert a.start == at("11:00") and a.end == at("11:00")


def test_moved_start_keeps_the_written_end_with_a_scenario(tmp_path):
    # the checker reports the wrong duration; the reader does not guess
    path = _written(tmp_path, edit=_set("B:BL01", "start", "2025-10-25 14:00"))
    a = read_schedule(path, S).schedule.by_item()["B:BL01"]
    assert (a.start, a.end) == (at("14:00"), at("11:00"))


def test_start_with_seconds_as_text(tmp_path):
    path = _written(
        tmp_path, edit=_set("S:Q:FRA", "start", "2025-10-25 09:40:15")
    )
    a = read_schedule(path).schedule.by_item()["S:Q:FRA"]
    assert a.start == sec("09:40:15")


def test_start_as_an_excel_serial_number(tmp_path):
    # 45955 is 2025-10-25; .5 is noon
    path = _written(tmp_path, edit=_set("B:BL01", "start", 45955.5))
    a = read_schedule(path).schedule.by_item()["B:BL01"]
    assert a.start == at("12:00")


def test_changed_room_takes_the_venue_of_the_room(tmp_path):
    path = _written(tmp_path, edit=_set("E:OPEN", "room_id", "VIP"))
    res = read_schedule(path, S)
    a = res.schedule.by_item()["E:OPEN"]
    assert (a.room_id, a.venue_id) == ("VIP", "PAL")
    assert any("E:OPEN" in n and "PAL" in n for n in res.notes)
    # without a scenario the venue is as written
    a = read_schedule(path).schedule.by_item()["E:OPEN"]
    assert (a.room_id, a.venue_id) == ("VIP", "NCC")


def test_empty_venue_is_filled_from_the_room(tmp_path):
    path = _written(tmp_path, edit=_set("B:BL01", "venue_id", None))
    res = read_schedule(path, S)
    assert res.schedule.by_item()["B:BL01"].venue_id == "NCC"
    assert any("B:BL01" in n for n in res.notes)
    assert read_schedule(path).schedule.by_item()["B:BL01"].venue_id == ""


@pytest.mark.parametrize(
    ("value", "locked"),
    [
        ("yes", True),
        ("y", True),
        ("Y", True),
        ("TRUE", True),
        ("1", True),
        (1, True),
        (True, True),
        ("no", False),
        ("n", False),
        ("false", False),
        (0, False),
        (None, False),
        ("", False),
    ],
)
def test_locked(tmp_path, value, locked):
    path = _written(tmp_path, edit=_set("B:BL01", "locked", value))
    a = read_schedule(path).schedule.by_item()["B:BL01"]
    assert a.locked is locked


def test_empty_rows_are_skipped_and_rows_stay_spreadsheet_rows(tmp_path):
    def edit(wb):
        ws = wb["Schedule"]
        ws.insert_rows(3, amount=2)
        ws.cell(row=3, column=17, value="a note right of the table")
        ws.append([None] * 5)

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.problems == []
    assert [a.row for a in res.schedule.assignments] == [2, 5, 6, 7, 8]
    assert len(res.schedule.assignments) == 5


def test_headers_in_another_case_or_with_spaces(tmp_path):
    def edit(wb):
        ws = wb["Schedule"]
        ws["A1"].value = " Item_ID "
        ws["E1"].value = "START"

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.problems == []
    assert res.schedule.assignments == full_schedule(S).assignments
    assert any("START" in n for n in res.notes)


def test_columns_in_another_order(tmp_path):
    def edit(wb):
        ws = wb["Schedule"]
        ws.move_range("A1:A6", cols=20)
        ws.delete_cols(1)

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.problems == []
    assert res.schedule.assignments == full_schedule(S).assignments


def test_duplicate_item_ids_are_kept(tmp_path):
    def edit(wb):
        ws = wb["Schedule"]
        ws.append([c.value for c in ws[2]])

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.problems == []
    ids = [a.item_id for a in res.schedule.assignments]
    assert ids.count("A:FRA") == 2 and len(ids) == 6


def test_hand_added_row_takes_kind_ref_and_title_from_the_item(tmp_path):
    def edit(wb):
        ws = wb["Schedule"]
        ws.append(
            [
                *("E:WS1", None, None, None, "2025-10-25 15:00"),
                *("2025-10-25 16:00", "R1", "NCC", "DEU", None, "yes"),
            ]
        )

    res = read_schedule(_written(tmp_path, edit=edit), S)
    a = res.schedule.by_item()["E:WS1"]
    assert (a.kind, a.ref_id, a.title) == ("event", "WS1", "Workshop")
    assert a.locked and a.row == 7
    # without a scenario the kind still follows the id's prefix
    a = read_schedule(tmp_path / "schedule.xlsx").schedule.by_item()["E:WS1"]
    assert (a.kind, a.ref_id, a.title) == ("event", "", "")


def test_text_in_title_that_looks_like_a_formula_is_text(tmp_path):
    title = '=HYPERLINK("http://x","y")'
    res = read_schedule(_written(tmp_path, full_schedule(S, title=title)))
    assert res.schedule.by_item()["E:OPEN"].title == title


# --- problems in cells -----------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("start", "tomorrow-ish", "date-time"),
        ("end", "25/10/2025 10:00", "date-time"),
        ("start", "=E2+1", "not a formula"),
        ("locked", "maybe", "yes or no"),
        ("position", "first", "whole number"),
        ("position", 1.5, "whole number"),
        ("position", "2.5", "whole number"),
    ],
)
def test_bad_cell_is_a_problem_with_its_place(
    tmp_path, column, value, expected
):
    path = _written(tmp_path, edit=_set("S:Q:FRA", column, value))
    p = _only_problem(read_schedule(path, S))
    assert p.file == str(path) and p.sheet == "Schedule"
    assert (p.row, p.column, p.value) == (4, column, value)
    assert expected in p.expected
    assert column in str(p) and "row 4" in str(p)


@pytest.mark.parametrize("column", ["item_id", "start", "end", "room_id"])
def test_empty_required_value(tmp_path, column):
    path = _written(tmp_path, edit=_set("B:BL01", column, None))
    p = _only_problem(read_schedule(path))
    assert (p.row, p.column) == (6, column)
    assert "empty" in p.message


def test_every_bad_cell_is_reported(tmp_path):
    def edit(wb):
        _cell(wb, "A:FRA", "start").value = "soon"
        _cell(wb, "E:OPEN", "locked").value = "perhaps"
        _cell(wb, "B:BL01", "position").value = "x"

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.schedule is None
    assert sorted((p.row, p.column) for p in res.problems) == [
        (2, "start"),
        (3, "locked"),
        (6, "position"),
    ]


@pytest.mark.parametrize(
    ("column", "code"),
    [("title", "#N/A"), ("room_id", "#REF!"), ("start", "#VALUE!")],
)
def test_an_excel_error_cell_is_a_problem_of_its_own(tmp_path, column, code):
    path = _written(tmp_path, edit=_set("S:Q:FRA", column, code))
    p = _only_problem(read_schedule(path, S))
    assert (p.sheet, p.row, p.column) == ("Schedule", 4, column)
    assert p.message == f"An Excel error ({code}) where a value is expected"


def test_a_title_that_only_looks_like_an_error_is_text(tmp_path):
    path = _written(
        tmp_path, edit=_set("S:Q:FRA", "title", "#1 priority workshop")
    )
    back = read_schedule(path, S).schedule.by_item()
    assert back["S:Q:FRA"].title == "#1 priority workshop"


# --- problems with sheets and files ------------------------------------------


def test_missing_schedule_sheet(tmp_path):
    def edit(wb):
        del wb["Schedule"]

    p = _only_problem(read_schedule(_written(tmp_path, edit=edit)))
    assert p.sheet == "Schedule" and "Missing sheet" in p.message


def test_sheet_name_in_another_case(tmp_path):
    def edit(wb):
        ws = wb["Schedule"]
        ws.title = "tmp"  # openpyxl renames a clash "schedule1"
        ws.title = "schedule"

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.problems == [] and len(res.schedule.assignments) == 5


@pytest.mark.parametrize("column", ["locked", "start", "venue_id"])
def test_missing_column(tmp_path, column):
    def edit(wb):
        ws = wb["Schedule"]
        ws.delete_cols(next(c.column for c in ws[1] if c.value == column))

    p = _only_problem(read_schedule(_written(tmp_path, edit=edit)))
    assert (p.sheet, p.row, p.column) == ("Schedule", 1, column)


def test_merged_header_is_a_problem(tmp_path):
    def edit(wb):
        wb["Schedule"].merge_cells("A1:B1")

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.schedule is None
    assert any("Merged" in p.message for p in res.problems)


def test_not_a_workbook(tmp_path):
    path = tmp_path / "schedule.xlsx"
    path.write_text("item_id,start\nE:X,2025-10-25 09:00\n")
    p = _only_problem(read_schedule(path))
    assert p.file == str(path) and "Not an .xlsx" in p.message


def test_damaged_workbook(tmp_path):
    path = _written(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    p = _only_problem(read_schedule(path))
    assert p.file == str(path)
    assert "damaged" in p.message or "Not" in p.message


def test_zip_that_is_not_a_workbook(tmp_path):
    import zipfile

    path = tmp_path / "schedule.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    p = _only_problem(read_schedule(path))
    assert p.file == str(path)


def test_zip_with_broken_parts_is_a_problem_not_a_traceback(tmp_path):
    import zipfile

    good = _written(tmp_path)
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == "xl/workbook.xml":
                body = b"<workbook><not closed"
            dst.writestr(name, body)
    p = _only_problem(read_schedule(path))
    assert p.file == str(path) and "readable" in p.message


def test_password_protected_or_legacy_xls(tmp_path):
    path = tmp_path / "schedule.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 512)
    p = _only_problem(read_schedule(path))
    assert "password" in p.message and p.file == str(path)


@pytest.mark.parametrize("kind", ["missing", "empty", "folder"])
def test_missing_empty_or_folder(tmp_path, kind):
    path = tmp_path / "schedule.xlsx"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "folder":
        path.mkdir()
    p = _only_problem(read_schedule(path))
    assert p.file == str(path)


# --- Unscheduled and Summary -------------------------------------------------


def test_without_unscheduled_and_summary_sheets(tmp_path):
    def edit(wb):
        del wb["Unscheduled"]
        del wb["Summary"]

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.problems == []
    assert res.schedule.unscheduled == () and res.schedule.info is None
    assert len(res.notes) == 2


def test_unscheduled_without_item_id_column(tmp_path):
    def edit(wb):
        wb["Unscheduled"].delete_cols(6)

    res = read_schedule(_written(tmp_path, edit=edit))
    (u,) = res.schedule.unscheduled
    assert (u.item_id, u.ref_id, u.priority) == ("E:WS1", "WS1", 3)


def test_unscheduled_bad_priority_is_a_note(tmp_path):
    def edit(wb):
        wb["Unscheduled"]["D2"].value = "high"

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.problems == []
    assert res.schedule.unscheduled[0].priority is None
    assert any("priority" in n for n in res.notes)


def test_summary_hand_edits(tmp_path):
    def edit(wb):
        ws = wb["Summary"]
        for row in ws.iter_rows(min_row=2):
            if row[0].value == "status":
                row[1].value = " optimal "
            if row[0].value == "objective":
                row[1].value = "a lot"

    res = read_schedule(_written(tmp_path, edit=edit))
    assert res.problems == []
    info = res.schedule.info
    assert info.status == "OPTIMAL" and info.objective is None
    assert info.best_bound == 100.0
    assert any("objective" in n for n in res.notes)


def test_summary_values_round_trip_without_info(tmp_path):
    sched = replace(full_schedule(S), info=None)
    info = read_schedule(_written(tmp_path, sched)).schedule.info
    assert info.status == "UNKNOWN"
    assert info.objective is None and info.penalties == {}
