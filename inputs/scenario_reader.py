"""Reading a scenario workbook into a validated ``models.Scenario``.

Every problem is collected (not just the first), each naming the file,
sheet, row, column, the value found and what was expected.
"""

from __future__ import annotations

import math
import unicodedata
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models import (
    DEFAULT_RANKS,
    Arrival,
    BilateralRequest,
    Delegation,
    Event,
    Person,
    Rank,
    Room,
    Scenario,
    SecurityWindow,
    Sequence,
    SequenceMember,
    Settings,
    Slot,
    Travel,
    Venue,
    parse_scope,
    validate_scenario,
)
from models.records import limits
from models.records.problems import Problem, ScenarioError, shown
from models.records.settings import SETTING_KEYS
from models.records.vocabulary import MANDATORY_EVENT_KINDS

from . import cells
from .scenario_format import SHEETS, Column, Sheet
from .workbook_safety import precheck

MAX_ROWS = 20_000

#: One row's parsed values, by column name (``None`` for an empty cell).
Values = dict[str, Any]
#: A sheet's rows: (spreadsheet row number, values).
Rows = list[tuple[int, Values]]
R = TypeVar("R")

PARSERS: dict[str, Callable[[object], object]] = {
    "text": cells.text,
    "id": cells.text,
    "name": cells.text,
    "int": cells.integer,
    "bool": cells.boolean,
    "datetime": cells.date_time,
    "date": cells.day,
    "list": cells.text_list,
    "enum": cells.text,
    "scope": lambda raw: parse_scope(cells.text(raw)),
}


@dataclass
class ReadResult:
    scenario: Scenario | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    #: The row of each setting read from the Settings sheet.
    setting_rows: dict[str, int] = field(default_factory=dict)


def load_scenario(path: str | Path) -> Scenario:
    """The scenario in ``path``; raises ``ScenarioError`` listing every
    problem."""
    result = read_scenario(path)
    if result.problems or result.scenario is None:
        raise ScenarioError(result.problems)
    return result.scenario


def open_workbook(
    path: str | Path, problems: list[Problem]
) -> Workbook | None:
    """openpyxl workbook, or ``None`` with a problem added."""
    bad = precheck(path)
    if bad is not None:
        problems.append(bad)
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds
        problems.append(
            Problem(
                message="Not a readable .xlsx workbook "
                f"({type(exc).__name__}: {exc})",
                file=str(path),
            )
        )
        return None


def read_scenario(source: str | Path) -> ReadResult:
    """The scenario in ``source`` and every problem found reading it."""
    path = Path(source)
    res = ReadResult()
    wb = open_workbook(path, res.problems)
    if wb is None:
        return res
    return read_workbook(wb, str(path), res)


def read_workbook(
    wb: Workbook, name: str, res: ReadResult | None = None
) -> ReadResult:
    """The scenario in an open workbook (one read from a file, or built
    in memory: :mod:`inputs.frames`), ``name`` saying where it came from
    in every problem."""
    res = res if res is not None else ReadResult()
    tables: dict[str, Rows] = {}
    for sheet in SHEETS:
        tables[sheet.name] = _read_sheet(wb, sheet, name, res)
    if res.problems:
        return res
    scenario = _build(tables, name, res)
    if scenario is None or res.problems:
        return res
    for p in validate_scenario(scenario):
        res.problems.append(_settings_place(p, res.setting_rows, name))
    if not res.problems:
        res.scenario = scenario
    return res


def _settings_place(
    p: Problem, setting_rows: dict[str, int], file: str
) -> Problem:
    """``p`` in ``file``; a problem of a setting (validation names the
    key only, as ``column``) at the row of the Settings sheet that sets
    it, in column ``value``, or said to be the default where no row
    does."""
    if p.sheet != "Settings" or p.row is not None or p.column is None:
        return Problem(
            p.message, p.sheet, p.row, p.column, p.value, p.expected, file
        )
    key = p.column
    message = p.message if key in p.message else f"{key}: {p.message}"
    row = setting_rows.get(key)
    if row is None:
        return Problem(
            f"{message} (the default: no row of Settings sets {key})",
            "Settings",
            None,
            "key",
            p.value,
            p.expected,
            file,
        )
    return Problem(
        message, "Settings", row, "value", p.value, p.expected, file
    )


