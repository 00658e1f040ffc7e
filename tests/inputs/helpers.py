"""Build scenario workbooks for reader tests, then break them."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from inputs.scenario_writer import write_scenario
from models import Event, Sequence, SequenceMember
from tests.factory import at, delegation, tiny


def small_scenario():
    return tiny(
        delegations=(
            delegation("FRA", "HOS", name="France"),
            delegation("DEU", name="Germany"),
        ),
        events=(
            Event(
                "OPEN",
                "Opening",
                "ceremony",
                60,
                300,
                rooms=("HALL",),
                all_heads=True,
                mandatory=True,
                fixed_start=at("09:00"),
            ),
            Event(
                "WS1",
                "Workshop",
                "workshop",
                60,
                50,
                participants=("DEU",),
                after=("OPEN",),
            ),
        ),
        sequences=(
            Sequence(
                "Q",
                "Order of signature",
                "HALL",
                "precedence",
                90,
                within_event="OPEN",
            ),
        ),
        members=(SequenceMember("Q", "FRA"), SequenceMember("Q", "DEU")),
    )


def workbook(tmp_path: Path, edit=None, name="scenario.xlsx") -> Path:
    """Write the small scenario, apply ``edit(wb)``, save, return path."""
    path = tmp_path / name
    write_scenario(small_scenario(), path)
    if edit is not None:
        wb = load_workbook(path)
        edit(wb)
        wb.save(path)
    return path


def set_cell(wb, sheet: str, column: str, row: int, value) -> None:
    ws = wb[sheet]
    for cell in ws[1]:
        if cell.value == column:
            ws.cell(row=row, column=cell.column, value=value)
            return
    raise KeyError(column)
