"""What-if runs: keep a published schedule as still as possible.

Pinned rows (locked, or before the freeze time) are fixed (the hard rule
:func:`scheduler.model.constraints.baseline.baseline_pins`); every other
baseline item gets a move cost (:mod:`models.baseline`); the solver
starts from the baseline as a hint, so a re-run begins where the last
one ended.
"""

from __future__ import annotations

from models.baseline import (
    DROP,
    MAX_SHIFT,
    MOVE_ROOM,
    MOVE_TIME,
    Baseline,
    vip_factor,
)

from .context import BuildContext


def moves(ctx: BuildContext, baseline: Baseline):
    """The move cost of the model's schedule (same as
    :func:`models.baseline.moves_cost` on the result)."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    g = s.grid
    terms = []
    for iid, a in baseline.movable(s).items():
        v = vs.items[iid]
        f = vip_factor(s, v.item)
        old = g.to_index(a.start)
        moved = m.new_bool_var(f"{iid}|moved")
        m.add(v.start == old).only_enforce_if([v.present, moved.Not()])
        m.add(v.start != old).only_enforce_if([v.present, moved])
        m.add_implication(moved, v.present)
        delta = m.new_int_var(0, g.horizon, f"{iid}|shift")
        m.add_abs_equality(delta, v.start - old)
        minutes = m.new_int_var(0, g.horizon // 60, f"{iid}|shift_min")
        m.add_division_equality(minutes, delta, 60)
        shift = m.new_int_var(0, g.horizon // 60, f"{iid}|shift_cost")
        capped = m.new_int_var(0, MAX_SHIFT, f"{iid}|shift_capped")
        m.add_min_equality(capped, [minutes, MAX_SHIFT])
        m.add(shift == capped).only_enforce_if(v.present)
        m.add(shift == 0).only_enforce_if(v.present.Not())
        pool = vs.pool_of.get(a.room_id, a.room_id)
        same_room = v.rooms.get(pool)
        room_moved = (
            v.present
            if same_room is None
            else _diff(
                m, iid, v.present, same_room, len(vs.pools.get(pool, ()))
            )
        )
        terms.append(
            f
            * (
                MOVE_TIME * moved
                + shift
                + MOVE_ROOM * room_moved
                + DROP * (1 - v.present)
            )
        )
    return sum(terms)


def _diff(m, iid, present, same_pool, pool_size):
    """Literal: placed, but not in the baseline room's pool. (Within a
    pool the rooms are handed out baseline room first.)"""
    if same_pool is present:
        return 0
    lit = m.new_bool_var(f"{iid}|room_moved")
    m.add_bool_and([present, same_pool.Not()]).only_enforce_if(lit)
    m.add_bool_or([lit, present.Not(), same_pool])
    return lit


def add_hints(ctx: BuildContext, schedule) -> None:
    """Start the search from ``schedule`` (the baseline, or the first
    phase's result)."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    m.clear_hints()
    placed = schedule.by_item()
    g = s.grid
    for iid, v in vs.items.items():
        a = placed.get(iid)
        m.add_hint(v.present, a is not None)
        if a is None:
            continue
        m.add_hint(v.start, g.to_index(a.start))
        pool = vs.pool_of.get(a.room_id)
        if len(v.rooms) > 1:
            for p, lit in v.rooms.items():
                m.add_hint(lit, p == pool)
