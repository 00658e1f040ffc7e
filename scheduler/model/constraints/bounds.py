"""Static bounds of item starts, used to skip constraints that can never
bind (pure pruning: it never changes which schedules are allowed)."""

from __future__ import annotations

from ortools.sat.python.cp_model import Domain

from models.records.items import event_item_id

from ..context import BuildContext
from ..variables import ItemVars


def start_bounds(ctx: BuildContext, v: ItemVars) -> tuple[int, int]:
    """Least and greatest start the item can take (with ``ctx.derived``
    off, whatever the other rules say: the whole horizon)."""
    if not ctx.derived:
        return 0, ctx.scenario.grid.horizon
    if v.allowed is not None and not v.allowed.is_empty():
        return v.allowed.min(), v.allowed.max()
    it = v.item
    if it.within_event:
        ev = ctx.vars.items.get(event_item_id(it.within_event))
        if ev is not None:
            lo, hi = start_bounds(ctx, ev)
            return lo, hi + ev.duration - it.duration
    return max(0, it.start_min), min(ctx.scenario.grid.horizon, it.start_max)


def venue_options(ctx: BuildContext, v: ItemVars) -> list[str]:
    return sorted(ctx.vars.venues_of(v))


def venue_lit(ctx: BuildContext, v: ItemVars, venue: str):
    """Literal "placed in venue", or True when the item has one venue."""
    if len(ctx.vars.venues_of(v)) == 1:
        return True
    return ctx.vars.venue_literal(v, venue)


def static_day(ctx: BuildContext, v: ItemVars) -> int | None:
    lo, hi = start_bounds(ctx, v)
    g = ctx.scenario.grid
    d1, d2 = g.day_index(lo), g.day_index(hi)
    return d1 if d1 is not None and d1 == d2 else None


def day_span(ctx: BuildContext, v: ItemVars, k: int) -> tuple[int, int] | None:
    """Earliest start and latest end the item can have on event day
    ``k`` (from its allowed starts), or ``None`` if it cannot be on it."""
    lo, hi = ctx.scenario.day_spans[k]
    last_start = hi - v.duration
    if v.allowed is not None:
        dom = v.allowed.intersection_with(Domain(lo, last_start))
        if dom.is_empty():
            return None
        return dom.min(), dom.max() + v.duration
    first, last = start_bounds(ctx, v)
    first, last = max(first, lo), min(last, last_start)
    return (first, last + v.duration) if first <= last else None
