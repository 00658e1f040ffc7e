"""A schedule's sheets as DataFrames (outputs/frames.py): the same tables,
columns and rows as the workbook, for the same audience."""

from __future__ import annotations

import pandas as pd

from models.changes import diff_schedules
from outputs.frames import VIEWS, schedule_frames
from outputs.xlsx_writer import build_workbook
from tests.outputs.schedules import full_scenario, full_schedule

#: Sheets that are documents to print, not tables.
DOCUMENTS = ("Precedence", "Programmes", "Run of show")


def _tables(wb) -> dict[str, list]:
    """Sheet -> header of every table sheet (grids, programmes, runs of
    show and the precedence sheet aside: they are documents, not
    tables)."""
    out = {}
    for ws in wb.worksheets:
        if ws.title.startswith("Grid") or ws.title in DOCUMENTS:
            continue
        out[ws.title] = [c.value for c in ws[1]]
    return out


def test_the_frames_are_the_workbook_tables():
    s = full_scenario()
    schedule = full_schedule(s)
    moved = diff_schedules(schedule, schedule)
    for audience in ("full", "public"):
        wb = build_workbook(s, schedule, moved, audience)
        frames = schedule_frames(s, schedule, moved, audience)
        tables = _tables(wb)
        assert list(frames) == list(tables), audience
        for name, df in frames.items():
            assert list(df.columns) == tables[name], (audience, name)
            # (the Summary sets its technical rows apart with a row
            # that has no key, which readers skip)
            rows = [r for r in wb[name].iter_rows(min_row=2) if r[0].value]
            assert len(df) == len(rows), (audience, name)


def test_every_view_is_a_sheet_of_the_full_copy():
    s = full_scenario()
    assert set(VIEWS) <= set(schedule_frames(s, full_schedule(s)))


def test_times_are_timestamps_and_public_hides_restricted_items():
    s = full_scenario()
    schedule = full_schedule(s)
    full = schedule_frames(s, schedule)["Schedule"]
    assert pd.api.types.is_datetime64_any_dtype(full["start"])
    assert (full["start"] < full["end"]).all()
    public = schedule_frames(s, schedule, audience="public")
    assert "Bilaterals" not in public and "Arrivals" not in public
    kinds = set(public["Schedule"]["kind"])
    assert "bilateral" not in kinds and "arrival" not in kinds
    assert len(public["Schedule"]) < len(full)
