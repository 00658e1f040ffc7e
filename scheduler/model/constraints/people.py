"""People rules: one place at a time, buffers, travel, availability,
daily limits."""

from __future__ import annotations

from functools import cache

from ..context import BuildContext
from ..domains import start_domain
from .bounds import (
    day_span,
    start_bounds,
    static_day,
    venue_lit,
    venue_options,
)
from .duties import clear_of_fixed_duties


def _clean(lits) -> list:
    return [x for x in lits if x is not True]


def person_no_overlap(ctx: BuildContext) -> None:
    """Hard: nobody is in two items at once, and between two items in one
    venue a person has the same-venue buffer.

    Besides the no-overlap, and unless rules are being switched one by
    one (``ctx.derived``): starts that overlap a participant's fixed
    duty are ruled out early (:mod:`.duties`), and redundant cuts per
    person and day (their items' minutes, buffers included, fit in the
    hours they are free, over the whole day and over each stretch that
    must hold some of their items) give the solver's relaxation a bound
    it cannot see otherwise.
    """
    m, vs, s = ctx.model, ctx.vars, ctx.scenario
    buf = s.buffer_seconds
    if ctx.derived:
        clear_of_fixed_duties(ctx)
    for pid, parts in vs.participations().items():
        if len(parts) < 2:
            continue
        m.add_no_overlap(
            [
                ctx.interval(
                    f"{p.item_id}|busy:{pid}",
                    vs.items[p.item_id].start,
                    p.duration + buf,
                    p.lit,
                )
                for p in parts
            ]
        )
        if ctx.derived:
            _busy_time_cut(ctx, pid, parts)
    queue_slots_apart(ctx)


def queue_slots_apart(ctx: BuildContext) -> None:
    """Hard (part of ``person_no_overlap``): one person's places in two
    queues never overlap, with the same-venue buffer between them.

    A queue slot held inside an event the member attends is left out of
    that member's no-overlap above (the slot is part of the event, not a
    clash with it), so two such slots, of two queues inside one event,
    need this rule of their own."""
    m, vs = ctx.model, ctx.vars
    buf = ctx.scenario.buffer_seconds
    slots: dict[str, list] = {}
    for v in vs.items.values():
        if v.item.kind == "sequence":
            slots.setdefault(v.item.participants[0], []).append(v)
    for pid, mine in slots.items():
        if len(mine) < 2 or not any(v.item.within_event for v in mine):
            continue
        m.add_no_overlap(
            [
                ctx.interval(
                    f"{v.item.item_id}|slot:{pid}",
                    v.start,
                    v.duration + buf,
                    v.present,
                )
                for v in mine
            ]
        )


def _capacity(free, lo: int, hi: int, buf: int) -> int:
    """Most busy seconds (items plus their trailing buffers) a person
    free in ``free`` can hold inside ``[lo, hi)``: each free stretch
    holds its length plus one buffer that may run past its end."""
    pieces = [(max(a, lo), min(b, hi)) for a, b in free if a < hi and lo < b]
    return sum(b - a + buf for a, b in pieces)


def _busy_time_cut(ctx: BuildContext, pid: str, parts) -> None:
    m, vs, s = ctx.model, ctx.vars, ctx.scenario
    buf = s.buffer_seconds
    free = s.person_free(pid)
    for k, (lo, hi) in enumerate(s.day_spans):
        cap = _capacity(free, lo, hi, buf)
        terms, total, within_day = [], 0, []
        for p in parts:
            v = vs.items[p.item_id]
            if v.item.kind == "sequence":
                continue
            day = static_day(ctx, v)
            if day is not None and day != k:
                continue
            span = day_span(ctx, v, k)
            if span is None:
                continue  # it can never be on this day
            if day == k:
                lit = p.lit
            elif p.lit is v.present:
                lit = vs.day_literal(v, k)
            else:
                continue
            last_end = span[1] - v.duration + p.duration
            within_day.append((span[0], last_end, p, lit))
            terms.append((p.duration + buf) * ctx.lit(lit))
            total += p.duration + buf
        if total > cap:
            m.add(sum(terms) <= cap)
        _window_time_cuts(ctx, free, within_day)


def _window_time_cuts(ctx: BuildContext, free, spans) -> None:
    """Redundant cuts for one person and day: the items that can only
    fall inside a stretch of the day fit in the time free there.

    ``spans``: (earliest start, latest end of the person's busy time on
    this day, their participation, literal "it is on this day", or its
    presence if it can be on no other day) of the person's items. For each
    stretch from one earliest start to one latest end, the items wholly
    inside it get a cut when their minutes exceed its free time; of
    several stretches holding the same items only the tightest is kept.
    """
    buf = ctx.scenario.buffer_seconds
    tightest: dict[frozenset, tuple[int, list]] = {}
    los = sorted({a for a, _, _, _ in spans})
    his = sorted({b for _, b, _, _ in spans})
    for lo in los:
        for hi in his:
            if hi <= lo:
                continue
            inside = [x for x in spans if x[0] >= lo and x[1] <= hi]
            if len(inside) < 2:
                continue
            total = sum(p.duration + buf for _, _, p, _ in inside)
            cap = _capacity(free, lo, hi, buf)
            if total <= cap:
                continue
            key = frozenset(p.item_id for _, _, p, _ in inside)
            if key not in tightest or cap < tightest[key][0]:
                tightest[key] = (cap, inside)
    for cap, inside in tightest.values():
        ctx.model.add(
            sum((p.duration + buf) * ctx.lit(lit) for _, _, p, lit in inside)
            <= cap
        )


