"""Explanations are sound: each core the explanation names is infeasible
on its own, and dropping any member of it makes the rest feasible
(checked against the model built with only the core's rules and items)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, event, given, settings
from ortools.sat.python import cp_model

from models import Event
from scheduler.diagnosis.explain import explain
from scheduler.model.build import build_model
from scheduler.model.constraints import HARD
from tests.factory import at, room, tiny

from .strategies import conflicts, scenarios


def feasible(scenario, rules, items) -> bool:
    """Whether the model with only ``rules`` (of the hard rules) has a
    schedule placing every one of ``items``."""
    built = build_model(scenario, skip=set(HARD) - set(rules))
    vs = built.ctx.vars
    for iid in items:
        built.model.add(vs.items[iid].present == 1)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = 20
    status = solver.solve(built.model)
    assert status != cp_model.UNKNOWN
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def assert_core_is_minimal(scenario, rules, items):
    assert not feasible(scenario, rules, items), (rules, items)
    for r in rules:
        rest = [x for x in rules if x != r]
        assert feasible(scenario, rest, items), ("needs no", r, rules, items)
    for i in items:
        rest = [x for x in items if x != i]
        assert feasible(scenario, rules, rest), ("needs no", i, rules, items)


def test_a_window_that_closes_before_the_only_room_opens_names_both():
    s = tiny(
        rooms=(room("R1", available_from=at("11:00")),),
        events=(
            Event(
                "A",
                "A",
                "workshop",
                60,
                50,
                rooms=("R1",),
                earliest=at("09:00"),
                latest=at("11:00"),
                mandatory=True,
            ),
        ),
    )
    e = explain(s)
    assert e.status == "INFEASIBLE"
    assert sorted(e.rules) == ["room_open", "time_window"]
    assert e.items == ["E:A"]
    assert_core_is_minimal(s, e.rules, e.items)


def assert_sound(scenario):
    e = explain(scenario, time_limit=20)
    event(f"core of {len(e.rules)} rules, {len(e.items)} items")
    if e.rules or e.items:
        assert e.status == "INFEASIBLE"
        assert e.minimal
        assert_core_is_minimal(scenario, e.rules, e.items)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(conflicts())
def test_every_core_is_infeasible_and_minimal(scenario):
    assert_sound(scenario)


def _all_mandatory(s):
    return replace(
        s,
        events=tuple(replace(e, mandatory=True) for e in s.events),
        bilaterals=tuple(replace(b, mandatory=True) for b in s.bilaterals),
        members=tuple(replace(m, mandatory=True) for m in s.members),
    )


@pytest.mark.slow
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(scenarios().map(_all_mandatory))
def test_cores_of_busier_scenarios_are_infeasible_and_minimal(scenario):
    """Queues, all-heads ceremonies, exhibitions, tracks and arrivals, with
    every request mandatory."""
    assert_sound(scenario)
