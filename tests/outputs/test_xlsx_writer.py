"""The schedule workbook: contract sheets, real date-times, plain tables,
formula-injection safety and atomic writes."""

from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import replace
from datetime import datetime

import pytest
from openpyxl import load_workbook

from models.changes import Change
from models.records.schedule import Schedule
from outputs.xlsx_writer import (
    write_changes_workbook,
    write_schedule_workbook,
)
from tests.outputs.schedules import full_scenario, full_schedule

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
UNSCHEDULED_HEADERS = ["ref_id", "kind", "title", "priority", "reason"]
SUMMARY_KEYS = [
    "event_name",
    "status",
    "objective",
    "best_bound",
    "solve_seconds",
    "items_scheduled",
    "items_unscheduled",
    "generated_at",
]
INJECTIONS = [
    '=HYPERLINK("http://evil.example","click")',
    "@SUM(A1)",
    "-1+2",
    "+x",
    "=1+1",
]


def _write(tmp_path, schedule=None, name="s.xlsx", **kw):
    s = full_scenario()
    sched = schedule if schedule is not None else full_schedule(s)
    return write_schedule_workbook(s, sched, tmp_path / name, **kw)


def _header(ws) -> list:
    return [c.value for c in ws[1]]


def _column(ws, name: str) -> list:
    col = _header(ws).index(name) + 1
    return [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)]


def test_contract_sheets_in_order_and_headers_exact(tmp_path):
    wb = load_workbook(_write(tmp_path))
    assert wb.sheetnames[:3] == ["Summary", "Schedule", "Unscheduled"]
    assert _header(wb["Schedule"])[:11] == SCHEDULE_HEADERS
    assert _header(wb["Schedule"])[11:] == [
        "note",
        "room_name",
        "venue_name",
        "day",
        "duration_minutes",
        "restricted",
    ]
    assert _header(wb["Unscheduled"]) == [
        *UNSCHEDULED_HEADERS,
        "item_id",
        "restricted",
    ]
    assert _header(wb["Summary"]) == ["key", "value", "about"]


def test_changes_sheet_comes_after_the_contract_sheets(tmp_path):
    change = Change(
        "moved",
        "E:OPEN",
        "event",
        "Opening",
        datetime(2025, 10, 25, 9),
        datetime(2025, 10, 25, 10),
        "HALL",
        datetime(2025, 10, 25, 10),
        datetime(2025, 10, 25, 11),
        "HALL",
        ("FRA",),
    )
    wb = load_workbook(_write(tmp_path, changes=[change]))
    assert wb.sheetnames[:4] == [
        "Summary",
        "Schedule",
        "Unscheduled",
        "Changes",
    ]
    assert wb["Changes"]["B2"].value == "E:OPEN"
    only = load_workbook(write_changes_workbook([], tmp_path / "c.xlsx"))
    assert only.sheetnames == ["Changes"]


def test_summary_rows(tmp_path):
    ws = load_workbook(_write(tmp_path))["Summary"]
    keys = [c.value for c in _column(ws, "key")]
    assert set(SUMMARY_KEYS) <= set(keys)
    # the rows for people, then (after a row without a key, which
    # readers skip) the technical rows under their heading
    gap = keys.index(None)
    assert keys[gap + 1] is None
    assert ws.cell(row=gap + 3, column=3).value.startswith("Technical")
    assert "status" in keys[:gap] and "objective" in keys[gap:]
    assert all(
        k.startswith(("penalty:", "setting:")) is False for k in keys[:gap]
    )
    kv = {r[0].value: r[1] for r in ws.iter_rows(min_row=2)}
    assert kv["gap"].number_format == "0.00%"
    assert kv["audience"].value == "full"
    assert kv["status"].value == "FEASIBLE"
    assert kv["objective"].value == 120
    assert kv["items_scheduled"].value == 5
    assert kv["items_unscheduled"].value == 1
    assert kv["generated_at"].value == datetime(2025, 10, 1, 12, 30, 5)
    assert kv["generated_at"].is_date
    assert kv["penalty:room_fit"].value == 3
    assert kv["setting:vip_rank"].value == "HOG"
    assert kv["setting:days"].value == "2025-10-25"


