"""Calendars: one .ics per delegation and per principal."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar

from models import Person
from outputs.calendars import (
    MANIFEST,
    calendar_owners,
    file_stem,
    item_uid,
    write_calendars,
)

from .schedules import full_scenario, full_schedule


def _events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return cal, list(cal.walk("VEVENT"))


def test_one_calendar_per_delegation_and_principal(tmp_path):
    s = full_scenario()
    pm = Person("HST-PM", "Prime Minister", "FRA", "HOG")
    s = replace(s, people=(pm,))
    sched = full_schedule(s)
    # the prime minister joins the bilateral
    rows = tuple(
        replace(a, participants=(*a.participants, "HST-PM"))
        if a.item_id == "B:BL01"
        else a
        for a in sched.assignments
    )
    sched = replace(sched, assignments=rows)
    owners = calendar_owners(s, sched)
    fra, deu = file_stem("delegation", "FRA"), file_stem("delegation", "DEU")
    pm = file_stem("person", "HST-PM")
    assert set(owners) == {fra, deu, pm}
    paths = write_calendars(s, sched, tmp_path / "cal")
    by_name = {p.stem: p for p in paths}
    _, events = _events(by_name[pm])
    assert [str(e["UID"]) for e in events] == [
        item_uid("B:BL01", "Test summit")
    ]
    _, fra_events = _events(by_name[fra])
    assert {str(e["SUMMARY"]) for e in fra_events} >= {"Opening"}
    assert len(fra_events) == len(owners[fra][2])


def test_times_are_in_the_scenario_time_zone(tmp_path):
    s = full_scenario()
    paths = write_calendars(s, full_schedule(s), tmp_path)
    cal, events = _events(next(p for p in paths if "DEU" in p.name))
    opening = next(e for e in events if str(e["SUMMARY"]) == "Opening")
    start = opening.decoded("DTSTART")
    assert start == datetime(
        2025, 10, 25, 9, 0, tzinfo=ZoneInfo(s.settings.timezone)
    )
    # 09:00 in Hanoi is 02:00 UTC
    assert start.astimezone(ZoneInfo("UTC")).hour == 2
    assert cal.walk("VTIMEZONE"), "the file carries its time zone"


def test_uids_are_stable_so_a_rerun_updates_entries(tmp_path):
    s = full_scenario()
    a = write_calendars(s, full_schedule(s), tmp_path / "a")
    b = write_calendars(s, full_schedule(s), tmp_path / "b")
    for pa, pb in zip(a, b, strict=True):
        ua = [str(e["UID"]) for e in _events(pa)[1]]
        ub = [str(e["UID"]) for e in _events(pb)[1]]
        assert ua == ub and len(set(ua)) == len(ua)


def test_restricted_items_are_confidential_in_the_full_calendar(tmp_path):
    s = full_scenario()
    paths = write_calendars(s, full_schedule(s), tmp_path)
    _, events = _events(next(p for p in paths if "FRA" in p.name))
    cls = {str(e["SUMMARY"]): str(e.get("CLASS", "")) for e in events}
    bilateral = next(k for k in cls if "ilateral" in k or "BL01" in k)
    assert cls[bilateral] == "CONFIDENTIAL"
    assert cls["Opening"] == ""


def test_a_rewrite_replaces_files_and_leaves_no_temporaries(tmp_path):
    s = full_scenario()
    write_calendars(s, full_schedule(s), tmp_path)
    write_calendars(s, full_schedule(s), tmp_path)
    assert all(
        p.suffix == ".ics" or p.name == MANIFEST for p in tmp_path.iterdir()
    )
