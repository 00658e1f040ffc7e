"""Smoke runs of the peer benchmark's tools (``bench/peers``), so the
harness stays alive: each gives a schedule the independent checker
accepts on a tiny generated summit."""

from __future__ import annotations

import pytest

from bench.generate import generate
from bench.peers.greedy import greedy
from bench.peers.metrics import measure
from bench.peers.subproblem import side_problem
from models import BilateralRequest
from models.checker import check
from tests.factory import at, delegation, tiny


@pytest.fixture(scope="module")
def summit():
    return generate(
        delegations=10, days=1, side_events=4, bilaterals=6, rooms=8, seed=0
    )


def test_greedy_full_scenario_passes_the_checker(summit):
    r = greedy(summit)
    assert check(summit, r.schedule) == []
    assert r.removed_by_check == 0  # the incremental tests were right
    kinds = {a.kind for a in r.schedule.assignments}
    assert {"event", "bilateral", "arrival", "sequence"} <= kinds
    placed = len(r.schedule.assignments) + len(r.schedule.unscheduled)
    assert placed == len(summit.items)


def test_greedy_is_first_come_first_served():
    """The first request takes the earliest start; the second waits for
    the room's changeover (10 min), longer than the people's buffer."""
    s = tiny(
        delegations=(delegation("AAA"), delegation("BBB")),
        bilaterals=(
            BilateralRequest("B1", "AAA", "BBB"),
            BilateralRequest("B2", "AAA", "BBB"),
        ),
    )
    rows = greedy(s).schedule.by_item()
    assert rows["B:B1"].start == at("08:00")
    assert rows["B:B2"].start == at("08:40")


def test_side_problem_keeps_only_side_events_and_bilaterals(summit):
    sub = side_problem(summit)
    assert {it.kind for it in sub.items} == {"event", "bilateral"}
    assert not any(it.all_heads for it in sub.items)
    assert sub.rooms == summit.rooms
    assert sub.delegations == summit.delegations


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # PuLP 3.x notes
def test_conference_scheduler_adapter_passes_the_checker(summit):
    pytest.importorskip("conference_scheduler")
    pytest.importorskip("pulp")
    from bench.peers.conference_scheduler import solve_cs

    sub = side_problem(summit)
    r = solve_cs(sub, time_limit=10, workers=1)
    assert r.status == "SOLVED"
    assert check(sub, r.schedule) == []
    m = measure(sub, r.schedule)
    assert m["items"] > 0
    assert m["objective"] == r.schedule.info.objective


def test_conference_scheduler_cannot_express_the_full_scenario(summit):
    pytest.importorskip("conference_scheduler")
    from bench.peers.cs_slots import NotExpressible, build_plan

    with pytest.raises(NotExpressible):
        build_plan(summit)


def test_prune_removes_a_clash_until_the_checker_is_satisfied():
    from dataclasses import replace

    from scheduler.search.construct.prune import prune

    s = tiny(
        delegations=(delegation("AAA"), delegation("BBB")),
        bilaterals=(
            BilateralRequest("B1", "AAA", "BBB", priority=5),
            BilateralRequest("B2", "AAA", "BBB", priority=1),
        ),
    )
    schedule = greedy(s).schedule
    moved = tuple(
        replace(a, start=at("08:00"), end=at("08:30"), room_id="BL1")
        for a in schedule.assignments
    )
    broken = replace(schedule, assignments=moved)
    assert check(s, broken)
    fixed, removed = prune(s, broken, "test")
    assert check(s, fixed) == []
    assert removed == 1
    assert [a.item_id for a in fixed.assignments] == ["B:B1"]
    assert fixed.unscheduled[-1].reason.startswith("test: removed, broke")