def test_summary_none_is_an_empty_cell(tmp_path):
    s = full_scenario()
    sched = replace(full_schedule(s), info=None, generated_at=None)
    ws = load_workbook(_write(tmp_path, sched))["Summary"]
    kv = {r[0].value: r[1] for r in ws.iter_rows(min_row=2)}
    assert kv["status"].value == "UNKNOWN"
    assert kv["objective"].value is None
    assert kv["best_bound"].value is None
    assert isinstance(kv["generated_at"].value, datetime)


def test_real_datetimes_and_formats(tmp_path):
    ws = load_workbook(_write(tmp_path))["Schedule"]
    kinds = [c.value for c in _column(ws, "kind")]
    for name in ("start", "end"):
        for kind, cell in zip(kinds, _column(ws, name), strict=True):
            assert isinstance(cell.value, datetime) and cell.is_date
            expected = (
                "yyyy-mm-dd hh:mm:ss"
                if kind == "sequence"
                else "yyyy-mm-dd hh:mm"
            )
            assert cell.number_format == expected
    starts = [c.value for c in _column(ws, "start")]
    assert starts == sorted(starts)
    assert datetime(2025, 10, 25, 9, 31, 30) in starts


def test_plain_tables_with_filter_and_frozen_bold_header(tmp_path):
    wb = load_workbook(_write(tmp_path))
    for name, rows in (("Schedule", 5), ("Unscheduled", 1), ("Summary", 0)):
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert not ws.merged_cells.ranges
        assert all(c.font.b for c in ws[1])
        assert ws[1][0].fill.fgColor.rgb.endswith("1F3864")
        last = ws.cell(row=1, column=ws.max_column).column_letter
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}"
        first = [c.value for c in _column(ws, _header(ws)[0])]
        if name != "Summary":  # whose technical rows are set apart
            assert all(v not in (None, "") for v in first)  # no blank rows
        if rows:
            assert ws.max_row == rows + 1
        widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
        assert all(6 <= w <= 90 for w in widths)
        # every style names its font
        assert all(c.font.name == "Arial" for row in ws for c in row)


def test_empty_schedule_still_has_the_headers(tmp_path):
    wb = load_workbook(_write(tmp_path, Schedule(())))
    assert _header(wb["Schedule"])[:11] == SCHEDULE_HEADERS
    assert wb["Schedule"].max_row == 1
    assert wb["Unscheduled"].auto_filter.ref == "A1:G1"


def _no_formulas(path) -> None:
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                body = zf.read(name)
                assert b"<f>" not in body and b"<f " not in body


@pytest.mark.parametrize("text", INJECTIONS)
def test_formula_injection_is_written_as_text(tmp_path, text):
    s = full_scenario()
    sched = full_schedule(s, title=text)
    sched = replace(
        sched,
        unscheduled=(replace(sched.unscheduled[0], reason=text),),
    )
    path = _write(tmp_path, sched)
    _no_formulas(path)
    wb = load_workbook(path)
    titles = _column(wb["Schedule"], "title")
    (cell,) = [c for c in titles if c.value == text]
    assert cell.data_type == "s"
    reason = _column(wb["Unscheduled"], "reason")[0]
    assert reason.value == text and reason.data_type == "s"


def test_every_text_cell_is_a_string_cell(tmp_path):
    s = full_scenario()
    sched = full_schedule(s, title="#N/A")
    path = _write(tmp_path, sched)
    _no_formulas(path)
    for ws in load_workbook(path):
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    assert c.data_type == "s", (ws.title, c.coordinate)


