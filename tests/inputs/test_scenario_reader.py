"""Reading scenario workbooks: round trip, defaults, every bad case."""

from __future__ import annotations

import os
import zipfile

import pytest

from inputs import load_scenario, read_scenario
from inputs.scenario_writer import write_template
from models import ScenarioError

from .helpers import set_cell, small_scenario, workbook


def test_round_trip_is_equal(tmp_path):
    path = workbook(tmp_path)
    assert load_scenario(path) == small_scenario()


def problems(path):
    res = read_scenario(path)
    assert res.scenario is None
    assert res.problems
    return res.problems


def only(path, **match):
    ps = problems(path)
    hits = [p for p in ps if all(getattr(p, k) == v for k, v in match.items())]
    assert hits, "\n".join(map(str, ps))
    return hits[0]


def test_missing_sheet(tmp_path):
    path = workbook(tmp_path, lambda wb: wb.remove(wb["Rooms"]))
    p = only(path, sheet="Rooms")
    assert "Missing sheet" in p.message and p.file == str(path)


def test_missing_required_column(tmp_path):
    path = workbook(tmp_path, lambda wb: wb["Rooms"].delete_cols(5))
    only(path, sheet="Rooms", column="capacity", row=1)


def test_wrong_type_names_the_cell(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "capacity", 2, "lots")
    )
    p = only(path, sheet="Rooms", column="capacity", row=2)
    assert p.value == "lots" and "whole number" in p.expected


def test_unknown_reference(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "venue_id", 3, "MOON")
    )
    p = only(path, sheet="Rooms", column="venue_id", row=3)
    assert "Unknown venue" in p.message


def test_duplicate_id(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "room_id", 3, "R1")
    )
    assert "Duplicate" in only(path, sheet="Rooms", column="room_id").message


def test_window_outside_days(tmp_path):
    from datetime import datetime

    path = workbook(
        tmp_path,
        lambda wb: set_cell(
            wb, "Events", "earliest", 3, datetime(2025, 11, 1, 9, 0)
        ),
    )
    only(path, sheet="Events", column="earliest", row=3)


def test_window_shorter_than_event(tmp_path):
    from datetime import datetime

    def edit(wb):
        set_cell(wb, "Events", "earliest", 3, datetime(2025, 10, 25, 9))
        set_cell(wb, "Events", "latest", 3, datetime(2025, 10, 25, 9, 30))

    p = only(
        edit and workbook(tmp_path, edit),
        sheet="Events",
        row=3,
        column="latest",
    )
    assert "shorter" in p.message


@pytest.mark.parametrize("value", [0, -15])
def test_zero_or_negative_duration(tmp_path, value):
    path = workbook(
        tmp_path,
        lambda wb: set_cell(wb, "Events", "duration_minutes", 2, value),
    )
    only(path, sheet="Events", column="duration_minutes", row=2)


def test_zero_capacity(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "capacity", 2, 0)
    )
    only(path, sheet="Rooms", column="capacity", row=2)


def test_cycle_in_after(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Events", "after", 2, "WS1")
    )
    assert "Cycle" in only(path, sheet="Events", column="after").message


def test_member_neither_delegation_nor_person(tmp_path):
    path = workbook(
        tmp_path,
        lambda wb: set_cell(wb, "SequenceMembers", "member", 2, "ATLANTIS"),
    )
    only(path, sheet="SequenceMembers", column="member", row=2)


def test_formula_where_a_value_is_expected(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "capacity", 2, "=50*2")
    )
    assert "formula" in only(path, sheet="Rooms", row=2).message


def test_merged_header_cells(tmp_path):
    path = workbook(tmp_path, lambda wb: wb["Rooms"].merge_cells("A1:B1"))
    assert "Merged" in only(path, sheet="Rooms", row=1).message


def test_every_problem_is_collected(tmp_path):
    def edit(wb):
        set_cell(wb, "Rooms", "capacity", 2, "x")
        set_cell(wb, "Events", "duration_minutes", 2, "y")

    assert len(problems(workbook(tmp_path, edit))) >= 2


