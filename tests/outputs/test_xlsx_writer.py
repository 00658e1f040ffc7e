"""The schedule workbook: contract sheets, real date-times, safety."""

from __future__ import annotations

import zipfile
from datetime import datetime

import pytest
from openpyxl import load_workbook

from inputs.schedule_reader import read_schedule
from models.schedule import Assignment, Schedule, SolveInfo, Unscheduled
from outputs.xlsx_writer import write_schedule_workbook
from tests.factory import at, delegation, tiny
from tests.inputs.helpers import small_scenario

# the contract, spelled out here on purpose (not imported)
SCHEDULE_HEADERS = [
    "item_id",
    "kind",
    "ref_id",
    "title",
    "start",
    "end",
    "room_id",
    "venue_id",
    "participants",
    "position",
    "locked",
]


def _schedule(title="Opening"):
    rows = (
        Assignment(
            "E:OPEN",
            "event",
            "OPEN",
            title,
            at("09:00"),
            at("10:00"),
            "HALL",
            "NCC",
            ("FRA", "DEU"),
            None,
            True,
        ),
        Assignment(
            "S:Q:FRA",
            "sequence",
            "Q",
            "Signature: France",
            datetime(2025, 10, 25, 9, 0, 0),
            datetime(2025, 10, 25, 9, 1, 30),
            "HALL",
            "NCC",
            ("FRA",),
            1,
        ),
    )
    return Schedule(
        rows,
        (Unscheduled("E:WS1", "WS1", "event", "Workshop", 3, "No room"),),
        SolveInfo("OPTIMAL", 12.0, 12.0, 0.5, 0.0, penalties={"room_fit": 3}),
        datetime(2026, 1, 1, 12, 0),
        "Test summit",
    )


def test_contract_sheets_and_headers(tmp_path):
    path = write_schedule_workbook(
        small_scenario(), _schedule(), tmp_path / "s.xlsx"
    )
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["Summary", "Schedule", "Unscheduled"]
    ws = wb["Schedule"]
    assert [c.value for c in ws[1]][:11] == SCHEDULE_HEADERS
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert isinstance(ws["E2"].value, datetime)
    assert [c.value for c in wb["Unscheduled"][1]][:5] == [
        "ref_id",
        "kind",
        "title",
        "priority",
        "reason",
    ]
    summary = {
        r[0].value: r[1].value for r in wb["Summary"].iter_rows(min_row=2)
    }
    for key in (
        "event_name",
        "status",
        "objective",
        "best_bound",
        "solve_seconds",
        "items_scheduled",
        "items_unscheduled",
        "generated_at",
    ):
        assert key in summary
    assert summary["status"] == "OPTIMAL"
    assert summary["penalty:room_fit"] == 3


def test_round_trip_through_the_reader(tmp_path):
    s = small_scenario()
    sched = _schedule()
    path = write_schedule_workbook(s, sched, tmp_path / "s.xlsx")
    back = read_schedule(path, s)
    assert not back.problems
    assert back.schedule.assignments == sched.assignments
    assert back.schedule.unscheduled == sched.unscheduled
    assert back.schedule.info.status == "OPTIMAL"
    assert back.schedule.info.objective == 12.0


@pytest.mark.parametrize(
    "title", ['=HYPERLINK("http://x","y")', "@SUM(A1)", "-1+2", "+x"]
)
def test_formula_injection_is_written_as_text(tmp_path, title):
    path = write_schedule_workbook(
        small_scenario(), _schedule(title), tmp_path / "s.xlsx"
    )
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name)
    cell = load_workbook(path)["Schedule"]["D2"]
    assert cell.value == title and cell.data_type == "s"


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "s.xlsx"
    write_schedule_workbook(small_scenario(), _schedule(), path)
    before = path.read_bytes()
    import openpyxl.workbook.workbook as wbmod

    def boom(self, filename):
        with open(filename, "wb") as fh:
            fh.write(b"half")
        raise OSError("disk full")

    monkeypatch.setattr(wbmod.Workbook, "save", boom)
    with pytest.raises(OSError):
        write_schedule_workbook(small_scenario(), _schedule("x"), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.xlsx"]


def test_reader_reports_bad_dates(tmp_path):
    path = write_schedule_workbook(
        small_scenario(), _schedule(), tmp_path / "s.xlsx"
    )
    wb = load_workbook(path)
    wb["Schedule"]["E2"].value = "tomorrow-ish"
    wb.save(path)
    res = read_schedule(path)
    assert res.schedule is None
    assert res.problems[0].row == 2 and res.problems[0].column == "start"


def test_hand_edit_moved_start_and_locked(tmp_path):
    s = tiny(delegations=(delegation("FRA"),))
    sched = Schedule(
        (
            Assignment(
                "E:X", "event", "X", "X", at("09:00"), at("10:00"), "R1", "NCC"
            ),
        )
    )
    path = write_schedule_workbook(s, sched, tmp_path / "s.xlsx")
    wb = load_workbook(path)
    ws = wb["Schedule"]
    ws["E2"].value = "2025-10-25 11:00"
    ws["G2"].value = "R2"
    ws["K2"].value = "y"
    wb.save(path)
    a = read_schedule(path, s).schedule.assignments[0]
    assert a.start == at("11:00") and a.room_id == "R2" and a.locked


def test_written_file_has_ordinary_permissions(tmp_path):
    import os
    import stat

    path = write_schedule_workbook(
        small_scenario(), _schedule(), tmp_path / "s.xlsx"
    )
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