def test_control_characters_do_not_break_the_write(tmp_path):
    s = full_scenario()
    path = _write(tmp_path, full_schedule(s, title="Open\x07ing\x00"))
    titles = [
        c.value for c in _column(load_workbook(path)["Schedule"], "title")
    ]
    assert "Opening" in titles


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = _write(tmp_path)
    before = path.read_bytes()
    import openpyxl.workbook.workbook as wbmod

    def boom(self, filename):
        with open(filename, "wb") as fh:
            fh.write(b"half a workbook")
        raise OSError("disk full")

    monkeypatch.setattr(wbmod.Workbook, "save", boom)
    with pytest.raises(OSError, match="disk full"):
        _write(tmp_path, full_schedule(full_scenario(), title="new"))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["s.xlsx"]


def test_failed_first_write_leaves_nothing(tmp_path, monkeypatch):
    import openpyxl.workbook.workbook as wbmod

    def boom(self, filename):
        raise KeyboardInterrupt

    monkeypatch.setattr(wbmod.Workbook, "save", boom)
    with pytest.raises(KeyboardInterrupt):
        _write(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_rewrite_replaces_the_file(tmp_path):
    path = _write(tmp_path)
    _write(tmp_path, full_schedule(full_scenario(), title="Renamed"))
    titles = [
        c.value for c in _column(load_workbook(path)["Schedule"], "title")
    ]
    assert "Renamed" in titles
    assert [p.name for p in tmp_path.iterdir()] == ["s.xlsx"]


def test_written_file_has_ordinary_permissions(tmp_path):
    path = _write(tmp_path)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    path = _write(tmp_path)
    for mode in (0o600, 0o640):
        path.chmod(mode)
        _write(tmp_path)
        assert stat.S_IMODE(path.stat().st_mode) == mode


def test_tables_print_at_a_fixed_scale_with_page_furniture(tmp_path):
    wb = load_workbook(_write(tmp_path))
    for name, orientation in (
        ("Schedule", "landscape"),
        ("Unscheduled", "landscape"),
        ("Summary", "portrait"),
    ):
        ws = wb[name]
        ps = ws.page_setup
        assert ps.orientation == orientation
        assert not ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ps.scale) == 100 and int(ps.paperSize) == 9  # A4
        assert ws.print_title_rows.replace("$", "") == "1:1"
        assert ws.oddHeader.left.text == "RESTRICTED – full copy"
        assert ws.oddHeader.center.text == "Test summit"
        assert ws.oddFooter.left.text == "Generated 2025-10-01 12:30"
        assert ws.oddFooter.center.text.startswith("Page &P of ")
        assert ws.oddFooter.right.text == "&A"
        # text wraps in its column, in a row tall enough for it
        assert all(c.alignment.wrap_text for c in ws[2])
    # too wide for a landscape page: the columns go over two pages, the
    # first column repeated
    ws = wb["Schedule"]
    groups = len(ws.col_breaks.brk) + 1
    assert groups > 1
    assert ws.print_title_cols.replace("$", "") == "A:A"
    assert ws.oddFooter.center.text == f"Page &P of {groups}"
    public = load_workbook(_write(tmp_path, name="p.xlsx", audience="public"))
    assert public["Schedule"].oddHeader.left.text == "Public copy"


def test_paper_size_comes_from_the_scenario(tmp_path):
    s = full_scenario()
    s = replace(s, settings=replace(s.settings, paper_size="Letter"))
    path = write_schedule_workbook(s, full_schedule(s), tmp_path / "l.xlsx")
    wb = load_workbook(path)
    assert {int(ws.page_setup.paperSize) for ws in wb} == {1}


def test_column_groups_are_even_and_leave_no_page_without_text():
    from outputs.xlsx_writer import column_groups

    full = [True] * 7
    # fits: one group
    assert column_groups([50] * 4, 250, [full[:4]]) == ([], 0)
    # two groups of 3 + 4 or 4 + 3 columns fit 250 points (the first
    # column repeated); the one whose second part has text on every page
    sparse = [True, True, True, True, False, False, False]
    assert column_groups([50] * 7, 250, [sparse, full]) == ([3], 0)
    # no way around an empty page: the fewest groups, the page counted
    bare = [True, True, True, False, False, False, False]
    assert column_groups([50] * 7, 250, [bare, full]) == ([3], 1)
