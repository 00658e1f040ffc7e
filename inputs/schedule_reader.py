"""Reading a schedule workbook back (hand edits included) for ``check``,
``diff`` and what-if runs.

The Schedule sheet is required; Unscheduled and Summary are read when
present. Hand edits are expected: a moved start (a real date-time or text
``YYYY-MM-DD HH:MM[:SS]``), a changed room, ``locked`` set to yes, empty
rows, headers in another case or with spaces. What cannot be read becomes
a :class:`~models.records.problems.Problem` naming file, sheet, row and column;
what was read but adjusted becomes a note.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path, PureWindowsPath
from typing import Any, TypeVar

from openpyxl import Workbook
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.worksheet import Worksheet

from models import Scenario
from models.records.items import item_id_for
from models.records.problems import Problem
from models.records.schedule import (
    SCHEDULE_COLUMNS,
    SCHEDULE_OPTIONAL_COLUMNS,
    UNSCHEDULED_COLUMNS,
    Assignment,
    Schedule,
    SolveInfo,
    Unscheduled,
)
from models.records.vocabulary import ID_PREFIX, ITEM_KINDS

from . import cells
from .scenario_reader import (
    MAX_ROWS,
    find_sheet,
    formula_headers,
    header_map,
    open_workbook,
    stored_rows,
    twin_sheets,
)

REQUIRED = SCHEDULE_COLUMNS
#: Every column of the Schedule sheet that is read.
READ = (*SCHEDULE_COLUMNS, *SCHEDULE_OPTIONAL_COLUMNS, "restricted")
#: Columns of the Schedule sheet read as text.
TEXT_READ = (
    "item_id",
    "kind",
    "ref_id",
    "title",
    "room_id",
    "venue_id",
    "participants",
    "note",
)
KINDS = ITEM_KINDS
PREFIX_KIND = {prefix: kind for kind, prefix in ID_PREFIX.items()}
DATE_TIME = "a date-time like 2025-10-25 09:00 (or 09:00:30)"
WHOLE = "a whole number"
PLACE = f"a whole number from 1 to {MAX_ROWS:,} (a place in a list)"
YES_NO = "yes or no (y/n, true/false, 1/0)"
NOT_FORMULA = "a value typed in, not a formula"
T = TypeVar("T")


@dataclass
class ScheduleRead:
    """What :func:`read_schedule` found.

    ``schedule`` is ``None`` when any problem was found (the rows cannot
    be trusted); ``problems`` say where; ``notes`` tell what was read
    differently from how it was written (normalised headers, a venue taken
    from the room, a missing sheet).
    """

    schedule: Schedule | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_schedule(
    source: str | Path, scenario: Scenario | None = None
) -> ScheduleRead:
    """Read the schedule workbook at ``path``.

    Parameters
    ----------
    source
        An ``.xlsx`` file as written by
        :func:`outputs.xlsx_writer.write_schedule_workbook`, possibly
        edited by hand.
    scenario
        When given, a row's ``venue_id`` is taken from its room (hand edits
        often change only the room) and an empty kind, ref_id or title is
        taken from the item. Start and end are kept as written.

    Returns
    -------
    ScheduleRead
        Never raises for bad input: an unreadable file (not a workbook,
        damaged, password-protected, legacy ``.xls``), a missing sheet or
        column, and unreadable cells are problems. Duplicate item ids are
        kept (the checker reports them). ``Assignment.row`` is the
        spreadsheet row.
    """
    path = Path(source)
    res = ScheduleRead()
    file = str(path)
    wb = open_workbook(path, res.problems)
    if wb is None:
        return res
    for name in ("Schedule", "Unscheduled", "Summary"):
        twins = twin_sheets(wb, name, file)
        if twins is not None:
            res.problems.append(twins)
    if res.problems:
        return res
    ws = find_sheet(wb, "Schedule", res.notes)
    if ws is None or not isinstance(ws, Worksheet):
        res.problems.append(
            Problem(
                "Missing sheet Schedule",
                "Schedule",
                value=", ".join(wb.sheetnames),
                expected="a sheet named Schedule with one row per item",
                file=file,
            )
        )
        return res
    heads = header_map(ws, "Schedule", file, res.notes, res.problems)
    hint = formula_headers(ws)
    for col in REQUIRED:
        if col not in heads:
            res.problems.append(
                Problem(
                    f"Missing required column {col}",
                    "Schedule",
                    1,
                    col,
                    expected=hint or f"a header {col!r} in row 1",
                    file=file,
                )
            )
    if res.problems:
        return res
    rows = _assignments(ws, heads, file, scenario, res)
    if res.problems:
        return res
    info, extra = _summary(wb, res)
    res.schedule = Schedule(
        assignments=tuple(rows),
        unscheduled=_unscheduled(wb, res),
        info=info,
        generated_at=extra.get("generated_at"),
        event_name=extra.get("event_name") or "",
        scenario_source=extra.get("scenario_file"),
    )
    return res


class _Row:
    """One data row of a sheet: values by header, problems by place."""

    def __init__(
        self,
        values: Sequence[object],
        heads: dict[str, int],
        sheet: str,
        r: int,
        file: str,
        problems: list[Problem],
        errors: frozenset[str] = frozenset(),
        formulas: frozenset[str] = frozenset(),
    ):
        self.values, self.heads = values, heads
        self.sheet, self.r, self.file = sheet, r, file
        self.problems = problems
        #: Columns whose cell is an Excel error (``#N/A``): read as empty
        #: here, reported by :meth:`report_errors`.
        self.errors = errors
        #: Columns whose cell is a formula (not text that begins with
        #: ``=``, such as a title the engine wrote): reported by
        #: :meth:`report_formulas`.
        self.formulas = formulas

    def raw(self, col: str) -> object:
        i = self.heads.get(col)
        if i is None or i > len(self.values):
            return None
        return self.values[i - 1]

    def text(self, col: str) -> str:
        raw = self.raw(col)
        if col in self.errors:
            return ""
        return "" if cells.is_empty(raw) else cells.text(raw)

    def report_formulas(self, columns: Sequence[str]) -> None:
        """A formula in one of ``columns`` read as text is a problem: its
        text (``=G2``) would be read as the value, never what Excel
        shows."""
        for col in columns:
            if col in self.formulas:
                shown = cells.formula_text(self.raw(col))
                self.bad(f"A formula in {col}", col, shown, NOT_FORMULA)

    def report_errors(self, columns: Sequence[str]) -> None:
        """An Excel error cell in one of ``columns`` is a problem."""
        for col in columns:
            if col in self.errors:
                self.bad(
                    f"An Excel error ({self.raw(col)}) where a value is "
                    "expected",
                    col,
                )

    def parse(
        self, col: str, fn: Callable[[object], T], expected: str
    ) -> T | None:
        """``fn(value)``, ``None`` if empty or an Excel error; a problem
        if it fails."""
        raw = self.raw(col)
        if cells.is_empty(raw) or col in self.errors:
            return None
        if cells.is_formula(raw):
            shown = cells.formula_text(raw)
            self.bad(f"A formula in {col}", col, shown, NOT_FORMULA)
            return None
        try:
            return fn(raw)
        except (ValueError, TypeError, OverflowError):
            self.bad(f"Cannot read {col}", col, raw, expected)
            return None

    def bad(
        self,
        message: str,
        col: str,
        value: object = None,
        expected: str | None = None,
    ) -> None:
        self.problems.append(
            Problem(
                message, self.sheet, self.r, col, value, expected, self.file
            )
        )


def _assignments(
    ws: Worksheet,
    heads: dict[str, int],
    file: str,
    scenario: Scenario | None,
    res: ScheduleRead,
) -> list[Assignment]:
    out = []
    for r, stored in stored_rows(ws, 2):
        values = _row_values(stored, heads)
        kinds = {
            col: stored[i].data_type for col, i in heads.items() if i in stored
        }
        errors = frozenset(c for c, k in kinds.items() if k == "e")
        formulas = frozenset(c for c, k in kinds.items() if k == "f")
        row = _Row(
            values, heads, "Schedule", r, file, res.problems, errors, formulas
        )
        if all(cells.is_empty(row.raw(c)) for c in REQUIRED):
            continue
        a = _assignment(row)
        if a is not None and scenario is not None:
            a = _fit_to_scenario(a, scenario, res.notes)
        if a is not None:
            out.append(a)
    return out


def _row_values(stored: dict[int, Any], heads: dict[str, int]) -> list[Any]:
    """The values of a stored row (:func:`stored_rows`) as a list from
    column A to the last column read (``None`` where no cell is)."""
    width = max(heads.values(), default=0)
    return [
        stored[i].value if i in stored else None for i in range(1, width + 1)
    ]


def _assignment(row: _Row) -> Assignment | None:
    """The row's assignment, or ``None`` with its problems added."""
    n_before = len(row.problems)
    row.report_errors(READ)
    row.report_formulas(TEXT_READ)
    start = row.parse("start", date_time, DATE_TIME)
    end = row.parse("end", date_time, DATE_TIME)
    position = row.parse("position", place_in_list, PLACE)
    locked = row.parse("locked", cells.boolean, YES_NO)
    item_id, room_id = row.text("item_id"), row.text("room_id")
    for col in ("item_id", "start", "end", "room_id"):
        if cells.is_empty(row.raw(col)):
            row.bad("Required value is empty", col, expected="a value")
    if len(row.problems) > n_before or start is None or end is None:
        return None
    kind = row.text("kind").lower()
    restricted = _restricted_mark(row)
    if not kind and item_id[1:2] == ":" and item_id[0] in PREFIX_KIND:
        kind = PREFIX_KIND[item_id[0]]
    return Assignment(
        item_id=item_id,
        kind=kind,
        ref_id=row.text("ref_id"),
        title=row.text("title"),
        start=start,
        end=end,
        room_id=room_id,
        venue_id=row.text("venue_id"),
        participants=cells.text_list(row.text("participants")),
        position=position,
        locked=bool(locked),
        note=row.text("note"),
        restricted=restricted,
        row=row.r,
    )


