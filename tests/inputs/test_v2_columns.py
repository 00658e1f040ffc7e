"""The version-2 precedence columns: read, written back, validated.

Sequences ``tiebreak`` and ``late_policy``, Delegations and People
``role``, Events ``participants_minutes``, SequenceMembers ``position``
within the list, and the Schedule ``note``."""

from __future__ import annotations

from dataclasses import replace

import pytest

from inputs import load_scenario, read_scenario
from inputs.scenario_writer import write_scenario, write_template
from models import Person, validate_scenario
from models.records.schedule import Assignment, Schedule
from tests.factory import at

from .helpers import set_cell, small_scenario, workbook


def _with_v2(s):
    seqs = (replace(s.sequences[0], tiebreak="lot:M", late_policy="drop"),)
    dels = (
        replace(s.delegations[0], role="guest_of_honour"),
        replace(s.delegations[1], role="co_host"),
    )
    events = (
        replace(s.events[0], participants_minutes=15),
        *s.events[1:],
    )
    people = (
        Person("UNSG", "Secretary-General", "DEU", "IOH", role="co_chair"),
    )
    return replace(
        s, sequences=seqs, delegations=dels, events=events, people=people
    )


def test_v2_columns_round_trip(tmp_path):
    s = _with_v2(small_scenario())
    assert validate_scenario(s) == []
    path = tmp_path / "v2.xlsx"
    write_scenario(s, path)
    back = load_scenario(path)
    assert back.sequences[0].tiebreak == "lot:M"
    assert back.sequences[0].late_policy == "drop"
    assert [d.role for d in back.delegations] == ["guest_of_honour", "co_host"]
    assert back.people[0].role == "co_chair"
    assert back.events[0].participants_minutes == 15
    assert back == replace(s, source=back.source)


def test_empty_v2_columns_keep_version_1_defaults(tmp_path):
    s = load_scenario(workbook(tmp_path))
    q = s.sequences[0]
    assert q.tiebreak is None and q.late_policy is None and q.late == "end"
    assert all(d.role is None for d in s.delegations)
    assert all(e.participants_minutes is None for e in s.events)


def test_template_has_the_v2_columns(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "template.xlsx"
    write_template(path)
    wb = load_workbook(path)

    def headers(sheet):
        return [c.value for c in wb[sheet][1]]

    assert {"tiebreak", "late_policy"} <= set(headers("Sequences"))
    assert "role" in headers("Delegations") and "role" in headers("People")
    assert "participants_minutes" in headers("Events")


def _problem(path, **match):
    res = read_scenario(path)
    assert res.scenario is None
    hits = [
        p
        for p in res.problems
        if all(getattr(p, k) == v for k, v in match.items())
    ]
    assert hits, "\n".join(map(str, res.problems))
    return hits[0]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("lot:7", "tie-break"),
        ("by height", "tie-break"),
    ],
)
def test_bad_tiebreak_is_refused(tmp_path, value, words):
    path = workbook(
        tmp_path, lambda wb: set_cell(wb, "Sequences", "tiebreak", 2, value)
    )
    p = _problem(path, sheet="Sequences", row=2, column="tiebreak")
    assert words in p.message and p.value == value


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("later", "Unknown late policy"),
        ("move:NOPE", "Unknown sequence"),
        ("move:Q", "itself"),
    ],
)
def test_bad_late_policy_is_refused(tmp_path, value, words):
    path = workbook(
        tmp_path,
        lambda wb: set_cell(wb, "Sequences", "late_policy", 2, value),
    )
    p = _problem(path, sheet="Sequences", row=2, column="late_policy")
    assert words in p.message


def test_move_to_another_list_is_accepted():
    s = small_scenario()
    other = replace(s.sequences[0], sequence_id="Q2", late_policy="move:Q")
    s2 = replace(s, sequences=(*s.sequences, other))
    assert validate_scenario(s2) == []
    assert other.late == "move" and other.move_to == "Q"


def test_bad_role_is_refused(tmp_path):
    path = workbook(
        tmp_path,
        lambda wb: set_cell(wb, "Delegations", "role", 2, "chief guest"),
    )
    p = _problem(path, sheet="Delegations", row=2, column="role")
    assert "guest_of_honour" in p.expected


def test_role_built_in_python_is_validated():
    s = small_scenario()
    bad = replace(s, delegations=(replace(s.delegations[0], role="king"),))
    assert any(p.column == "role" for p in validate_scenario(bad))
    person = Person("P", "P", "FRA", "MIN", role="chair")
    bad = replace(s, people=(person,))
    assert any(p.column == "role" for p in validate_scenario(bad))


@pytest.mark.parametrize("value", [0, 61])
def test_participants_minutes_within_the_event(tmp_path, value):
    path = workbook(
        tmp_path,
        lambda wb: set_cell(wb, "Events", "participants_minutes", 2, value),
    )
    _problem(path, sheet="Events", row=2, column="participants_minutes")


@pytest.mark.parametrize("value", [0, 3, 99])
def test_position_outside_the_list_is_refused(tmp_path, value):
    # the list Q has two members: positions 1 and 2 only
    path = workbook(
        tmp_path,
        lambda wb: set_cell(wb, "SequenceMembers", "position", 2, value),
    )
    _problem(path, sheet="SequenceMembers", row=2, column="position")


def test_position_at_the_end_of_the_list_is_accepted(tmp_path):
    path = workbook(
        tmp_path,
        lambda wb: set_cell(wb, "SequenceMembers", "position", 2, 2),
    )
    assert read_scenario(path).problems == []


def test_bad_position_exits_2_from_validate(tmp_path):
    from click.testing import CliRunner

    from scheduler.cli import cli

    path = workbook(
        tmp_path,
        lambda wb: set_cell(wb, "SequenceMembers", "position", 2, 5),
    )
    r = CliRunner().invoke(cli, ["validate", str(path)])
    assert r.exit_code == 2, r.output
    assert "SequenceMembers" in r.output and "position" in r.output


def test_schedule_note_round_trip(tmp_path):
    from inputs.schedule_reader import read_schedule
    from outputs.xlsx_writer import write_schedule_workbook

    s = small_scenario()
    row = Assignment(
        "S:Q:DEU",
        "sequence",
        "Q",
        "Order of signature: Head of DEU (Germany)",
        at("09:00"),
        at("09:01").replace(second=30),
        "HALL",
        "NCC",
        ("DEU",),
        position=1,
        note="late: after the list",
    )
    path = tmp_path / "schedule.xlsx"
    write_schedule_workbook(s, Schedule((row,)), path)
    back = read_schedule(path, s).schedule
    assert back.assignments[0].note == "late: after the list"


def test_a_date_where_a_scope_is_expected_is_a_bad_input(tmp_path):
    """Found by the CLI fuzz test: a date-time in SecurityWindows scope
    crashed the reader instead of naming the cell."""
    from datetime import datetime

    from models import SecurityWindow, parse_scope

    s = small_scenario()
    w = SecurityWindow(
        "W1", at("09:00"), at("10:00"), parse_scope("all"), "closed"
    )
    path = tmp_path / "w.xlsx"
    write_scenario(replace(s, windows=(w,)), path)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    set_cell(wb, "SecurityWindows", "scope", 2, datetime(1971, 12, 31, 23))
    wb.save(path)
    _problem(path, sheet="SecurityWindows", row=2, column="scope")
