"""Reading a schedule back from a solved model: each placed item's start
and room (a pool's concrete room handed out), the people of an all-heads
event, and every item left out with its cheap reason."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ortools.sat.python import cp_model

from models import Scenario
from models.reasons import cheap_reason
from models.records.items import left_out
from models.records.schedule import (
    LATE_NOTE,
    Assignment,
    Schedule,
    Unscheduled,
    moved_note,
)

from ..model.build import BuiltModel
from ..model.room_pools import assign_rooms
from .construct.rows import assignment, with_positions


def extract(
    scenario: Scenario,
    built: BuiltModel,
    solver: cp_model.CpSolver,
    baseline=None,
) -> Schedule:
    """The schedule held in the solver's best solution."""
    locked = (
        {a.item_id for a in baseline.schedule.assignments if a.locked}
        if baseline is not None
        else set()
    )
    rows = placed_rows(scenario, built, solver, locked)
    schedule = Schedule(
        assignments=tuple(rows),
        generated_at=datetime.now().replace(microsecond=0),
        event_name=scenario.settings.event_name,
        scenario_source=scenario.source,
    )
    return with_reasons(scenario, schedule)


def placed_rows(
    scenario: Scenario,
    built: BuiltModel,
    solver: cp_model.CpSolver,
    locked: set[str] | frozenset[str] = frozenset(),
) -> list[Assignment]:
    """The Schedule rows of the items the solver's best solution places
    (a pool's concrete room handed out, an all-heads event's heads among
    its people), in time order; ``locked``: item ids marked locked."""
    s, vs = scenario, built.ctx.vars
    rows: list[Assignment] = []
    placed = []  # (item vars, start, pool)
    for v in vs.items.values():
        if not solver.boolean_value(v.present):
            continue
        pool = next(
            p for p, lit in v.rooms.items() if solver.boolean_value(lit)
        )
        placed.append((v, solver.value(v.start), pool))
    concrete = _concrete_rooms(built, solver, placed)
    for v, start, pool in placed:
        it = v.item
        room = concrete.get(it.item_id, pool)
        people = list(it.participants)
        if it.all_heads:
            people += [
                h
                for (iid, h), lit in vs.attends.items()
                if iid == it.item_id and solver.boolean_value(lit)
            ]
        note = ""
        if v.late is not None and solver.boolean_value(v.late):
            note = LATE_NOTE
        elif it.moved_from is not None:
            note = moved_note(it.moved_from)
        rows.append(
            replace(
                assignment(s, it.item_id, start, room, people),
                locked=it.item_id in locked,
                note=note,
            )
        )
    rows.sort(key=lambda a: (a.start, a.room_id, a.item_id))
    return list(with_positions(rows))


def with_reasons(s: Scenario, schedule: Schedule) -> Schedule:
    """``schedule`` with every item it does not place left out, each with
    its cheap reason (:func:`models.reasons.cheap_reason`)."""
    left = tuple(
        Unscheduled.of(it, cheap_reason(s, it, schedule))
        for it in left_out(s, schedule.by_item())
    )
    return replace(schedule, unscheduled=left)


def _concrete_rooms(built: BuiltModel, solver, placed) -> dict[str, str]:
    """Hand out the rooms of each pool (see
    :mod:`scheduler.model.room_pools`)."""
    ctx = built.ctx
    s, pools = ctx.scenario, ctx.vars.pools
    by_pool: dict[str, list] = {}
    for v, start, pool in placed:
        if len(pools[pool]) > 1:
            vip = ctx.vip_literal(v) is True
            pre = ctx.sweep_pre.get(pool, 0) if vip else 0
            end = start + v.duration + s.changeover_seconds(pool)
            by_pool.setdefault(pool, []).append(
                (start - pre, end, v.item.item_id)
            )
    out: dict[str, str] = {}
    for pool, uses in by_pool.items():
        out.update(assign_rooms(pools[pool], uses))
    return out
