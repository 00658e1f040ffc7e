"""Hand-made conflicts whose minimal explanation is known."""

from __future__ import annotations

from models import BilateralRequest, Event
from scheduler.diagnosis.explain import explain
from tests.factory import at, delegation, room, tiny


def test_two_fixed_events_in_the_only_room():
    s = tiny(
        rooms=(room("R1"),),
        events=(
            Event(
                "A",
                "Opening",
                "ceremony",
                60,
                50,
                rooms=("R1",),
                fixed_start=at("09:00"),
                mandatory=True,
            ),
            Event(
                "B",
                "Briefing",
                "press",
                60,
                50,
                rooms=("R1",),
                fixed_start=at("09:30"),
                mandatory=True,
            ),
        ),
    )
    e = explain(s)
    assert e.status == "INFEASIBLE"
    assert sorted(e.items) == ["E:A", "E:B"]
    assert sorted(e.rules) == ["fixed_start", "room_no_overlap"]
    text = "\n".join(e.lines(s))
    assert "Room conflict" in text and "E:A (Opening)" in text


def test_party_never_available_is_caught_by_the_cheap_checks():
    s = tiny(
        delegations=(
            delegation("FRA", available_from=at("17:45")),
            delegation("DEU"),
        ),
        bilaterals=(BilateralRequest("B1", "FRA", "DEU", mandatory=True),),
    )
    e = explain(s)
    assert any("the head of FRA is not available" in c for c in e.cheap)
    assert "person_available" in e.rules or "day_hours" in e.rules


def test_feasible_scenario_has_nothing_to_explain():
    s = tiny(events=(Event("A", "A", "workshop", 60, 50, mandatory=True),))
    e = explain(s)
    assert e.items == [] and e.rules == [] and e.cheap == []


def test_left_out_for_a_daily_limit_says_so():
    from models import Person

    people = (
        Person("HOST", "Host minister", "VNM", "MIN", max_items_per_day=1),
    )
    s = tiny(
        delegations=(delegation("VNM"),),
        people=people,
        events=(
            Event(
                "A",
                "A",
                "workshop",
                60,
                50,
                priority=5,
                participants=("HOST",),
            ),
            Event(
                "B",
                "B",
                "workshop",
                60,
                50,
                priority=1,
                participants=("HOST",),
            ),
        ),
    )
    from .helpers import solve_checked

    r = solve_checked(s)
    reason = {u.item_id: u.reason for u in r.schedule.unscheduled}["E:B"]
    assert reason == ("HOST already has 1 items on 25 Oct (their daily limit)")


def test_left_out_because_a_principal_is_busy_names_the_items():
    s = tiny(
        delegations=(delegation("FRA"), delegation("DEU")),
        events=(
            Event(
                "A",
                "Keynote",
                "workshop",
                60,
                50,
                priority=5,
                participants=("FRA",),
                earliest=at("09:00"),
                latest=at("10:00"),
            ),
        ),
        bilaterals=(
            BilateralRequest(
                "B1",
                "FRA",
                "DEU",
                priority=1,
                earliest=at("09:00"),
                latest=at("10:00"),
            ),
        ),
    )
    from .helpers import solve_checked

    r = solve_checked(s)
    reason = {u.item_id: u.reason for u in r.schedule.unscheduled}["B:B1"]
    assert reason.startswith("The head of FRA has no free 30 minutes")
    assert "E:A 25 Oct 09:00" in reason


def test_building_the_model_counts_in_the_explanation_s_time(monkeypatch):
    """The core and its filter get what the model's building leaves of
    the time limit (on a generated 377-item event the build took 1.5 s
    and a 20 s run ended after 22 s)."""
    import time

    from scheduler.diagnosis import explain as explain_module

    build, core, asked = (
        explain_module.guarded_build,
        explain_module.minimal_core,
        [],
    )

    def slow_build(*args, **kwargs):
        time.sleep(0.5)
        return build(*args, **kwargs)

    def timed_core(model, lits, seconds, workers):
        asked.append(seconds)
        return core(model, lits, seconds, workers)

    monkeypatch.setattr(explain_module, "guarded_build", slow_build)
    monkeypatch.setattr(explain_module, "minimal_core", timed_core)
    s = tiny(rooms=(room("R1"),), events=())
    explain(s, time_limit=2.0)
    assert asked and asked[0] <= 1.5