def not_drawable(schedule: Schedule, file: str) -> list[Problem]:
    """Rows whose end is not after their start, as problems at their
    place. The reader keeps them (a hand edit that moved only the start:
    the checker reports the wrong duration, exit 1), but no workbook or
    calendar can draw an item from its start back to its end, so an
    export refuses them."""
    return [
        Problem(
            "The end is not after the start; correct the start or the "
            "end before exporting",
            "Schedule",
            a.row,
            "end",
            f"{a.end:%Y-%m-%d %H:%M:%S}",
            f"a date-time after the start ({a.start:%Y-%m-%d %H:%M:%S})",
            file,
        )
        for a in schedule.assignments
        if a.end <= a.start
    ]


def _restricted_mark(row: _Row) -> bool:
    """The row's own ``restricted`` column (optional). A value that is
    not yes or no counts as yes: the public copy fails closed."""
    raw = row.raw("restricted")
    if cells.is_empty(raw):
        return False
    try:
        return cells.boolean(raw)
    except ValueError:
        return True


def _fit_to_scenario(
    a: Assignment, s: Scenario, notes: list[str]
) -> Assignment:
    """Venue from the room, empty kind/ref_id/title from the item; a note
    for each change. Times are kept as written: an end that does not fit
    the item's duration is the checker's to report (and a what-if run
    must see a changed duration)."""
    where = f"Schedule row {a.row} ({a.item_id})"
    changes: dict[str, Any] = {}
    room = s.room_by_id.get(a.room_id)
    if room is not None and a.venue_id != room.venue_id:
        was = f"not {a.venue_id}" if a.venue_id else "venue_id was empty"
        notes.append(
            f"{where}: room {a.room_id} is at {room.venue_id} ({was}); "
            f"venue_id taken from the room"
        )
        changes["venue_id"] = room.venue_id
    it = s.item_by_id.get(a.item_id)
    if it is not None:
        for name in ("kind", "ref_id", "title"):
            if not getattr(a, name):
                changes[name] = getattr(it, name)
                notes.append(f"{where}: empty {name} taken from the item")
    if not changes:
        return a
    return replace(a, **changes)


