"""Security rules beyond room and person closures: motorcade windows."""

from __future__ import annotations

from models import intervals as iv

from ..context import BuildContext
from ..domains import start_domain


def no_arrivals(ctx: BuildContext) -> None:
    """Hard: no reception overlaps a no_arrivals window on its point, its
    venue, its delegation or all."""
    s, m = ctx.scenario, ctx.model
    everything = [(-(10**9), 10**9)]
    for v in ctx.vars.items.values():
        if v.item.kind != "arrival":
            continue
        d = v.item.ref_id
        for r, lit in v.rooms.items():
            holes = [
                s.window_span(w)
                for w in s.windows_for("no_arrivals", room=r)
                + s.windows_for("no_arrivals", person=d)
            ]
            if not holes:
                continue
            dom = start_domain(iv.subtract(everything, holes), v.duration)
            if len(v.rooms) == 1:
                ctx.restrict(v, dom, f"no_arrivals:{v.item.item_id}")
            else:
                m.add_linear_expression_in_domain(v.start, dom).with_name(
                    f"no_arrivals:{v.item.item_id}@{r}"
                ).only_enforce_if(lit)
