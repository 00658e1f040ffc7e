"""Protocol rules: all heads attend, arrivals first, queues in order."""

from __future__ import annotations

import itertools

from ortools.sat.python.cp_model import Domain

from models.records.items import arrival_item_id, event_item_id

from ..context import BuildContext
from ..domains import start_domain
from ..variables import may_miss_turn
from .bounds import start_bounds, venue_lit, venue_options


def _arrival_of(ctx: BuildContext, delegation_id: str):
    return ctx.vars.items.get(arrival_item_id(delegation_id))


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
    in its room, inside its event's span or its window; a member placed
    late may wait after the slot before theirs (for their arrival).

    Two chains run through a list's slots in its order: the members in
    order, from the queue's start (``turns[k]`` is where member ``k``
    starts if in order: their turn), then the members placed after the
    list (late policy ``end``), each no earlier than the one before
    ends, plus the gap."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    for seq in s.sequences:
        q = vs.queues[seq.sequence_id]
        gap = seq.gap_seconds
        slots = [vs.items[i] for i in q.slot_ids]
        late = [v for v in slots if v.late is not None]
        if late:
            prev = _two_chains(ctx, seq, q, slots, late)
        else:  # nobody can be late: one chain, absent slots of length 0
            prev = q.start
            for v in slots:
                m.add(v.start == prev).with_name(
                    f"sequence_contiguous:{v.item.item_id}"
                )
                prev = v.start + (v.duration + gap) * v.present
        m.add(q.end == prev - gap * q.any_present)
        if seq.within_event:
            ev = vs.items[event_item_id(seq.within_event)]
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


def _two_chains(ctx: BuildContext, seq, q, slots, late):
    """The chain of the members in order (``q.turns``), then the members
    placed late; returns where the last one ends plus the gap."""
    s, m = ctx.scenario, ctx.model
    gap, turns = seq.gap_seconds, q.turns
    for k, v in enumerate(slots):
        iid = v.item.item_id
        m.add(
            turns[k + 1] == turns[k] + (v.duration + gap) * v.in_order
        ).with_name(f"sequence_contiguous:{iid}")
        m.add(v.start == turns[k]).with_name(
            f"sequence_contiguous:{iid}"
        ).only_enforce_if(v.in_order)
        m.add(v.start == turns[k]).only_enforce_if(v.present.Not())
    prev = turns[-1]
    any_in = m.new_bool_var(f"Q:{seq.sequence_id}|any_in_order")
    m.add_max_equality(any_in, [v.in_order for v in slots])
    for v in late:
        # a late member may wait for their arrival, but a list with no
        # member in order begins with its first late member
        iid = v.item.item_id
        m.add(v.start >= prev).with_name(
            f"sequence_contiguous:{iid}:late"
        ).only_enforce_if(v.late)
        m.add(v.start == prev).only_enforce_if([v.late, any_in.Not()])
        nxt = m.new_int_var(0, s.grid.horizon, f"{iid}|after_list")
        m.add(nxt == v.start + v.duration + gap).only_enforce_if(v.late)
        m.add(nxt == prev).only_enforce_if(v.late.Not())
        prev = nxt
    return prev


def sequence_order(ctx: BuildContext) -> None:
    """Hard: the members of a queue placed in order follow its order of
    precedence (side, rank, the list's tie-break; reversed for a
    reverse_precedence list), a member with a fixed position holds it,
    and members placed late come after them, in the same order."""
    m, vs = ctx.model, ctx.vars
    horizon = ctx.scenario.grid.horizon
    for q in vs.queues.values():
        slots = [vs.items[i] for i in q.slot_ids]
        if not slots:
            continue
        if all(v.late is None for v in slots):
            # a present slot starts strictly before the next ones, so that
            # the rule alone (without the chain of sequence_contiguous)
            # leaves no tie in time order
            for a, b in itertools.pairwise(slots):
                m.add(a.start + a.present <= b.start).with_name(
                    f"sequence_order:{a.item.item_id}"
                )
            _fixed_positions(m, slots)
            continue
        # a chain the starts of the members in order sit on: their turns
        # (sequence_contiguous spaces them by the slots; here they only
        # keep the order)
        marks = q.turns[: len(slots)]
        # strictly increasing over the members in order, so that the rule
        # alone (without the chain of sequence_contiguous) leaves no tie
        for v, (a, b) in zip(slots, itertools.pairwise(marks), strict=False):
            m.add(a + v.in_order <= b)
        for v, mark in zip(slots, marks, strict=True):
            m.add(v.start == mark).with_name(
                f"sequence_order:{v.item.item_id}"
            ).only_enforce_if(v.in_order)
        late = [v for v in slots if v.late is not None]
        after = [
            m.new_int_var(0, horizon, f"{v.item.item_id}|late_mark")
            for v in late
        ]
        for v, (a, b) in zip(late, itertools.pairwise(after), strict=False):
            m.add(a + v.late <= b)
        for v, mark in zip(late, after, strict=True):
            iid = v.item.item_id
            m.add(v.start == mark).with_name(
                f"sequence_order:{iid}:late"
            ).only_enforce_if(v.late)
            m.add(v.start >= marks[-1] + 1).with_name(
                f"sequence_order:{iid}:after"
            ).only_enforce_if(v.late)
        _fixed_positions(m, slots)


