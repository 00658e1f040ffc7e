"""Whole-scenario validation (models/validation.py): each kind of table
line finds its problem at its place, and the tables name real columns."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, datetime, time, timedelta

import pytest

from inputs.scenario_format import SHEETS
from models import (
    Arrival,
    BilateralRequest,
    Event,
    Person,
    SecurityWindow,
    Sequence,
    SequenceMember,
    Slot,
    Venue,
    parse_scope,
    validate_scenario,
)
from models import validation as v
from tests.factory import DAY1, at, delegation, room, tiny, with_settings

GOOD = tiny(
    delegations=(delegation("AAA", "HOG", row=2), delegation("BBB", row=3)),
    people=(Person("P1", "Aide", "AAA", "MIN", row=2),),
    events=(
        Event("E1", "Opening", "ceremony", 60, 50, rooms=("HALL",), row=2),
        Event("E2", "Talk", "workshop", 30, 20, after=("E1",), row=3),
    ),
    bilaterals=(BilateralRequest("B1", "AAA", "BBB", row=2),),
    sequences=(
        Sequence(
            "Q1", "Welcome", "HALL", "precedence", 30, within_event="E1", row=2
        ),
    ),
    members=(SequenceMember("Q1", "AAA", row=2),),
)


def places(s) -> list[tuple[str | None, int | None, str | None, str]]:
    """(sheet, row, column, message) of every problem."""
    return [
        (p.sheet, p.row, p.column, p.message) for p in validate_scenario(s)
    ]


def edit(s, field: str, k: int, **change):
    """``s`` with record ``k`` of scenario field ``field`` changed."""
    recs = list(getattr(s, field))
    recs[k] = replace(recs[k], **change)
    return replace(s, **{field: tuple(recs)})


def test_the_base_is_valid():
    assert validate_scenario(GOOD) == []


@pytest.mark.parametrize(
    ("field", "k", "change", "place"),
    [
        (
            "rooms",
            0,
            {"venue_id": "MOON"},
            ("Rooms", None, "venue_id", "Unknown venue"),
        ),
        (
            "rooms",
            1,
            {"kind": "attic"},
            ("Rooms", None, "kind", "Unknown room kind"),
        ),
        (
            "delegations",
            1,
            {"head_rank": "KING"},
            ("Delegations", 3, "head_rank", "Unknown rank"),
        ),
        (
            "people",
            0,
            {"delegation_id": "ZZZ"},
            ("People", 2, "delegation_id", "Unknown delegation"),
        ),
        (
            "events",
            1,
            {"participants": ("AAA", "NOBODY")},
            ("Events", 3, "participants", "Unknown person"),
        ),
        (
            "events",
            1,
            {"rooms": ("R1", "R9")},
            ("Events", 3, "rooms", "Unknown room"),
        ),
        (
            "events",
            1,
            {"after": ("E9",)},
            ("Events", 3, "after", "Unknown event"),
        ),
        (
            "events",
            1,
            {"after": ("E2",)},
            ("Events", 3, "after", "An event cannot follow itself"),
        ),
        (
            "events",
            1,
            {"slot_set": "S"},
            ("Events", 3, "slot_set", "Unknown slot set"),
        ),
        (
            "bilaterals",
            0,
            {"party_b": "AAA"},
            (
                "Bilaterals",
                2,
                "party_b",
                "A bilateral needs two different people",
            ),
        ),
        (
            "bilaterals",
            0,
            {"venue_id": "MOON"},
            ("Bilaterals", 2, "venue_id", "Unknown venue"),
        ),
        (
            "sequences",
            0,
            {"order": "random"},
            ("Sequences", 2, "order", "Unknown order"),
        ),
        (
            "members",
            0,
            {"member": "ATLANTIS"},
            (
                "SequenceMembers",
                2,
                "member",
                "Member is neither a delegation nor a person",
            ),
        ),
    ],
)
def test_unknown_references_are_named_at_their_place(field, k, change, place):
    assert places(edit(GOOD, field, k, **change)) == [place]


def test_each_unknown_value_of_a_list_is_reported():
    s = edit(GOOD, "events", 1, rooms=("R8", "R1", "R9"))
    assert [p.value for p in validate_scenario(s)] == ["R8", "R9"]


def test_an_empty_optional_reference_is_fine():
    assert places(edit(GOOD, "events", 0, organizer="")) == []
    assert places(edit(GOOD, "bilaterals", 0, venue_id=None)) == []


def test_the_expected_text_lists_a_vocabulary():
    (p,) = validate_scenario(edit(GOOD, "sequences", 0, order="random"))
    assert p.expected == "precedence or reverse_precedence"
    (p,) = validate_scenario(edit(GOOD, "rooms", 0, kind="attic"))
    assert p.expected.startswith("plenary, hall, meeting")


def test_arrival_points():
    arrival = Arrival("AAA", at("09:00"), at("10:00"), row=2)
    no_point = replace(GOOD, arrivals=(arrival,))
    assert places(no_point) == [
        (
            "Arrivals",
            2,
            "point",
            "No room of kind arrival exists to receive this delegation",
        )
    ]
    s = replace(no_point, rooms=(*GOOD.rooms, room("GATE", "arrival", row=9)))
    assert places(s) == []
    assert places(edit(s, "arrivals", 0, point="R1")) == [
        ("Arrivals", 2, "point", "Not an arrival point")
    ]
    assert places(edit(s, "arrivals", 0, point="R0")) == [
        ("Arrivals", 2, "point", "Unknown room")
    ]


def test_security_window_scope_and_effect():
    w = SecurityWindow(
        "W1",
        at("09:00"),
        at("10:00"),
        parse_scope("venue:MOON"),
        "closed",
        row=2,
    )
    assert places(replace(GOOD, windows=(w,))) == [
        ("SecurityWindows", 2, "scope", "Unknown venue")
    ]
    w = replace(w, scope=parse_scope("room_kind:attic"), effect="open")
    assert places(replace(GOOD, windows=(w,))) == [
        ("SecurityWindows", 2, "effect", "Unknown effect"),
        ("SecurityWindows", 2, "scope", "Unknown room kind"),
    ]


def test_duplicates_report_every_repeat_after_the_first():
    dup = room("R1", row=7)
    s = replace(GOOD, rooms=(*GOOD.rooms, dup, dup))
    problems = validate_scenario(s)
    assert [(p.column, p.message, p.value) for p in problems] == [
        ("room_id", "Duplicate id", "R1")
    ] * 2


def test_a_person_id_may_not_be_a_delegation_id():
    s = edit(GOOD, "people", 0, person_id="BBB")
    assert places(s) == [
        (
            "People",
            2,
            "person_id",
            "A person id may not repeat a delegation id (a delegation id"
            " already means that delegation's head)",
        )
    ]


@pytest.mark.parametrize(
    ("field", "k", "change", "message"),
    [
        ("rooms", 0, {"capacity": 0}, "Must be positive"),
        ("rooms", 0, {"capacity": -3}, "Must be positive"),
        ("rooms", 0, {"changeover_minutes": -1}, "Must be zero or more"),
        ("events", 1, {"priority": 6}, "Priority out of range"),
        ("events", 1, {"priority": 0}, "Priority out of range"),
        ("delegations", 0, {"size": -1}, "Must be zero or more"),
    ],
)
def test_ranges(field, k, change, message):
    (p,) = validate_scenario(edit(GOOD, field, k, **change))
    assert (p.column, p.message) == (next(iter(change)), message)


@pytest.mark.parametrize(
    ("change", "ok"),
    [
        ({"changeover_minutes": 0}, True),
        ({"changeover_minutes": None}, True),
        ({"capacity": 1}, True),
    ],
)
def test_range_edges_that_are_fine(change, ok):
    assert (places(edit(GOOD, "rooms", 0, **change)) == []) is ok


def test_range_line_defaults():
    check = v.Range("n", low=2, low_ok=True).bind("Sheet")

    class Rec:
        row = 4
        n = 1

    (p,) = check(GOOD, Rec())
    assert (p.message, p.expected, p.row) == (
        "Must be 2 or more",
        "a number of 2 or more",
        4,
    )
    capped = v.Range("n", high=10).bind("Sheet")
    Rec.n = 11
    (p,) = capped(GOOD, Rec())
    assert (p.message, p.expected) == ("Out of range", "0 to 10")


def test_windows_outside_the_days_too_short_and_reversed():
    s = edit(GOOD, "events", 1, earliest=at("09:00"), latest=at("09:20"))
    (p,) = validate_scenario(s)
    assert (p.column, p.message) == (
        "latest",
        "The window is shorter than the event (30 min)",
    )
    s = edit(GOOD, "events", 1, earliest=at("10:00"), latest=at("09:00"))
    assert places(s) == [
        ("Events", 3, "latest", "latest must be later than earliest")
    ]
    late = at("2025-11-01 09:00")
    s = edit(GOOD, "events", 1, earliest=late)
    (p,) = validate_scenario(s)
    assert (p.column, p.message, p.value) == (
        "earliest",
        "Date outside the event days",
        "2025-11-01 09:00",
    )
    assert places(edit(GOOD, "events", 1, fixed_start=late)) == [
        ("Events", 3, "fixed_start", "Date outside the event days")
    ]
    assert places(
        edit(GOOD, "events", 1, preferred_day=date(2025, 11, 1))
    ) == [("Events", 3, "preferred_day", "Not an event day")]


def test_availability_may_start_before_the_event_but_not_end_first():
    s = edit(
        GOOD,
        "delegations",
        0,
        available_from=at("2025-10-20 09:00"),
        available_to=at("12:00"),
    )
    assert places(s) == []
    s = edit(
        GOOD,
        "delegations",
        0,
        available_from=at("12:00"),
        available_to=at("12:00"),
    )
    assert places(s) == [
        (
            "Delegations",
            2,
            "available_to",
            "available_to must be later than available_from",
        )
    ]


def test_a_reception_window_may_be_a_single_moment():
    gate = room("GATE", "arrival")
    a = Arrival("AAA", at("09:00"), at("09:00"), row=2)
    s = replace(GOOD, rooms=(*GOOD.rooms, gate), arrivals=(a,))
    assert places(s) == []
    s = edit(s, "arrivals", 0, latest=at("08:00"))
    assert places(s) == [
        ("Arrivals", 2, "latest", "latest must be later than earliest")
    ]


def _fixed(start, **kw):
    """GOOD with the 30-minute talk (Events row 3) fixed at ``start``;
    the day runs 08:00-18:00 on a 5-minute grid."""
    return edit(GOOD, "events", 1, fixed_start=start, **kw)


def _fixed_problems(s) -> list[tuple[str, object, str | None]]:
    return [
        (p.message, p.value, p.expected)
        for p in validate_scenario(s)
        if (p.sheet, p.row, p.column) == ("Events", 3, "fixed_start")
    ]


@pytest.mark.parametrize(
    "start", ["08:00", "09:05", "17:30", "2025-10-25 12:00"]
)
def test_a_fixed_start_the_engine_can_keep_is_fine(start):
    assert validate_scenario(_fixed(at(start))) == []


def test_a_fixed_start_off_the_time_grid():
    assert _fixed_problems(_fixed(at("09:03"))) == [
        (
            "Not on the 5-minute time grid (counted from day_start 08:00)",
            "2025-10-25 09:03",
            "a start such as 09:00 or 09:05",
        )
    ]
    # seconds too; the grid counts from day_start, not from midnight
    (p,) = _fixed_problems(_fixed(at("09:00").replace(second=30)))
    assert p[1] == "2025-10-25 09:00:30"
    s = with_settings(_fixed(at("09:02")), day_start=time(8, 2))
    assert validate_scenario(s) == []
    s = with_settings(_fixed(at("09:00")), day_start=time(8, 2))
    assert [p[2] for p in _fixed_problems(s)] == [
        "a start such as 08:57 or 09:02"
    ]


def test_a_fixed_start_outside_the_days_hours():
    assert _fixed_problems(_fixed(at("17:45"))) == [
        (
            "The event would end after day_end (18:00)",
            "2025-10-25 17:45",
            "a start from 08:00 to 17:30 (the event lasts 30 min)",
        )
    ]
    assert [p[0] for p in _fixed_problems(_fixed(at("23:50")))] == [
        "The event would end after day_end (18:00)"
    ]
    assert [p[0] for p in _fixed_problems(_fixed(at("07:30")))] == [
        "Before day_start (08:00)"
    ]


def test_a_fixed_start_outside_the_events_own_window():
    window = {"earliest": at("10:00"), "latest": at("12:00")}
    assert validate_scenario(_fixed(at("11:30"), **window)) == []
    expected = (
        "a start from 2025-10-25 10:00 to 2025-10-25 11:30 (the event "
        "lasts 30 min and must end by latest)"
    )
    for start in ("09:55", "11:35"):
        assert _fixed_problems(_fixed(at(start), **window)) == [
            (
                "Outside the event's own window (earliest to latest)",
                f"2025-10-25 {start}",
                expected,
            )
        ]
    (p,) = _fixed_problems(_fixed(at("09:00"), earliest=at("10:00")))
    assert p[2] == "a start at 2025-10-25 10:00 or later"


def test_a_fixed_start_that_is_no_start_of_its_slots():
    slots = (
        Slot("S", at("09:00"), at("10:15"), row=2),
        Slot("S", at("12:00"), at("12:20"), row=3),  # too short
        Slot("S", at("13:00"), at("14:15"), row=4),
    )
    s = replace(_fixed(at("13:00"), slot_set="S"), slots=slots)
    assert validate_scenario(s) == []
    s = replace(_fixed(at("12:00"), slot_set="S"), slots=slots)
    assert _fixed_problems(s) == [
        (
            "Not the start of a slot of set S long enough for the event",
            "2025-10-25 12:00",
            "one of 2025-10-25 09:00, 2025-10-25 13:00",
        )
    ]


def test_a_reception_pinned_to_one_moment_is_checked_as_a_fixed_start():
    gate = room("GATE", "arrival")
    base = replace(GOOD, rooms=(*GOOD.rooms, gate))

    def arrival(start, end=None):
        a = Arrival("AAA", start, end or start, duration_minutes=20, row=2)
        return replace(base, arrivals=(a,))

    assert validate_scenario(arrival(at("17:40"))) == []
    assert places(arrival(at("17:45"))) == [
        (
            "Arrivals",
            2,
            "earliest",
            "The reception would end after day_end (18:00)",
        )
    ]
    assert places(arrival(at("09:00").replace(second=30))) == [
        ("Arrivals", 2, "earliest", "Not on a whole minute")
    ]
    # a longer window leaves the engine a choice (17:35 to 17:40 here)
    assert validate_scenario(arrival(at("17:35"), at("17:45"))) == []


# The day runs 08:00-18:00 on a 5-minute grid; E1 (Events row 2) is a
# mandatory 60-minute ceremony, E2 (row 3) an optional 30-minute talk.
def _hours(s) -> list[tuple]:
    """(sheet, row, column, message, value, expected) of every problem."""
    return [
        (p.sheet, p.row, p.column, p.message, p.value, p.expected)
        for p in validate_scenario(s)
    ]


def test_an_event_window_outside_the_days_hours():
    s = edit(GOOD, "events", 0, earliest=at("06:00"), latest=at("07:30"))
    assert _hours(s) == [
        (
            "Events",
            2,
            "latest",
            "The window ends too early for the day's hours: the event "
            "starts at day_start (08:00) or later and must end by latest",
            "2025-10-25 07:30",
            "latest at 2025-10-25 09:00 or later (the event lasts 60 min)",
        )
    ]
    # an optional event that can never be placed is refused as well, as
    # when its window is shorter than it
    s = edit(GOOD, "events", 1, earliest=at("17:45"), latest=at("19:00"))
    assert _hours(s) == [
        (
            "Events",
            3,
            "earliest",
            "The window opens too late for the day's hours: the event "
            "must end by day_end (18:00)",
            "2025-10-25 17:45",
            "earliest at 2025-10-25 17:30 or earlier (the event lasts 30 min)",
        )
    ]
    # one side alone too
    assert [
        p[2] for p in _hours(edit(GOOD, "events", 1, latest=at("08:25")))
    ] == ["latest"]
    assert [
        p[2] for p in _hours(edit(GOOD, "events", 1, earliest=at("17:31")))
    ] == ["earliest"]


@pytest.mark.parametrize(
    ("earliest", "latest"),
    [
        ("07:00", "08:30"),  # 08:00 is left
        ("17:25", "19:00"),  # 17:30 is left
        ("06:00", "20:00"),
        ("09:04", "09:40"),  # 09:05 is on the grid
        (None, "08:30"),
        ("17:30", None),
    ],
)
def test_a_window_that_leaves_a_start_in_the_days_hours_is_fine(
    earliest, latest
):
    s = edit(
        GOOD,
        "events",
        1,
        earliest=at(earliest) if earliest else None,
        latest=at(latest) if latest else None,
    )
    assert validate_scenario(s) == []


def test_an_event_window_between_two_grid_times():
    s = edit(GOOD, "events", 1, earliest=at("09:01"), latest=at("09:34"))
    assert _hours(s) == [
        (
            "Events",
            3,
            "earliest",
            "No start on the 5-minute time grid (counted from day_start "
            "08:00) keeps the event inside earliest..latest",
            "2025-10-25 09:01 to 2025-10-25 09:34",
            "earliest at 2025-10-25 09:00 or earlier, or latest at "
            "2025-10-25 09:35 or later",
        )
    ]


def test_an_event_window_in_the_night_between_two_days():
    two_days = with_settings(GOOD, days=(DAY1, date(2025, 10, 26)))
    s = edit(
        two_days,
        "events",
        1,
        earliest=at("19:00"),
        latest=at("2025-10-26 07:30"),
    )
    assert _hours(s) == [
        (
            "Events",
            3,
            "earliest",
            "The window lies between the day's hours of 2025-10-25 and "
            "2025-10-26: earliest and latest leave the event no start",
            "2025-10-25 19:00 to 2025-10-26 07:30",
            "earliest at 2025-10-25 17:30 or earlier, or latest at "
            "2025-10-26 08:30 or later",
        )
    ]
    # the same window on the second day alone: latest is what is wrong
    s = edit(
        two_days,
        "events",
        1,
        earliest=at("2025-10-26 06:00"),
        latest=at("2025-10-26 07:30"),
    )
    assert [(p[2], p[5]) for p in _hours(s)] == [
        (
            "latest",
            "latest at 2025-10-26 08:30 or later (the event lasts 30 min)",
        )
    ]


def test_an_event_longer_than_the_days_hours():
    s = with_settings(GOOD, day_end=time(8, 45))
    assert _hours(s) == [
        (
            "Events",
            2,
            "duration_minutes",
            "The event is longer than the day's hours (08:00 to 08:45)",
            60,
            "at most 45 minutes",
        )
    ]


def test_a_bilateral_window_outside_the_days_hours():
    s = edit(GOOD, "bilaterals", 0, earliest=at("06:00"), latest=at("08:20"))
    assert [p[:4] for p in _hours(s)] == [
        (
            "Bilaterals",
            2,
            "latest",
            "The window ends too early for the day's hours: the meeting "
            "starts at day_start (08:00) or later and must end by latest",
        )
    ]
    assert (
        validate_scenario(
            edit(
                GOOD, "bilaterals", 0, earliest=at("06:00"), latest=at("08:30")
            )
        )
        == []
    )


def _arriving(start, end, minutes=20):
    gate = room("GATE", "arrival")
    a = Arrival("AAA", start, end, duration_minutes=minutes, row=2)
    return replace(GOOD, rooms=(*GOOD.rooms, gate), arrivals=(a,))


def test_a_reception_window_outside_the_days_hours():
    assert _hours(_arriving(at("06:00"), at("07:50"))) == [
        (
            "Arrivals",
            2,
            "latest",
            "The window ends before day_start (08:00)",
            "2025-10-25 07:50",
            "latest at 2025-10-25 08:00 or later",
        )
    ]
    assert _hours(_arriving(at("17:41"), at("19:00"))) == [
        (
            "Arrivals",
            2,
            "earliest",
            "The window opens too late for the day's hours: the reception "
            "must end by day_end (18:00)",
            "2025-10-25 17:41",
            "earliest at 2025-10-25 17:40 or earlier (the reception lasts "
            "20 min)",
        )
    ]
    # a reception starts inside its window: one that starts at its
    # latest moment is fine
    assert validate_scenario(_arriving(at("06:00"), at("08:00"))) == []
    assert validate_scenario(_arriving(at("17:40"), at("19:00"))) == []
    # its start is on a whole minute
    (p,) = _hours(
        _arriving(
            at("09:00").replace(second=10), at("09:00").replace(second=50)
        )
    )
    assert p[2:4] == (
        "earliest",
        "No start on a whole minute lies between earliest and latest",
    )


def _queue(earliest, latest, slot_seconds=None):
    s = edit(
        GOOD,
        "sequences",
        0,
        within_event=None,
        earliest=earliest,
        latest=latest,
    )
    return edit(s, "members", 0, slot_seconds=slot_seconds)


def test_a_queue_window_outside_the_days_hours():
    assert _hours(_queue(at("06:00"), at("07:00"))) == [
        (
            "Sequences",
            2,
            "latest",
            "The window ends too early for the day's hours: the slot of AAA "
            "starts at day_start (08:00) or later and must end by latest",
            "2025-10-25 07:00",
            "latest at 2025-10-25 08:00:30 or later (the slot of AAA lasts "
            "30 s)",
        )
    ]
    assert [p[2] for p in _hours(_queue(at("18:00"), at("19:00")))] == [
        "earliest"
    ]
    assert validate_scenario(_queue(at("06:00"), at("08:01"))) == []
    # the longest slot must fit; a window that opens inside the day's
    # hours and is shorter than the slot is named so
    late = _queue(at("17:59"), at("18:30"), slot_seconds=90)
    assert [p[2:4] for p in _hours(late)] == [
        (
            "earliest",
            "The window opens too late for the day's hours: the slot of AAA "
            "must end by day_end (18:00)",
        )
    ]
    short = _queue(at("09:00"), at("09:01"), slot_seconds=90)
    assert [p[2:] for p in _hours(short)] == [
        (
            "latest",
            "The window is shorter than the slot of AAA (90 s)",
            "2025-10-25 09:00 to 2025-10-25 09:01",
            "latest at 2025-10-25 09:01:30 or later",
        )
    ]


def test_the_days_hours_check_matches_the_engines_start_domains():
    """Random windows: validate refuses one exactly when the engine's
    rules day_hours, time_grid and time_window leave its item no start
    (a small version of a scratch check over some 30,000 windows)."""
    import random

    from ortools.sat.python.cp_model import Domain

    from scheduler.model.domains import (
        grid_domain,
        start_domain,
        window_domain,
    )

    rng = random.Random(5)
    two_days = with_settings(
        replace(GOOD, rooms=(*GOOD.rooms, room("GATE", "arrival"))),
        days=(DAY1, date(2025, 10, 27)),
        day_end=time(17, 58),
    )

    def moment():
        day = rng.choice(two_days.settings.days)
        edge = datetime.combine(day, rng.choice([time(8), time(17, 58)]))
        return edge + timedelta(minutes=rng.randrange(-120, 120))

    def no_start(s):
        for it in s.items:
            dom = start_domain(s.day_spans, it.duration)
            if it.step > 1:
                dom = dom.intersection_with(grid_domain(s.day_spans, it.step))
            dom = dom.intersection_with(
                window_domain(it.start_min, it.start_max)
            ).intersection_with(Domain(0, s.grid.horizon))
            if dom.is_empty():
                return True
        return False

    hours = {v._event_hours, v._arrival_hours, v._queue_hours}
    seen = set()
    for _ in range(400):
        lo, hi = sorted([moment(), moment()])
        hi += timedelta(minutes=rng.choice([0, 30, 60]))
        if rng.random() < 0.5:
            s = edit(two_days, "events", 1, earliest=lo, latest=hi)
        elif rng.random() < 0.5:
            s = replace(two_days, arrivals=(Arrival("AAA", lo, hi, row=2),))
        else:
            s = edit(
                two_days,
                "sequences",
                0,
                within_event=None,
                earliest=lo,
                latest=hi,
            )
        problems = validate_scenario(s)
        mine = [
            p
            for sheet, line in v.WINDOWS
            if line in hours
            for rec in v.records(s, sheet)
            for p in line(s, rec)
        ]
        if len(mine) != len(problems):
            continue  # another line's problem (reversed, too short...)
        assert bool(problems) == no_start(s), (lo, hi, problems)
        seen.add(bool(problems))
    assert seen == {True, False}


def test_an_event_longer_than_every_slot_of_its_set():
    slots = (Slot("S", at("09:00"), at("09:20"), row=2),)
    s = replace(edit(GOOD, "events", 1, slot_set="S"), slots=slots)
    (p,) = validate_scenario(s)
    assert (p.column, p.message, p.expected) == (
        "duration_minutes",
        "Longer than every slot of set S",
        "at most 20 minutes",
    )


def test_an_event_whose_slots_all_lie_outside_the_days_hours():
    """The engine would leave the talk out and blame items of higher
    priority (there were none): refused, at its slot_set, saying why."""
    evening = (Slot("S", at("19:00"), at("20:30"), row=2),)
    s = replace(edit(GOOD, "events", 1, slot_set="S"), slots=evening)
    (p,) = validate_scenario(s)
    assert (p.sheet, p.row, p.column, p.value) == (
        "Events",
        3,
        "slot_set",
        "S",
    )
    assert p.message == (
        "No slot of set S long enough for the event gives it a start: "
        "outside the day's hours (08:00 to 18:00)"
    )
    off_grid = (Slot("S", at("09:02"), at("10:00"), row=2),)
    (p,) = validate_scenario(replace(s, slots=off_grid))
    assert p.message.endswith("off the 5-minute time grid")
    # one slot it can take is enough
    morning = Slot("S", at("09:00"), at("10:00"), row=3)
    assert validate_scenario(replace(s, slots=(*evening, morning))) == []


def test_the_slot_check_matches_the_engines_start_domains():
    """Random slot sets and windows: validate refuses the event's slot set
    exactly when the engine's rules slot_set, day_hours, time_grid and
    time_window leave it no start."""
    import random

    from ortools.sat.python.cp_model import Domain

    from scheduler.model.domains import (
        grid_domain,
        start_domain,
        window_domain,
    )

    rng = random.Random(11)

    def moment(edges=(time(8), time(18))):
        edge = datetime.combine(DAY1, rng.choice(edges))
        return edge + timedelta(minutes=rng.randrange(-90, 90))

    seen = set()
    for _ in range(300):
        slots = []
        for k in range(rng.randrange(1, 4)):
            lo = moment()
            length = timedelta(minutes=rng.choice([30, 31, 45, 60]))
            slots.append(Slot("S", lo, lo + length, row=2 + k))
        window = {}
        if rng.random() < 0.4:
            lo, hi = sorted([moment(), moment()])
            window = {"earliest": lo, "latest": hi + timedelta(minutes=60)}
        s = replace(
            edit(GOOD, "events", 1, slot_set="S", **window), slots=tuple(slots)
        )
        mine = [p for p in validate_scenario(s) if p.column == "slot_set"]
        others = [p for p in validate_scenario(s) if p.column != "slot_set"]
        if others:
            continue  # the window itself refused
        (it,) = [i for i in s.items if i.ref_id == "E2"]
        dom = start_domain(s.day_spans, it.duration)
        dom = dom.intersection_with(grid_domain(s.day_spans, it.step))
        dom = dom.intersection_with(window_domain(it.start_min, it.start_max))
        dom = dom.intersection_with(
            Domain.from_values(
                [lo for lo, hi in it.slots if hi - lo >= it.duration]
            )
        )
        assert bool(mine) == dom.is_empty(), (slots, window, mine)
        seen.add(bool(mine))
    assert seen == {True, False}


def test_sequences_need_a_place_in_time_and_one_day():
    s = edit(GOOD, "sequences", 0, within_event=None)
    assert places(s) == [
        (
            "Sequences",
            2,
            "within_event",
            "A sequence needs within_event, or both earliest and latest",
        )
    ]
    two_days = with_settings(GOOD, days=(DAY1, date(2025, 10, 26)))
    s = edit(
        two_days,
        "sequences",
        0,
        earliest=at("17:00"),
        latest=at("2025-10-26 09:00"),
    )
    assert places(s) == [
        ("Sequences", 2, "latest", "A queue must run within one day")
    ]
    first = replace(GOOD.members[0], position=1)
    second = SequenceMember("Q1", "BBB", position=1, row=3)
    s = replace(GOOD, members=(first, second))
    assert [p.row for p in validate_scenario(s)] == [2, 3]


def test_cycles_in_after_are_reported_once():
    s = edit(GOOD, "events", 0, after=("E2",))
    (p,) = validate_scenario(s)
    assert p.message.startswith("Cycle in after: ")
    assert p.column == "after"


def test_settings():
    s = with_settings(
        GOOD,
        days=(),
        time_step_minutes=0,
        vip_sweep_minutes=-1,
        vip_rank="KING",
        timezone="Mars/Olympus",
        precedence_tiebreak="height",
    )
    assert [p.column for p in validate_scenario(s)] == [
        "days",
        "time_step_minutes",
        "vip_sweep_minutes",
        "vip_rank",
        "timezone",
        "precedence_tiebreak",
    ]


def test_problems_come_in_sheet_then_row_order():
    s = edit(GOOD, "rooms", 0, venue_id="MOON", kind="attic")
    s = edit(s, "rooms", 1, venue_id="SUN")
    assert [(p.row, p.column) for p in validate_scenario(s)] == [
        (None, "venue_id"),
        (None, "kind"),
        (None, "venue_id"),
    ]


# ------------------------------------------------------- the tables
RECORD_CLASSES = {
    sheet: type(getattr(rec_source, field)[0])
    for sheet, field in v.RECORDS.items()
    for rec_source in [
        replace(
            GOOD,
            venues=(Venue("NCC", "x"),),
            slots=(Slot("S", at("09:00"), at("10:00")),),
            arrivals=(Arrival("AAA", at("09:00"), at("10:00")),),
            windows=(
                SecurityWindow(
                    "W", at("09:00"), at("10:00"), parse_scope("all"), "closed"
                ),
            ),
        )
    ]
}
FORMAT_COLUMNS = {sh.name: {c.name for c in sh.columns} for sh in SHEETS}


def _columns(line) -> list[str]:
    if isinstance(line, v.Window):
        return [c for c in (line.lo, line.hi, line.minutes) if c]
    return [line.column]


@pytest.mark.parametrize(
    ("sheet", "line"),
    [(sh, ln) for sh, ln in v.REFERENCES + v.RANGES + v.WINDOWS
     if not callable(ln)]
    + [(u.sheet, u) for u in v.UNIQUE],
)  # fmt: skip
def test_table_lines_name_real_columns(sheet, line):
    """A table line names a field of the sheet's record and a column of
    the workbook format, so every problem points at a real header."""
    names = {f.name for f in fields(RECORD_CLASSES[sheet])}
    for column in _columns(line):
        assert column in names, (sheet, column)
        assert column in FORMAT_COLUMNS[sheet], (sheet, column)