def find_sheet(wb: Workbook, wanted: str, notes: list[str]) -> Any:
    """The sheet named ``wanted`` (case and blanks aside, noted), a chart
    sheet included (the caller refuses it), or ``None``."""
    if wanted in wb.sheetnames:
        return wb[wanted]
    for n in wb.sheetnames:
        if n.strip().lower() == wanted.lower():
            notes.append(f"sheet {n!r} read as {wanted!r}")
            return wb[n]
    return None


def twin_sheets(wb: Workbook, wanted: str, file: str) -> Problem | None:
    """Two sheets or more that :func:`find_sheet` reads as ``wanted``
    (``Rooms`` and ``rooms``, ``Rooms`` and ``Rooms ``): which one holds
    the data? Reading one would ignore the other without a word."""
    names = [n for n in wb.sheetnames if n.strip().lower() == wanted.lower()]
    if len(names) < 2:
        return None
    return Problem(
        f"{len(names)} sheets are read as {wanted} (they differ only in "
        "case or spaces); which one holds the data?",
        wanted,
        value=", ".join(repr(n) for n in names),
        expected=f"one sheet named {wanted}: rename or delete the others",
        file=file,
    )


def stored_rows(
    ws: Worksheet, min_row: int = 1, max_row: int | None = None
) -> Iterator[tuple[int, dict[int, Any]]]:
    """The rows from ``min_row`` (to ``max_row``) that hold a cell in the
    file, in order, each as column index -> cell: never the rows or
    columns between that hold none. (``ws.iter_rows`` makes a cell for
    every row and column up to the last: one cell typed or formatted at
    row 1,048,576 made it build tens of millions, and run out of
    memory.) The cells are at most :data:`workbook_safety.MAX_CELLS`,
    counted before the file was opened."""
    by_row: dict[int, dict[int, Any]] = {}
    for (r, c), cell in ws._cells.items():
        if r >= min_row and (max_row is None or r <= max_row):
            by_row.setdefault(r, {})[c] = cell
    for r in sorted(by_row):
        yield r, by_row[r]


def chart_problem(ws: Any, wanted: str, file: str) -> Problem | None:
    """A sheet that is no table (a chart sheet) where one is expected."""
    if isinstance(ws, Worksheet):
        return None
    return Problem(
        f"Sheet {ws.title} is a chart, not a table",
        wanted,
        value=type(ws).__name__,
        expected="a sheet with one header row and one row per record",
        file=file,
    )


def header_map(
    ws: Worksheet,
    sheet_name: str,
    file: str,
    notes: list[str],
    problems: list[Problem],
) -> dict[str, int]:
    """Normalised header -> column index (1-based) of row 1."""
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= 1:
            problems.append(
                Problem(
                    f"Merged header cells {rng.coord}: each column needs "
                    "its own header",
                    sheet_name,
                    1,
                    None,
                    file=file,
                )
            )
    out: dict[str, int] = {}
    header = next(stored_rows(ws, 1, 1), (1, {}))[1]
    renamed: list[str] = []
    for _, cell in sorted(header.items()):
        if cells.is_empty(cell.value):
            continue
        if _not_a_name(cell):  # (named by formula_headers if one lacks)
            notes.append(
                f"{sheet_name}: header cell {cell.coordinate} holds a "
                "formula or an Excel error, not a name; column ignored"
            )
            continue
        raw = str(cell.value)
        key = raw.strip().lower()
        if raw != key:
            renamed.append(f"{shown(raw)} read as {shown(key)}")
        if cell.column is None:
            continue
        if key in out:
            first = get_column_letter(out[key])
            problems.append(
                Problem(
                    f"Column {key} appears twice (columns {first} and "
                    f"{get_column_letter(cell.column)}); which one holds "
                    "the data?",
                    sheet_name,
                    1,
                    key,
                    file=file,
                )
            )
            continue
        out[key] = cell.column
    if renamed:  # one note a sheet, however many headers
        more = len(renamed) - 8
        notes.append(
            f"{sheet_name}: header "
            + "; ".join(renamed[:8])
            + (f"; and {more:,} more" if more > 0 else "")
        )
    return out


def _not_a_name(cell: Any) -> bool:
    """A header cell that holds a formula or an Excel error: no name."""
    return cell.data_type == "e" or cells.is_formula(cell.value)