def _fixed_positions(m, slots) -> None:
    """A member with a fixed position, placed in order, has exactly that
    many members in order before them, less one."""
    for k, v in enumerate(slots):
        pos = v.item.fixed_position
        if pos is None:
            continue
        before = sum(x.in_order for x in slots[:k])
        m.add(before == pos - 1).with_name(
            f"sequence_order:{v.item.item_id}@{pos}"
        ).only_enforce_if(v.in_order)


def late_member(ctx: BuildContext) -> None:
    """Hard: a queue member is placed late (after the list) or moved to
    another list only when the list's late policy allows it and they
    could not be there at their turn (not yet arrived, not available, or
    in another list then), and is placed in one list only.

    Their turn is ``turns[k]`` of their own list
    (:func:`sequence_contiguous`); "not there" is a start outside the
    member's free time, before their reception ends plus travel, or
    within the same-venue buffer of one of their slots in another
    list."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    for v in list(vs.items.values()):
        it = v.item
        if it.kind != "sequence":
            continue
        if it.is_alternative:
            own = vs.items.get(it.own_item_id)
            if own is None:
                m.add(v.present == 0)
                continue
            m.add(own.present + v.present <= 1).with_name(
                f"late_member:{it.item_id}:once"
            )
            lit = v.present
            if ctx.derived and not may_miss_turn(s, own.item):
                m.add(lit == 0).with_name(f"late_member:{it.item_id}")
                continue
        elif v.late is not None:
            own, lit = v, v.late
        else:
            continue
        name = f"late_member:{it.item_id}"
        q = vs.queues[own.item.sequence_id]
        turn = q.turns[own.item.queue_index]
        pid = it.participants[0]
        excuses = []
        free = start_domain(s.person_free(pid), own.duration)
        busy = free.complement().intersection_with(Domain(0, s.grid.horizon))
        if not busy.is_empty():
            away = m.new_bool_var(f"{name}|away")
            m.add_linear_expression_in_domain(turn, busy).only_enforce_if(away)
            excuses.append(away)
        arr = _arrival_of(ctx, s.delegation_of(pid))
        if arr is not None:
            where = s.room_by_id[s.sequence_by_id[q.sequence_id].room_id]
            early = m.new_bool_var(f"{name}|not_arrived")
            for va in venue_options(ctx, arr):
                t = s.travel_seconds(va, where.venue_id)
                when = [early, ctx.lit(venue_lit(ctx, arr, va))]
                m.add(turn + 1 <= arr.end + t).only_enforce_if(when)
            excuses.append(early)
        buf = s.buffer_seconds
        dur = own.duration
        for x in vs.slots_of(pid):
            if x.item.sequence_id == own.item.sequence_id:
                continue
            busy = m.new_bool_var(f"{name}|in:{x.item.item_id}")
            m.add_implication(busy, x.present)
            m.add(x.start <= turn + dur + buf - 1).only_enforce_if(busy)
            m.add(turn <= x.start + x.duration + buf - 1).only_enforce_if(busy)
            excuses.append(busy)
        if it.is_alternative:
            excuses.append(q.any_present.Not())
        if not excuses:
            m.add(lit == 0).with_name(name)
            continue
        m.add_bool_or(excuses).with_name(name).only_enforce_if(lit)
