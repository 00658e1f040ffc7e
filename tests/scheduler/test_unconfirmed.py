"""A delegation that has not confirmed takes part in nothing (spec,
version 2): no event, bilateral, queue or arrival; its requests are
reported as waiting for its confirmation (issue 14)."""

from __future__ import annotations

from models import (
    Arrival,
    BilateralRequest,
    Event,
    Sequence,
    SequenceMember,
)
from scheduler import SolveParams, pipeline
from tests.factory import at, delegation, room, tiny


def _scenario():
    return tiny(
        rooms=(
            room("R1"),
            room("HALL", "hall", 500),
            room("BL1", "bilateral", 20, features=("flags",)),
            room("VIP", "arrival", 50, venue="PAL"),
        ),
        delegations=(
            delegation("FRA", "HOS", name="France", confirmed=False),
            delegation("DEU", name="Germany"),
            delegation("ITA", name="Italy"),
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
                "WS1",
                "Workshop",
                "workshop",
                60,
                50,
                participants=("FRA", "DEU"),
                mandatory=True,
            ),
        ),
        bilaterals=(
            BilateralRequest("BL01", "FRA", "DEU", mandatory=True),
            BilateralRequest("BL02", "ITA", "DEU"),
        ),
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
            SequenceMember("Q", "FRA", mandatory=True),
            SequenceMember("Q", "DEU"),
        ),
    )


def test_an_unconfirmed_delegation_is_in_no_item():
    s = _scenario()
    ids = {it.item_id for it in s.items}
    assert "B:BL01" not in ids and "A:FRA" not in ids
    assert "S:Q:FRA" not in ids and "B:BL02" in ids
    assert all("FRA" not in it.participants for it in s.items)
    assert {w.item_id for w in s.waiting} == {"B:BL01", "A:FRA", "S:Q:FRA"}


def test_its_requests_are_reported_as_waiting_for_it():
    s = _scenario()
    run = pipeline.solve(s, SolveParams(time_limit=10, workers=1))
    sched = run.schedule
    assert all("FRA" not in a.participants for a in sched.assignments)
    left = {u.item_id: u.reason for u in sched.unscheduled}
    for item_id in ("B:BL01", "A:FRA", "S:Q:FRA"):
        assert "Waiting for the confirmation of France" in left[item_id]
    assert pipeline.check(s, sched) == []
