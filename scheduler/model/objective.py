"""The objective of the CP-SAT model (defined in :mod:`models.objective`:
placement of optional items first, then weighted soft preferences)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from models import objective as obj

from .constraints.bounds import start_bounds, static_day
from .context import BuildContext


def prefer_day(ctx: BuildContext):
    """Soft: an event with a preferred day is held on that day."""
    terms = []
    for v in ctx.vars.items.values():
        k = v.item.preferred_day
        if v.item.kind != "event" or k is None:
            continue
        day = static_day(ctx, v)
        if day is None:
            terms.append(v.present - ctx.vars.day_literal(v, k))
        elif day != k:
            terms.append(v.present)
    return sum(terms)


def track_parallel(ctx: BuildContext):
    """Soft: two events of one track do not run at the same time."""
    m, vs = ctx.model, ctx.vars
    terms = []
    by_track: dict[str, list] = defaultdict(list)
    for x, y in obj.track_pairs(ctx.scenario):
        a, b = vs.items[x.item_id], vs.items[y.item_id]
        lo_a, hi_a = start_bounds(ctx, a)
        lo_b, hi_b = start_bounds(ctx, b)
        if hi_a + a.duration <= lo_b or hi_b + b.duration <= lo_a:
            continue
        both = vs.and_literal(
            f"{x.item_id}&{y.item_id}|both", [a.present, b.present]
        )
        if both is False:
            continue
        par = m.new_bool_var(f"{x.item_id}||{y.item_id}")
        # par is exactly "both placed and overlapping"
        m.add_implication(par, ctx.lit(both))
        m.add(a.start <= b.end - 1).only_enforce_if(par)
        m.add(b.start <= a.end - 1).only_enforce_if(par)
        order = m.new_bool_var(f"{x.item_id}<{y.item_id}|track")
        when = [ctx.lit(both), par.Not()]
        m.add(a.end <= b.start).only_enforce_if([*when, order])
        m.add(b.end <= a.start).only_enforce_if([*when, order.Not()])
        terms.append(par)
        by_track[x.track or ""].append(par)
    if ctx.derived:  # it reasons from the slot-set rule
        for track, pars in sorted(by_track.items()):
            track_pairs_floor(ctx, track, pars)
    return sum(terms)


def least_pairs(n: int, m: int) -> int:
    """The fewest pairs that share a bin when ``n`` things go into ``m``
    bins: as even as can be, ``n % m`` bins hold one more."""
    q, r = divmod(n, m)
    return r * (q + 1) * q // 2 + (m - r) * q * (q - 1) // 2


def track_pairs_floor(ctx: BuildContext, track: str, pars: list) -> None:
    """Redundant, for the bound: the events of a track held in slots of
    a slot set, more of them placed than there are slot starts, overlap
    in at least the pigeonhole's number of pairs.

    Two events that fill slots starting at one moment overlap, so ``n``
    placed events over ``m`` starts make at least :func:`least_pairs`
    pairs whatever the schedule; that count grows by ``n // m`` with each
    event, so each line through two of its points lies under it, and
    each is a cut on the placed events' count. Without them CP-SAT's
    bound did not see it: a generated event's twelve workshops of one
    track in eight slots (four pairs at least, 120 units) left the gap
    at 35% with every request placed (bench/README.md, session 29)."""
    s, vs = ctx.scenario, ctx.vars
    events = [
        vs.items[it.item_id]
        for it in s.items
        if it.kind == "event" and it.track == track and it.slots
    ]
    starts = {lo for v in events for lo in v.item.slot_starts}
    n, m = len(events), len(starts)
    if not m or n <= m:
        return
    placed = sum(v.present for v in events)
    for q in range(1, (n - 1) // m + 1):
        # the line through (q m, least_pairs(q m)) of slope q
        k = q * m
        ctx.model.add(
            sum(pars) >= least_pairs(k, m) + q * (placed - k)
        ).with_name(f"track_pairs_floor|{track}|{q}")


def queue_late(ctx: BuildContext):
    """Soft: a queue member takes their place in the order rather than a
    place after the list or in another list."""
    terms = []
    for v in ctx.vars.items.values():
        if v.late is not None:
            terms.append(v.late)
        elif v.item.is_alternative:
            terms.append(v.present)
    return sum(terms)


def room_fit(ctx: BuildContext):
    """Soft: an event or bilateral is held in a room not much larger than
    its audience."""
    s = ctx.scenario
    return sum(
        obj.room_fit_units(s, v.item, r) * lit
        for v in ctx.vars.items.values()
        for r, lit in v.rooms.items()
        if obj.room_fit_units(s, v.item, r)
    )


def bilateral_venue_grouping(ctx: BuildContext):
    """Soft: a principal's bilaterals are held in as few venues as
    possible."""
    m, vs = ctx.model, ctx.vars
    terms = []
    for pid, items in obj.bilateral_people(ctx.scenario).items():
        by_venue: dict[str, list] = {}
        for it in items:
            v = vs.items[it.item_id]
            for venue, lits in vs.venues_of(v).items():
                by_venue.setdefault(venue, []).extend(lits)
        if len(by_venue) < 2:
            continue
        used = []
        for venue, lits in sorted(by_venue.items()):
            u = m.new_bool_var(f"{pid}|bilaterals@{venue}")
            m.add_max_equality(u, lits)
            used.append(u)
        anyp = m.new_bool_var(f"{pid}|any_bilateral")
        m.add_max_equality(anyp, used)
        # redundant, for the LP bound: the max-equality alone lets the
        # relaxation make this term negative (a bound below zero was seen)
        m.add(sum(used) - anyp >= 0)
        terms.append(sum(used) - anyp)
    return sum(terms)


SOFT: dict[str, Callable] = {
    "prefer_day": prefer_day,
    "track_parallel": track_parallel,
    "queue_late": queue_late,
    "room_fit": room_fit,
    "bilateral_venue_grouping": bilateral_venue_grouping,
}


def never_negative(ctx: BuildContext, term, name: str) -> None:
    """Redundant: a soft penalty counts things, so it is never below zero.

    Said outright for CP-SAT's bound: its linear relaxation of a term
    built from max-equalities may go below zero (a generated event with
    every item placed was reported with a bound of -897 on an objective
    of 803: a 212% gap where the truth is at most 100%)."""
    if isinstance(term, int):
        return
    ctx.model.add(term >= 0).with_name(f"{name}|never_negative")


def build_objective(ctx: BuildContext, move_expr=None, baseline=None) -> dict:
    """Minimise placement weight × unplaced value + move weight × moves +
    Σ weight × penalty (tiers of :mod:`models.objective`). Returns the
    expression of each term, for reporting."""
    s = ctx.scenario
    terms = {name: fn(ctx) for name, fn in SOFT.items()}
    vs = ctx.vars
    unplaced = sum(
        v.item.value * (1 - vs.placed_lit(v))
        for v in vs.items.values()
        if not v.item.mandatory and not v.item.is_alternative
    )
    terms["unplaced_value"] = unplaced
    for name in SOFT:
        never_negative(ctx, terms[name], name)
    place_w, move_w = obj.tier_weights(s, baseline)
    total = place_w * unplaced + sum(obj.WEIGHTS[k] * terms[k] for k in SOFT)
    if move_expr is not None:
        terms["moves"] = move_expr
        total += move_w * move_expr
    ctx.model.minimize(total)
    return terms