def formula_headers(ws: Worksheet) -> str | None:
    """What to say next to a missing column when header cells of ``ws``
    hold a formula or an Excel error (``="event_id"``, ``#REF!``): the
    name the formula shows in Excel is not in the file."""
    header = next(stored_rows(ws, 1, 1), (1, {}))[1]
    bad = [
        f"{cell.coordinate} holds {shown(cells.formula_text(cell.value))}"
        for _, cell in sorted(header.items())
        if _not_a_name(cell)
    ]
    if not bad:
        return None
    return (
        "the column's name typed in row 1, not a formula (header cell "
        + ", ".join(bad[:8])
        + (f" and {len(bad) - 8:,} more" if len(bad) > 8 else "")
        + ")"
    )


def sheet_notes(ws: Worksheet, sheet_name: str, notes: list[str]) -> None:
    """Say what a person would not see in Excel but is read all the
    same: a hidden sheet, hidden (filtered) rows."""
    if ws.sheet_state != "visible":
        notes.append(
            f"sheet {sheet_name} is hidden in the workbook; it was read "
            "all the same"
        )
    hidden = [
        r
        for r, dim in ws.row_dimensions.items()
        if r >= 2 and dim.hidden and r <= ws.max_row
    ]
    if hidden:
        shown = ", ".join(str(r) for r in sorted(hidden)[:8])
        more = f" and {len(hidden) - 8} more" if len(hidden) > 8 else ""
        which = (
            f"row {shown} is"
            if len(hidden) == 1
            else (f"rows {shown}{more} are")
        )
        notes.append(
            f"{sheet_name}: {which} hidden or filtered out in the "
            "workbook; read all the same"
        )
    if ws.auto_filter.ref and ws.auto_filter.filterColumn:
        notes.append(
            f"{sheet_name}: a filter is set on the sheet; every row was "
            "read, shown or not"
        )


def hidden_columns(
    ws: Worksheet, sheet_name: str, headers: dict[str, int], notes: list[str]
) -> None:
    """Say which columns read (``headers``: header -> column index) are
    hidden in the workbook (a hidden range, ``min``..``max``, included)."""
    hidden: set[int] = set()
    for key, dim in ws.column_dimensions.items():
        if not dim.hidden:
            continue
        first = dim.min or column_index_from_string(key)
        hidden.update(range(first, max(dim.max or first, first) + 1))
    shown = [
        f"{h} ({get_column_letter(i)})"
        for h, i in sorted(headers.items(), key=lambda hi: hi[1])
        if i in hidden
    ]
    if shown:
        which = (
            f"column {shown[0]} is"
            if len(shown) == 1
            else f"columns {', '.join(shown)} are"
        )
        notes.append(
            f"{sheet_name}: {which} hidden in the workbook; read all the same"
        )


def _read_sheet(
    wb: Workbook, sheet: Sheet, file: str, res: ReadResult
) -> Rows:
    twins = twin_sheets(wb, sheet.name, file)
    if twins is not None:
        res.problems.append(twins)
        return []
    ws = find_sheet(wb, sheet.name, res.notes)
    if ws is None:
        if sheet.required:
            res.problems.append(
                Problem(f"Missing sheet {sheet.name}", sheet.name, file=file)
            )
        return []
    chart = chart_problem(ws, sheet.name, file)
    if chart is not None:
        res.problems.append(chart)
        return []
    sheet_notes(ws, sheet.name, res.notes)
    before = len(res.problems)
    headers = header_map(ws, sheet.name, file, res.notes, res.problems)
    if len(res.problems) > before:  # merged or repeated headers
        return []
    missing = [c for c in sheet.required_columns if c not in headers]
    hint = formula_headers(ws) if missing else None
    for c in missing:
        res.problems.append(
            Problem(
                f"Missing required column {c}",
                sheet.name,
                1,
                c,
                expected=hint,
                file=file,
            )
        )
    if missing:
        return []
    known = {c.name for c in sheet.columns}
    unknown = [h for h in headers if h not in known]
    if unknown:
        # one note a sheet: a row of 16,384 headers made as many lines
        listed = ", ".join(shown(h) for h in unknown[:8])
        more = f" and {len(unknown) - 8:,} more" if len(unknown) > 8 else ""
        which = (
            f"column {listed} is"
            if len(unknown) == 1
            else f"columns {listed}{more} are"
        )
        res.notes.append(
            f"{sheet.name}: {which} not part of the format and ignored"
        )
    read = {h: i for h, i in headers.items() if h in known}
    hidden_columns(ws, sheet.name, read, res.notes)
    merged = _merged_data_cells(ws, set(read.values()))
    rows: Rows = []
    for r, row in stored_rows(ws, 2):
        if all(cells.is_empty(c.value) for c in row.values()):
            continue
        if len(rows) >= MAX_ROWS:
            res.problems.append(
                Problem(
                    f"More than {MAX_ROWS:,} rows; this is not a scenario "
                    "this engine can read",
                    sheet.name,
                    r,
                    file=file,
                )
            )
            break
        values: Values = {}
        for col in sheet.columns:
            idx = headers.get(col.name)
            cell = row.get(idx) if idx is not None else None
            values[col.name] = _read_cell(
                col, cell, merged, sheet.name, r, file, res
            )
        rows.append((r, values))
    res.counts[sheet.name] = len(rows)
    _same_ids(sheet, rows, file, res)
    return rows