def place_in_list(value: object) -> int:
    """A cell as a place in a list: a whole number from 1 to
    :data:`~inputs.scenario_reader.MAX_ROWS` (no list is longer than a
    scenario's rows; ``1e308`` would be read whole and printed with its
    309 digits)."""
    k = cells.integer(value)
    if not 1 <= k <= MAX_ROWS:
        raise ValueError(PLACE)
    return k


def date_time(value: object) -> datetime:
    """A cell as a date-time to the second: a real date-time, an Excel
    serial number, or text ``YYYY-MM-DD HH:MM[:SS]``.

    Raises
    ------
    ValueError
        If the value is none of these.
    """
    if isinstance(value, bool):
        raise ValueError(DATE_TIME)
    if isinstance(value, (int, float)):
        if not 1 <= value < 2_958_466:  # 1900-01-01 .. 9999-12-31
            raise ValueError(DATE_TIME)
        value = from_excel(value)
    if isinstance(value, datetime):
        whole = value.replace(microsecond=0)
        if value.microsecond >= 500_000:
            whole += timedelta(seconds=1)
        return whole.replace(tzinfo=None)
    return cells.date_time(value)


def _unscheduled(wb: Workbook, res: ScheduleRead) -> tuple[Unscheduled, ...]:
    ws = find_sheet(wb, "Unscheduled", res.notes)
    if ws is None or not isinstance(ws, Worksheet):
        res.notes.append("No Unscheduled sheet: no items taken as left out")
        return ()
    heads = header_map(ws, "Unscheduled", "", res.notes, [])
    if "ref_id" not in heads and "item_id" not in heads:
        res.notes.append("Unscheduled: no ref_id column; sheet ignored")
        return ()
    out = []
    for r, stored in stored_rows(ws, 2):
        row = _Row(_row_values(stored, heads), heads, "Unscheduled", r, "", [])
        if all(
            cells.is_empty(row.raw(c))
            for c in (*UNSCHEDULED_COLUMNS, "item_id")
        ):
            continue
        prio = row.parse("priority", cells.integer, WHOLE)
        if row.problems:
            res.notes.append(
                f"Unscheduled row {r}: priority {row.raw('priority')!r} "
                "is not a whole number; left empty"
            )
        kind, ref = row.text("kind").lower(), row.text("ref_id")
        item_id = row.text("item_id")
        if not item_id:
            known = kind in KINDS and kind != "sequence" and ref
            item_id = item_id_for(kind, ref) if known else ref
        out.append(
            Unscheduled(
                item_id=item_id,
                ref_id=ref,
                kind=kind,
                title=row.text("title"),
                priority=prio,
                reason=row.text("reason"),
                restricted=_restricted_mark(row),
            )
        )
    return tuple(out)


