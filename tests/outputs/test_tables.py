"""Rows of the schedule workbook's sheets (pure functions)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from models.records.schedule import Assignment, Schedule, SolveInfo
from outputs.tables import (
    SCHEDULE_COLUMNS,
    SUMMARY_KEYS,
    UNSCHEDULED_COLUMNS,
    schedule_rows,
    setting_value,
    status_words,
    summary_rows,
    summary_sections,
    unscheduled_rows,
)
from tests.factory import at
from tests.outputs.schedules import full_scenario, full_schedule


def test_schedule_columns_are_the_contract_then_extras():
    assert SCHEDULE_COLUMNS[:11] == (
        "item_id",
        "kind",
        "ref_id",
        "title",
        "start",
        "end",
        "room_id",
        "venue_id",
        "participants",
        "position",
        "locked",
    )
    assert SCHEDULE_COLUMNS[11:] == (
        "note",
        "room_name",
        "venue_name",
        "day",
        "duration_minutes",
        "restricted",
    )
    assert UNSCHEDULED_COLUMNS == (
        "ref_id",
        "kind",
        "title",
        "priority",
        "reason",
        "item_id",
        "restricted",
    )


def test_schedule_rows_sorted_by_start_then_room():
    s = full_scenario()
    sched = full_schedule(s)
    late = Assignment(
        "E:WS1", "event", "WS1", "Workshop", at("09:00"), at("10:00"), "R1",
        "NCC",
    )  # fmt: skip
    sched = replace(sched, assignments=(*reversed(sched.assignments), late))
    rows = schedule_rows(s, sched)
    assert [r["item_id"] for r in rows] == [
        "A:FRA",
        "E:OPEN",
        "E:WS1",  # same start as E:OPEN, room R1 after HALL
        "S:Q:FRA",
        "S:Q:DEU",
        "B:BL01",
    ]
    assert all(list(r) == list(SCHEDULE_COLUMNS) for r in rows)


def test_schedule_row_values():
    s = full_scenario()
    rows = {r["item_id"]: r for r in schedule_rows(s, full_schedule(s))}
    opening, slot, bilateral = rows["E:OPEN"], rows["S:Q:DEU"], rows["B:BL01"]
    assert opening["start"] == at("09:00")
    assert isinstance(opening["start"], datetime)
    assert opening["participants"] == "DEU; FRA"
    assert opening["position"] is None and opening["locked"] == "yes"
    assert opening["room_name"] == "Room HALL"
    assert opening["venue_name"] == "Convention Centre"
    assert opening["day"] == date(2025, 10, 25)
    assert opening["duration_minutes"] == 60
    assert opening["restricted"] == "no"
    assert slot["position"] == 2 and slot["locked"] == "no"
    assert slot["duration_minutes"] == 0.75
    assert bilateral["restricted"] == "yes"
    assert rows["A:FRA"]["venue_name"] == "Palace"


def test_unknown_room_and_item_give_empty_extras():
    s = full_scenario()
    a = Assignment(
        "E:GONE", "event", "GONE", "Gone", at("09:00"), at("09:30"), "XX",
        "YY",
    )  # fmt: skip
    (row,) = schedule_rows(s, Schedule((a,)))
    assert row["room_name"] == "" and row["venue_name"] == ""
    # a row the scenario does not know is never shown as public
    assert row["restricted"] == "yes"


def test_unscheduled_rows():
    s = full_scenario()
    (row,) = unscheduled_rows(s, full_schedule(s))
    assert row == {
        "ref_id": "WS1",
        "kind": "event",
        "title": "Workshop",
        "priority": 3,
        "reason": "No room is free for 60 min while Head of DEU is free",
        "item_id": "E:WS1",
        "restricted": "no",
    }
    # marked in the workbook, or unknown to the scenario: restricted
    (u,) = full_schedule(s).unscheduled
    for other in (replace(u, restricted=True), replace(u, item_id="E:X")):
        (row,) = unscheduled_rows(s, Schedule((), (other,)))
        assert row["restricted"] == "yes"


def test_summary_rows_keys_and_values():
    s = full_scenario()
    rows = summary_rows(s, full_schedule(s))
    keys = [r["key"] for r in rows]
    assert set(SUMMARY_KEYS) <= set(keys)
    kv = {r["key"]: r["value"] for r in rows}
    assert kv["event_name"] == "Test summit"
    assert kv["status"] == "FEASIBLE"
    assert kv["objective"] == 120.0 and kv["best_bound"] == 100.0
    assert kv["items_scheduled"] == 5 and kv["items_unscheduled"] == 1
    assert kv["generated_at"] == datetime(2025, 10, 1, 12, 30, 5)
    assert kv["penalty:room_fit"] == 3 and kv["penalty:preferred_day"] == 0
    assert kv["setting:days"] == "2025-10-25"
    assert kv["setting:day_start"] == "08:00"
    assert kv["setting:time_step_minutes"] == 5
    assert kv["count:event:scheduled"] == 1
    assert kv["count:event:left_out"] == 1
    # the file name only, never a path
    assert kv["scenario_file"] == "scenario.xlsx"


def test_summary_for_people_first_technical_rows_apart():
    s = full_scenario()
    sched = full_schedule(s)
    people, technical = summary_sections(s, sched)
    keys = [r["key"] for r in people]
    assert keys[:7] == [
        "event_name",
        "status",
        "gap",
        "generated_at",
        "scenario_file",
        "items_scheduled",
        "items_unscheduled",
    ]
    tech = {r["key"] for r in technical}
    assert {"objective", "best_bound", "solve_seconds", "seed"} <= tech
    assert {k for k in tech if k.startswith(("penalty:", "setting:"))}
    assert not any(k.startswith(("penalty:", "setting:")) for k in keys)
    about = {r["key"]: r["about"] for r in people}
    # the status in words, the gap a percentage
    assert about["status"] == (
        "A schedule that keeps every hard rule; the best possible is at "
        "most 16.67% better"
    )
    assert people[2]["format"] == "0.00%"
    assert about["count:bilateral:scheduled"] == "Bilateral meetings: placed"
    windows = replace(sched, scenario_source=r"C:\Users\me\plans\v7.xlsx")
    kv = {r["key"]: r["value"] for r in summary_rows(s, windows)}
    assert kv["scenario_file"] == "v7.xlsx"
    unix = replace(sched, scenario_source="/home/me/plans/v8.xlsx")
    kv = {r["key"]: r["value"] for r in summary_rows(s, unix)}
    assert kv["scenario_file"] == "v8.xlsx"


def test_status_in_words():
    assert status_words(SolveInfo("OPTIMAL")).startswith("The best")
    assert "not known" in status_words(SolveInfo("FEASIBLE"))
    assert status_words(SolveInfo("INFEASIBLE")).startswith("No schedule")
    assert status_words(None).startswith("Not known")


def test_summary_without_info_has_empty_values_and_a_time():
    s = full_scenario()
    now = datetime(2025, 10, 2, 8, 0, 0, 123)
    kv = {r["key"]: r["value"] for r in summary_rows(s, Schedule(()), now=now)}
    assert kv["status"] == "UNKNOWN"
    assert kv["objective"] is None and kv["best_bound"] is None
    assert kv["generated_at"] == datetime(2025, 10, 2, 8, 0, 0)
    assert not any(k.startswith("penalty:") for k in kv)


def test_summary_none_values_stay_none():
    s = full_scenario()
    sched = Schedule((), info=SolveInfo("INFEASIBLE"))
    kv = {r["key"]: r["value"] for r in summary_rows(s, sched)}
    assert kv["objective"] is None and kv["time_limit"] is None
    assert kv["gap"] is None
    assert isinstance(kv["generated_at"], datetime)


def test_setting_value():
    assert setting_value(None) is None
    assert setting_value((date(2025, 10, 25), date(2025, 10, 26))) == (
        "2025-10-25; 2025-10-26"
    )
    assert setting_value(datetime(2025, 1, 2, 3, 4)) == "2025-01-02 03:04:00"
    assert setting_value(7) == 7 and setting_value("x") == "x"


def _with_bound(s, sched, bound):
    """``sched`` with the objective recomputed from it and ``bound``."""
    from models.objective import objective_value

    obj = objective_value(s, sched)
    return replace(
        sched,
        info=SolveInfo(
            "FEASIBLE", objective=obj, best_bound=bound, gap=1 - bound / obj
        ),
    )


def test_a_gap_only_in_the_soft_preferences_is_said_so():
    """The workshop (left out) is proven to be left out by any schedule
    when the bound is its value times the placement weight: the gap is
    then only the soft preferences'; a bound one unit of value lower
    proves nothing; a recorded objective in other units (a what-if
    run's, an edited schedule's) proves nothing either."""
    from models.objective import penalties, placement_proven, placement_weight

    s = full_scenario()
    sched = full_schedule(s)
    weight = placement_weight(s)
    lost = penalties(s, sched)["unplaced_value"]
    assert lost > 0
    proven = _with_bound(s, sched, weight * lost)
    assert placement_proven(s, proven)
    said = dict((r["key"], r["about"]) for r in summary_rows(s, proven))
    assert "only in the soft preferences" in said["status"]
    weaker = _with_bound(s, sched, weight * (lost - 1))
    assert not placement_proven(s, weaker)
    said = dict((r["key"], r["about"]) for r in summary_rows(s, weaker))
    assert "soft preferences" not in said["status"]
    other_units = replace(
        proven, info=replace(proven.info, objective=proven.info.objective * 7)
    )
    assert not placement_proven(s, other_units)