def _merged_data_cells(
    ws: Worksheet, columns: set[int]
) -> dict[tuple[int, int], tuple[str, str]]:
    """(row, column) -> (the merged range, its first cell), for every
    cell below the header, in the ``columns`` read, that Excel shows
    merged with a first cell holding a value: the cell itself holds
    none."""
    out: dict[tuple[int, int], tuple[str, str]] = {}
    for rng in ws.merged_cells.ranges:
        if rng.max_row < 2:
            continue
        first = ws.cell(rng.min_row, rng.min_col)
        if cells.is_empty(first.value):
            continue
        cols = [c for c in columns if rng.min_col <= c <= rng.max_col]
        for r in range(max(rng.min_row, 2), min(rng.max_row, ws.max_row) + 1):
            for c in cols:
                if (r, c) != (rng.min_row, rng.min_col):
                    out[(r, c)] = (rng.coord, first.coordinate)
    return out


def _read_cell(
    col: Column,
    cell: Any,
    merged: dict[tuple[int, int], tuple[str, str]],
    sheet: str,
    r: int,
    file: str,
    res: ReadResult,
) -> object:
    """The parsed value of one cell (``None``: no cell in the row). An
    Excel error cell (``#N/A``, ``#REF!``: openpyxl gives its code as
    text, with data type ``e``) and a merged cell that shows a value it
    does not hold are problems of their own."""
    if cell is None:
        return _parse(col, None, sheet, r, file, res)
    if cell.data_type == "e":
        res.problems.append(
            Problem(
                f"An Excel error ({cell.value}) where a value is expected",
                sheet,
                r,
                col.name,
                file=file,
            )
        )
        return None
    where = (r, int(cell.column or 0))
    if isinstance(cell, MergedCell) and where in merged:
        rng, first = merged[where]
        res.problems.append(
            Problem(
                f"Merged cells {rng}: this cell shows the value of {first} "
                "but holds none; unmerge the cells and fill in each one",
                sheet,
                r,
                col.name,
                file=file,
            )
        )
        return None
    return _parse(col, cell.value, sheet, r, file, res)


def _parse(
    col: Column, raw: object, sheet: str, r: int, file: str, res: ReadResult
) -> object:
    if isinstance(raw, float) and not math.isfinite(raw):
        res.problems.append(
            Problem(
                "Out of range",
                sheet,
                r,
                col.name,
                raw,
                "a finite number",
                file,
            )
        )
        return None
    if cells.is_empty(raw):
        if col.required:
            res.problems.append(
                Problem(
                    "Required value is empty", sheet, r, col.name, file=file
                )
            )
        return None
    if cells.is_formula(raw):
        res.problems.append(
            Problem(
                "A formula where a value is expected",
                sheet,
                r,
                col.name,
                cells.formula_text(raw),
                "a plain value (paste values only)",
                file,
            )
        )
        return None
    try:
        value = PARSERS[col.type](raw)
    except ValueError as exc:
        expected = (
            str(exc)
            if col.type != "scope"
            else "all, venue:X, room:X, room_kind:X, person:X or delegation:X"
        )
        res.problems.append(
            Problem(
                f"Wrong {col.type} value",
                sheet,
                r,
                col.name,
                raw,
                expected,
                file,
            )
        )
        return None
    limit_problem = _beyond_limits(col, value)
    if limit_problem is not None:
        message, expected = limit_problem
        res.problems.append(
            Problem(message, sheet, r, col.name, raw, expected, file)
        )
        return None
    if col.type == "enum" and value not in col.choices:
        res.problems.append(
            Problem(
                f"Unknown {col.name}",
                sheet,
                r,
                col.name,
                raw,
                ", ".join(col.choices),
                file,
            )
        )
        return None
    return value


