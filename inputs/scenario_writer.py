"""Writing a ``models.Scenario`` as a scenario workbook (same format the
reader reads), atomically."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from models import Scenario
from models.files import atomic_write
from models.records.settings import SETTING_KEYS
from models.validation import records

from .scenario_format import SETTINGS_EXAMPLE, SETTINGS_HELP, SHEETS, Sheet

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
#: What a cell of the workbook holds.
CellValue = str | int | float | date | time | None
#: Notes rows: topic, value, tag, source.
NoteRow = Sequence[CellValue]


def cell_value(value: object) -> CellValue:
    """A record field as a workbook cell value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (frozenset, set)):
        return "; ".join(sorted(value))
    if isinstance(value, tuple):
        return "; ".join(str(cell_value(v)) for v in value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, (datetime, date, int, float)):
        return value
    return str(value)


def _put(ws: Worksheet, row: int, col: int, value: CellValue) -> None:
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text
    elif isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"


def _header(
    ws: Worksheet, names: list[str], helps: list[str] | None = None
) -> None:
    for c, name in enumerate(names, start=1):
        cell = ws.cell(row=1, column=c, value=name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        if helps and helps[c - 1]:
            cell.comment = Comment(helps[c - 1], "scheduler")
        ws.column_dimensions[get_column_letter(c)].width = max(
            12, len(name) + 4
        )
    ws.freeze_panes = "A2"


def _validations(ws: Worksheet, sheet: Sheet, ranks: list[str]) -> None:
    for c, col in enumerate(sheet.columns, start=1):
        options = col.choices
        if col.name in ("head_rank", "rank") and sheet.name != "Ranks":
            options = tuple(ranks)
        if not options:
            continue
        letter = get_column_letter(c)
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(options) + '"',
            allow_blank=True,
        )
        dv.error = f"Choose one of: {', '.join(options)}"
        dv.add(f"{letter}2:{letter}1000")
        ws.add_data_validation(dv)


def build_workbook(
    scenario: Scenario | None, notes: Iterable[NoteRow] | None = None
) -> Workbook:
    """A scenario workbook; ``scenario=None`` gives the blank template."""
    wb = Workbook()
    for default in list(wb.worksheets):
        wb.remove(default)
    ranks = [r.rank for r in (scenario.ranks if scenario else ())] or [
        "HOS",
        "VP",
        "HOG",
        "DPM",
        "FM",
        "MIN",
        "VMIN",
        "AMB",
        "IOH",
        "OFF",
    ]
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        if sheet.name == "Settings":
            _header(ws, ["key", "value"], ["Setting name", "Setting value"])
            ws.column_dimensions["A"].width = 28
            ws.column_dimensions["B"].width = 60
            for r, key in enumerate(SETTING_KEYS, start=2):
                _put(ws, r, 1, key)
                ws.cell(row=r, column=1).comment = Comment(
                    SETTINGS_HELP[key], "scheduler"
                )
                value = (
                    SETTINGS_EXAMPLE[key]
                    if scenario is None
                    else cell_value(getattr(scenario.settings, key))
                )
                _put(ws, r, 2, value)
            continue
        names = [c.name for c in sheet.columns]
        _header(
            ws,
            names,
            [
                ("required. " if c.required else "") + c.help
                for c in sheet.columns
            ],
        )
        _validations(ws, sheet, ranks)
        if scenario is None:
            continue
        for r, rec in enumerate(records(scenario, sheet.name), start=2):
            for c, name in enumerate(names, start=1):
                _put(ws, r, c, cell_value(getattr(rec, name, None)))
    if notes:
        ws = wb.create_sheet("Notes")
        _header(ws, ["topic", "value", "tag", "source"])
        for r, row in enumerate(notes, start=2):
            for c, v in enumerate(row, start=1):
                _put(ws, r, c, v)
        ws.column_dimensions["B"].width = 70
        ws.column_dimensions["D"].width = 70
    return wb


def save_atomically(wb: Workbook, path: str | Path) -> Path:
    """Save to a temporary file beside ``path``, then rename."""
    return atomic_write(path, wb.save)


def write_scenario(
    scenario: Scenario,
    path: str | Path,
    notes: Iterable[NoteRow] | None = None,
) -> Path:
    """Write ``scenario`` (and optional Notes rows: topic, value, tag,
    source) as a scenario workbook."""
    return save_atomically(build_workbook(scenario, notes), path)


def write_template(path: str | Path) -> Path:
    """A blank scenario workbook: every sheet and column, a comment on each
    header, drop-downs for kinds, ranks and yes/no, frozen headers."""
    return save_atomically(build_workbook(None), path)
