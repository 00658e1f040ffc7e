"""The conference-scheduler model of a (sub-)scenario: its events and
slots per independent part, the costs our objective gives each choice,
and how many constraints the tool will write for it (see
:mod:`bench.peers.conference_scheduler`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from conference_scheduler.lp_problem import utils as lpu
from conference_scheduler.resources import Event, Slot

from models.objective import WEIGHTS, room_fit_units
from models.records.scenario import Scenario

from .cs_slots import PlanSlot, build_plan, usable


@dataclass
class Part:
    """One independent part: our items, their real slots (``slots``,
    :class:`PlanSlot`), the tool's events and slots (real ones, then one
    left-out slot per item), the cost of each (event, slot) pair and the
    number of constraints the tool will write."""

    items: list
    slots: list  # PlanSlot, real rooms
    events: list
    cs_slots: list
    costs: dict
    constraints: int


def components(s: Scenario, items) -> list[list]:
    """Items in groups that share no person and no allowed room."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for k, it in enumerate(items):
        for key in (*it.participants, *(f"room:{r}" for r in it.rooms)):
            if key in owner:
                parent[find(k)] = find(owner[key])
            else:
                owner[key] = k
    groups: dict[int, list] = {}
    for k, it in enumerate(items):
        groups.setdefault(find(k), []).append(it)
    return list(groups.values())


def _cs_slot(s: Scenario, x: PlanSlot) -> Slot:
    venue = x.room_id if x.stand_no is None else f"{x.room_id}#{x.stand_no}"
    return Slot(
        venue=venue,
        starts_at=s.grid.to_datetime(x.lo),
        duration=x.length // 60,
        capacity=x.capacity,
        session=str(s.grid.to_datetime(x.lo).date()),
    )


def _overflow(s: Scenario, n: int, longest: int) -> list[Slot]:
    """``n`` left-out slots after the summit, none inside another."""
    base = s.grid.to_datetime(s.grid.horizon) + timedelta(days=7)
    step = timedelta(minutes=longest + 1)
    return [
        Slot("(left out)", base + k * step, longest, 10**6, "left out")
        for k in range(n)
    ]


def build_part(s: Scenario, items, plan_slots) -> Part:
    rooms = {r for it in items for r in it.rooms}
    real = [x for x in plan_slots if x.room_id in rooms]
    real_cs = [_cs_slot(s, x) for x in real]
    longest = max(it.duration for it in items) // 60
    over = _overflow(s, len(items), longest)
    soft = 0
    costs: dict[tuple[int, int], int] = {}
    events = []
    unusable = 0
    g = s.grid
    for i, it in enumerate(items):
        blocked = []
        worst = 0
        for j, x in enumerate(real):
            if not usable(s, it, x):
                blocked.append(real_cs[j])
                continue
            cost = room_fit_units(s, it, x.room_id) * WEIGHTS["room_fit"]
            if (
                it.preferred_day is not None
                and g.day_index(x.lo) != it.preferred_day
            ):
                cost += WEIGHTS["prefer_day"]
            if cost:
                costs[i, j] = cost
            worst = max(worst, cost)
        soft += worst
        unusable += len(blocked)
        events.append(
            Event(
                name=it.item_id,
                duration=it.duration // 60,
                demand=it.attendance,
                tags=list(it.participants),
                unavailability=blocked,
            )
        )
    weight = soft + 1
    must = 1 + sum(it.value for it in items if not it.mandatory)
    for i, it in enumerate(items):
        lost = weight * (must if it.mandatory else it.value)
        for k in range(len(over)):
            costs[i, len(real) + k] = lost
    slots = real_cs + over
    pairs = sum(1 for _ in lpu.concurrent_slots(slots))
    clashes = sum(
        1
        for a in items
        for b in items
        if a is not b and set(a.participants) & set(b.participants)
    )
    n_e, n_s = len(items), len(slots)
    constraints = n_e + n_s + unusable + pairs * clashes + n_e * n_s
    return Part(items, real, events, slots, costs, constraints)


def objective(events, slots, X, costs, **kwargs):
    """The tool's ``objective_function`` hook: the sum of the costs of
    the chosen (event, slot) pairs."""
    return lpu.lpsum(c * X[key] for key, c in costs.items())


def estimate(s: Scenario) -> tuple[list[Part], int]:
    """The parts and the number of constraints the tool would write."""
    plan = build_plan(s)
    parts = [build_part(s, c, plan.slots) for c in components(s, s.items)]
    parts.sort(key=lambda p: len(p.events) * len(p.cs_slots))
    return parts, sum(p.constraints for p in parts)