def _beyond_limits(col: Column, value: Any) -> tuple[str, str] | None:
    """``(message, expected)`` when a parsed value is beyond the spec's
    limits of a valid scenario (:mod:`models.records.limits`)."""
    if col.type == "int":
        high = col.limit
        if high is not None and abs(value) > high:
            return "Out of range", f"a number of at most {high:,}"
        return None
    if col.type == "id":
        wrong = limits.id_problem(value)
        return ("Not a valid id", wrong) if wrong else None
    longest = {
        "name": limits.MAX_NAME_CHARS,
        "text": limits.MAX_TEXT_CHARS,
        "enum": limits.MAX_TEXT_CHARS,
    }.get(col.type)
    if longest is not None and len(value) > longest:
        return "Too long", f"at most {longest:,} characters"
    if col.type == "list":
        if sum(len(x) for x in value) > limits.MAX_LIST_CHARS:
            return "Too long", f"at most {limits.MAX_LIST_CHARS:,} characters"
        ids = col.name not in ("features", "required_features")
        if ids and any(limits.id_problem(x) for x in value):
            return "Not a list of valid ids", (
                "ids separated by ';', each without ':' or control "
                "characters, at most 64 characters"
            )
    return None


def _same_ids(sheet: Sheet, rows: Rows, file: str, res: ReadResult) -> None:
    """Ids of one sheet that are the same but for case, spaces or the
    form of their characters (``fra`` and ``FRA``; ``CÔTE`` with the
    accent composed or apart; full-width ``ＮＣＣ`` and ``NCC``:
    :func:`limits.same_id`): refused, naming the later row. Exactly equal
    ids are left to :func:`models.validate_scenario`."""
    for col in sheet.columns:
        if col.type != "id":
            continue
        first: dict[str, tuple[int, str]] = {}
        for r, values in rows:
            value = values.get(col.name)
            if not value:
                continue
            key = limits.same_id(value)
            seen = first.setdefault(key, (r, value))
            if seen[1] != value:
                but, expected = _differs_by(seen[1], value)
                res.problems.append(
                    Problem(
                        f"Same id as row {seen[0]} ({seen[1]!r}) but for "
                        + but,
                        sheet.name,
                        r,
                        col.name,
                        value,
                        expected,
                        file,
                    )
                )


def _differs_by(a: str, b: str) -> tuple[str, str]:
    """What alone tells apart two ids of one :func:`limits.same_id`, and
    what is expected instead."""
    if "".join(a.split()).casefold() == "".join(b.split()).casefold():
        return "case or spaces", "ids that differ in more than case or spaces"
    fold = [
        "".join(unicodedata.normalize("NFKC", x).casefold().split())
        for x in (a, b)
    ]
    if fold[0] != fold[1]:
        return "letters of another alphabet that look alike", (
            "ids that differ in more than that (a Cyrillic or Greek "
            "letter looks the same as a Latin one in Excel)"
        )
    but = "the form of its characters"
    if unicodedata.normalize("NFKC", a) != unicodedata.normalize("NFKC", b):
        but = "case, spaces or " + but
    return but, (
        "ids that differ in more than that (an accent typed composed or "
        "apart, or full-width letters, look the same in Excel)"
    )


