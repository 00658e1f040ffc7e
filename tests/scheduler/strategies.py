"""Hypothesis strategies: small random scenarios that validate."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import strategies as st

from models import (
    Arrival,
    BilateralRequest,
    Event,
    Person,
    SecurityWindow,
    Sequence,
    SequenceMember,
    Travel,
    Venue,
    parse_scope,
    validate_scenario,
)
from tests.factory import DAY1, DAY2, at, delegation, room, settings, tiny

RANKS = ("HOS", "VP", "HOG", "DPM", "FM", "MIN", "VMIN", "AMB")
NAMES = ("Albania", "Brazil", "Chile", "Denmark", "Egypt", "Fiji")


@st.composite
def scenarios(draw):
    two_days = draw(st.booleans())
    days = (DAY1, DAY2) if two_days else (DAY1,)
    venues = (
        Venue("NCC", "Centre"),
        Venue("PAL", "Palace"),
        Venue("AIR", "Airport"),
    )
    travel = (
        Travel("NCC", "PAL", draw(st.sampled_from([10, 20, 30]))),
        Travel("NCC", "AIR", 45),
        Travel("PAL", "AIR", 50),
    )
    rooms = [
        room("R1", capacity=draw(st.integers(20, 120))),
        room("HALL", "hall", 400),
        room("BL1", "bilateral", 20, features=("flags",)),
        room("PB", "bilateral", 20, venue="PAL", features=("flags",)),
        room("GATE", "arrival", 40, venue="AIR"),
        room("EXPO", "exhibition", draw(st.integers(2, 4))),
    ]
    if draw(st.booleans()):
        rooms.append(room("R2", capacity=60, available_to=at("13:00")))
    n = draw(st.integers(2, 5))
    dels = tuple(
        delegation(
            NAMES[k][:3].upper(),
            draw(st.sampled_from(RANKS)),
            name=NAMES[k],
            confirmed=draw(st.sampled_from([True] * 5 + [False])),
        )
        for k in range(n)
    )
    ids = [d.delegation_id for d in dels]
    people = (
        Person(
            "HOST",
            "Host minister",
            ids[0],
            "MIN",
            max_items_per_day=draw(st.sampled_from([None, 1, 2])),
        ),
    )
    who = st.sampled_from([*ids, "HOST"])

    def moment(lo_h=8, hi_h=17):
        day = draw(st.sampled_from(days))
        h = draw(st.integers(lo_h, hi_h))
        m = draw(st.sampled_from([0, 15, 30, 45]))
        return at(f"{h:02d}:{m:02d}", day)

    events = []
    for k in range(draw(st.integers(0, 4))):
        kind = draw(
            st.sampled_from(
                ["workshop", "discussion", "ceremony", "exhibition"]
            )
        )
        kw = {}
        if draw(st.booleans()):
            lo = moment(8, 12)
            kw.update(earliest=lo, latest=lo + timedelta(hours=5))
        if draw(st.integers(0, 3)) == 0:
            kw["participants"] = (draw(who),)
        events.append(
            Event(
                f"E{k}",
                f"Event {k}",
                kind,
                draw(st.sampled_from([30, 60, 90])),
                1 if kind == "exhibition" else draw(st.integers(10, 300)),
                mandatory=draw(st.integers(0, 3)) == 0,
                all_heads=kind == "ceremony" and draw(st.booleans()),
                track=draw(st.sampled_from([None, "T1"])),
                priority=draw(st.integers(1, 5)),
                preferred_day=draw(st.sampled_from([None, *days])),
                **kw,
            )
        )
    if len(events) > 1 and draw(st.booleans()):
        from dataclasses import replace

        events[1] = replace(events[1], after=(events[0].event_id,))
    bilaterals = []
    for k in range(draw(st.integers(0, 4))):
        a, b = draw(st.lists(who, min_size=2, max_size=2, unique=True))
        bilaterals.append(
            BilateralRequest(
                f"B{k}",
                a,
                b,
                duration_minutes=draw(st.sampled_from([20, 30])),
                priority=draw(st.integers(1, 5)),
                venue_id=draw(st.sampled_from([None, "PAL"])),
            )
        )
    arrivals = []
    for d in (
        draw(st.lists(st.sampled_from(ids[1:]), max_size=2, unique=True))
        if len(ids) > 1
        else []
    ):
        t = moment(8, 14)
        arrivals.append(
            Arrival(
                d,
                t,
                t + timedelta(hours=1),
                greeter=draw(st.sampled_from([None, "HOST"])),
            )
        )
    sequences, members = [], []
    cer = [e for e in events if e.kind == "ceremony"]
    if cer and draw(st.booleans()):
        sequences.append(
            Sequence(
                "Q",
                "Queue",
                "HALL",
                draw(st.sampled_from(["precedence", "reverse_precedence"])),
                60,
                within_event=cer[0].event_id,
            )
        )
        for k, d in enumerate(ids):
            members.append(
                SequenceMember(
                    "Q",
                    d,
                    position=1 if (k == 0 and draw(st.booleans())) else None,
                )
            )
    windows = []
    if draw(st.booleans()):
        t = moment(8, 15)
        windows.append(
            SecurityWindow(
                "W1",
                t,
                t + timedelta(minutes=90),
                parse_scope(
                    draw(
                        st.sampled_from(
                            [
                                "venue:NCC",
                                "room:R1",
                                "room_kind:bilateral",
                                f"delegation:{ids[-1]}",
                                "person:HOST",
                                "all",
                            ]
                        )
                    )
                ),
                draw(st.sampled_from(["closed", "no_arrivals"])),
            )
        )
    s = tiny(
        settings=settings(days=days),
        venues=venues,
        travel=travel,
        rooms=tuple(rooms),
        delegations=dels,
        people=people,
        events=tuple(events),
        bilaterals=tuple(bilaterals),
        arrivals=tuple(arrivals),
        sequences=tuple(sequences),
        members=tuple(members),
        windows=tuple(windows),
    )
    assert not validate_scenario(s)
    return s


@st.composite
def conflicts(draw):
    """Small scenarios of mandatory items squeezed by windows, fixed
    starts, rooms that open late or close, people who are busy or arrive
    late, and order: often infeasible, always valid."""
    ids = ("FRA", "DEU")
    dels = tuple(
        delegation(
            d,
            draw(st.sampled_from(["HOS", "MIN"])),
            available_from=draw(
                st.sampled_from([None, at("10:00"), at("12:00")])
            ),
        )
        for d in ids
    )
    people = (
        Person(
            "HOST",
            "Host minister",
            "FRA",
            "MIN",
            max_items_per_day=draw(st.sampled_from([None, 1, 2])),
        ),
    )
    who = st.sampled_from([*ids, "HOST"])
    rooms = (
        room(
            "R1",
            available_from=draw(
                st.sampled_from([None, at("09:00"), at("11:00")])
            ),
            available_to=draw(
                st.sampled_from([None, at("12:00"), at("15:00")])
            ),
        ),
        room("PAL1", venue="PAL"),
        room("BL1", "bilateral", 20, features=("flags",)),
        room("GATE", "arrival", 40, venue="PAL"),
    )

    def moment(lo_h: int, hi_h: int):
        h = draw(st.integers(lo_h, hi_h))
        return at(f"{h:02d}:{draw(st.sampled_from([0, 30])):02d}")

    events = []
    for k in range(draw(st.integers(1, 3))):
        kw: dict = {}
        hours = draw(st.sampled_from([1, 2]))
        if draw(st.booleans()):
            lo = moment(7, 14)
            # a window opening before day_start (08:00) still leaves a
            # start: one wholly outside the day's hours is bad input
            more = draw(st.integers(0 if lo.hour >= 8 else 1, 2))
            kw.update(earliest=lo, latest=lo + timedelta(hours=hours + more))
        elif draw(st.integers(0, 3)) == 0:
            kw["fixed_start"] = moment(8, 15)
        if draw(st.booleans()):
            kw["participants"] = (draw(who),)
        events.append(
            Event(
                f"E{k}",
                f"Event {k}",
                "workshop",
                60 * hours,
                50,
                rooms=draw(st.sampled_from([("R1",), ("R1", "PAL1")])),
                mandatory=draw(st.integers(0, 4)) > 0,
                **kw,
            )
        )
    if len(events) > 1 and draw(st.booleans()):
        from dataclasses import replace

        events[1] = replace(events[1], after=(events[0].event_id,))
    bilaterals = []
    if draw(st.booleans()):
        lo = moment(8, 15)
        bilaterals.append(
            BilateralRequest(
                "B0",
                "FRA",
                draw(st.sampled_from(["DEU", "HOST"])),
                earliest=lo,
                latest=lo + timedelta(hours=1),
                mandatory=True,
            )
        )
    arrivals = []
    if draw(st.booleans()):
        t = moment(8, 13)
        arrivals.append(Arrival("DEU", t, t + timedelta(hours=1)))
    windows = []
    if draw(st.booleans()):
        t = moment(8, 14)
        windows.append(
            SecurityWindow(
                "W1",
                t,
                t + timedelta(hours=2),
                parse_scope(
                    draw(
                        st.sampled_from(
                            ["room:R1", "venue:PAL", "person:HOST", "all"]
                        )
                    )
                ),
                draw(st.sampled_from(["closed", "no_arrivals"])),
            )
        )
    return tiny(
        venues=(Venue("NCC", "Centre"), Venue("PAL", "Palace")),
        travel=(Travel("NCC", "PAL", draw(st.sampled_from([20, 60]))),),
        rooms=rooms,
        delegations=dels,
        people=people,
        events=tuple(events),
        bilaterals=tuple(bilaterals),
        arrivals=tuple(arrivals),
        windows=tuple(windows),
    )
