"""The what-if rule: what a published schedule pinned stays put."""

from __future__ import annotations

from ..context import BuildContext


def baseline_pins(ctx: BuildContext) -> None:
    """Hard: a locked baseline item, or one that starts before the freeze
    time, keeps its start and room; nothing new starts before the freeze
    time. (Only in what-if runs, ``ctx.baseline``; ``ctx.hold`` pins more
    baseline items, for the first phase of a what-if run.)"""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    baseline = ctx.baseline
    if baseline is None:
        return
    g = s.grid
    pinned = baseline.pinned(s)
    rows = baseline.schedule.by_item()
    pinned.update(
        {i: rows[i] for i in ctx.hold if i in rows and i in vs.items}
    )
    for iid, a in pinned.items():
        v = vs.items[iid]
        pool = vs.pool_of.get(a.room_id)
        m.add(v.present == 1).with_name(f"pinned:{iid}")
        m.add(v.start == g.to_index(a.start)).with_name(f"pinned:{iid}")
        if pool in v.rooms:
            m.add(v.rooms[pool] == 1).with_name(f"pinned:{iid}@{pool}")
        else:
            m.add(v.present == 0).with_name(f"pinned:{iid}@{a.room_id}")
    if baseline.freeze_before is not None:
        freeze = g.to_index(baseline.freeze_before)
        old = {a.item_id for a in baseline.schedule.assignments}
        for iid, v in vs.items.items():
            if iid not in old:
                m.add(v.start >= freeze).with_name(
                    f"frozen:{iid}"
                ).only_enforce_if(v.present)
