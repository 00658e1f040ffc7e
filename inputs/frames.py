"""A scenario as pandas DataFrames, and back: one DataFrame per sheet of
the scenario workbook, with the sheet's columns (``inputs.scenario_format``).

:func:`scenario_frames` gives the frames of a scenario (lists as
``"a; b"`` text, as in the workbook); :func:`read_frames` reads frames
back exactly as the workbook reader reads sheets, with the same checks
and messages: a problem names the sheet (the frame's key), the row (the
frame's first row is row 2, as under a header in a workbook) and the
column.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook

from models import Scenario, ScenarioError
from models.records.settings import SETTING_KEYS
from models.validation import records

from .scenario_format import SHEETS
from .scenario_reader import ReadResult, read_workbook
from .scenario_writer import CellValue, cell_value

#: What a problem says the frames came from.
SOURCE = "DataFrames"


def scenario_frames(scenario: Scenario) -> dict[str, pd.DataFrame]:
    """Every sheet of ``scenario``'s workbook as a DataFrame, in sheet
    order: ``Settings`` as ``key``/``value`` rows, each other sheet with
    all its columns (empty cells ``None``; lists ``;``-joined text)."""
    out: dict[str, pd.DataFrame] = {}
    for sheet in SHEETS:
        if sheet.name == "Settings":
            rows: list[list[CellValue]] = [
                [key, cell_value(getattr(scenario.settings, key))]
                for key in SETTING_KEYS
            ]
            out[sheet.name] = pd.DataFrame(rows, columns=["key", "value"])
            continue
        names = [c.name for c in sheet.columns]
        out[sheet.name] = pd.DataFrame(
            [
                [cell_value(getattr(rec, name, None)) for name in names]
                for rec in records(scenario, sheet.name)
            ],
            columns=names,
            dtype=object,
        )
    return out


def read_frames(
    frames: Mapping[str, pd.DataFrame], source: str = SOURCE
) -> ReadResult:
    """The scenario in ``frames`` (sheet name -> DataFrame, the header
    row as its columns) and every problem found, as for a workbook.
    Sheets may be left out where the workbook may leave them out; a
    column that is not part of the format is noted and ignored."""
    return read_workbook(_workbook(frames), source)


def scenario_from_frames(
    frames: Mapping[str, pd.DataFrame], source: str = SOURCE
) -> Scenario:
    """The scenario in ``frames``; raises
    :class:`models.ScenarioError` listing every problem."""
    result = read_frames(frames, source)
    if result.problems or result.scenario is None:
        raise ScenarioError(result.problems)
    return result.scenario


def _workbook(frames: Mapping[str, pd.DataFrame]) -> Workbook:
    """The frames as an in-memory workbook: one sheet each, the column
    names as the header row."""
    wb = Workbook()
    for default in list(wb.worksheets):
        wb.remove(default)
    for name, df in frames.items():
        ws = wb.create_sheet(str(name))
        ws.append([str(c) for c in df.columns])
        for row in df.itertuples(index=False, name=None):
            ws.append([cell(v) for v in row])
    return wb


def cell(value: Any) -> CellValue:
    """A DataFrame value as a workbook cell: missing values (``None``,
    ``NaN``, ``NaT``) empty, numpy scalars as Python ones, timestamps as
    date-times, lists and sets as ``;``-joined text."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(cell(v)) for v in value)
    if isinstance(value, (set, frozenset)):
        return "; ".join(sorted(str(cell(v)) for v in value))
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        moment: datetime = value.to_pydatetime()
        return moment
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (str, bool, int, float, datetime, date, time)):
        return value
    return str(value)
