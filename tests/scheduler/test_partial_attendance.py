"""A chair who opens and hands over (Events ``participants_minutes``,
issue 18): the listed participants are busy only for the first N
minutes. Model, checker, greedy, reasons and agendas agree."""

from __future__ import annotations

from dataclasses import replace

from models import BilateralRequest, Event, Person
from models.checker import check
from models.reasons import cheap_reason
from outputs.views import AGENDA_COLUMNS, agenda_rows
from scheduler.search.construct.greedy import greedy
from tests.factory import at, delegation, room, tiny

from .helpers import assert_rule_refuses, forced_status, solve_checked


def plenary(minutes=30, bilateral=None, pm_to=None, **plen):
    """The host PM chairs a 09:00-12:30 plenary for its first
    ``minutes`` (None: the whole of it) and has a bilateral with AAA."""
    host = replace(delegation("VNM", "HOS", name="Viet Nam"), kind="host")
    pm = Person("PM", "Prime Minister", "VNM", "HOG", available_to=pm_to)
    kw = {"fixed_start": at("09:00")}
    kw.update(plen)
    ev = Event(
        "PLEN",
        "Plenary",
        "plenary",
        210,
        300,
        rooms=("HALL",),
        participants=("PM",),
        participants_minutes=minutes,
        mandatory=True,
        **kw,
    )
    rooms = (
        room("HALL", "hall", 500),
        room("BL1", "bilateral", 20, features=("flags",)),
        room("PAL1", "bilateral", 20, venue="PAL", features=("flags",)),
    )
    b = bilateral or BilateralRequest(
        "B1",
        "PM",
        "AAA",
        mandatory=True,
        earliest=at("09:00"),
        latest=at("12:30"),
        venue_id="NCC",
    )
    return tiny(
        rooms=rooms,
        delegations=(host, delegation("AAA", "FM", name="Albania")),
        people=(pm,),
        events=(ev,),
        bilaterals=(b,),
    )


def test_the_chair_is_free_after_opening():
    s = plenary()
    r = solve_checked(s)
    assert r.status == "OPTIMAL"
    b = r.schedule.by_item()["B:B1"]
    assert at("09:35") <= b.start and b.end <= at("12:30")
    # held for the whole plenary (version 1), the meeting cannot be held
    assert solve_checked(plenary(minutes=None)).status == "INFEASIBLE"


def test_person_no_overlap_holds_during_the_opening_minutes():
    s = plenary()
    assert_rule_refuses("person_no_overlap", s, starts={"B:B1": "09:15"})
    # 09:30 is inside the 5-minute buffer after the opening
    assert_rule_refuses("person_no_overlap", s, starts={"B:B1": "09:30"})
    assert forced_status(s, starts={"B:B1": "09:35"}) == "OPTIMAL"


def test_person_travel_counts_from_the_end_of_the_opening():
    b = BilateralRequest(
        "B1",
        "PM",
        "AAA",
        mandatory=True,
        earliest=at("09:00"),
        latest=at("12:30"),
        venue_id="PAL",
    )
    s = plenary(bilateral=b)
    r = solve_checked(s)
    assert r.schedule.by_item()["B:B1"].start >= at("09:50")
    assert_rule_refuses("person_travel", s, starts={"B:B1": "09:40"})


def test_person_available_only_for_the_opening():
    # the PM leaves at 09:30: enough to open a 09:00 plenary
    s = plenary(pm_to=at("09:30"), fixed_start=None, earliest=at("09:00"))
    s = tiny(
        rooms=s.rooms,
        delegations=s.delegations,
        people=s.people,
        events=s.events,
    )  # no bilateral
    r = solve_checked(s)
    assert r.status == "OPTIMAL"
    assert r.schedule.by_item()["E:PLEN"].start == at("09:00")
    assert_rule_refuses("person_available", s, starts={"E:PLEN": "09:15"})


def test_the_checker_agrees():
    s = plenary()
    sched = solve_checked(s).schedule
    rows = {a.item_id: a for a in sched.assignments}

    def moved(start):
        b = rows["B:B1"]
        new = replace(b, start=at(start), end=at(start) + (b.end - b.start))
        return replace(
            sched,
            assignments=tuple(
                new if a.item_id == "B:B1" else a for a in sched.assignments
            ),
        )

    assert check(s, moved("09:35")) == []
    assert {v.rule for v in check(s, moved("09:20"))} == {"person_no_overlap"}


def test_the_greedy_agrees():
    s = plenary()
    sched = greedy(s, order="value").schedule
    assert check(s, sched) == []
    assert sched.by_item()["B:B1"].start >= at("09:35")


def test_reasons_count_only_the_opening():
    late = BilateralRequest(
        "B1", "PM", "AAA", earliest=at("09:00"), latest=at("09:30")
    )
    s = plenary(bilateral=late)
    sched = solve_checked(s).schedule
    it = s.item_by_id["B:B1"]
    reason = cheap_reason(s, it, sched)
    assert "E:PLEN" in reason and "09:00" in reason


def test_the_agenda_shows_when_the_chair_leaves():
    s = plenary()
    sched = solve_checked(s).schedule
    rows = [
        dict(zip(AGENDA_COLUMNS, r, strict=True))
        for r in agenda_rows(s, sched)
    ]
    mine = [r for r in rows if r["person_id"] == "PM"]
    plen = next(r for r in mine if r["item_id"] == "E:PLEN")
    assert plen["start"] == at("09:00") and plen["end"] == at("09:30")


def test_the_programme_shows_when_the_chair_leaves(tmp_path):
    from openpyxl import load_workbook

    from outputs.xlsx_writer import write_schedule_workbook

    s = plenary()
    sched = solve_checked(s).schedule
    path = write_schedule_workbook(s, sched, tmp_path / "p.xlsx")
    ws = load_workbook(path)["Programmes"]
    plen = s.event_by_id["PLEN"].title
    times = [
        row[0].value
        for row in ws.iter_rows()
        if row[1].value and str(row[1].value).startswith(plen)
    ]
    assert "09:00–09:30" in times


def test_the_chairs_own_calendar_ends_when_they_leave(tmp_path):
    from icalendar import Calendar

    from outputs.calendars import file_stem, write_calendars

    s = plenary()
    sched = solve_checked(s).schedule
    paths = {p.stem: p for p in write_calendars(s, sched, tmp_path)}
    cal = Calendar.from_ical(paths[file_stem("person", "PM")].read_bytes())
    plen = next(
        e for e in cal.walk("VEVENT") if str(e["summary"]) == "Plenary"
    )
    assert plen["dtend"].dt.strftime("%H:%M") == "09:30"
    cal = Calendar.from_ical(
        paths[file_stem("delegation", "AAA")].read_bytes()
    )
    assert all(str(e["summary"]) != "Plenary" for e in cal.walk("VEVENT"))
