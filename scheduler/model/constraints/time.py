"""Time rules: day hours, the grid, windows, fixed starts, slots, order."""

from __future__ import annotations

from ortools.sat.python.cp_model import Domain

from models.records.items import event_item_id

from ..context import BuildContext
from ..domains import grid_domain, start_domain, window_domain


def day_hours(ctx: BuildContext) -> None:
    """Hard: every item lies within one event day, between day_start and
    day_end."""
    s = ctx.scenario
    for v in ctx.vars.items.values():
        ctx.restrict(
            v,
            start_domain(s.day_spans, v.duration),
            f"day_hours:{v.item.item_id}",
        )


def time_grid(ctx: BuildContext) -> None:
    """Hard: events and bilaterals start on the time-step grid counted from
    day_start, arrivals on whole minutes, queue slots on whole seconds
    (grid seconds are whole already)."""
    s = ctx.scenario
    for v in ctx.vars.items.values():
        if v.item.step > 1:
            ctx.restrict(
                v,
                grid_domain(s.day_spans, v.item.step),
                f"time_grid:{v.item.item_id}",
            )


def time_window(ctx: BuildContext) -> None:
    """Hard: an item lies inside its earliest..latest window; a reception
    starts inside its arrival window."""
    for v in ctx.vars.items.values():
        it = v.item
        ctx.restrict(
            v,
            window_domain(it.start_min, it.start_max),
            f"time_window:{it.item_id}",
        )


def fixed_start(ctx: BuildContext) -> None:
    """Hard: an event with a fixed start starts exactly then."""
    for v in ctx.vars.items.values():
        if v.item.fixed_start is not None:
            ctx.restrict(
                v,
                Domain(v.item.fixed_start, v.item.fixed_start),
                f"fixed_start:{v.item.item_id}",
            )


def slot_set(ctx: BuildContext) -> None:
    """Hard: an event with a slot set starts at the start of one slot of
    the set and ends inside that slot."""
    for v in ctx.vars.items.values():
        if v.item.slots:
            ctx.restrict(
                v,
                Domain.from_values(v.item.slot_starts),
                f"slot_set:{v.item.item_id}",
            )


def event_order(ctx: BuildContext) -> None:
    """Hard: an event starts only after every event in its after list has
    ended."""
    s, m, items = ctx.scenario, ctx.model, ctx.vars.items
    for e in s.events:
        v = items[event_item_id(e.event_id)]
        for a in e.after:
            p = items.get(event_item_id(a))
            if p is not None:
                m.add(p.end <= v.start).with_name(
                    f"event_order:{a}->{e.event_id}"
                ).only_enforce_if([p.present, v.present])
