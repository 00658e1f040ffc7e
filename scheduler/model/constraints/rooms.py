"""Room rules: allowed rooms, opening hours, conflicts, booths, sweeps."""

from __future__ import annotations

from ortools.sat.python.cp_model import Domain

from models import intervals as iv

from ..context import BuildContext, Use
from ..domains import start_domain
from .bounds import static_day


def room_allowed(ctx: BuildContext) -> None:
    """Hard: each placed item is in one of its allowed rooms (kind or list,
    features, seats for its attendance).

    Room literals exist only for allowed rooms (``models.records.items``
    works them out), so this function only keeps an item with no allowed
    room out.
    """
    m = ctx.model
    for v in ctx.vars.items.values():
        if not v.rooms:
            m.add(v.present == 0).with_name(f"room_allowed:{v.item.item_id}")


def room_open(ctx: BuildContext) -> None:
    """Hard: an item lies inside its room's availability and outside
    closed windows on the room, its kind, its venue or all.

    With every rule on (``ctx.derived``) the spans are cut to the day
    hours too, which day_hours asks anyway: the same model, tighter."""
    s, m = ctx.scenario, ctx.model
    open_spans = s.room_open if ctx.derived else s.room_available
    for v in ctx.vars.items.values():
        if v.item.kind == "sequence":
            continue  # a queue's span is checked as one use, below
        for r, lit in v.rooms.items():
            dom = start_domain(open_spans(r), v.duration)
            if len(v.rooms) == 1:
                ctx.restrict(v, dom, f"room_open:{v.item.item_id}@{r}")
            else:
                m.add_linear_expression_in_domain(v.start, dom).with_name(
                    f"room_open:{v.item.item_id}@{r}"
                ).only_enforce_if(lit)
    for seq in s.sequences:
        q = ctx.vars.queues[seq.sequence_id]
        # the queue span must lie inside one open span of its room
        spans = open_spans(seq.room_id)
        if not spans:
            m.add(q.any_present == 0)
            continue
        if len(spans) == 1:
            lo, hi = spans[0]
            m.add(q.start >= lo).only_enforce_if(q.any_present)
            m.add(q.end <= hi).only_enforce_if(q.any_present)
            continue
        choice = [
            m.new_bool_var(f"Q:{seq.sequence_id}|open{k}")
            for k in range(len(spans))
        ]
        m.add(sum(choice) == q.any_present)
        for c, (lo, hi) in zip(choice, spans, strict=True):
            m.add(q.start >= lo).only_enforce_if(c)
            m.add(q.end <= hi).only_enforce_if(c)


def room_no_overlap(ctx: BuildContext) -> None:
    """Hard: items in one room (other than an exhibition room) never
    overlap and keep the room's changeover minutes between them.

    A pool of k identical rooms takes at most k uses at once, each widened
    by the changeover (and, if ``vip_sweep`` asked for it, the sweep).
    Two lists held in one room never run at once, inside one event
    included (two speakers at one podium).
    """
    s, m = ctx.scenario, ctx.model
    _lists_apart(ctx)
    for pool, rooms in ctx.vars.pools.items():
        room = s.room_by_id[pool]
        if room.kind == "exhibition":
            continue
        uses = ctx.room_uses(pool)
        co = s.changeover_seconds(pool)
        if ctx.derived:  # it reasons from the opening hours' rule
            room_time_energy(ctx, pool, len(rooms), uses, co)
        if len(rooms) == 1:
            if len(uses) > 1:
                m.add_no_overlap(
                    [
                        ctx.use_interval(u, 0, co, f"{u.label}@{pool}|use")
                        for u in uses
                    ]
                )
            continue
        if len(uses) <= len(rooms):
            continue
        pre = ctx.sweep_pre.get(pool, 0)
        m.add_cumulative(
            [
                ctx.use_interval(
                    u, pre if u.vip is True else 0, co, f"{u.label}@{pool}|use"
                )
                for u in uses
            ],
            [1] * len(uses),
            len(rooms),
        )


def room_time_energy(
    ctx: BuildContext, pool: str, size: int, uses: list[Use], co: int
) -> None:
    """Redundant, for the bound: the items a pool of ``size`` rooms
    holds, each with the changeover after it, fill no more time than
    there is where they can be, a changeover more per stretch; on the
    whole event, on each day (the items that can only be on it) and for
    each slot set (the items that can only run inside its slots).

    An item runs inside the pool's open spans and inside the times its
    allowed starts reach (its slots, its window, its day's hours), so
    the items of a group all run inside the union of theirs, cut to the
    open spans. In one stretch ``[lo, hi)`` of it, one room's items kept
    a changeover apart fill ``sum(duration) + (n - 1) * changeover <= hi
    - lo``, so ``sum(duration + changeover) <= hi - lo + changeover``;
    summed over the pool's rooms (identical, so the same spans) and the
    stretches. CP-SAT's linear relaxation does not see it in the
    no-overlap and cumulative constraints it follows from: on a
    generated one-day event whose palace is the host's only place
    (drawn-752), its bound let every principal who meets the host hold
    all their meetings in the palace, and a 30 s solve of the model
    reached a bound of 62 against a schedule of 182; with the cut it
    proved 182 optimal in 26 s (bench/README.md, sessions 30 and 31).
    With slots, the stretches are the slots: four halls and eight slots
    hold 32 workshops, whatever the halls' opening hours (drawn-761,
    session 32). A queue's span (its length a variable) and sweeps
    before a VIP are left out of the sum, which keeps it valid."""
    s = ctx.scenario
    spans = s.room_open(pool)
    fixed = [u for u in uses if u.size is not None]
    reach = {u.label: _reach(ctx, u, spans) for u in fixed}
    rows: list[tuple[str, list[Use]]] = [("all", fixed)]
    by_day: dict[int, list[Use]] = {}
    for u in fixed:
        d = static_day(ctx, ctx.vars.items[u.label])
        if d is not None:
            by_day.setdefault(d, []).append(u)
    for d, day_uses in sorted(by_day.items()):
        if len(day_uses) < len(fixed):  # not the same row
            rows.append((f"day{d}", day_uses))
    slots_of = {u.label: ctx.vars.items[u.label].item.slots for u in fixed}
    for k, slots in enumerate(sorted(set(slots_of.values()) - {()})):
        inside = iv.normalize(
            w
            for u in fixed
            if slots_of[u.label] == slots
            for w in reach[u.label]
        )
        group = [
            u
            for u in fixed
            if all(iv.contains(inside, lo, hi) for lo, hi in reach[u.label])
        ]
        if len(group) < len(fixed):
            rows.append((f"slots{k}", group))
    for name, group in rows:
        cap = size * _room_time((w for u in group for w in reach[u.label]), co)
        sizes = [(u.size or 0) + co for u in group]
        if sum(sizes) <= cap:
            continue  # every one of them fits: no cut
        ctx.model.add(
            sum(w * ctx.lit(u.lit) for w, u in zip(sizes, group, strict=True))
            <= cap
        ).with_name(f"room_time_energy|{pool}|{name}")


