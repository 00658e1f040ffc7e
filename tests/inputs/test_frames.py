"""A scenario as pandas DataFrames and back (inputs/frames.py): the same
scenario, and the same problems at the same places as a workbook."""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np
import pandas as pd
import pytest

from inputs.frames import (
    cell,
    read_frames,
    scenario_frames,
    scenario_from_frames,
)
from inputs.sample.hanoi2025 import build_hanoi_scenario
from inputs.scenario_format import SHEETS
from models import ScenarioError
from tests.outputs.schedules import full_scenario


@pytest.mark.parametrize("build", [full_scenario, build_hanoi_scenario])
def test_frames_round_trip(build):
    s = build()
    frames = scenario_frames(s)
    assert list(frames) == [sheet.name for sheet in SHEETS]
    for sheet in SHEETS:
        if sheet.name != "Settings":
            assert list(frames[sheet.name].columns) == [
                c.name for c in sheet.columns
            ]
    assert scenario_from_frames(frames) == s


def test_frames_take_what_pandas_holds():
    """NaN and NaT for empty cells, numpy numbers, timestamps, Python
    lists for list columns."""
    frames = scenario_frames(full_scenario())
    rooms = frames["Rooms"]
    rooms["capacity"] = rooms["capacity"].astype("int64")
    rooms["changeover_minutes"] = math.nan
    rooms.loc[0, "features"] = ["flags", "av"]
    events = frames["Events"]
    events["earliest"] = pd.to_datetime(events["earliest"])
    s = scenario_from_frames(frames)
    assert s.room_by_id["R1"].features == frozenset({"flags", "av"})
    assert s.room_by_id["R1"].changeover_minutes is None
    assert isinstance(s.room_by_id["R1"].capacity, int)
    assert s.events == full_scenario().events


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (np.int64(3), 3),
        (np.float64(2.5), 2.5),
        (np.bool_(True), True),
        (math.nan, None),
        (pd.NaT, None),
        (None, None),
        (pd.Timestamp("2025-10-25 09:30"), datetime(2025, 10, 25, 9, 30)),
        (["a", "b"], "a; b"),
        ({"b", "a"}, "a; b"),
        ("text", "text"),
    ],
)
def test_cells_from_pandas_values(value, expected):
    got = cell(value)
    assert got == expected and type(got) is type(expected)


def test_problems_name_sheet_row_and_column():
    frames = scenario_frames(full_scenario())
    frames["Rooms"].loc[0, "capacity"] = "lots"
    frames["Rooms"].loc[1, "venue_id"] = "MOON"
    found = read_frames(frames).problems
    assert [(p.sheet, p.row, p.column) for p in found] == [
        ("Rooms", 2, "capacity")
    ]  # type errors stop the reading before cross-references
    frames["Rooms"].loc[0, "capacity"] = 80
    (p,) = read_frames(frames).problems
    assert (p.sheet, p.row, p.column, p.message) == (
        "Rooms",
        3,
        "venue_id",
        "Unknown venue",
    )
    assert p.file == "DataFrames"
    with pytest.raises(ScenarioError, match="Rooms, row 3, column venue_id"):
        scenario_from_frames(frames)


def test_a_required_sheet_may_not_be_left_out_and_others_may():
    frames = scenario_frames(full_scenario())
    del frames["Slots"]
    assert read_frames(frames).problems == []
    del frames["Rooms"]
    (p,) = read_frames(frames).problems
    assert p.message == "Missing sheet Rooms"


def test_a_formula_is_refused_as_in_a_workbook():
    frames = scenario_frames(full_scenario())
    frames["Rooms"].loc[0, "name"] = "=HYPERLINK(1)"
    (p,) = read_frames(frames).problems
    assert p.message == "A formula where a value is expected"


@pytest.mark.parametrize("value", [math.inf, -math.inf])
def test_a_number_that_is_not_finite_is_out_of_range(value):
    frames = scenario_frames(full_scenario())
    frames["Rooms"]["capacity"] = frames["Rooms"]["capacity"].astype(object)
    frames["Rooms"].loc[0, "capacity"] = value
    (p,) = read_frames(frames).problems
    assert (p.sheet, p.row, p.column) == ("Rooms", 2, "capacity")
    assert (p.message, p.expected) == ("Out of range", "a finite number")