def person_travel(ctx: BuildContext) -> None:
    """Hard: between items at two venues a person has the travel time
    between them (or the buffer if longer).

    One pair of items at a time, so its size grows with the square of a
    person's items: each item's venues, their literals and bounds are
    worked out once, and the build's deadline is checked item by item
    (:meth:`BuildContext.on_time`)."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    gap = cache(s.gap_seconds)

    @cache
    def of(iid: str) -> tuple:
        v = vs.items[iid]
        return v, venue_options(ctx, v), start_bounds(ctx, v)

    @cache
    def at(iid: str, venue: str):
        """The item's venue literal, made when a pair first needs it."""
        return venue_lit(ctx, vs.items[iid], venue)

    for pid, parts in vs.participations().items():
        for i, pa in enumerate(parts):
            ctx.on_time()  # a host leader may hold thousands of items
            a, va_opts, (lo_a, hi_a) = of(pa.item_id)
            dur_a = pa.duration
            for pb in parts[i + 1 :]:
                b, vb_opts, (lo_b, hi_b) = of(pb.item_id)
                dur_b = pb.duration
                if len(va_opts) == 1 and va_opts == vb_opts:
                    continue
                order = None
                for va in va_opts:
                    for vb in vb_opts:
                        if va == vb:
                            continue
                        g_ab = gap(va, vb)
                        g_ba = gap(vb, va)
                        a_first_ok = lo_a + dur_a + g_ab <= hi_b
                        b_first_ok = lo_b + dur_b + g_ba <= hi_a
                        if (
                            hi_a + dur_a + g_ab <= lo_b
                            or hi_b + dur_b + g_ba <= lo_a
                        ):
                            continue  # always far enough apart
                        when = _clean(
                            [
                                pa.lit,
                                pb.lit,
                                at(pa.item_id, va),
                                at(pb.item_id, vb),
                            ]
                        )
                        name = (
                            f"person_travel:{pid}:{a.item.item_id}"
                            f"~{b.item.item_id}"
                        )
                        if not a_first_ok and not b_first_ok:
                            m.add_bool_or([x.Not() for x in when]).with_name(
                                name
                            )
                        elif not b_first_ok:
                            m.add(b.start >= a.start + dur_a + g_ab).with_name(
                                name
                            ).only_enforce_if(when)
                        elif not a_first_ok:
                            m.add(a.start >= b.start + dur_b + g_ba).with_name(
                                name
                            ).only_enforce_if(when)
                        else:
                            if order is None:
                                order = m.new_bool_var(
                                    f"{a.item.item_id}<{b.item.item_id}|{pid}"
                                )
                            m.add(b.start >= a.start + dur_a + g_ab).with_name(
                                name
                            ).only_enforce_if([*when, order])
                            m.add(a.start >= b.start + dur_b + g_ba).with_name(
                                name
                            ).only_enforce_if([*when, order.Not()])


def person_available(ctx: BuildContext) -> None:
    """Hard: a person takes part only inside their availability and
    outside closed windows on them or their delegation."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    for v in vs.items.values():
        for pid in v.item.participants:
            dom = start_domain(s.person_free(pid), v.item.busy_seconds(pid))
            ctx.restrict(v, dom, f"person_available:{pid}:{v.item.item_id}")
    for (iid, h), lit in vs.attends.items():
        v = vs.items[iid]
        dom = start_domain(s.person_free(h), v.duration)
        m.add_linear_expression_in_domain(v.start, dom).with_name(
            f"person_available:{h}:{iid}"
        ).only_enforce_if(lit)


def daily_limit(ctx: BuildContext) -> None:
    """Hard: a person takes part in at most max_items_per_day events and
    bilaterals on one day."""
    s, m, vs = ctx.scenario, ctx.model, ctx.vars
    parts_of = vs.participations()
    for pid, person in s.persons.items():
        limit = person.max_items_per_day
        if limit is None:
            continue
        parts = [
            p
            for p in parts_of.get(pid, ())
            if vs.items[p.item_id].item.kind in ("event", "bilateral")
        ]
        for k in range(len(s.day_spans)):
            terms = []
            for p in parts:
                v = vs.items[p.item_id]
                day = static_day(ctx, v)
                if day is not None and day != k:
                    continue
                if day == k:
                    terms.append(ctx.lit(p.lit))
                elif p.lit is v.present:  # the day literal implies presence
                    terms.append(vs.day_literal(v, k))
                else:
                    lit = vs.and_literal(
                        f"{p.item_id}|{pid}|day{k}",
                        [p.lit, vs.day_literal(v, k)],
                    )
                    if lit is not False:
                        terms.append(ctx.lit(lit))
            if len(terms) > limit:
                m.add(sum(terms) <= limit).with_name(
                    f"daily_limit:{pid}:day{k}"
                )