def test_headers_with_other_case_and_spaces_are_read(tmp_path):
    def edit(wb):
        wb["Rooms"].cell(row=1, column=5).value = " Capacity "

    res = read_scenario(workbook(tmp_path, edit))
    assert res.scenario is not None, res.problems
    assert any("Capacity" in n for n in res.notes)


def test_text_file_renamed_xlsx(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("this is not a workbook")
    assert "not a zip" in only(path).message


def test_truncated_zip(tmp_path):
    good = workbook(tmp_path)
    data = good.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert "damaged" in only(path).message


def test_password_protected(tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    assert "password" in only(path).message


def test_zip_bomb(tmp_path, monkeypatch):
    import inputs.workbook_safety as ws

    monkeypatch.setattr(ws, "MAX_UNPACKED_BYTES", 1000)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<x/>")
        zf.writestr("xl/big.xml", "0" * 100_000)
    assert "zip bomb" in only(path).message


def test_missing_file(tmp_path):
    assert "not found" in only(tmp_path / "nope.xlsx").message


def test_load_scenario_raises_with_every_problem(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "capacity", 2, "x")
    )
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    assert "Rooms, row 2, column capacity" in str(err.value)


def test_template_filled_with_one_event_reads_back(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    write_template(path)
    # as written: its example rows make a valid scenario
    s = load_scenario(path)
    assert [e.event_id for e in s.events] == ["OPEN"]
    assert [r.rank for r in s.ranks][:3] == ["HOS", "VP", "HOG"]
    wb = load_workbook(path)
    wb["Venues"].append(["NCC", "Convention Centre"])
    wb["Rooms"].append(["R1", "Room 1", "NCC", "meeting", 80])
    wb["Delegations"].append(["FRA", "France", "state", "Head", "MIN"])
    wb["Events"].append(["W1", "Workshop", "workshop", 60, 40])
    wb.save(path)
    s = load_scenario(path)
    assert [e.event_id for e in s.events] == ["OPEN", "W1"]
    assert s.events[1].mandatory is False  # spec default for workshops
    assert s.settings.days  # the template carries example settings


def test_template_has_instructions_examples_and_strict_dropdowns(tmp_path):
    from openpyxl import load_workbook

    from inputs.scenario_format import SHEETS

    path = tmp_path / "t.xlsx"
    write_template(path)
    wb = load_workbook(path)
    assert wb.sheetnames[0] == "Instructions"
    assert "scheduler validate" in "\n".join(
        str(c.value) for c in wb["Instructions"]["A"]
    )
    ws = wb["Rooms"]
    assert ws["A1"].comment is not None
    assert ws.freeze_panes == "A2"
    dvs = ws.data_validations.dataValidation
    assert any("plenary" in (dv.formula1 or "") for dv in dvs)
    # every check refuses a wrong entry, saying what is allowed
    for sheet in wb.worksheets:
        for dv in sheet.data_validations.dataValidation:
            assert dv.showErrorMessage and dv.errorStyle == "stop"
            assert dv.error
    # ranks come from the Ranks sheet, venues from the Venues sheet
    people = wb["People"].data_validations.dataValidation
    assert any(dv.formula1.startswith("Ranks!") for dv in people)
    assert any(dv.formula1.startswith("Venues!") for dv in dvs)
    # one example row (or two) on every sheet, marked as such
    for sheet in SHEETS:
        ws = wb[sheet.name]
        assert ws.max_row >= 2, sheet.name
        if sheet.name not in ("Settings", "Ranks"):
            assert ws["A2"].comment.text.startswith("Example")
    # every style names its font
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.font.name, (sheet.title, c.coordinate)


# ------------------------------------------- cells that are not what they seem


@pytest.mark.parametrize(
    ("sheet", "column", "row", "code"),
    [
        ("Events", "event_id", 3, "#N/A"),
        ("Events", "title", 2, "#REF!"),
        ("Rooms", "room_id", 2, "#DIV/0!"),
        ("Rooms", "capacity", 2, "#VALUE!"),
        ("Settings", "value", 2, "#NAME?"),
    ],
)
def test_an_excel_error_cell_is_a_problem_of_its_own(
    tmp_path, sheet, column, row, code
):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, sheet, column, row, code)
    )
    (p,) = problems(path)  # no follow-on errors (rooms naming R1)
    assert (p.sheet, p.row, p.column) == (sheet, row, column)
    assert p.message == f"An Excel error ({code}) where a value is expected"


