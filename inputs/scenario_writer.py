"""Writing a ``models.Scenario`` as a scenario workbook (same format the
reader reads), atomically."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from models import Scenario
from models.files import atomic_write
from models.records.settings import SETTING_KEYS
from models.records.vocabulary import PAPER_SIZES
from models.validation import records

from .scenario_format import SETTINGS_EXAMPLE, SETTINGS_HELP, SHEETS, Sheet
from .template_content import EXAMPLE_NOTE, EXAMPLES, INSTRUCTIONS

#: Header fills: required columns dark, optional ones light.
REQUIRED_FILL = PatternFill("solid", fgColor="1F3864")
OPTIONAL_FILL = PatternFill("solid", fgColor="DDEBF7")
FONT_NAME = "Arial"
#: Rows of a sheet the drop-downs and number checks cover.
LAST_ROW = 2000
#: What a cell of the workbook holds.
CellValue = str | int | float | date | time | None
#: Notes rows: topic, value, tag, source.
NoteRow = Sequence[CellValue]
#: Columns whose value must be an id already entered on another sheet:
#: (sheet, column) -> the sheet whose first column lists the ids.
ID_LISTS = {
    ("Travel", "from_venue"): "Venues",
    ("Travel", "to_venue"): "Venues",
    ("Rooms", "venue_id"): "Venues",
    ("People", "delegation_id"): "Delegations",
    ("Events", "organizer"): "Delegations",
    ("Bilaterals", "venue_id"): "Venues",
    ("Arrivals", "delegation_id"): "Delegations",
    ("Arrivals", "point"): "Rooms",
    ("Sequences", "room_id"): "Rooms",
    ("Sequences", "within_event"): "Events",
    ("SequenceMembers", "sequence_id"): "Sequences",
    ("Delegations", "head_rank"): "Ranks",
    ("People", "rank"): "Ranks",
}
#: Whole-number columns and their bounds (the limits of a valid
#: scenario); any other whole-number column: 0 to 1,000,000.
WHOLE_BOUNDS = {
    "duration_minutes": (1, 1440),
    "minutes": (0, 1440),
    "changeover_minutes": (0, 1440),
    "priority": (1, 5),
    "slot_seconds": (1, 3600),
    "gap_seconds": (0, 3600),
    "welcome_seconds": (1, 3600),
    "precedence": (1, 1000),
    "position": (1, 10000),
    "max_items_per_day": (0, 1000),
}
#: Column widths by name (others from the header's length).
WIDTHS = {
    "name": 30,
    "title": 34,
    "head_name": 36,
    "label": 36,
    "reason": 34,
    "features": 26,
    "participants": 26,
    "required_features": 20,
    "room_kinds": 18,
    "value": 50,
    "key": 28,
}


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
    cell.font = Font(name=FONT_NAME, size=10)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text
    elif isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"


def _header(
    ws: Worksheet,
    columns: list[tuple[str, bool]],
    helps: list[str] | None = None,
) -> None:
    """Row 1: the column names, required ones dark, each with its note;
    frozen; printed on every page."""
    for c, col in enumerate(columns, start=1):
        name, required = col
        cell = ws.cell(row=1, column=c, value=name)
        cell.font = Font(
            name=FONT_NAME,
            bold=True,
            color="FFFFFF" if required else "000000",
        )
        cell.fill = REQUIRED_FILL if required else OPTIONAL_FILL
        if helps and helps[c - 1]:
            cell.comment = Comment(helps[c - 1], "scheduler")
        ws.column_dimensions[get_column_letter(c)].width = WIDTHS.get(
            name, max(12, len(name) + 4)
        )
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_options.gridLines = True


def _refuse(dv: DataValidation, what: str) -> DataValidation:
    """A drop-down or check that refuses a wrong entry, saying why."""
    dv.showErrorMessage = True
    dv.errorStyle = "stop"
    dv.errorTitle = "Not allowed here"
    dv.error = what
    return dv


def _validations(ws: Worksheet, sheet: Sheet) -> None:
    """Drop-downs for kinds and yes/no, ranks from the Ranks sheet, ids
    from the sheets that define them; whole numbers in bounds."""
    for c, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(c)
        target = ID_LISTS.get((sheet.name, col.name))
        if target is not None:
            dv = DataValidation(
                type="list",
                formula1=f"{target}!$A$2:$A${LAST_ROW}",
                allow_blank=True,
            )
            what = "rank" if target == "Ranks" else "id"
            _refuse(
                dv,
                f"Choose a {what} from the {target} sheet (add it there "
                "first).",
            )
        elif col.choices:
            dv = DataValidation(
                type="list",
                formula1='"' + ",".join(col.choices) + '"',
                allow_blank=True,
            )
            _refuse(dv, f"Choose one of: {', '.join(col.choices)}")
        elif col.type == "int":
            lo, hi = WHOLE_BOUNDS.get(col.name, (0, 1_000_000))
            dv = DataValidation(
                type="whole",
                operator="between",
                formula1=str(lo),
                formula2=str(hi),
                allow_blank=True,
            )
            _refuse(dv, f"A whole number from {lo} to {hi:,}.")
        else:
            continue
        dv.add(f"{letter}2:{letter}{LAST_ROW}")
        ws.add_data_validation(dv)


def _settings_sheet(ws: Worksheet, scenario: Scenario | None) -> None:
    _header(
        ws,
        [("key", True), ("value", False)],
        ["Setting name", "Setting value"],
    )
    rows = {}
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
        rows[key] = r
    for key, formula, what in (
        ("vip_rank", f"Ranks!$A$2:$A${LAST_ROW}", "a rank of the Ranks sheet"),
        (
            "paper_size",
            '"' + ",".join(PAPER_SIZES) + '"',
            ", ".join(PAPER_SIZES),
        ),
    ):
        dv = DataValidation(type="list", formula1=formula, allow_blank=True)
        _refuse(dv, f"Choose {what}.")
        dv.add(f"B{rows[key]}")
        ws.add_data_validation(dv)


def _instructions(wb: Workbook) -> None:
    """The first sheet of the template: how to fill it in."""
    ws = wb.create_sheet("Instructions", 0)
    ws.column_dimensions["A"].width = 90
    lines = [*INSTRUCTIONS]
    lines += [f"{key}: {SETTINGS_HELP[key]}" for key in SETTING_KEYS]
    for r, text in enumerate(lines, start=1):
        heading = text.startswith("# ")
        cell = ws.cell(row=r, column=1, value=text.removeprefix("# "))
        cell.data_type = "s"
        cell.font = Font(
            name=FONT_NAME, size=13 if heading else 10, bold=heading
        )
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # about 85 characters of Arial 10 to a line of a 90-wide column
        count = -(-len(text) // 85)
        ws.row_dimensions[r].height = (20 if heading else 13.5) * count
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def _examples(ws: Worksheet, sheet: Sheet) -> None:
    names = [c.name for c in sheet.columns]
    for r, row in enumerate(EXAMPLES.get(sheet.name, ()), start=2):
        for c, name in enumerate(names, start=1):
            _put(ws, r, c, cell_value(row.get(name)))
        if sheet.name != "Ranks":
            ws.cell(row=r, column=1).comment = Comment(
                EXAMPLE_NOTE, "scheduler"
            )


def build_workbook(
    scenario: Scenario | None, notes: Iterable[NoteRow] | None = None
) -> Workbook:
    """A scenario workbook; ``scenario=None`` gives the template: an
    Instructions sheet first, the default ranks and an example row on
    every sheet."""
    wb = Workbook()
    for default in list(wb.worksheets):
        wb.remove(default)
    # the default font (font 0) is the Arial the column widths use
    wb._fonts = IndexedList(  # type: ignore[attr-defined]
        [Font(name=FONT_NAME, size=10, family=2)]
    )
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.name)
        if sheet.name == "Settings":
            _settings_sheet(ws, scenario)
            continue
        _header(
            ws,
            [(c.name, c.required) for c in sheet.columns],
            [
                ("required. " if c.required else "") + c.help
                for c in sheet.columns
            ],
        )
        _validations(ws, sheet)
        if scenario is None:
            _examples(ws, sheet)
            continue
        names = [c.name for c in sheet.columns]
        for r, rec in enumerate(records(scenario, sheet.name), start=2):
            for c, name in enumerate(names, start=1):
                _put(ws, r, c, cell_value(getattr(rec, name, None)))
    if scenario is None:
        _instructions(wb)
    if notes:
        ws = wb.create_sheet("Notes")
        _header(ws, [(n, False) for n in ("topic", "value", "tag", "source")])
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
    """A scenario workbook to fill in: instructions, every sheet and
    column, a note on each header, an example row per sheet, drop-downs
    that refuse wrong entries (kinds, yes/no, ranks from the Ranks sheet,
    ids entered on other sheets), frozen headers."""
    return save_atomically(build_workbook(None), path)
