"""Item shape and mandatory items."""

from __future__ import annotations

from ..context import BuildContext


def item_shape(ctx: BuildContext) -> None:
    """Hard: each item is placed at most once, in one room, lasting exactly
    its duration, with its people.

    Duration and people are built into the variables (fixed-size
    intervals, participations); this function makes a placed item take
    exactly one of its room literals.
    """
    m = ctx.model
    for v in ctx.vars.items.values():
        if len(v.rooms) > 1:
            m.add(sum(v.rooms.values()) == v.present).with_name(
                f"item_shape:{v.item.item_id}"
            )


def mandatory(ctx: BuildContext) -> None:
    """Hard: every mandatory item is placed (mandatory events, bilaterals
    and queue members, in their own list or, moved, in another, and every
    arrival)."""
    m, vs = ctx.model, ctx.vars
    for v in vs.items.values():
        if v.item.mandatory:
            m.add(vs.placed_lit(v) >= 1).with_name(
                f"mandatory:{v.item.item_id}"
            )
