"""A scenario with every kind of item and a schedule of it built by hand,
for the writer and reader tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from models import (
    Arrival,
    BilateralRequest,
    Event,
    Scenario,
    Sequence,
    SequenceMember,
)
from models.records.schedule import (
    Assignment,
    Schedule,
    SolveInfo,
    Unscheduled,
)
from tests.factory import at, delegation, room, tiny


def full_scenario() -> Scenario:
    """Events (one ``all_heads``), a bilateral, an arrival at the palace,
    and a two-member queue with 90 s and 45 s slots."""
    return tiny(
        rooms=(
            room("R1"),
            room("R2"),
            room("HALL", "hall", 500),
            room("BL1", "bilateral", 20, features=("flags",)),
            room("VIP", "arrival", 50, venue="PAL"),
        ),
        delegations=(
            delegation("FRA", "HOS", name="France"),
            delegation("DEU", name="Germany"),
        ),
        events=(
            Event(
                "OPEN",
                "Opening",
                "ceremony",
                60,
                300,
                rooms=("HALL",),
                all_heads=True,
                mandatory=True,
            ),
            Event(
                "WS1", "Workshop", "workshop", 60, 50, participants=("DEU",)
            ),
        ),
        bilaterals=(BilateralRequest("BL01", "FRA", "DEU"),),
        arrivals=(Arrival("FRA", at("08:00"), at("09:00"), point="VIP"),),
        sequences=(
            Sequence(
                "Q",
                "Order of signature",
                "HALL",
                "precedence",
                90,
                within_event="OPEN",
            ),
        ),
        members=(
            SequenceMember("Q", "FRA"),
            SequenceMember("Q", "DEU", slot_seconds=45),
        ),
    )


def sec(hhmmss: str) -> datetime:
    """``"09:31:30"`` on the first day."""
    return datetime.strptime(f"2025-10-25 {hhmmss}", "%Y-%m-%d %H:%M:%S")


def placed(
    s: Scenario, item_id, start, end, room_id, venue, people, **kw
) -> Assignment:
    """A Schedule row of ``s``'s item ``item_id``, by hand."""
    i = s.item_by_id[item_id]
    return Assignment(
        item_id,
        i.kind,
        i.ref_id,
        i.title,
        start,
        end,
        room_id,
        venue,
        people,
        **kw,
    )


def security_meeting() -> Event:
    """A restricted event: a security coordination meeting in R2."""
    return Event(
        "SECMEET",
        "Security coordination",
        "other",
        30,
        10,
        rooms=("R2",),
        restricted=True,
    )


def full_schedule(s: Scenario, title: str | None = None) -> Schedule:
    """Every item placed but the workshop; ``title`` replaces the
    opening's title (injection tests)."""

    def place(*args, **kw):
        return placed(s, *args, **kw)

    rows = (
        place("A:FRA", at("08:10"), at("08:30"), "VIP", "PAL", ("FRA",)),
        place(
            "E:OPEN",
            at("09:00"),
            at("10:00"),
            "HALL",
            "NCC",
            ("DEU", "FRA"),
            locked=True,
        ),
        place(
            "S:Q:FRA",
            sec("09:30:00"),
            sec("09:31:30"),
            "HALL",
            "NCC",
            ("FRA",),
            position=1,
        ),
        place(
            "S:Q:DEU",
            sec("09:31:30"),
            sec("09:32:15"),
            "HALL",
            "NCC",
            ("DEU",),
            position=2,
        ),
        place(
            "B:BL01", at("10:30"), at("11:00"), "BL1", "NCC", ("FRA", "DEU")
        ),
    )
    if title is not None:
        rows = tuple(
            replace(a, title=title) if a.item_id == "E:OPEN" else a
            for a in rows
        )
    return Schedule(
        rows,
        (
            Unscheduled(
                "E:WS1",
                "WS1",
                "event",
                "Workshop",
                3,
                "No room is free for 60 min while Head of DEU is free",
            ),
        ),
        SolveInfo(
            "FEASIBLE",
            objective=120.0,
            best_bound=100.0,
            solve_seconds=1.25,
            gap=0.1667,
            solutions=4,
            workers=8,
            seed=7,
            time_limit=30.0,
            penalties={"room_fit": 3, "preferred_day": 0},
        ),
        generated_at=datetime(2025, 10, 1, 12, 30, 5),
        event_name="Test summit",
        scenario_source="scenario.xlsx",
    )