# ------------------------------------------------------------- records
def _kw(cls: Callable[..., R], values: Values, row: int, **extra: Any) -> R:
    """A record of ``cls`` from a row's values (empty cells keep the
    record's defaults) and ``extra``."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    kw = {k: v for k, v in values.items() if k in names and v is not None}
    kw.update(extra)
    return cls(**kw, row=row) if "row" in names else cls(**kw)


def _settings(rows: Rows, file: str, res: ReadResult) -> Settings | None:
    raw: dict[str, object] = {}
    rowno: dict[str, int] = {}
    for r, v in rows:
        key = (v["key"] or "").strip()
        if key not in SETTING_KEYS:
            res.problems.append(
                Problem(
                    "Unknown setting",
                    "Settings",
                    r,
                    "key",
                    key,
                    ", ".join(SETTING_KEYS),
                    file,
                )
            )
            continue
        if key in rowno:
            res.problems.append(
                Problem(
                    f"Setting {key} is given twice (rows {rowno[key]} and "
                    f"{r}); which one holds?",
                    "Settings",
                    r,
                    "key",
                    key,
                    "each setting once",
                    file,
                )
            )
            continue
        raw[key], rowno[key] = v["value"], r
    res.setting_rows = dict(rowno)
    parsers: dict[str, Callable[[object], object]] = {
        "days": cells.day_list,
        "day_start": cells.clock,
        "day_end": cells.clock,
        "time_step_minutes": cells.integer,
        "room_changeover_minutes": cells.integer,
        "same_venue_buffer_minutes": cells.integer,
        "vip_sweep_minutes": cells.integer,
        "paper_size": cells.paper,
    }
    kw: dict[str, Any] = {}
    for key, value in raw.items():
        if cells.is_empty(value):
            continue
        if cells.is_formula(value):
            res.problems.append(
                Problem(
                    "A formula where a value is expected",
                    "Settings",
                    rowno[key],
                    "value",
                    cells.formula_text(value),
                    "a plain value",
                    file,
                )
            )
            continue
        try:
            kw[key] = parsers.get(key, cells.text)(value)
            _setting_limits(key, kw[key])
        except ValueError as exc:
            res.problems.append(
                Problem(
                    f"Wrong value for {key}",
                    "Settings",
                    rowno[key],
                    "value",
                    value,
                    str(exc),
                    file,
                )
            )
    for key in ("event_name", "days"):
        if key not in kw and key not in {p.column for p in res.problems}:
            res.problems.append(
                Problem(
                    f"Setting {key} is required",
                    "Settings",
                    None,
                    "value",
                    file=file,
                )
            )
    if res.problems:
        return None
    return Settings(**kw)


def _setting_limits(key: str, value: Any) -> None:
    """Raise ``ValueError`` (what was expected) for a setting beyond the
    limits of a valid scenario; ``days`` are sorted by ``Settings``, and
    a day listed twice is refused here."""
    if key == "days":
        twice = sorted({d for d in value if value.count(d) > 1})
        if twice:
            raise ValueError(
                "each day once (listed twice: "
                + ", ".join(d.isoformat() for d in twice)
                + ")"
            )
    elif key == "event_name":
        if len(value) > limits.MAX_NAME_CHARS:
            raise ValueError(f"at most {limits.MAX_NAME_CHARS} characters")
    elif isinstance(value, int) and abs(value) > limits.MAX_MINUTES:
        raise ValueError(
            f"a number of minutes of at most {limits.MAX_MINUTES}"
        )
    elif isinstance(value, str) and len(value) > limits.MAX_TEXT_CHARS:
        raise ValueError(f"at most {limits.MAX_TEXT_CHARS} characters")


def _build(t: dict[str, Rows], file: str, res: ReadResult) -> Scenario | None:
    settings = _settings(t["Settings"], file, res)
    if settings is None:
        return None
    ranks = tuple(_kw(Rank, v, r) for r, v in t["Ranks"]) or DEFAULT_RANKS
    rooms = tuple(
        _kw(Room, v, r, features=frozenset(v["features"] or ()))
        for r, v in t["Rooms"]
    )
    events = []
    for r, v in t["Events"]:
        mandatory = v["mandatory"]
        if mandatory is None:
            mandatory = v["kind"] in MANDATORY_EVENT_KINDS
        events.append(_kw(Event, {**v, "mandatory": mandatory}, r))
    bilaterals = []
    for r, v in t["Bilaterals"]:
        feats = v["required_features"]
        if feats is None:
            feats = ("flags",)
        elif [f.lower() for f in feats] == ["none"]:
            feats = ()
        bilaterals.append(
            _kw(BilateralRequest, {**v, "required_features": feats}, r)
        )
    return Scenario(
        settings=settings,
        ranks=ranks,
        venues=tuple(_kw(Venue, v, r) for r, v in t["Venues"]),
        travel=tuple(_kw(Travel, v, r) for r, v in t["Travel"]),
        rooms=rooms,
        delegations=tuple(_kw(Delegation, v, r) for r, v in t["Delegations"]),
        people=tuple(_kw(Person, v, r) for r, v in t["People"]),
        events=tuple(events),
        slots=tuple(_kw(Slot, v, r) for r, v in t["Slots"]),
        bilaterals=tuple(bilaterals),
        arrivals=tuple(_kw(Arrival, v, r) for r, v in t["Arrivals"]),
        sequences=tuple(_kw(Sequence, v, r) for r, v in t["Sequences"]),
        members=tuple(
            _kw(SequenceMember, v, r) for r, v in t["SequenceMembers"]
        ),
        windows=tuple(
            _kw(SecurityWindow, v, r) for r, v in t["SecurityWindows"]
        ),
        source=file,
    )
