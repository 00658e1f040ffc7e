"""Protocol rules: all heads attend, arrivals first, queues in order."""

from __future__ import annotations

import itertools

from ..context import BuildContext
from ..domains import start_domain
from .bounds import start_bounds, venue_lit, venue_options


def _arrival_of(ctx: BuildContext, delegation_id: str):
    return ctx.vars.items.get(f"A:{delegation_id}")


def _reify_after(ctx: BuildContext, name: str, v, arr) -> object:
    """Literal true iff the arrival ``arr`` is placed and ``v`` starts no
    earlier than its end plus travel between their venues."""
    m, s = ctx.model, ctx.scenario
    lo_v, hi_v = start_bounds(ctx, v)
    lo_a, hi_a = start_bounds(ctx, arr)
    combos = []
    for va in venue_options(ctx, arr):
        for ve in venue_options(ctx, v):
            t = s.travel_seconds(va, ve)
            if lo_v >= hi_a + arr.duration + t:
                ok = True
            elif hi_v < lo_a + arr.duration + t:
                ok = False
            else:
                ok = m.new_bool_var(f"{name}|{va}>{ve}")
                m.add(v.start >= arr.end + t).only_enforce_if(ok)
                m.add(v.start <= arr.end + t - 1).only_enforce_if(ok.Not())
            combos.append(
                ctx.vars.and_literal(
                    f"{name}|{va}>{ve}|when",
                    [
                        arr.present,
                        venue_lit(ctx, arr, va),
                        venue_lit(ctx, v, ve),
                        ok,
                    ],
                )
            )
    combos = [c for c in combos if c is not False]
    if any(c is True for c in combos):
        return True
    return ctx._or(name, combos)


def all_heads(ctx: BuildContext) -> None:
    """Hard: an all_heads event has every head of a confirmed delegation
    who is present for its whole span (arrived and available) among its
    participants, and no absent head."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    for (iid, h), a in vs.attends.items():
        v = vs.items[iid]
        # available for the whole span?
        free = start_domain(s.person_free(h), v.duration)
        allowed = v.allowed
        if (
            allowed is not None
            and allowed.intersection_with(free.complement()).is_empty()
        ):
            avail = True
        elif (
            allowed is not None and allowed.intersection_with(free).is_empty()
        ):
            avail = False
        else:
            avail = m.new_bool_var(f"{iid}|avail:{h}")
            m.add_linear_expression_in_domain(v.start, free).only_enforce_if(
                avail
            )
            m.add_linear_expression_in_domain(
                v.start, free.complement()
            ).only_enforce_if(avail.Not())
        # arrived in time?
        arr = _arrival_of(ctx, s.delegation_of(h))
        arrived = (
            True
            if arr is None
            else _reify_after(ctx, f"{iid}|arrived:{h}", v, arr)
        )
        conds = [v.present, avail, arrived]
        if any(c is False for c in conds):
            m.add(a == 0).with_name(f"all_heads:{iid}:{h}")
            continue
        conds = [ctx.lit(c) for c in conds if c is not True]
        for c in conds:
            m.add_implication(a, c)
        m.add_bool_or([a, *[c.Not() for c in conds]]).with_name(
            f"all_heads:{iid}:{h}"
        )


def arrival_gate(ctx: BuildContext) -> None:
    """Hard: nothing of a delegation starts before its reception ends plus
    the travel time from the arrival point to the item's venue."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    for pid, parts in vs.participations().items():
        arr = _arrival_of(ctx, s.delegation_of(pid))
        if arr is None:
            continue
        lo_a, hi_a = start_bounds(ctx, arr)
        for p in parts:
            if p.item_id == arr.item.item_id:
                continue
            v = vs.items[p.item_id]
            lo_v, hi_v = start_bounds(ctx, v)
            for va in venue_options(ctx, arr):
                for ve in venue_options(ctx, v):
                    t = s.travel_seconds(va, ve)
                    if lo_v >= hi_a + arr.duration + t:
                        continue
                    when = [
                        x
                        for x in (
                            p.lit,
                            arr.present,
                            venue_lit(ctx, arr, va),
                            venue_lit(ctx, v, ve),
                        )
                        if x is not True
                    ]
                    if hi_v < lo_a + arr.duration + t:  # never in time
                        m.add_bool_or([x.Not() for x in when]).with_name(
                            f"arrival_gate:{p.item_id}"
                        )
                        continue
                    m.add(v.start >= arr.end + t).with_name(
                        f"arrival_gate:{p.item_id}"
                    ).only_enforce_if(when)


def sequence_contiguous(ctx: BuildContext) -> None:
    """Hard: a queue's slots follow each other back to back (plus the gap)
    in its room, inside its event's span or its window."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    for seq in s.sequences:
        q = vs.queues[seq.sequence_id]
        gap = seq.gap_seconds
        prev = q.start
        for iid in q.slot_ids:
            v = vs.items[iid]
            m.add(v.start == prev).with_name(f"sequence_contiguous:{iid}")
            prev = v.start + (v.duration + gap) * v.present
        m.add(q.end == prev - gap * q.any_present)
        if seq.within_event:
            ev = vs.items[f"E:{seq.within_event}"]
            m.add_implication(q.any_present, ev.present)
            m.add(q.start >= ev.start).only_enforce_if(q.any_present)
            m.add(q.end <= ev.end).only_enforce_if(q.any_present)
        else:
            g = s.grid
            if seq.earliest is not None:
                m.add(q.start >= g.to_index(seq.earliest)).only_enforce_if(
                    q.any_present
                )
            if seq.latest is not None:
                m.add(q.end <= g.to_index(seq.latest)).only_enforce_if(
                    q.any_present
                )


def sequence_order(ctx: BuildContext) -> None:
    """Hard: the present members of a queue follow its precedence (or
    reverse precedence) order with the tie-break, and a member with a
    fixed position holds it."""
    m, vs = ctx.model, ctx.vars
    for q in vs.queues.values():
        slots = [vs.items[i] for i in q.slot_ids]
        # a present slot starts strictly before the next ones, so that the
        # rule alone (without the chain of sequence_contiguous) leaves no
        # tie in time order
        for a, b in itertools.pairwise(slots):
            m.add(a.start + a.present <= b.start).with_name(
                f"sequence_order:{a.item.item_id}"
            )
        for k, v in enumerate(slots):
            pos = v.item.fixed_position
            if pos is None:
                continue
            before = sum(x.present for x in slots[:k])
            m.add(before == pos - 1).with_name(
                f"sequence_order:{v.item.item_id}@{pos}"
            ).only_enforce_if(v.present)
