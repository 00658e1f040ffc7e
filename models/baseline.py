"""A published schedule that a what-if run should disturb as little as
possible.

Rows marked ``locked`` and rows starting before ``freeze_before`` are
*pinned*: they keep their start and room. Every other baseline item that
still exists may move, at a cost (:func:`move_cost`) that sits between
placement and the soft preferences in the objective
(:mod:`models.objective`).

Move cost of one item, times 3 for a VIP item (a participant of vip_rank
or higher, or an all_heads event):

- ``MOVE_TIME`` if its start changes, plus one per minute of shift (at
  most ``MAX_SHIFT``: beyond two hours a move is a move);
- ``MOVE_ROOM`` if its room changes;
- ``DROP`` if it was placed and is now left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .records.items import Item
from .records.scenario import Scenario
from .records.schedule import Assignment, Schedule

MOVE_TIME = 30
MOVE_ROOM = 20
DROP = 200
MAX_SHIFT = 120
VIP_FACTOR = 3


@dataclass(frozen=True)
class Baseline:
    schedule: Schedule
    freeze_before: datetime | None = None

    def pinned(self, scenario: Scenario) -> dict[str, Assignment]:
        """Baseline rows of items still in the scenario that may not move:
        locked, or starting before the freeze time."""
        known = scenario.item_by_id
        return {
            a.item_id: a
            for a in self.schedule.assignments
            if a.item_id in known
            and (
                a.locked
                or (
                    self.freeze_before is not None
                    and a.start < self.freeze_before
                )
            )
        }

    def movable(self, scenario: Scenario) -> dict[str, Assignment]:
        """Baseline rows of items still in the scenario that may move."""
        pinned = self.pinned(scenario)
        known = scenario.item_by_id
        return {
            a.item_id: a
            for a in self.schedule.assignments
            if a.item_id in known and a.item_id not in pinned
        }


def baseline_problems(scenario: Scenario, baseline: Baseline) -> list[str]:
    """Rows of a what-if baseline that no schedule of ``scenario`` can
    keep, each named with its row: a row of a known item dated outside
    the scenario's days (a year typed wrong), or a locked (or frozen) row
    outside the day hours or in a room the scenario does not have. Such a
    baseline is a bad input, not a scenario without a schedule."""
    s = scenario
    days = set(s.settings.days)
    st = s.settings
    pinned = baseline.pinned(s)
    out = []
    for a in baseline.schedule.assignments:
        if a.item_id not in s.item_by_id:
            continue
        where = f"Schedule row {a.row} ({a.item_id})" if a.row else a.item_id
        if a.start.date() not in days or a.end.date() not in days:
            out.append(
                f"{where}: {a.start:%Y-%m-%d %H:%M} to {a.end:%Y-%m-%d %H:%M}"
                " is not on the scenario's days ("
                + ", ".join(d.isoformat() for d in st.days)
                + "); correct the date, or delete the row to place the "
                "item anew"
            )
            continue
        if a.item_id not in pinned:
            continue
        if (
            a.start.time() < st.day_start
            or (a.end.time() > st.day_end and a.end.date() == a.start.date())
            or a.end.date() != a.start.date()
        ):
            out.append(
                f"{where}: locked (or before the freeze time) at "
                f"{a.start:%d %b %H:%M}-{a.end:%H:%M}, outside the day "
                f"hours {st.day_start:%H:%M}-{st.day_end:%H:%M}; unlock "
                "it or move it inside them"
            )
        elif a.room_id not in s.room_by_id:
            out.append(
                f"{where}: locked (or before the freeze time) in room "
                f"{a.room_id!r}, which the scenario does not have"
            )
    return out


def vip_factor(scenario: Scenario, item: Item) -> int:
    vip = item.all_heads or any(scenario.is_vip(p) for p in item.participants)
    return VIP_FACTOR if vip else 1


def move_cost(
    scenario: Scenario, item: Item, old: Assignment, new: Assignment | None
) -> int:
    """Cost of what happened to one movable baseline item."""
    f = vip_factor(scenario, item)
    if new is None:
        return f * DROP
    cost = 0
    if new.start != old.start:
        shift = abs(int((new.start - old.start).total_seconds())) // 60
        cost += MOVE_TIME + min(shift, MAX_SHIFT)
    if new.room_id != old.room_id:
        cost += MOVE_ROOM
    return f * cost


def max_move_cost(scenario: Scenario, item: Item) -> int:
    """The most one movable item can cost (dropping it, or moving it
    across the whole horizon to another room)."""
    f = vip_factor(scenario, item)
    return f * max(DROP, MOVE_TIME + MAX_SHIFT + MOVE_ROOM)


def moves_cost(
    scenario: Scenario, baseline: Baseline, schedule: Schedule
) -> int:
    placed = schedule.by_item()
    return sum(
        move_cost(scenario, scenario.item_by_id[iid], old, placed.get(iid))
        for iid, old in baseline.movable(scenario).items()
    )


def moves_upper_bound(scenario: Scenario, baseline: Baseline) -> int:
    return sum(
        max_move_cost(scenario, scenario.item_by_id[iid])
        for iid in baseline.movable(scenario)
    )