def test_text_that_only_looks_like_an_error_is_text(tmp_path):
    def edit(wb):
        set_cell(wb, "Events", "title", 2, "#1 priority workshop")
        set_cell(wb, "Events", "title", 3, "#N/A")
        wb["Events"]["B3"].data_type = "s"  # typed as text: '#N/A

    s = load_scenario(workbook(tmp_path, edit))
    assert [e.title for e in s.events] == ["#1 priority workshop", "#N/A"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("R1", "Ｒ１"),  # full-width
        ("CÔTE", "CO\u0302TE"),  # the accent composed, then apart
    ],
)
def test_ids_the_same_but_for_the_form_of_their_characters(
    tmp_path, first, second
):
    def edit(wb):
        set_cell(wb, "Rooms", "room_id", 2, first)
        set_cell(wb, "Rooms", "room_id", 3, second)

    p = only(workbook(tmp_path, edit), sheet="Rooms", row=3, column="room_id")
    assert p.message == (
        f"Same id as row 2 ({first!r}) but for the form of its characters"
    )


def test_ids_the_same_but_for_case_keep_their_message(tmp_path):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Rooms", "room_id", 3, "r1")
    )
    p = only(path, sheet="Rooms", row=3, column="room_id")
    assert p.message == "Same id as row 2 ('R1') but for case or spaces"


def _column_letter(wb, sheet, header):
    return next(c.column_letter for c in wb[sheet][1] if c.value == header)


def test_hidden_columns_read_are_noted(tmp_path):
    def edit(wb):
        restricted = _column_letter(wb, "Events", "restricted")
        wb["Events"].column_dimensions[restricted].hidden = True
        wb["Rooms"].column_dimensions.group("B", "C", hidden=True)

    res = read_scenario(workbook(tmp_path, edit))
    assert res.scenario is not None, res.problems
    restricted = next(n for n in res.notes if n.startswith("Events:"))
    assert restricted.startswith("Events: column restricted (")
    assert restricted.endswith(
        ") is hidden in the workbook; read all the same"
    )
    assert (
        "Rooms: columns name (B), venue_id (C) are hidden in the workbook; "
        "read all the same"
    ) in res.notes


def test_merged_data_cells_are_named_not_empty(tmp_path):
    path = workbook(tmp_path, lambda wb: wb["Events"].merge_cells("B2:B3"))
    (p,) = problems(path)
    assert (p.sheet, p.row, p.column) == ("Events", 3, "title")
    assert p.message.startswith(
        "Merged cells B2:B3: this cell shows the value of B2 but holds none"
    )


def test_merged_empty_cells_are_just_empty(tmp_path):
    def edit(wb):
        set_cell(wb, "Events", "track", 2, None)
        set_cell(wb, "Events", "track", 3, None)
        t = _column_letter(wb, "Events", "track")
        wb["Events"].merge_cells(f"{t}2:{t}3")

    assert read_scenario(workbook(tmp_path, edit)).problems == []


@pytest.mark.parametrize("name", ["scenario", "scenario.xlsx.bak"])
def test_a_workbook_whose_name_lacks_xlsx_is_named_clearly(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(workbook(tmp_path).read_bytes())
    p = only(path)
    assert p.message == "The file name does not end in .xlsx: rename the file"
    assert p.value == name and p.file == str(path)
    assert "scenario" in p.expected and ".xlsx" in p.expected


def test_any_case_of_the_ending_is_read(tmp_path):
    path = tmp_path / "SCENARIO.XLSX"
    path.write_bytes(workbook(tmp_path).read_bytes())
    assert load_scenario(path) == small_scenario()


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "pipe.xlsx"
    os.mkfifo(path)  # opened, it would wait for a writer for ever
    assert "device, pipe or socket" in only(path).message


def test_a_name_too_long_for_the_file_system_is_a_problem(tmp_path):
    path = tmp_path / ("a" * 300 + ".xlsx")
    assert "cannot be read" in only(path).message


def test_a_path_through_a_file_is_not_found(tmp_path):
    path = workbook(tmp_path) / "inner.xlsx"
    assert only(path).message == "File not found"
