"""The Python API for notebooks (scheduler/notebook.py): scenarios in and
schedules out as DataFrames, the same runs and errors as the command."""

from __future__ import annotations

import pandas as pd
import pytest

from inputs.schedule_reader import read_schedule
from models import Event
from models.checker import check
from scheduler import notebook as nb
from scheduler.errors import BadInput, Infeasible
from tests.factory import at, delegation, room, tiny

FAST = {"time_limit": 10, "workers": 1, "diagnose_seconds": 0}


def _scenario():
    """Two delegations' workshops, one optional, in one room."""
    return tiny(
        delegations=(delegation("FRA"), delegation("DEU")),
        events=(
            Event(
                "A",
                "Keynote",
                "workshop",
                60,
                50,
                rooms=("R1",),
                participants=("FRA",),
                mandatory=True,
            ),
            Event(
                "B",
                "Side chat",
                "workshop",
                60,
                50,
                rooms=("R1",),
                participants=("DEU",),
                earliest=at("09:00"),
                latest=at("10:00"),
            ),
            Event(
                "C",
                "Briefing",
                "workshop",
                60,
                50,
                rooms=("R1",),
                participants=("DEU",),
                priority=5,
                earliest=at("09:00"),
                latest=at("10:00"),
            ),
        ),
    )


def test_solve_gives_the_tables_as_dataframes(tmp_path):
    s = _scenario()
    run = nb.solve(s, **FAST)
    assert run.status == "OPTIMAL"
    assert run.violations() == []
    table = run.schedule
    assert isinstance(table, pd.DataFrame)
    assert sorted(table["item_id"]) == ["E:A", "E:C"]
    assert pd.api.types.is_datetime64_any_dtype(table["start"])
    assert list(run.unscheduled["item_id"]) == ["E:B"]
    assert run.unscheduled.loc[0, "reason"]
    assert set(run.agendas["person_id"]) == {"FRA", "DEU"}
    assert run.changes is None
    summary = dict(zip(run.summary["key"], run.summary["value"], strict=True))
    assert summary["status"] == "OPTIMAL"
    out = run.write(tmp_path / "s.xlsx")
    read = read_schedule(out, s)
    assert read.problems == [] and check(s, read.schedule) == []


def test_a_what_if_run_from_a_previous_run():
    s = _scenario()
    first = nb.solve(s, **FAST)
    again = nb.solve(s, baseline=first, **FAST)
    assert list(again.changes["item_id"]) == []
    assert nb.changes(first, again).empty
    # the room closes at 10:30: what was there moves, and says so
    later = tiny(
        **{
            **{f: getattr(s, f) for f in ("delegations", "events")},
            "rooms": (room("R1", available_from=at("10:30")), *s.rooms[1:]),
        }
    )
    moved = nb.solve(later, baseline=first.schedule_record, **FAST)
    assert set(moved.changes["change"]) <= {"moved", "dropped"}
    assert not moved.changes.empty


def test_scenarios_built_and_checked_as_dataframes():
    frames = nb.scenario_frames(_scenario())
    frames["Events"].loc[0, "duration_minutes"] = 90
    s = nb.scenario_from_frames(frames)
    assert s.event_by_id["A"].duration_minutes == 90
    assert nb.problems(frames).empty
    frames["Events"].loc[1, "rooms"] = "R9"
    table = nb.problems(frames)
    assert list(table.columns) == nb.PROBLEM_COLUMNS
    assert table.loc[0, ["sheet", "row", "column"]].tolist() == [
        "Events",
        3,
        "rooms",
    ]
    with pytest.raises(BadInput, match="Events, row 3, column rooms"):
        nb.scenario_from_frames(frames)


def test_two_solves_and_the_same_errors_as_the_command():
    s = _scenario()
    assert nb.solve(s, **FAST).status == nb.solve(s, **FAST).status
    clash = tiny(
        events=tuple(
            Event(
                e,
                e,
                "workshop",
                60,
                50,
                rooms=("R1",),
                fixed_start=at("09:00"),
                mandatory=True,
            )
            for e in ("X", "Y")
        )
    )
    with pytest.raises(Infeasible) as caught:
        nb.solve(clash, **FAST)
    assert caught.value.exit_code == 3
    with pytest.raises(BadInput, match="freeze_before needs a baseline"):
        nb.solve(s, freeze_before="2025-10-25 12:00", **FAST)
    with pytest.raises(BadInput, match="workers"):
        nb.solve(s, time_limit=5, workers=0)