def _file_name(raw: object) -> str:
    """A file named in a Summary: its name only, never the folders above
    it (an older workbook may hold a whole path)."""
    return PureWindowsPath(cells.text(raw)).name


def _summary(
    wb: Workbook, res: ScheduleRead
) -> tuple[SolveInfo | None, dict[str, Any]]:
    """SolveInfo and the other Summary values (generated_at, event_name,
    scenario_file); values that cannot be read are left out with a
    note."""
    ws = find_sheet(wb, "Summary", res.notes)
    if ws is None or not isinstance(ws, Worksheet):
        res.notes.append("No Summary sheet: how it was solved is unknown")
        return None, {}
    heads = header_map(ws, "Summary", "", res.notes, [])
    k_col, v_col = heads.get("key", 1), heads.get("value", 2)
    kv: dict[str, object] = {}
    rows: dict[str, int] = {}
    for r, stored in stored_rows(ws, 2):
        key = stored[k_col].value if k_col in stored else None
        if cells.is_empty(key):
            continue
        key = str(key).strip()
        kv[key] = stored[v_col].value if v_col in stored else None
        rows[key] = r

    def get(key: str, fn: Callable[[object], T], what: str) -> T | None:
        raw = kv.get(key)
        if cells.is_empty(raw):
            return None
        try:
            return fn(raw)
        except (ValueError, TypeError, OverflowError):
            res.notes.append(
                f"Summary row {rows[key]}: {key} {raw!r} is not {what}; "
                "ignored"
            )
            return None

    def number(raw: object) -> float:
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
            raise ValueError(raw)
        return float(raw)

    penalties: dict[str, int] = {}
    for key in kv:
        if key.startswith("penalty:"):
            v = get(key, cells.integer, WHOLE)
            if v is not None:
                penalties[key.removeprefix("penalty:")] = v
    status = cells.text(kv.get("status") or "UNKNOWN").upper()
    info = SolveInfo(
        status=status,
        objective=get("objective", number, "a number"),
        best_bound=get("best_bound", number, "a number"),
        solve_seconds=get("solve_seconds", number, "a number") or 0.0,
        gap=get("gap", number, "a number"),
        solutions=get("solutions", cells.integer, WHOLE) or 0,
        workers=get("workers", cells.integer, WHOLE) or 0,
        seed=get("seed", cells.integer, WHOLE) or 0,
        time_limit=get("time_limit", number, "a number"),
        penalties=penalties,
        method=get("method", cells.text, "text") or "single model",
    )
    extra = {
        "generated_at": get("generated_at", date_time, DATE_TIME),
        "event_name": get("event_name", cells.text, "text"),
        "scenario_file": get("scenario_file", _file_name, "text"),
    }
    return info, extra
