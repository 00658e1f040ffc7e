"""Extra sheets for the people who receive the schedule."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from outputs.views import (
    BILATERAL_COLUMNS,
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
    rows = bilateral_rows(s, sched)
    assert len(rows) == len(s.bilaterals)
    status = BILATERAL_COLUMNS.index("status")
    reason = BILATERAL_COLUMNS.index("reason")
    value = BILATERAL_COLUMNS.index("value")
    for r in rows:
        assert (r[status] == "scheduled") == (f"B:{r[0]}" in placed)
        assert r[status] == "scheduled" or r[reason]
        assert r[value] == s.item_by_id[f"B:{r[0]}"].value
    # the order of signature starts with the host, positions 1, 2, ...
    sign = [r for r in protocol_rows(s, sched) if r[0] == "SIGN1"]
    assert sign[0][5] == "VNM" and [r[2] for r in sign] == list(
        range(1, len(sign) + 1)
    )
    # arrivals in time order, each with its greeter
    arr = arrival_rows(s, sched)
    assert [r[0] for r in arr] == sorted(r[0] for r in arr)
    assert all(r[7] for r in arr)
    # the President's agenda is in time order and holds the banquet
    mine = [r for r in agenda_rows(s, sched) if r[0] == "VNM"]
    assert [r[4] for r in mine] == sorted(r[4] for r in mine)
    assert "E:BANQUET" in {r[6] for r in mine}
    # room use never exceeds the open time
    assert all(r[7] <= r[8] for r in room_rows(s, sched))
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
