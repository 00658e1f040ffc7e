"""Extra sheets for the people who receive the schedule."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from outputs.views import (
    AGENDA_COLUMNS,
    ARRIVAL_COLUMNS,
    BILATERAL_COLUMNS,
    ROOM_COLUMNS,
    agenda_rows,
    arrival_rows,
    bilateral_rows,
    protocol_rows,
    room_rows,
)
from outputs.xlsx_writer import write_schedule_workbook


@pytest.fixture(scope="module")
def solved(solved_sample):
    return solved_sample


@pytest.mark.slow
def test_views_of_the_sample(solved, tmp_path):
    s, sched = solved
    placed = sched.by_item()
    # every bilateral request appears once, placed or with its reason
    rows = [
        dict(zip(BILATERAL_COLUMNS, r, strict=True))
        for r in bilateral_rows(s, sched)
    ]
    assert len(rows) == len(s.bilaterals)
    for r in rows:
        assert (r["status"] == "scheduled") == (
            f"B:{r['request_id']}" in placed
        )
        assert r["status"] == "scheduled" or r["reason"]
        # names beside the codes
        assert r["party_a_name"] and r["party_b_name"]
        assert r["status"] != "scheduled" or r["room"]
        assert r["value"] == s.item_by_id[f"B:{r['request_id']}"].value
    # the order of signature starts with the host, positions 1, 2, ...
    sign = [r for r in protocol_rows(s, sched) if r[0] == "SIGN1"]
    assert sign[0][5] == "VNM" and [r[2] for r in sign] == list(
        range(1, len(sign) + 1)
    )
    # arrivals in time order, each with its greeter, by code and name
    arr = [
        dict(zip(ARRIVAL_COLUMNS, r, strict=True))
        for r in arrival_rows(s, sched)
    ]
    assert [r["start"] for r in arr] == sorted(r["start"] for r in arr)
    assert all(r["greeter"] and r["greeter_name"] for r in arr)
    assert all(r["point_name"] and r["venue"] for r in arr)
    # the President's agenda is in time order and holds the banquet
    mine = [
        dict(zip(AGENDA_COLUMNS, r, strict=True))
        for r in agenda_rows(s, sched)
    ]
    mine = [r for r in mine if r["person_id"] == "VNM"]
    assert [r["start"] for r in mine] == sorted(r["start"] for r in mine)
    assert "E:BANQUET" in {r["item_id"] for r in mine}
    for r in mine:
        if r["kind"] == "bilateral":
            assert r["counterpart"] and r["counterpart_name"]
    # room use never exceeds the open time
    rooms = [
        dict(zip(ROOM_COLUMNS, r, strict=True)) for r in room_rows(s, sched)
    ]
    assert all(r["minutes_used"] <= r["minutes_open"] for r in rooms)
    path = write_schedule_workbook(s, sched, tmp_path / "s.xlsx")
    names = load_workbook(path, read_only=True).sheetnames
    assert names[:3] == ["Summary", "Schedule", "Unscheduled"]
    assert {
        "Agendas",
        "Arrivals",
        "Protocol",
        "Bilaterals",
        "Rooms",
        "Precedence",
    } <= set(names)
