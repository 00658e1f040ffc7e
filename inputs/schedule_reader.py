"""Reading a schedule workbook back (hand edits included) for ``check``
and for what-if runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from models import Scenario
from models.problems import Problem
from models.schedule import (
    SCHEDULE_COLUMNS,
    Assignment,
    Schedule,
    SolveInfo,
    Unscheduled,
)

from . import cells
from .scenario_reader import find_sheet, header_map, open_workbook

REQUIRED = SCHEDULE_COLUMNS


@dataclass
class ScheduleRead:
    schedule: Schedule | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def read_schedule(path, scenario: Scenario | None = None) -> ScheduleRead:
    path = Path(path)
    res = ScheduleRead()
    wb = open_workbook(path, res.problems)
    if wb is None:
        return res
    file = str(path)
    ws = find_sheet(wb, "Schedule", res.notes)
    if ws is None:
        res.problems.append(
            Problem("Missing sheet Schedule", "Schedule", file=file)
        )
        return res
    heads = header_map(ws, "Schedule", file, res.notes, res.problems)
    for c in REQUIRED:
        if c not in heads:
            res.problems.append(
                Problem(
                    f"Missing required column {c}", "Schedule", 1, c, file=file
                )
            )
    if res.problems:
        return res
    rows: list[Assignment] = []
    for r, row in enumerate(
        ws.iter_rows(min_row=2, values_only=True), start=2
    ):
        if all(cells.is_empty(v) for v in row):
            continue

        def get(col, row=row):
            i = heads[col] - 1
            return row[i] if i < len(row) else None

        def parse(col, fn, expected, row_no=r):
            raw = get(col)
            if cells.is_empty(raw):
                return None
            try:
                return fn(raw)
            except ValueError:
                res.problems.append(
                    Problem(
                        f"Wrong {col}",
                        "Schedule",
                        row_no,
                        col,
                        raw,
                        expected,
                        file,
                    )
                )
                return None

        start = parse("start", cells.date_time, "a date-time")
        end = parse("end", cells.date_time, "a date-time")
        position = parse("position", cells.integer, "a whole number")
        locked = parse("locked", cells.boolean, "yes or no") or False
        item_id = cells.text(get("item_id")) if get("item_id") else ""
        room_id = cells.text(get("room_id")) if get("room_id") else ""
        if not item_id or start is None or end is None or not room_id:
            for col, v in (
                ("item_id", item_id),
                ("start", start),
                ("end", end),
                ("room_id", room_id),
            ):
                if not v and not any(
                    p.row == r and p.column == col for p in res.problems
                ):
                    res.problems.append(
                        Problem(
                            "Required value is empty",
                            "Schedule",
                            r,
                            col,
                            file=file,
                        )
                    )
            continue
        venue = cells.text(get("venue_id")) if get("venue_id") else ""
        if scenario is not None and room_id in scenario.room_by_id:
            true_venue = scenario.room_by_id[room_id].venue_id
            if venue != true_venue:
                res.notes.append(
                    f"Schedule row {r}: venue of {room_id} "
                    f"taken as {true_venue}"
                )
                venue = true_venue
        rows.append(
            Assignment(
                item_id=item_id,
                kind=cells.text(get("kind") or ""),
                ref_id=cells.text(get("ref_id") or ""),
                title=cells.text(get("title") or ""),
                start=start,
                end=end,
                room_id=room_id,
                venue_id=venue,
                participants=cells.text_list(get("participants") or ""),
                position=position,
                locked=locked,
                row=r,
            )
        )
    if res.problems:
        return res
    res.schedule = Schedule(
        assignments=tuple(rows),
        unscheduled=_unscheduled(wb, res),
        info=_info(wb, res),
        scenario_source=None,
    )
    return res


def _unscheduled(wb, res) -> tuple[Unscheduled, ...]:
    ws = find_sheet(wb, "Unscheduled", res.notes)
    if ws is None:
        return ()
    heads = header_map(ws, "Unscheduled", "", [], [])
    out = []
    for row in ws.iter_rows(min_row=2, values_only=True):
        if all(cells.is_empty(v) for v in row):
            continue

        def get(col, row=row):
            i = heads.get(col)
            return None if i is None or i > len(row) else row[i - 1]

        prio = get("priority")
        try:
            prio = None if cells.is_empty(prio) else cells.integer(prio)
        except ValueError:
            prio = None
        ref = cells.text(get("ref_id") or "")
        out.append(
            Unscheduled(
                item_id=cells.text(get("item_id") or ref),
                ref_id=ref,
                kind=cells.text(get("kind") or ""),
                title=cells.text(get("title") or ""),
                priority=prio,
                reason=cells.text(get("reason") or ""),
            )
        )
    return tuple(out)


def _info(wb, res) -> SolveInfo | None:
    ws = find_sheet(wb, "Summary", res.notes)
    if ws is None:
        return None
    kv = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        if row and not cells.is_empty(row[0]):
            kv[str(row[0]).strip()] = row[1] if len(row) > 1 else None

    def num(key):
        try:
            return float(kv[key]) if not cells.is_empty(kv.get(key)) else None
        except (TypeError, ValueError):
            return None

    return SolveInfo(
        status=str(kv.get("status") or "UNKNOWN"),
        objective=num("objective"),
        best_bound=num("best_bound"),
        solve_seconds=num("solve_seconds") or 0.0,
        gap=num("gap"),
    )
