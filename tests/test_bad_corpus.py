"""Every file of the bad-input corpus (tests/data/bad) is refused with exit
code 2, a message naming the place, no traceback, nothing written and the
file itself untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from scheduler.cli import cli
from tests.data.bad.make_corpus import many_cells, many_parts

BAD = Path(__file__).parent / "data" / "bad"
FILES = sorted(BAD.glob("*.xlsx"))

#: what the message must mention, per file (the place, or the cause)
EXPECT = {
    "missing_sheet.xlsx": "sheet Rooms",
    "missing_column.xlsx": "column capacity",
    "wrong_type.xlsx": "Rooms, row 2, column capacity",
    "unknown_reference.xlsx": "Rooms, row 3, column venue_id",
    "duplicate_id.xlsx": "column room_id",
    "window_outside_days.xlsx": "Events, row 3, column earliest",
    "zero_duration.xlsx": "column duration_minutes",
    "negative_duration.xlsx": "column duration_minutes",
    "zero_capacity.xlsx": "Rooms, row 2, column capacity",
    "after_cycle.xlsx": "Cycle",
    "member_not_person.xlsx": "SequenceMembers, row 2, column member",
    "formula_value.xlsx": "formula",
    "merged_header.xlsx": "Merged",
    "text_renamed.xlsx": "not a zip",
    "truncated.xlsx": "damaged",
    "password_protected.xlsx": "password",
    "zip_bomb.xlsx": "zip bomb",
    "rows_50000.xlsx": "More than 20,000 rows",
    "empty_workbook.xlsx": "Missing sheet",
    # issue 14: limits of a valid scenario
    "huge_duration.xlsx": "Events, row 2, column duration_minutes",
    "huge_capacity.xlsx": "Rooms, row 2, column capacity",
    "huge_slot_seconds.xlsx": "Sequences, row 2, column slot_seconds",
    "huge_travel.xlsx": "Travel, row 2, column minutes",
    "huge_position.xlsx": "SequenceMembers, row 2, column position",
    "id_semicolon.xlsx": "Events, row 3, column event_id",
    "id_colon.xlsx": "Sequences, row 2, column sequence_id",
    "id_line_break.xlsx": "Rooms, row 3, column room_id",
    "id_too_long.xlsx": "Venues, row 3, column venue_id",
    "id_same_but_case.xlsx": "Rooms, row 3, column room_id",
    "name_too_long.xlsx": "Events, row 2, column title",
    "days_twice.xlsx": "listed twice: 2025-10-25",
    "duplicate_setting.xlsx": "Settings, row 13, column key",
    "duplicate_header.xlsx": "Rooms, row 1, column capacity",
    "chart_sheet.xlsx": "sheet Rooms: Sheet Rooms is a chart",
    # audit s23: a fixed start no schedule can keep is bad input (not
    # "no schedule exists"); Excel error cells; ids alike to the eye
    "fixed_start_off_grid.xlsx": "Events, row 2, column fixed_start: "
    "Not on the 5-minute time grid (counted from day_start 08:00)",
    "fixed_start_outside_window.xlsx": "Events, row 2, column fixed_start: "
    "Outside the event's own window",
    "fixed_start_past_day_end.xlsx": "Events, row 2, column fixed_start: "
    "The event would end after day_end (18:00)",
    "error_cell_id.xlsx": "Rooms, row 2, column room_id: "
    "An Excel error (#DIV/0!) where a value is expected",
    "error_cell_title.xlsx": "Events, row 3, column title: "
    "An Excel error (#N/A) where a value is expected",
    "id_same_but_width.xlsx": "Rooms, row 3, column room_id: "
    "Same id as row 2 ('R1') but for the form of its characters",
    "id_same_but_accent_form.xlsx": "Venues, row 3, column venue_id: "
    "Same id as row 2",
    "merged_data_cells.xlsx": "Events, row 3, column title: "
    "Merged cells B2:B3",
    # a window the day's hours leave no start in (not "no schedule
    # exists")
    "window_before_day_start.xlsx": "Events, row 3, column latest: "
    "The window ends too early for the day's hours",
    "queue_window_after_day_end.xlsx": "Sequences, row 2, column earliest: "
    "The window opens too late for the day's hours",
}


def test_corpus_is_complete():
    assert {f.name for f in FILES} == set(EXPECT)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_refused_clearly(path, tmp_path):
    before = _digest(path)
    runner = CliRunner()
    for args in (
        ["validate", str(path)],
        ["solve", str(path), "-o", str(tmp_path / "s.xlsx")],
    ):
        r = runner.invoke(cli, args)
        assert r.exit_code == 2, (args, r.output)
        assert r.exception is None or isinstance(r.exception, SystemExit)
        assert "Traceback" not in r.output
        assert EXPECT[path.name] in r.output, r.output
    assert list(tmp_path.iterdir()) == []
    assert _digest(path) == before


BAD_SCHEDULES = Path(__file__).parent / "data" / "bad_schedules"
SCENARIO = BAD_SCHEDULES / "scenario.xlsx"
SCHEDULE_FILES = sorted(
    p
    for p in BAD_SCHEDULES.glob("*.xlsx")
    if p.name not in ("scenario.xlsx", "good.xlsx")
    and not p.name.startswith("baseline_")
)
#: readable schedules that no what-if run can keep as its baseline
BASELINES = {
    "baseline_year_typo.xlsx": "Schedule row 5 (E:WS1): 2024-10-25 10:05",
    "baseline_locked_before_day_start.xlsx": "Schedule row 5 (E:WS1): locked",
}
#: what the message must mention, per bad schedule workbook
SCHEDULE_EXPECT = {
    "missing_sheet.xlsx": "Missing sheet Schedule",
    "missing_column.xlsx": "sheet Schedule, row 1, column start",
    "wrong_type.xlsx": "sheet Schedule, row 2, column start",
    "end_text.xlsx": "sheet Schedule, row 2, column end",
    "bad_locked.xlsx": "sheet Schedule, row 2, column locked",
    "bad_position.xlsx": "sheet Schedule, row 2, column position",
    "formula_start.xlsx": "A formula in start",
    "merged_header.xlsx": "Merged header",
    "text_renamed.xlsx": "not a zip",
    "truncated.xlsx": "damaged",
    "password_protected.xlsx": "password",
    "empty_workbook.xlsx": "Missing sheet Schedule",
    "duplicate_header.xlsx": "sheet Schedule, row 1, column start",
}


def test_schedule_corpus_is_complete_and_its_base_is_good():
    assert {f.name for f in SCHEDULE_FILES} == set(SCHEDULE_EXPECT)
    r = CliRunner().invoke(
        cli, ["check", str(SCENARIO), str(BAD_SCHEDULES / "good.xlsx")]
    )
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("path", SCHEDULE_FILES, ids=lambda p: p.stem)
def test_bad_schedule_refused_clearly(path, tmp_path):
    before = _digest(path), _digest(SCENARIO)
    runner = CliRunner()
    out = str(tmp_path / "s.xlsx")
    for args in (
        ["check", str(SCENARIO), str(path)],
        ["solve", str(SCENARIO), "--baseline", str(path), "-o", out],
        ["export", str(SCENARIO), str(path), "-o", out],
    ):
        r = runner.invoke(cli, args)
        assert r.exit_code == 2, (args, r.output)
        assert r.exception is None or isinstance(r.exception, SystemExit)
        assert "Traceback" not in r.output
        assert SCHEDULE_EXPECT[path.name] in r.output, r.output
    assert list(tmp_path.iterdir()) == []
    assert (_digest(path), _digest(SCENARIO)) == before


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_a_baseline_no_schedule_can_keep_is_named_not_infeasible(
    name, tmp_path
):
    path = BAD_SCHEDULES / name
    assert {p.name for p in BAD_SCHEDULES.glob("baseline_*")} == set(BASELINES)
    out = tmp_path / "s.xlsx"
    r = CliRunner().invoke(
        cli,
        ["solve", str(SCENARIO), "--baseline", str(path), "-o", str(out)],
    )
    assert r.exit_code == 2, r.output
    assert BASELINES[name] in r.output and "INFEASIBLE" not in r.output
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------- made at test time


@pytest.mark.parametrize(
    "make, expect",
    [
        (many_parts, "unpacks to"),
        (many_cells, "more than 2,000,000 cells"),
    ],
    ids=["many-parts", "many-cells"],
)
def test_a_workbook_too_big_to_unpack_is_refused_quickly(
    make, expect, tmp_path
):
    path = make(tmp_path / "big.xlsx")
    out = tmp_path / "out"
    out.mkdir()
    r = CliRunner().invoke(
        cli, ["solve", str(path), "-o", str(out / "s.xlsx")]
    )
    assert r.exit_code == 2, r.output
    assert expect in r.output and "Traceback" not in r.output
    assert list(out.iterdir()) == []


def test_a_good_workbook_named_without_xlsx_is_named_clearly(tmp_path):
    from tests.inputs.helpers import workbook

    path = tmp_path / "scenario"
    path.write_bytes(workbook(tmp_path).read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    for args in (
        ["validate", str(path)],
        ["solve", str(path), "-o", str(out / "s.xlsx")],
    ):
        r = runner.invoke(cli, args)
        assert r.exit_code == 2, (args, r.output)
        assert "Traceback" not in r.output and "openpyxl" not in r.output
        assert (
            f"{path}: The file name does not end in .xlsx: rename the file "
            "(found 'scenario'; expected a name such as scenario.xlsx)"
        ) in r.output
    assert list(out.iterdir()) == []


# ------------------------------------------------ odd but valid workbooks

ODD = Path(__file__).parent / "data" / "odd"


def test_odd_corpus_is_complete():
    assert {f.name for f in ODD.glob("*.xlsx")} == {
        "days_unsorted.xlsx",
        "line_breaks.xlsx",
        "hidden_sheet_and_rows.xlsx",
    }


def test_days_in_any_order_are_sorted():
    from scheduler.pipeline import load_scenario

    s = load_scenario(ODD / "days_unsorted.xlsx")
    assert list(s.settings.days) == sorted(s.settings.days)
    assert len(s.settings.days) == 2


def test_line_breaks_in_names_work_in_every_output(tmp_path):
    r = CliRunner().invoke(
        cli,
        [
            "solve",
            str(ODD / "line_breaks.xlsx"),
            "-o",
            str(tmp_path / "s.xlsx"),
            "--time-limit",
            "5",
            "--ics",
            str(tmp_path / "ics"),
        ],
    )
    assert r.exit_code == 0, r.output
    text = "".join(p.read_text() for p in (tmp_path / "ics").glob("*.ics"))
    assert "SUMMARY:Opening ceremony" in text
    assert "Test summit" in text


def test_validate_says_what_excel_hides():
    r = CliRunner().invoke(
        cli, ["validate", str(ODD / "hidden_sheet_and_rows.xlsx")]
    )
    assert r.exit_code == 0, r.output
    assert "sheet Travel is hidden" in r.output
    assert "Rooms: row 3 is hidden or filtered out" in r.output


def test_validate_says_which_columns_excel_hides(tmp_path):
    from tests.inputs.helpers import workbook

    def hide(wb):
        ws = wb["Events"]
        header = next(c for c in ws[1] if c.value == "restricted")
        ws.column_dimensions[header.column_letter].hidden = True

    r = CliRunner().invoke(cli, ["validate", str(workbook(tmp_path, hide))])
    assert r.exit_code == 0, r.output
    assert "Events: column restricted (" in r.output
    assert "is hidden in the workbook; read all the same" in r.output


@pytest.mark.parametrize("end", ["2025-10-25 10:05", "2025-10-25 09:30"])
def test_export_refuses_a_row_that_ends_before_it_starts(end, tmp_path):
    # check reads it (exit 1: a wrong duration); export drew the day grid
    # from its start back to its end: ZeroDivisionError, a traceback
    from openpyxl import load_workbook

    path = tmp_path / "edited.xlsx"
    wb = load_workbook(BAD_SCHEDULES / "good.xlsx")
    wb["Schedule"]["F5"] = end  # E:WS1, 10:05-11:05
    wb.save(path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "press.xlsx").write_bytes(b"earlier")
    runner = CliRunner()
    r = runner.invoke(cli, ["check", str(SCENARIO), str(path)])
    assert r.exit_code == 1, r.output
    assert "lasts -" in r.output or "lasts 0 min" in r.output
    r = runner.invoke(
        cli,
        [
            "export",
            str(SCENARIO),
            str(path),
            "-o",
            str(out / "press.xlsx"),
            "--ics",
            str(out / "ics"),
        ],
    )
    assert r.exit_code == 2, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert (
        "sheet Schedule, row 5, column end: The end is not after the start"
    ) in r.output
    assert [p.name for p in out.iterdir()] == ["press.xlsx"]
    assert (out / "press.xlsx").read_bytes() == b"earlier"
