"""Regenerate the corpus of bad schedule workbooks in this folder:
``python -m tests.data.bad_schedules.make_corpus``.

``scenario.xlsx`` is the reader tests' small scenario and ``good.xlsx``
a checked schedule of it; every other file breaks one thing of
``good.xlsx``. ``tests/test_bad_corpus.py`` expects ``scheduler check``
and ``scheduler solve --baseline`` to refuse each with exit code 2, a
message that names the place, no traceback and nothing written."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from inputs.scenario_writer import write_scenario
from outputs.xlsx_writer import write_schedule_workbook
from scheduler import SolveParams
from scheduler.search.solve import solve
from tests.inputs.helpers import small_scenario

HERE = Path(__file__).resolve().parent


def _cell(wb, column: str, row: int, value) -> None:
    ws = wb["Schedule"]
    heads = [c.value for c in ws[1]]
    ws.cell(row=row, column=heads.index(column) + 1, value=value)


def _edit(name: str, fn) -> None:
    wb = load_workbook(HERE / "good.xlsx")
    fn(wb)
    wb.save(HERE / name)


def main() -> None:
    s = small_scenario()
    write_scenario(s, HERE / "scenario.xlsx")
    r = solve(s, SolveParams(time_limit=10, workers=1), live=False)
    write_schedule_workbook(s, r.schedule, HERE / "good.xlsx")
    _edit("missing_sheet.xlsx", lambda wb: wb.remove(wb["Schedule"]))
    _edit(
        "missing_column.xlsx",
        lambda wb: wb["Schedule"].delete_cols(5),  # start
    )
    _edit("wrong_type.xlsx", lambda wb: _cell(wb, "start", 2, "tomorrow"))
    _edit("bad_locked.xlsx", lambda wb: _cell(wb, "locked", 2, "perhaps"))
    _edit(
        "formula_start.xlsx",
        lambda wb: _cell(wb, "start", 2, "=NOW()"),
    )
    _edit("bad_position.xlsx", lambda wb: _cell(wb, "position", 2, "first"))
    _edit("merged_header.xlsx", lambda wb: wb["Schedule"].merge_cells("A1:B1"))
    _edit(
        "end_text.xlsx",
        lambda wb: _cell(wb, "end", 2, datetime(2025, 10, 25).isoformat()[:4]),
    )
    (HERE / "text_renamed.xlsx").write_text("item_id,start\nE:OPEN,9:00\n")
    hostile()
    good = (HERE / "good.xlsx").read_bytes()
    (HERE / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    (HERE / "password_protected.xlsx").write_bytes(
        bytes.fromhex("D0CF11E0A1B11AE1") + bytes(4096)
    )
    Workbook().save(HERE / "empty_workbook.xlsx")


if __name__ == "__main__":
    main()


def _shift(wb, item_id: str, **change) -> None:
    """Change start and end of ``item_id``'s row (``year=``, ``hour=``,
    ``locked=``)."""
    ws = wb["Schedule"]
    heads = [c.value for c in ws[1]]
    locked = change.pop("locked", None)
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, heads.index("item_id") + 1).value != item_id:
            continue
        for col in ("start", "end"):
            cell = ws.cell(row, heads.index(col) + 1)
            value = cell.value.replace(**change)
            if "hour" in change and col == "end":
                value = value.replace(hour=change["hour"] + 1)
            cell.value = value
        if locked is not None:
            ws.cell(row, heads.index("locked") + 1).value = locked


def hostile() -> None:
    """Issue 14: a repeated header (every command refuses it), and
    baselines no schedule can keep (``solve --baseline`` names the row:
    ``BASELINES`` in ``tests/test_bad_corpus.py``)."""
    _edit(
        "duplicate_header.xlsx",
        lambda wb: wb["Schedule"].cell(1, 30, "start"),
    )
    _edit("baseline_year_typo.xlsx", lambda wb: _shift(wb, "E:WS1", year=2024))
    _edit(
        "baseline_locked_before_day_start.xlsx",
        lambda wb: _shift(wb, "E:WS1", hour=6, locked="yes"),
    )
