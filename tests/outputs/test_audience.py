"""The public copy holds no restricted item, no arrival and no
bilateral, in the workbook and in the calendars (issue 8)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from models import Event
from models.audience import (
    WITHHELD_REASON,
    public_schedule,
    restricted_item_ids,
    restricted_words,
)
from models.records.schedule import Assignment, Unscheduled
from outputs.calendars import write_calendars
from outputs.xlsx_writer import write_schedule_workbook
from tests.factory import at

from .schedules import full_scenario, full_schedule


def _with_restricted_event():
    """The writer's scenario plus a restricted security meeting, placed,
    and a left-out workshop whose reason names the bilateral."""
    s = full_scenario()
    sec = Event(
        "SECMEET",
        "Security coordination",
        "other",
        30,
        10,
        rooms=("R2",),
        restricted=True,
    )
    s = replace(s, events=(*s.events, sec))
    sched = full_schedule(s)
    it = s.item_by_id["E:SECMEET"]
    row = Assignment(
        it.item_id,
        "event",
        "SECMEET",
        it.title,
        at("11:00"),
        at("11:30"),
        "R2",
        "NCC",
        (),
    )
    out = replace(
        sched.unscheduled[0],
        reason="Head of DEU is in B:BL01 (bilateral BL01) then",
    )
    return s, replace(
        sched,
        assignments=(*sched.assignments, row),
        unscheduled=(out,),
    )


def test_restricted_items_are_the_bilaterals_arrivals_and_marked_events():
    s, _ = _with_restricted_event()
    assert restricted_item_ids(s) == {"A:FRA", "B:BL01", "E:SECMEET"}


def test_public_schedule_drops_restricted_items_and_naming_reasons():
    s, sched = _with_restricted_event()
    pub = public_schedule(s, sched)
    ids = {a.item_id for a in pub.assignments}
    assert ids == {"E:OPEN", "S:Q:FRA", "S:Q:DEU"}
    (u,) = pub.unscheduled
    assert u.item_id == "E:WS1" and u.reason == WITHHELD_REASON


def test_a_hand_added_bilateral_is_restricted_by_its_kind():
    s, sched = _with_restricted_event()
    extra = replace(sched.assignments[0], item_id="B:NEW", kind="bilateral")
    left = Unscheduled("A:XYZ", "XYZ", "arrival", "Arrival of XYZ", 5, "-")
    sched = replace(
        sched,
        assignments=(*sched.assignments, extra),
        unscheduled=(*sched.unscheduled, left),
    )
    pub = public_schedule(s, sched)
    assert "B:NEW" not in pub.by_item()
    assert all(u.kind != "arrival" for u in pub.unscheduled)


def _cells(path):
    wb = load_workbook(path)
    for ws in wb:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None:
                    yield ws.title, str(v)


def _leaks(s, texts):
    """Texts that name a restricted item (ids as whole words)."""
    words = sorted(restricted_words(s), key=len, reverse=True)
    pattern = re.compile(
        "|".join(rf"(?<![\w:-]){re.escape(w)}(?![\w-])" for w in words)
        + r"|Arrival of|Arrival:|[Bb]ilateral"
    )
    return [t for t in texts if pattern.search(t[1])]


def test_public_workbook_has_no_restricted_item(tmp_path):
    s, sched = _with_restricted_event()
    full = write_schedule_workbook(s, sched, tmp_path / "full.xlsx")
    pub = write_schedule_workbook(
        s, sched, tmp_path / "pub.xlsx", audience="public"
    )
    # the full copy does name them: the scan below can fail
    assert _leaks(s, _cells(full))
    assert _leaks(s, _cells(pub)) == []
    names = load_workbook(pub).sheetnames
    assert "Arrivals" not in names and "Bilaterals" not in names
    assert {"Summary", "Schedule", "Unscheduled"} <= set(names)


def test_public_calendars_have_no_restricted_item(tmp_path):
    s, sched = _with_restricted_event()
    full = write_calendars(s, sched, tmp_path / "full")
    pub = write_calendars(s, sched, tmp_path / "pub", audience="public")
    full_text = [("ics", p.read_text()) for p in full]
    pub_text = [("ics", p.read_text()) for p in pub]
    assert _leaks(s, full_text)
    assert _leaks(s, pub_text) == []


@pytest.mark.slow
def test_public_copy_of_the_sample_has_no_restricted_item(
    solved_sample, tmp_path
):
    s, sched = solved_sample
    assert any(e.restricted for e in s.events)  # the proof means something
    pub = write_schedule_workbook(
        s, sched, tmp_path / "pub.xlsx", audience="public"
    )
    texts = list(_cells(pub))
    texts += [
        ("ics", p.read_text())
        for p in write_calendars(s, sched, tmp_path / "ics", "public")
    ]
    assert _leaks(s, texts) == []
    wb = load_workbook(pub)
    kinds = {
        r[1] for r in wb["Schedule"].iter_rows(min_row=2, values_only=True)
    }
    assert kinds <= {"event", "sequence"}
    hidden = restricted_item_ids(s)
    ids = {r[0] for r in wb["Schedule"].iter_rows(min_row=2, values_only=True)}
    assert ids and not ids & hidden