def _room_time(windows, co: int) -> int:
    """What one room can hold in ``windows``, items kept ``co`` apart: the
    length of each stretch plus a changeover, stretches less than a
    changeover apart counted as one (then the gap, shorter, is what the
    changeover between them costs)."""
    total, last = 0, None
    for lo, hi in iv.normalize(windows):
        if last is not None and lo - last[1] < co:
            last = (last[0], hi)
            continue
        if last is not None:
            total += last[1] - last[0] + co
        last = (lo, hi)
    if last is not None:
        total += last[1] - last[0] + co
    return total


def _reach(ctx: BuildContext, u: Use, spans) -> list[tuple[int, int]]:
    """The times ``u``'s item can run at: from each start it is allowed
    for its whole length, cut to the open ``spans`` of the room (one
    whole span each, as the opening rule asks)."""
    v = ctx.vars.items[u.label]
    allowed = v.allowed
    if allowed is None:
        allowed = Domain(0, ctx.scenario.grid.horizon)
    flat = allowed.flattened_intervals()
    size = u.size or 0
    runs = iv.normalize(
        (a, b + size) for a, b in zip(flat[::2], flat[1::2], strict=True)
    )
    return [
        (max(lo, slo), min(hi, shi))
        for lo, hi in runs
        for slo, shi in spans
        if max(lo, slo) + size <= min(hi, shi)
    ]


def _lists_apart(ctx: BuildContext) -> None:
    """The lists of one room never overlap, even those that sit inside
    their event (whose room use is the event's, so the uses below do not
    see them)."""
    by_room: dict[str, list] = {}
    for seq in ctx.scenario.sequences:
        by_room.setdefault(seq.room_id, []).append(seq)
    for room_id, seqs in by_room.items():
        if len(seqs) < 2:
            continue
        queues = [ctx.vars.queues[seq.sequence_id] for seq in seqs]
        ctx.model.add_no_overlap(
            [
                ctx.model.new_optional_interval_var(
                    q.start,
                    q.size,
                    q.end,
                    q.any_present,
                    f"Q:{q.sequence_id}@{room_id}|list",
                )
                for q in queues
            ]
        )


def exhibition_booths(ctx: BuildContext) -> None:
    """Hard: at any time an exhibition room holds exhibitions up to its
    booth units; any other item takes the whole room."""
    s, m = ctx.scenario, ctx.model
    for room in s.rooms:
        if room.kind != "exhibition":
            continue
        uses = ctx.room_uses(room.room_id)
        if not uses or sum(u.demand for u in uses) <= room.capacity:
            continue
        m.add_cumulative(
            [
                ctx.use_interval(u, 0, 0, f"{u.label}@{room.room_id}|booth")
                for u in uses
            ],
            [u.demand for u in uses],
            room.capacity,
        )


def vip_sweep(ctx: BuildContext) -> None:
    """Hard: a room stays empty for vip_sweep_minutes before each VIP item
    (an item with a participant of vip_rank or higher).

    In a pool of identical rooms a VIP use is widened to the left by the
    part of the sweep that the changeover does not cover (see
    ``room_no_overlap``, built after this rule).
    """
    s, m = ctx.scenario, ctx.model
    sweep = s.sweep_seconds
    if sweep <= 0:
        return
    for pool, rooms in ctx.vars.pools.items():
        room = s.room_by_id[pool]
        uses = ctx.room_uses(pool)
        if len(rooms) > 1:
            ctx.sweep_pre[pool] = max(0, sweep - s.changeover_seconds(pool))
            continue
        if len(uses) < 2 or not any(u.vip is not False for u in uses):
            continue
        intervals, demands = [], []
        for u in uses:
            intervals.append(
                ctx.use_interval(u, 0, 0, f"{u.label}@{pool}|plain")
            )
            demands.append(u.demand)
            if u.vip is False:
                continue
            lit = ctx.vars.and_literal(
                f"{u.label}@{pool}|sweep", [u.lit, u.vip]
            )
            if lit is False:
                continue
            intervals.append(
                m.new_optional_fixed_size_interval_var(
                    u.start - sweep,
                    sweep,
                    ctx.lit(lit),
                    f"{u.label}@{pool}|sweep",
                )
            )
            demands.append(room.capacity)
        if room.kind == "exhibition":
            m.add_cumulative(intervals, demands, room.capacity)
        else:
            m.add_no_overlap(intervals)
