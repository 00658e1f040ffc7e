"""Slots for conference-scheduler: its model is a list of slots (a
venue, a start, a length), at most one event per slot, an event starts
at its slot's start, and two events that must not meet are kept apart
only in *concurrent* slots (one slot's time inside the other's).

Every room gets slots that never overlap:

- rooms of slot-set events get the slot sets' slots;
- rooms of other events and bilaterals get slots on one grid shared by
  all rooms (:mod:`bench.peers.cs_grid`), so that changeover, buffer,
  travel and sweeps hold without the tool knowing them; in a room both
  kinds may use, the slot-set slots win and grid slots near them are
  dropped (the tool cannot let one room hold either);
- an exhibition room gets fixed stands (:mod:`bench.peers.cs_stands`).

What this cannot carry: two slot sets whose slots partly overlap are
not concurrent for the tool; daily limits and the soft rules on tracks
and venue grouping are not expressed. The checker counts what follows.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.records.items import Item
from models.records.scenario import Scenario
from scheduler.search.construct.static import people_free, room_ok, start_ok

from .cs_grid import (
    best_phase,
    blocks_of,
    grid_gap,
    period_starts,
    stretches,
)
from .cs_stands import stands


class NotExpressible(ValueError):
    """The scenario holds items the slot model cannot express."""


@dataclass(frozen=True, slots=True)
class PlanSlot:
    """A slot: ``room_id`` from grid second ``lo`` for ``length``
    seconds; ``stand`` is the booth units of an exhibition stand."""

    room_id: str
    lo: int
    length: int
    capacity: int
    stand: int | None = None
    stand_no: int | None = None


@dataclass(frozen=True)
class SlotPlan:
    slots: tuple[PlanSlot, ...]
    fine: int
    gap: int
    phase: int


def is_exhibition(s: Scenario, it: Item) -> bool:
    return it.kind == "event" and s.event_by_id[it.ref_id].kind == (
        "exhibition"
    )


def _round_up(x: int, step: int) -> int:
    return -(-x // step) * step


def expressible(s: Scenario) -> None:
    """Raise :class:`NotExpressible` naming what the slot model lacks:
    arrivals, queues, all-heads events, event order."""
    lacks = {}
    for it in s.items:
        if it.kind == "arrival":
            lacks.setdefault("arrivals", it.item_id)
        elif it.kind == "sequence":
            lacks.setdefault("queues", it.item_id)
        elif it.all_heads:
            lacks.setdefault("all-heads events", it.item_id)
        elif it.kind == "event" and s.event_by_id[it.ref_id].after:
            lacks.setdefault("event order", it.item_id)
    if lacks:
        raise NotExpressible(
            ", ".join(f"{k} (e.g. {v})" for k, v in lacks.items())
        )


def build_plan(s: Scenario) -> SlotPlan:
    """Every slot of the scenario's rooms (see the module docstring)."""
    expressible(s)
    step = s.settings.time_step_minutes * 60
    exhibits = [it for it in s.items if is_exhibition(s, it)]
    others = [it for it in s.items if not is_exhibition(s, it)]
    in_sets = [it for it in others if it.slots]
    free = [it for it in others if not it.slots]
    set_spans: dict[str, set] = {}
    longest: dict[str, int] = {}
    for it in others:
        for r in it.rooms:
            if s.room_by_id[r].kind == "exhibition":
                continue
            if it.slots:
                set_spans.setdefault(r, set()).update(it.slots)
            else:
                longest[r] = max(longest.get(r, 0), it.duration)
    rooms = set(longest) | set(set_spans)
    gap = _round_up(grid_gap(s, s.items, rooms), step)
    bil = [it.duration for it in free if it.kind == "bilateral"]
    fine = _round_up(
        max(bil) if bil else min((it.duration for it in free), default=step),
        step,
    )
    parts = stretches(s, {x for it in in_sets for x in it.slots}, gap)
    phase = best_phase(s, free, parts, fine, gap)
    starts = period_starts(parts, fine, gap, phase)
    slots: list[PlanSlot] = []
    for r, spans in set_spans.items():
        slots += _set_slots(s, r, sorted(spans), in_sets)
    for r, dur in longest.items():
        taken = [x for x in slots if x.room_id == r]
        cap = s.room_by_id[r].capacity
        slots += [
            PlanSlot(r, lo, length, cap)
            for lo, length in blocks_of(starts, fine, gap, dur)
            if not any(
                lo < t.lo + t.length + gap and t.lo < lo + length + gap
                for t in taken
            )
        ]
    for r in dict.fromkeys(
        r
        for it in exhibits
        for r in it.rooms
        if s.room_by_id[r].kind == "exhibition"
    ):
        mine = [it for it in exhibits if r in it.rooms]
        slots += [
            PlanSlot(r, lo, length, units, stand=units, stand_no=k)
            for k, (lo, length, units) in enumerate(stands(s, r, mine, step))
        ]
    return SlotPlan(tuple(slots), fine, gap, phase)


def _set_slots(s: Scenario, room_id: str, spans, items) -> list[PlanSlot]:
    """The slot sets' slots in a room, dropping any that would break the
    changeover (or the sweep, for VIP items) with an earlier one."""
    vip = any(
        s.is_vip(p)
        for it in items
        if room_id in it.rooms
        for p in it.participants
    )
    need = s.changeover_seconds(room_id) + (s.sweep_seconds if vip else 0)
    cap = s.room_by_id[room_id].capacity
    out: list[PlanSlot] = []
    for lo, hi in spans:
        if out and lo < out[-1].lo + out[-1].length + need:
            continue
        out.append(PlanSlot(room_id, lo, hi - lo, cap))
    return out


def usable(s: Scenario, it: Item, slot: PlanSlot) -> bool:
    """``it`` may start at ``slot`` and break none of its own rules:
    room, length, window, grid, slot set, room open, people free, and
    for an exhibition a stand of its size."""
    if (slot.stand is not None) != is_exhibition(s, it):
        return False
    if slot.stand is not None and it.attendance > slot.stand:
        return False
    lo = slot.lo
    return (
        it.duration <= slot.length
        and start_ok(s, it, lo)
        and room_ok(s, it, lo, slot.room_id)
        and people_free(s, it.participants, lo, lo + it.duration)
    )
